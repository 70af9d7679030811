//! Browser tests of the render layer: the panel's markup, accessibility, focus handling,
//! repeats, queueing and cleanup, in headless Chromium.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use explain402::render::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement, KeyboardEvent, KeyboardEventInit, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------------------------------------
// Helpers

fn doc() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

fn labels() -> PanelLabels {
    PanelLabels {
        close: "Tutup".into(),
        details: "Detail untuk dukungan".into(),
        copy: "Salin".into(),
        copied: "Tersalin".into(),
        copy_failed: "Gagal menyalin".into(),
        repeated: "Terjadi {count} kali".into(),
        notifications: "Notifikasi".into(),
    }
}

fn action(kind: &str, label: &str, target: ActionTarget) -> PanelAction {
    PanelAction {
        kind: kind.into(),
        label: label.into(),
        target,
        wait: None,
    }
}

/// A full panel: two steps, a link, a callback and a mailto action, support rows, a reference.
fn content(key: &str) -> PanelContent {
    PanelContent {
        key: key.into(),
        cause: key.into(),
        locale: "id".into(),
        title: format!("Judul {key}"),
        explanation: format!("Penjelasan {key}"),
        steps: vec!["Langkah satu".into(), "Langkah dua".into()],
        actions: vec![
            action(
                "update_card",
                "Perbarui kartu",
                ActionTarget::Link("https://example.com/billing".into()),
            ),
            action("retry", "Coba lagi", ActionTarget::Callback),
            action(
                "contact",
                "Hubungi",
                ActionTarget::Link("mailto:help@example.com".into()),
            ),
        ],
        support: vec![
            ("Status".into(), "402".into()),
            ("Kode".into(), "card_expired".into()),
        ],
        reference: Some("req_123".into()),
        labels: labels(),
    }
}

fn placement(mode: Mode) -> Placement {
    Placement {
        mode,
        theme: Theme::Auto,
        container: None,
    }
}

type Events = Rc<RefCell<Vec<PanelEvent>>>;

fn recorder() -> (Events, Rc<dyn Fn(PanelEvent)>) {
    let events: Events = Rc::default();
    let sink = events.clone();
    (events, Rc::new(move |e| sink.borrow_mut().push(e)))
}

