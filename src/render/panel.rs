//! Building one panel: the host element, its open shadow root and the markup inside it.
//!
//! Every string arrives already localized and reaches the DOM only through `textContent`; links
//! pass a scheme check here even though the catalog checked them already.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Interval;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use super::listen::Listener;
use super::{copy, style, ActionTarget, Mode, PanelContent, PanelEvent, Theme, Wait};

/// Tag of the element that hosts a panel; a custom-element name, so page rules written for
/// `div` or `section` never match it.
const HOST_TAG: &str = "explain402-panel";
/// Ids inside the shadow root, which scopes them: they cannot clash with the page's ids.
const TITLE_ID: &str = "e4-title";
const EXPLANATION_ID: &str = "e4-explanation";
const WAIT_ID: &str = "e4-wait";
/// URL schemes an action link may use.
const LINK_SCHEMES: [&str; 3] = ["https:", "http:", "mailto:"];
/// How often a waiting control updates the time it shows, in milliseconds.
const WAIT_TICK_MS: u32 = 1000;

/// Text that a copy button reads when clicked, updated when the panel repeats.
type SharedText = Rc<RefCell<String>>;

/// The live pieces of a rendered panel.
pub(crate) struct Parts {
    pub host: Element,
    pub root: ShadowRoot,
    pub panel: HtmlElement,
    count: Element,
    support_rows: Option<Element>,
    reference: Option<SharedText>,
    /// Outside a dialog: where focus came from when it last entered the panel.
    came_from: Rc<RefCell<Option<Element>>>,
    _listeners: Vec<Listener>,
    /// The countdown of a waiting control; dropping it stops the timer.
    _timers: Vec<Interval>,
}

impl Parts {
    /// The element to refocus if this panel is closed while it holds focus.
    pub(crate) fn came_from(&self) -> Option<Element> {
        self.came_from.borrow().clone()
    }
}

/// Renders `content` into a new, still detached host element.
pub(crate) fn build(
    doc: &Document,
    id: u32,
    content: &PanelContent,
    mode: Mode,
    theme: Theme,
    count: u32,
) -> Result<Parts, JsValue> {
    let host = doc.create_element(HOST_TAG)?;
    host.set_attribute("data-explain402", "")?;
    host.set_attribute("data-cause", &content.cause)?;
    host.set_attribute("data-mode", mode.as_str())?;
    host.set_attribute("data-theme", theme.as_str())?;
    host.set_attribute("lang", &content.locale)?;
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    style::adopt(&root)?;
    let mut listeners = Vec::new();

    if mode == Mode::Dialog {
        let backdrop = el(doc, "div", "backdrop")?;
        root.append_child(&backdrop)?;
    }
    let panel: HtmlElement = el(doc, "section", "panel")?.unchecked_into();
    panel.set_attribute("lang", &content.locale)?;
    panel.set_attribute("aria-labelledby", TITLE_ID)?;
    if mode == Mode::Dialog {
        panel.set_attribute("role", "alertdialog")?;
        panel.set_attribute("aria-modal", "true")?;
        panel.set_attribute("aria-describedby", EXPLANATION_ID)?;
        panel.set_tab_index(-1);
    }
    root.append_child(&panel)?;

    // Title, count and explanation. An inline panel's form a polite live region; a toast's are
    // announced by the toast stack's own region (toast.rs), which exists before they arrive.
    let head = append(doc, &panel, "div", "head")?;
    let text = append(doc, &head, "div", "text")?;
    if mode == Mode::Inline {
        text.set_attribute("role", "status")?;
        text.set_attribute("aria-live", "polite")?;
        text.set_attribute("aria-atomic", "true")?;
    }
    let title = append(doc, &text, "h2", "title")?;
    title.set_id(TITLE_ID);
    title.set_text_content(Some(&content.title));
    let count_el = append(doc, &text, "p", "count")?;
    let explanation = append(doc, &text, "p", "explanation")?;
    explanation.set_id(EXPLANATION_ID);
    explanation.set_text_content(Some(&content.explanation));

    let close = append(doc, &head, "button", "close")?;
    close.set_attribute("type", "button")?;
    close.set_attribute("aria-label", &content.labels.close)?;
    close.set_text_content(Some("\u{d7}"));
    listeners.push(Listener::new(&close, "click", move |_| super::dismiss(id)));

    if !content.steps.is_empty() {
        let list = append(doc, &panel, "ol", "steps")?;
        for step in &content.steps {
            append(doc, &list, "li", "")?.set_text_content(Some(step));
        }
    }

    let mut timers = Vec::new();
    actions(doc, id, content, &panel, &mut listeners, &mut timers)?;
    let (support_rows, reference) = support(doc, content, &panel, &mut listeners)?;

    let came_from = Rc::new(RefCell::new(None));
    if mode != Mode::Dialog {
        // Remember where focus entered from, so closing the panel can give it back.
        let (cell, inside) = (came_from.clone(), panel.clone());
        listeners.push(Listener::new(&panel, "focusin", move |e| {
            let from = e
                .dyn_ref::<web_sys::FocusEvent>()
                .and_then(|f| f.related_target());
            if let Some(from) = from.and_then(|t| t.dyn_into::<Element>().ok()) {
                if !inside.contains(Some(&from)) {
                    *cell.borrow_mut() = Some(from);
                }
            }
        }));
    }
    if mode == Mode::Toast {
        // Esc closes a toast when focus is inside it; the page keeps the key otherwise.
        listeners.push(Listener::new(&panel, "keydown", move |e| {
            let key = e.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
            if matches!(key.as_deref(), Some("Escape" | "Esc")) {
                e.stop_propagation();
                super::dismiss(id);
            }
        }));
    }

    let mut parts = Parts {
        host,
        root,
        panel,
        count: count_el,
        support_rows,
        reference,
        came_from,
        _listeners: listeners,
        _timers: timers,
    };
    set_count(&mut parts, &content.labels.repeated, count)?;
    Ok(parts)
}