fn hosts() -> Vec<Element> {
    let list = doc().query_selector_all("[data-explain402]").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn host(cause: &str) -> Element {
    doc()
        .query_selector(&format!("[data-cause='{cause}']"))
        .unwrap()
        .expect("host element")
}

fn shadow(host: &Element) -> ShadowRoot {
    host.shadow_root().expect("open shadow root")
}

fn find(root: &ShadowRoot, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn find_all(root: &ShadowRoot, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

fn press(target: &web_sys::EventTarget, key: &str, shift: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn click(el: &Element) {
    el.unchecked_ref::<HtmlElement>().click();
}

/// A button appended to `<body>`, focused; removed by the caller.
fn focused_button() -> HtmlElement {
    let b: HtmlElement = doc().create_element("button").unwrap().unchecked_into();
    b.set_text_content(Some("page button"));
    doc().body().unwrap().append_child(&b).unwrap();
    b.focus().unwrap();
    b
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Every test starts and ends with a clean page.
fn clean() {
    dismiss_all();
    assert_eq!(open_count(), 0);
    assert_eq!(listener_count(), 0);
    assert!(hosts().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Rendering

#[wasm_bindgen_test]
fn dialog_has_roles_attributes_and_text() {
    clean();
    let (_, on) = recorder();
    show(content("card_expired"), placement(Mode::Dialog), on).unwrap();
    assert_eq!(open_count(), 1);

    let host = host("card_expired");
    assert!(host.has_attribute("data-explain402"));
    assert_eq!(host.get_attribute("data-mode").as_deref(), Some("dialog"));
    assert_eq!(host.get_attribute("data-theme").as_deref(), Some("auto"));
    assert_eq!(host.parent_element(), doc().body().map(Into::into));
    let root = shadow(&host);
    assert_eq!(root.mode(), web_sys::ShadowRootMode::Open);

    let panel = find(&root, "[role=alertdialog]");
    assert_eq!(panel.get_attribute("aria-modal").as_deref(), Some("true"));
    assert_eq!(panel.get_attribute("lang").as_deref(), Some("id"));
    let title = root
        .get_element_by_id(&panel.get_attribute("aria-labelledby").unwrap())
        .unwrap();
    assert_eq!(title.tag_name(), "H2");
    assert_eq!(text(&title), "Judul card_expired");
    let desc = root
        .get_element_by_id(&panel.get_attribute("aria-describedby").unwrap())
        .unwrap();
    assert_eq!(text(&desc), "Penjelasan card_expired");

    let steps = find_all(&root, "ol > li");
    assert_eq!(
        steps.iter().map(text).collect::<Vec<_>>(),
        ["Langkah satu", "Langkah dua"]
    );

    let actions = find_all(&root, ".actions > a, .actions > button");
    let labels: Vec<String> = actions.iter().map(text).collect();
    assert_eq!(labels, ["Perbarui kartu", "Coba lagi", "Hubungi"]);
    assert!(actions[0].class_list().contains("primary"));
    assert!(!actions[1].class_list().contains("primary"));
    assert_eq!(
        actions[0].get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(
        actions[0].get_attribute("target").as_deref(),
        Some("_blank")
    );
    assert_eq!(
        actions[2].get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(
        actions[2].get_attribute("target"),
        None,
        "mailto opens in place"
    );

    let close = find(&root, "button.close");
    assert_eq!(close.get_attribute("aria-label").as_deref(), Some("Tutup"));
    assert!(find(&root, ".count").has_attribute("hidden"));
    assert_eq!(host.get_attribute("data-count").as_deref(), Some("1"));
    clean();
}

#[wasm_bindgen_test]
fn disallowed_link_schemes_are_dropped() {
    clean();
    let mut c = content("x402_payment");
    c.actions = vec![
        action("a", "js", ActionTarget::Link("javascript:alert(1)".into())),
        action("b", "js2", ActionTarget::Link("JaVaScRiPt:alert(1)".into())),
        action(
            "c",
            "js3",
            ActionTarget::Link("java\tscript:alert(1)".into()),
        ),
        action(
            "d",
            "data",
            ActionTarget::Link("data:text/html,<script>alert(1)</script>".into()),
        ),
        action(
            "e",
            "ok",
            ActionTarget::Link("https://example.com/pay".into()),
        ),
        action(
            "f",
            "mail",
            ActionTarget::Link("mailto:a@example.com".into()),
        ),
    ];
    let (_, on) = recorder();
    show(c, placement(Mode::Toast), on).unwrap();
    let root = shadow(&host("x402_payment"));
    let links = find_all(&root, "a");
    let hrefs: Vec<String> = links
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    assert_eq!(hrefs, ["https://example.com/pay", "mailto:a@example.com"]);
    assert!(
        links[0].class_list().contains("primary"),
        "first kept action is primary"
    );
    clean();
}

#[wasm_bindgen_test]
fn hostile_strings_stay_text() {
    clean();
    let hostile = "<img src=x onerror=alert(1)>";
    let mut c = content("hostile");
    c.title = hostile.into();
    c.explanation = "<script>alert(1)</script>".into();
    c.steps = vec!["<b>bold</b>".into()];
    c.support = vec![("<i>x</i>".into(), hostile.into())];
    c.actions = vec![action("k", "<svg onload=alert(1)>", ActionTarget::Callback)];
    let (_, on) = recorder();
    show(c, placement(Mode::Dialog), on).unwrap();
    let root = shadow(&host("hostile"));
    for tag in ["img", "script", "b", "i", "svg", "style"] {
        assert!(
            find_all(&root, tag).is_empty(),
            "<{tag}> was parsed from text"
        );
    }
    assert_eq!(text(&find(&root, "h2")), hostile);
    assert_eq!(text(&find(&root, "dd")), hostile);
    assert!(
        find_all(&root, "[style]").is_empty(),
        "no inline style attributes"
    );
    clean();
}

#[wasm_bindgen_test]
fn styles_are_one_shared_adopted_sheet() {
    clean();
    let (_, on) = recorder();
    show(
        content("a"),
        Placement {
            mode: Mode::Toast,
            theme: Theme::Dark,
            container: None,
        },
        on.clone(),
    )
    .unwrap();
    show(content("b"), placement(Mode::Toast), on).unwrap();
    let sheets = |cause: &str| shadow(&host(cause)).adopted_style_sheets();
    assert_eq!(sheets("a").length(), 1);
    assert_eq!(
        sheets("a").get(0),
        sheets("b").get(0),
        "one sheet shared by all panels"
    );
    assert_eq!(
        host("a").get_attribute("data-theme").as_deref(),
        Some("dark")
    );
    assert!(find_all(&shadow(&host("a")), "style, [style]").is_empty());
    clean();
}

#[wasm_bindgen_test]
fn shipped_stylesheet_parses_like_panel_css() {
    clean();
    let (_, on) = recorder();
    show(content("css"), placement(Mode::Toast), on).unwrap();
    let adopted: web_sys::CssStyleSheet = shadow(&host("css"))
        .adopted_style_sheets()
        .get(0)
        .unchecked_into();
    let source = web_sys::CssStyleSheet::new().unwrap();
    source
        .replace_sync(include_str!("../src/render/panel.css"))
        .unwrap();
    let rules = |sheet: &web_sys::CssStyleSheet| -> Vec<String> {
        let list = sheet.css_rules().unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            // Values holding var() keep their source spacing after commas; nothing else may differ.
            .map(|r| r.css_text().replace(", ", ","))
            .collect()
    };
    let shipped = rules(&adopted);
    assert!(shipped.len() > 30, "only {} rules", shipped.len());
    assert_eq!(shipped, rules(&source), "minifying changed the stylesheet");
    clean();
}

#[wasm_bindgen_test]
fn panel_is_visible_and_uses_the_page_font() {
    clean();
    let container = doc().create_element("div").unwrap();
    container.set_attribute("data-font-test", "").unwrap();
    // A style attribute on the test's own container is fine; the panel itself uses none.
    container
        .set_attribute(
            "style",
            "font-family: Georgia, serif; color: red; line-height: 9",
        )
        .unwrap();
    doc().body().unwrap().append_child(&container).unwrap();
    let (_, on) = recorder();
    let at = Placement {
        mode: Mode::Inline,
        theme: Theme::Light,
        container: Some(container.clone()),
    };
    show(content("font"), at, on).unwrap();
    let panel = find(&shadow(&host("font")), ".panel");
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&panel)
        .unwrap()
        .unwrap();
    assert_eq!(
        style.get_property_value("font-family").unwrap(),
        "Georgia, serif"
    );
    assert_ne!(
        style.get_property_value("color").unwrap(),
        "rgb(255, 0, 0)",
        "page colour leaked in"
    );
    let rect = panel.get_bounding_client_rect();
    assert!(rect.width() > 0.0 && rect.height() > 0.0);
    container.remove();
    clean();
}

// ---------------------------------------------------------------------------------------------
// Dialog focus, keyboard and inertness

#[wasm_bindgen_test]
fn focus_moves_in_and_returns_after_escape() {
    clean();
    let button = focused_button();
    let (events, on) = recorder();
    show(content("focus"), placement(Mode::Dialog), on).unwrap();
    let host = host("focus");
    let root = shadow(&host);
    assert_eq!(root.active_element(), Some(find(&root, ".panel")));
    assert_eq!(doc().active_element(), Some(host.clone()));

    press(&doc(), "Escape", false);
    assert_eq!(*events.borrow(), [PanelEvent::Dismissed]);
    assert_eq!(open_count(), 0);
    assert!(!host.is_connected());
    assert_eq!(doc().active_element(), Some(button.clone().into()));
    button.remove();
    clean();
}

#[wasm_bindgen_test]
fn tab_is_trapped_inside_the_dialog() {
    clean();
    let (_, on) = recorder();
    show(content("trap"), placement(Mode::Dialog), on).unwrap();
    let root = shadow(&host("trap"));
    let close = find(&root, "button.close");
    let summary = find(&root, "summary");

    // From the dialog container, Shift+Tab enters at the end.
    press(&doc(), "Tab", true);
    assert_eq!(root.active_element(), Some(summary.clone()));
    // Tab from the last control wraps to the first.
    press(&summary, "Tab", false);
    assert_eq!(root.active_element(), Some(close.clone()));
    // Shift+Tab from the first wraps to the last.
    press(&close, "Tab", true);
    assert_eq!(root.active_element(), Some(summary.clone()));

    // Opening the support section makes its copy button the last control.
    summary
        .parent_element()
        .unwrap()
        .set_attribute("open", "")
        .unwrap();
    close.unchecked_ref::<HtmlElement>().focus().unwrap();
    press(&close, "Tab", true);
    assert_eq!(root.active_element(), Some(find(&root, "button.copy")));
    clean();
}

#[wasm_bindgen_test]
fn page_is_inert_while_the_dialog_is_open() {
    clean();
    let body = doc().body().unwrap();
    let plain = doc().create_element("div").unwrap();
    let already = doc().create_element("div").unwrap();
    already.set_attribute("inert", "page-owned").unwrap();
    body.append_child(&plain).unwrap();
    body.append_child(&already).unwrap();

    let (events, on) = recorder();
    show(content("inert"), placement(Mode::Dialog), on).unwrap();
    let host = host("inert");
    assert!(plain.has_attribute("inert"));
    assert!(!host.has_attribute("inert"));
    assert_eq!(
        already.get_attribute("inert").as_deref(),
        Some("page-owned")
    );

    click(&find(&shadow(&host), "button.close"));
    assert_eq!(*events.borrow(), [PanelEvent::Dismissed]);
    assert!(!plain.has_attribute("inert"), "inert removed");
    assert_eq!(
        already.get_attribute("inert").as_deref(),
        Some("page-owned"),
        "page's inert kept"
    );
    plain.remove();
    already.remove();
    clean();
}

#[wasm_bindgen_test]
fn action_clicks_are_reported_and_keep_the_panel() {
    clean();
    let (events, on) = recorder();
    show(content("act"), placement(Mode::Dialog), on).unwrap();
    let root = shadow(&host("act"));
    click(&find_all(&root, ".actions > button")[0]);
    assert_eq!(*events.borrow(), [PanelEvent::Action("retry".into())]);
    assert_eq!(open_count(), 1);
    clean();
    assert_eq!(events.borrow().last(), Some(&PanelEvent::Dismissed));
}

// ---------------------------------------------------------------------------------------------
// Repeats and queueing

#[wasm_bindgen_test]
fn same_key_updates_the_open_panel_with_a_count() {
    clean();
    let (first, on) = recorder();
    show(content("dup"), placement(Mode::Toast), on).unwrap();
    let (latest, on) = recorder();
    show(content("dup"), placement(Mode::Toast), on.clone()).unwrap();
    let mut newer = content("dup");
    newer.support = vec![
        ("Status".into(), "402".into()),
        ("Referensi".into(), "req_999".into()),
    ];
    show(newer, placement(Mode::Toast), on).unwrap();

    assert_eq!(open_count(), 1);
    assert_eq!(hosts().len(), 1);
    let host = host("dup");
    assert_eq!(host.get_attribute("data-count").as_deref(), Some("3"));
    let root = shadow(&host);
    let badge = find(&root, ".count");
    assert!(!badge.has_attribute("hidden"));
    assert_eq!(text(&badge), "Terjadi 3 kali");
    let values: Vec<String> = find_all(&root, "dd").iter().map(text).collect();
    assert_eq!(values, ["402", "req_999"], "support rows refreshed");

    clean();
    assert!(
        first.borrow().is_empty(),
        "the newest owner receives the events"
    );
    assert_eq!(*latest.borrow(), [PanelEvent::Dismissed]);
}

#[wasm_bindgen_test]
fn a_second_dialog_waits_for_the_first() {
    clean();
    let (a_events, a) = recorder();
    let (b_events, b) = recorder();
    show(content("first"), placement(Mode::Dialog), a).unwrap();
    show(content("second"), placement(Mode::Dialog), b.clone()).unwrap();
    show(content("second"), placement(Mode::Dialog), b).unwrap();
    assert_eq!(open_count(), 1);
    assert_eq!(
        hosts()[0].get_attribute("data-cause").as_deref(),
        Some("first")
    );

    press(&doc(), "Escape", false);
    assert_eq!(*a_events.borrow(), [PanelEvent::Dismissed]);
    assert_eq!(open_count(), 1);
    let next = host("second");
    assert_eq!(next.get_attribute("data-count").as_deref(), Some("2"));
    let root = shadow(&next);
    assert_eq!(root.active_element(), Some(find(&root, ".panel")));

    clean();
    assert_eq!(*b_events.borrow(), [PanelEvent::Dismissed]);
}

#[wasm_bindgen_test]
fn dismiss_all_reports_queued_dialogs_too() {
    clean();
    let (events, on) = recorder();
    show(content("one"), placement(Mode::Dialog), on.clone()).unwrap();
    show(content("two"), placement(Mode::Dialog), on.clone()).unwrap();
    show(content("three"), placement(Mode::Dialog), on).unwrap();
    dismiss_all();
    assert_eq!(events.borrow().len(), 3);
    assert!(events.borrow().iter().all(|e| *e == PanelEvent::Dismissed));
    clean();
}

// ---------------------------------------------------------------------------------------------
// Toasts and inline panels

#[wasm_bindgen_test]
fn toast_is_polite_and_does_not_take_focus() {
    clean();
    let button = focused_button();
    let (events, on) = recorder();
    show(content("toast"), placement(Mode::Toast), on).unwrap();
    let host = host("toast");
    assert_eq!(host.get_attribute("data-mode").as_deref(), Some("toast"));
    assert_eq!(
        doc().active_element(),
        Some(button.clone().into()),
        "focus stayed"
    );
    assert!(!button.has_attribute("inert"));

    let root = shadow(&host);
    // The toast's own text is not a live region: the stack announces it (no double reading).
    assert!(find_all(&root, "[role=status][aria-live]").is_empty());
    assert!(find_all(&root, "[role=alertdialog], [aria-modal]").is_empty());
    let stack = host.parent_element().unwrap();
    assert_eq!(stack.get_attribute("role").as_deref(), Some("region"));
    assert_eq!(
        stack.get_attribute("aria-label").as_deref(),
        Some("Notifikasi")
    );

    // Esc inside the toast closes it.
    press(&find(&root, "button.close"), "Escape", false);
    assert_eq!(*events.borrow(), [PanelEvent::Dismissed]);
    assert!(!stack.is_connected(), "empty stack removed");
    assert_eq!(doc().active_element(), Some(button.clone().into()));
    button.remove();
    clean();
}

#[wasm_bindgen_test]
fn at_most_three_toasts_are_visible() {
    clean();
    let (oldest, on) = recorder();
    show(content("t1"), placement(Mode::Toast), on).unwrap();
    for key in ["t2", "t3", "t4"] {
        let (_, on) = recorder();
        show(content(key), placement(Mode::Toast), on).unwrap();
    }
    assert_eq!(open_count(), 3);
    let causes: Vec<String> = hosts()
        .iter()
        .filter_map(|h| h.get_attribute("data-cause"))
        .collect();
    assert_eq!(causes, ["t2", "t3", "t4"]);
    assert_eq!(*oldest.borrow(), [PanelEvent::Dismissed]);
    clean();
}

#[wasm_bindgen_test]
fn inline_renders_into_the_container_and_replaces_its_panel() {
    clean();
    let button = focused_button();
    let container = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&container).unwrap();
    let at = || Placement {
        mode: Mode::Inline,
        theme: Theme::Auto,
        container: Some(container.clone()),
    };

    let (first, on) = recorder();
    show(content("inline_a"), at(), on).unwrap();
    let a = host("inline_a");
    assert_eq!(a.parent_element(), Some(container.clone()));
    assert_eq!(a.get_attribute("data-mode").as_deref(), Some("inline"));
    assert_eq!(
        doc().active_element(),
        Some(button.clone().into()),
        "no focus steal"
    );
    assert!(!button.has_attribute("inert"), "not modal");

    let (_, on) = recorder();
    show(content("inline_b"), at(), on).unwrap();
    assert_eq!(
        container
            .query_selector_all("[data-explain402]")
            .unwrap()
            .length(),
        1
    );
    assert_eq!(*first.borrow(), [PanelEvent::Dismissed]);
    assert!(!a.is_connected());

    // Without a container an inline panel falls back to a dialog.
    let (_, on) = recorder();
    show(content("inline_c"), placement(Mode::Inline), on).unwrap();
    assert_eq!(
        host("inline_c").get_attribute("data-mode").as_deref(),
        Some("dialog")
    );

    container.remove();
    button.remove();
    clean();
}

// ---------------------------------------------------------------------------------------------
// Support section and cleanup

#[wasm_bindgen_test]
async fn reference_gets_a_copy_button_that_reports_its_outcome() {
    clean();
    let (_, on) = recorder();
    show(content("copy"), placement(Mode::Toast), on).unwrap();
    let root = shadow(&host("copy"));
    let details = find(&root, "details");
    assert!(
        !details.has_attribute("open"),
        "support section starts collapsed"
    );
    assert_eq!(text(&find(&root, "summary")), "Detail untuk dukungan");
    assert_eq!(find_all(&root, "dl > div").len(), 2);
    let button = find(&root, "details button.copy");
    assert_eq!(text(&button), "Salin");
    let status = find(&root, "details [role=status]");
    assert_eq!(text(&status), "");
    click(&button);
    sleep(100).await;
    let outcome = text(&status);
    assert!(
        outcome == "Tersalin" || outcome == "Gagal menyalin",
        "status was {outcome:?}"
    );

    let mut bare = content("nocopy");
    bare.reference = None;
    let (_, on) = recorder();
    show(bare, placement(Mode::Toast), on).unwrap();
    assert!(find_all(&shadow(&host("nocopy")), "button.copy").is_empty());
    clean();
}

#[wasm_bindgen_test]
fn dismissing_removes_every_element_and_listener() {
    clean();
    let container = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&container).unwrap();
    let (events, on) = recorder();
    show(content("l1"), placement(Mode::Dialog), on.clone()).unwrap();
    show(content("l2"), placement(Mode::Toast), on.clone()).unwrap();
    let at = Placement {
        mode: Mode::Inline,
        theme: Theme::Auto,
        container: Some(container.clone()),
    };
    show(content("l3"), at, on.clone()).unwrap();
    show(content("l4"), placement(Mode::Dialog), on).unwrap();
    assert_eq!(open_count(), 3);
    assert!(listener_count() > 0);

    dismiss_all();
    assert_eq!(listener_count(), 0);
    assert_eq!(open_count(), 0);
    assert!(hosts().is_empty());
    assert!(doc()
        .query_selector("[data-explain402-stack]")
        .unwrap()
        .is_none());
    assert!(doc().query_selector("[inert]").unwrap().is_none());
    assert_eq!(
        events.borrow().len(),
        4,
        "each panel, queued or open, reported once"
    );
    container.remove();
    clean();
}

#[wasm_bindgen_test]
fn callbacks_may_call_back_into_the_render_layer() {
    clean();
    let reopened = Rc::new(RefCell::new(false));
    let flag = reopened.clone();
    let on: Rc<dyn Fn(PanelEvent)> = Rc::new(move |e| {
        if e == PanelEvent::Dismissed && !*flag.borrow() {
            *flag.borrow_mut() = true;
            let (_, next) = recorder();
            show(content("again"), placement(Mode::Dialog), next).unwrap();
        }
    });
    show(content("first"), placement(Mode::Dialog), on).unwrap();
    press(&doc(), "Escape", false);
    assert!(*reopened.borrow());
    assert_eq!(open_count(), 1);
    let root = shadow(&host("again"));
    assert_eq!(root.active_element(), Some(find(&root, ".panel")));
    clean();
}

#[wasm_bindgen_test]
fn closing_a_focused_toast_gives_focus_back() {
    clean();
    let button = focused_button();
    let (_, on) = recorder();
    show(content("back"), placement(Mode::Toast), on).unwrap();
    let root = shadow(&host("back"));
    let close = find(&root, "button.close");
    close.unchecked_ref::<HtmlElement>().focus().unwrap();
    assert_eq!(root.active_element(), Some(close.clone()));
    press(&close, "Escape", false);
    assert_eq!(open_count(), 0);
    assert_eq!(doc().active_element(), Some(button.clone().into()));
    button.remove();
    clean();
}

#[wasm_bindgen_test]
fn panels_the_page_removed_are_cleaned_up() {
    clean();
    let container = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&container).unwrap();
    let (inline_events, on) = recorder();
    let at = Placement {
        mode: Mode::Inline,
        theme: Theme::Auto,
        container: Some(container.clone()),
    };
    show(content("gone_inline"), at, on).unwrap();
    let (dialog_events, on) = recorder();
    show(content("gone_dialog"), placement(Mode::Dialog), on).unwrap();
    let plain = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&plain).unwrap();
    assert!(container.has_attribute("inert"));

    // The page throws away the inline container and the dialog's host.
    container.remove();
    host("gone_dialog").remove();
    assert_eq!(open_count(), 0, "only panels in the document count");

    // The next key press no longer traps Tab, and gives the page back.
    let init = KeyboardEventInit::new();
    init.set_key("Tab");
    init.set_cancelable(true);
    let tab = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    assert!(doc().dispatch_event(&tab).unwrap(), "Tab not prevented");
    assert_eq!(*dialog_events.borrow(), [PanelEvent::Dismissed]);

    // The next show closes the detached inline panel.
    let (_, on) = recorder();
    show(content("fresh"), placement(Mode::Toast), on).unwrap();
    assert_eq!(*inline_events.borrow(), [PanelEvent::Dismissed]);
    assert_eq!(open_count(), 1);
    plain.remove();
    clean();
}

#[wasm_bindgen_test]
fn an_action_may_dismiss_its_own_panel() {
    clean();
    let events: Events = Rc::default();
    let sink = events.clone();
    let on: Rc<dyn Fn(PanelEvent)> = Rc::new(move |e| {
        let retry = e == PanelEvent::Action("retry".into());
        sink.borrow_mut().push(e);
        if retry {
            dismiss_all();
        }
    });
    show(content("self"), placement(Mode::Dialog), on).unwrap();
    let root = shadow(&host("self"));
    let retry = find_all(&root, ".actions > button").remove(0);
    click(&retry);
    assert_eq!(
        *events.borrow(),
        [PanelEvent::Action("retry".into()), PanelEvent::Dismissed]
    );
    // The listener that ran is gone, and clicking the detached button does nothing more.
    click(&retry);
    assert_eq!(events.borrow().len(), 2);
    clean();
}

// ---------------------------------------------------------------------------------------------
// The toast stack's live region and waiting controls

/// The live region of the toast stack, if there is a stack.
fn stack_live() -> Option<Element> {
    let stack = doc().query_selector("explain402-toasts").unwrap()?;
    stack
        .shadow_root()
        .unwrap()
        .query_selector("[role=status][aria-live=polite][aria-atomic=true]")
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_first_toast_is_announced_by_a_region_that_was_there_before_it() {
    clean();
    let (_, on) = recorder();
    show(content("first"), placement(Mode::Toast), on).unwrap();
    // The region exists, empty, when the toast appears: screen readers that ignore a live
    // region inserted together with its text (VoiceOver) have registered it before it speaks.
    let live = stack_live().expect("the stack has a live region");
    assert_eq!(text(&live), "", "empty when inserted");
    sleep(300).await;
    assert_eq!(text(&live), "Judul first Penjelasan first");
    // A second toast speaks at once through the same region; each toast is said once.
    let (_, on) = recorder();
    show(content("second"), placement(Mode::Toast), on).unwrap();
    assert_eq!(text(&live), "Judul second Penjelasan second");
    assert_eq!(
        doc()
            .query_selector_all("explain402-toasts")
            .unwrap()
            .length(),
        1
    );
    // A repeat says its count.
    let (_, on) = recorder();
    show(content("second"), placement(Mode::Toast), on).unwrap();
    assert_eq!(text(&live), "Judul second Terjadi 2 kali");
    clean();
    assert!(stack_live().is_none(), "the stack goes with its last toast");
}

#[wasm_bindgen_test]
fn an_inline_panel_stays_its_own_live_region() {
    clean();
    let container = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&container).unwrap();
    let (_, on) = recorder();
    let placement = Placement {
        mode: Mode::Inline,
        theme: Theme::Auto,
        container: Some(container.clone()),
    };
    show(content("inline-live"), placement, on).unwrap();
    let root = shadow(&host("inline-live"));
    let live = find(&root, "[role=status][aria-live=polite]");
    assert!(text(&live).contains("Judul inline-live"));
    clean();
    container.remove();
}

fn waiting(seconds: u64) -> PanelContent {
    let mut c = content("waiting");
    c.actions = vec![PanelAction {
        wait: Some(Wait {
            seconds,
            text: Rc::new(|s| format!("Tunggu {s} detik")),
            ready: "Sekarang Anda bisa mencoba lagi.".into(),
        }),
        ..action("retry", "Muat ulang halaman", ActionTarget::Callback)
    }];
    c
}

#[wasm_bindgen_test]
async fn a_waiting_button_counts_down_and_then_works() {
    clean();
    let (events, on) = recorder();
    show(waiting(2), placement(Mode::Dialog), on).unwrap();
    let root = shadow(&host("waiting"));
    let button = find(&root, ".actions button");
    assert_eq!(text(&button), "Muat ulang halaman");
    assert_eq!(
        button.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert_eq!(button.get_attribute("data-wait").as_deref(), Some("2"));
    let shown = find(&root, "#e4-wait");
    assert_eq!(
        button.get_attribute("aria-describedby").as_deref(),
        Some("e4-wait")
    );
    assert!(text(&shown).contains("Tunggu 2 detik"), "{}", text(&shown));
    // The time shown is not a live region; only the status inside it speaks, and not each tick.
    assert!(shown.get_attribute("role").is_none());
    let status = find(&root, "#e4-wait [role=status]");
    assert_eq!(text(&status), "");
    // While it waits, a click does nothing.
    button.unchecked_ref::<HtmlElement>().click();
    assert!(events.borrow().is_empty(), "{:?}", events.borrow());
    sleep(1100).await;
    assert_eq!(
        text(&status),
        "Tunggu 1 detik",
        "said once when the wait starts"
    );
    sleep(1200).await;
    assert!(button.get_attribute("aria-disabled").is_none());
    assert!(button.get_attribute("data-wait").is_none());
    assert_eq!(text(&status), "Sekarang Anda bisa mencoba lagi.");
    button.unchecked_ref::<HtmlElement>().click();
    assert_eq!(*events.borrow(), [PanelEvent::Action("retry".into())]);
    clean();
}