/// Shows the repeat count ("Happened 3 times") and mirrors it in `data-count`.
pub(crate) fn set_count(parts: &mut Parts, template: &str, count: u32) -> Result<(), JsValue> {
    let n = crate::catalog::digits(count.into());
    parts.host.set_attribute("data-count", &n)?;
    parts
        .count
        .set_text_content(Some(&template.replace("{count}", &n)));
    if count > 1 {
        parts.count.remove_attribute("hidden")
    } else {
        parts.count.set_attribute("hidden", "")
    }
}

/// Refreshes the support rows and the reference to copy from a newer occurrence of the panel.
///
/// The rows are replaced in place (they hold no focusable control), so focus is never lost.
pub(crate) fn refresh_support(doc: &Document, parts: &Parts, content: &PanelContent) {
    if let Some(dl) = &parts.support_rows {
        dl.set_text_content(None);
        let _ = rows(doc, dl, &content.support);
    }
    if let (Some(cell), Some(reference)) = (&parts.reference, &content.reference) {
        *cell.borrow_mut() = reference.clone();
    }
}

fn actions(
    doc: &Document,
    id: u32,
    content: &PanelContent,
    panel: &Element,
    listeners: &mut Vec<Listener>,
    timers: &mut Vec<Interval>,
) -> Result<(), JsValue> {
    let row = el(doc, "div", "actions")?;
    let mut note: Option<Element> = None;
    let mut waits: Vec<Element> = Vec::new();
    for action in &content.actions {
        let class = if row.child_element_count() == 0 {
            "btn primary"
        } else {
            "btn"
        };
        let control = match &action.target {
            ActionTarget::Link(href) => {
                let Some(href) = checked_link(href) else {
                    continue;
                };
                let a = el(doc, "a", class)?;
                a.set_attribute("href", &href)?;
                a.set_attribute("rel", "noopener noreferrer")?;
                if !href.starts_with("mailto:") {
                    a.set_attribute("target", "_blank")?;
                }
                a
            }
            ActionTarget::Callback | ActionTarget::Copy(_) => {
                let b = el(doc, "button", class)?;
                b.set_attribute("type", "button")?;
                b
            }
        };
        control.set_text_content(Some(&action.label));
        row.append_child(&control)?;
        let waiting = match &action.wait {
            Some(wait) if wait.seconds > 0 && waits.is_empty() => {
                let (waiting, shown) = countdown(doc, &control, wait, timers)?;
                waits.push(shown);
                Some(waiting)
            }
            _ => None,
        };
        let kind = action.kind.clone();
        let copy_text = match &action.target {
            ActionTarget::Copy(text) => {
                let status = match &note {
                    Some(n) => n.clone(),
                    None => status_note(doc)?,
                };
                note = Some(status.clone());
                Some((text.clone(), status))
            }
            _ => None,
        };
        let labels = (
            content.labels.copied.clone(),
            content.labels.copy_failed.clone(),
        );
        listeners.push(Listener::new(&control, "click", move |e| {
            if waiting.as_ref().is_some_and(|w| w.get()) {
                e.prevent_default();
                return;
            }
            if let Some((text, status)) = &copy_text {
                copy::copy(text, status, &labels.0, &labels.1);
            }
            super::report(id, PanelEvent::Action(kind.clone()));
        }));
    }
    if let Some(note) = note {
        row.append_child(&note)?;
    }
    for w in waits {
        row.append_child(&w)?;
    }
    if row.child_element_count() > 0 {
        panel.append_child(&row)?;
    }
    Ok(())
}

/// Makes `control` wait for `wait.seconds`: `aria-disabled` and `data-wait` (the seconds left)
/// until then, described by the visible time left. Returns the flag that is true while it
/// waits and the element that shows the time (the caller places it).
fn countdown(
    doc: &Document,
    control: &Element,
    wait: &Wait,
    timers: &mut Vec<Interval>,
) -> Result<(Rc<Cell<bool>>, Element), JsValue> {
    let shown = el(doc, "span", "note wait")?;
    shown.set_id(WAIT_ID);
    // The time left, updated every second: not a live region, so it is not read each tick.
    let left = append(doc, &shown, "span", "")?;
    left.set_text_content(Some(&(wait.text)(wait.seconds)));
    // Said once the wait has started and once when it is over.
    let status = append(doc, &shown, "span", "sr")?;
    status.set_attribute("role", "status")?;
    control.set_attribute("aria-disabled", "true")?;
    control.set_attribute("aria-describedby", WAIT_ID)?;
    control.set_attribute("data-wait", &crate::catalog::digits(wait.seconds))?;

    let waiting = Rc::new(Cell::new(true));
    let deadline = js_sys::Date::now() + wait.seconds as f64 * 1000.0;
    let (flag, control, wait, announced) = (
        waiting.clone(),
        control.clone(),
        wait.clone(),
        Cell::new(false),
    );
    // The interval lives as long as the panel (`Parts` drops it). Once the wait is over a tick
    // does nothing: cancelling it from inside its own callback would drop the closure that is
    // running.
    timers.push(Interval::new(WAIT_TICK_MS, move || {
        if !flag.get() {
            return;
        }
        // From the clock, not a tick count: background tabs throttle timers.
        let ms = (deadline - js_sys::Date::now()).max(0.0);
        let secs = (ms / 1000.0).ceil() as u64;
        if secs == 0 {
            flag.set(false);
            let _ = control.remove_attribute("aria-disabled");
            let _ = control.remove_attribute("data-wait");
            let _ = control.remove_attribute("aria-describedby");
            left.set_text_content(None);
            status.set_text_content(Some(&wait.ready));
            return;
        }
        let text = (wait.text)(secs);
        left.set_text_content(Some(&text));
        let _ = control.set_attribute("data-wait", &crate::catalog::digits(secs));
        if !announced.replace(true) {
            status.set_text_content(Some(&text));
        }
    }));
    Ok((waiting, shown))
}

/// The collapsed "details for support" section; returns its `<dl>` and the reference cell.
fn support(
    doc: &Document,
    content: &PanelContent,
    panel: &Element,
    listeners: &mut Vec<Listener>,
) -> Result<(Option<Element>, Option<SharedText>), JsValue> {
    if content.support.is_empty() && content.reference.is_none() {
        return Ok((None, None));
    }
    let details = append(doc, panel, "details", "support")?;
    append(doc, &details, "summary", "")?.set_text_content(Some(&content.labels.details));
    let mut dl = None;
    if !content.support.is_empty() {
        let list = append(doc, &details, "dl", "")?;
        rows(doc, &list, &content.support)?;
        dl = Some(list);
    }
    let mut cell = None;
    if let Some(reference) = &content.reference {
        let row = append(doc, &details, "div", "row")?;
        let button = append(doc, &row, "button", "btn copy")?;
        button.set_attribute("type", "button")?;
        button.set_text_content(Some(&content.labels.copy));
        let note = status_note(doc)?;
        row.append_child(&note)?;
        let text = Rc::new(RefCell::new(reference.clone()));
        let (ok, failed) = (
            content.labels.copied.clone(),
            content.labels.copy_failed.clone(),
        );
        let shared = text.clone();
        listeners.push(Listener::new(&button, "click", move |_| {
            copy::copy(&shared.borrow(), &note, &ok, &failed);
        }));
        cell = Some(text);
    }
    Ok((dl, cell))
}

fn rows(doc: &Document, dl: &Element, support: &[(String, String)]) -> Result<(), JsValue> {
    for (label, value) in support {
        let row = append(doc, dl, "div", "")?;
        append(doc, &row, "dt", "")?.set_text_content(Some(label));
        append(doc, &row, "dd", "")?.set_text_content(Some(value));
    }
    Ok(())
}

/// A small polite status line that reports the outcome of a copy.
fn status_note(doc: &Document) -> Result<Element, JsValue> {
    let note = el(doc, "span", "note")?;
    note.set_attribute("role", "status")?;
    Ok(note)
}

/// Returns the absolute URL if `href` resolves to an allowed scheme, else `None`.
///
/// Resolving with the browser's own URL parser (against the page's base URL) means that
/// whatever the browser would follow is what gets checked, including obfuscations such as
/// `java\tscript:` or upper-case schemes.
pub(crate) fn checked_link(href: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok().flatten()?;
    let url = web_sys::Url::new_with_base(href, &base).ok()?;
    LINK_SCHEMES
        .contains(&url.protocol().as_str())
        .then(|| url.href())
}

fn el(doc: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

fn append(doc: &Document, parent: &Element, tag: &str, class: &str) -> Result<Element, JsValue> {
    let e = el(doc, tag, class)?;
    parent.append_child(&e)?;
    Ok(e)
}
