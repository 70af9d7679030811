//! Building one panel: the host element, its open shadow root and the markup inside it.
//!
//! Every string arrives already localized and reaches the DOM only through `textContent`; links
//! pass a scheme check here even though the catalog checked them already.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, ShadowRoot};

use super::dom::{create, el, set, set_text, unset};
use super::listen::{every, listen, Listener};
use super::{registry, style, ActionTarget, Mode, PanelContent, Theme, Wait};
use gloo::timers::callback::Interval;

/// Tag of the element that hosts a panel; a custom-element name, so page rules written for
/// `div` or `section` never match it.
const HOST_TAG: &str = "explain402-panel";
/// Ids inside the shadow root, which scopes them: they cannot clash with the page's ids.
const TITLE_ID: &str = "e4-title";
const EXPLANATION_ID: &str = "e4-explanation";
const WAIT_ID: &str = "e4-wait";
/// How often a waiting control updates the time it shows, in milliseconds.
const WAIT_TICK_MS: u32 = 1000;

/// What a control inside a panel does.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Control {
    /// The × button.
    Close,
    /// `content.actions[i]`.
    Action(usize),
    /// The support section's button that copies the reference.
    Reference,
}

/// A control that waits (see [`super::Wait`]): `content.actions[action]`, until its countdown
/// ends. Dropping it stops the countdown.
pub(crate) struct Countdown {
    pub(crate) action: usize,
    pub(crate) control: Element,
    /// The time left, shown (not a live region, so it is not read at each tick).
    pub(crate) left: Element,
    /// Says when the wait has started, and when it is over.
    pub(crate) status: Element,
    /// `Date.now()` at the end of the wait.
    pub(crate) deadline: f64,
    pub(crate) announced: bool,
    pub(crate) _timer: Interval,
}

/// A rendered panel: its content and the live pieces of its markup.
pub(crate) struct Panel {
    pub(crate) content: PanelContent,
    pub(crate) host: Element,
    pub(crate) root: ShadowRoot,
    pub(crate) panel: Element,
    count: Element,
    /// The support rows, replaced when the panel repeats.
    rows: Option<Element>,
    /// Every clickable control, and what it does.
    pub(crate) controls: Vec<(Element, Control)>,
    /// The status of the actions that copy (one for all of them).
    pub(crate) copy_status: Option<Element>,
    /// The status of the reference's copy button.
    pub(crate) reference_status: Option<Element>,
    pub(crate) wait: Option<Countdown>,
    _listeners: Vec<Listener>,
}

/// Renders `content` into a new, still detached host element. Clicks anywhere in the panel go
/// to [`registry::on_click`], which finds the control in [`Panel::controls`].
pub(crate) fn build(
    doc: &Document,
    id: u32,
    content: PanelContent,
    mode: Mode,
    theme: Theme,
) -> Result<Panel, JsValue> {
    let host = create(doc, HOST_TAG, "");
    set(&host, "data-explain402", "");
    set(&host, "data-cause", &content.cause);
    set(&host, "data-mode", mode.as_str());
    set(&host, "data-theme", theme.as_str());
    set(&host, "lang", &content.locale);
    let root = style::shadow(&host)?;

    let dialog = mode == Mode::Dialog;
    if dialog {
        el(doc, &root, "div", "backdrop", "");
    }
    let panel = el(doc, &root, "section", "panel", "");
    set(&panel, "lang", &content.locale);
    set(&panel, "aria-labelledby", TITLE_ID);
    if dialog {
        set(&panel, "role", "alertdialog");
        set(&panel, "aria-modal", "true");
        set(&panel, "aria-describedby", EXPLANATION_ID);
        set(&panel, "tabindex", "-1");
    }

    // Title, count and explanation. An inline panel's form a polite live region; a toast's are
    // announced by the toast stack's own region (toast.rs), which exists before they arrive.
    let head = el(doc, &panel, "div", "head", "");
    let text = el(doc, &head, "div", "text", "");
    if mode == Mode::Inline {
        live_region(&text);
    }
    set(
        &el(doc, &text, "h2", "title", &content.title),
        "id",
        TITLE_ID,
    );
    let count = el(doc, &text, "p", "count", "");
    let explanation = el(doc, &text, "p", "explanation", &content.explanation);
    set(&explanation, "id", EXPLANATION_ID);

    let close = el(doc, &head, "button", "close", "\u{d7}");
    set(&close, "type", "button");
    set(&close, "aria-label", &content.labels.close);
    let mut controls = vec![(close, Control::Close)];

    if !content.steps.is_empty() {
        let list = el(doc, &panel, "ol", "steps", "");
        for step in &content.steps {
            el(doc, &list, "li", "", step);
        }
    }

    // The actions, then (after them in the row) the status of those that copy and the time
    // left of the first that waits.
    let row = el(doc, &panel, "div", "actions", "");
    let mut copies = false;
    let mut waits = None;
    for (i, action) in content.actions.iter().enumerate() {
        let class = if controls.len() == 1 {
            "btn primary"
        } else {
            "btn"
        };
        let control = match &action.target {
            ActionTarget::Link(href) => {
                let Some(href) = checked_link(doc, href) else {
                    continue;
                };
                let a = el(doc, &row, "a", class, &action.label);
                set(&a, "href", &href);
                set(&a, "rel", "noopener noreferrer");
                if !href.starts_with("mailto:") {
                    set(&a, "target", "_blank");
                }
                a
            }
            target => {
                copies |= matches!(target, ActionTarget::Copy(_));
                button(doc, &row, class, &action.label)
            }
        };
        if let Some(wait) = action.wait.as_ref().filter(|w| w.seconds > 0) {
            if waits.is_none() {
                waits = Some((i, control.clone(), wait));
            }
        }
        controls.push((control, Control::Action(i)));
    }
    let copy_status = copies.then(|| status(doc, &row));
    let wait = waits.map(|(i, control, wait)| countdown(doc, id, &row, control, wait, i));
    if controls.len() == 1 {
        row.remove();
    }

    // The collapsed "details for support" section.
    let mut rows = None;
    let mut reference_status = None;
    if !content.support.is_empty() || content.reference.is_some() {
        let details = el(doc, &panel, "details", "support", "");
        el(doc, &details, "summary", "", &content.labels.details);
        if !content.support.is_empty() {
            let dl = el(doc, &details, "dl", "", "");
            fill_rows(doc, &dl, &content.support);
            rows = Some(dl);
        }
        if content.reference.is_some() {
            let row = el(doc, &details, "div", "row", "");
            let copy = button(doc, &row, "btn copy", &content.labels.copy);
            controls.push((copy, Control::Reference));
            reference_status = Some(status(doc, &row));
        }
    }

    let mut listeners = vec![listen(&panel, "click", false, id, registry::on_click)];
    if !dialog {
        // Remember where focus entered from, so closing the panel can give it back.
        listeners.push(listen(&panel, "focusin", false, id, registry::on_focus_in));
    }
    if mode == Mode::Toast {
        // Esc closes a toast when focus is inside it; the page keeps the key otherwise.
        listeners.push(listen(&panel, "keydown", false, id, registry::on_toast_key));
    }

    Ok(Panel {
        content,
        host,
        root,
        panel,
        count,
        rows,
        controls,
        copy_status,
        reference_status,
        wait,
        _listeners: listeners,
    })
}

impl Panel {
    /// Shows the repeat count ("Happened 3 times") and mirrors it in `data-count`; returns the
    /// words shown.
    pub(crate) fn set_count(&self, count: u32) -> String {
        let n = crate::catalog::digits(count.into());
        set(&self.host, "data-count", &n);
        let words = self.content.labels.repeated.replace("{count}", &n);
        set_text(&self.count, &words);
        if count > 1 {
            unset(&self.count, "hidden");
        } else {
            set(&self.count, "hidden", "");
        }
        words
    }

    /// Takes the support rows and the reference to copy from a newer occurrence of the panel.
    ///
    /// The rows are replaced in place (they hold no focusable control), so focus is never lost.
    pub(crate) fn refresh(&mut self, doc: &Document, newer: PanelContent) {
        if let Some(dl) = &self.rows {
            set_text(dl, "");
            fill_rows(doc, dl, &newer.support);
        }
        if self.content.reference.is_some() && newer.reference.is_some() {
            self.content.reference = newer.reference;
        }
    }
}

fn fill_rows(doc: &Document, dl: &Element, support: &[(String, String)]) {
    for (label, value) in support {
        let row = el(doc, dl, "div", "", "");
        el(doc, &row, "dt", "", label);
        el(doc, &row, "dd", "", value);
    }
}

fn button(doc: &Document, parent: &Element, class: &str, label: &str) -> Element {
    let b = el(doc, parent, "button", class, label);
    set(&b, "type", "button");
    b
}

/// A small polite status line that reports the outcome of a copy.
fn status(doc: &Document, parent: &Element) -> Element {
    let note = el(doc, parent, "span", "note", "");
    set(&note, "role", "status");
    note
}

/// Makes `el` a polite live region.
fn live_region(el: &Element) {
    set(el, "role", "status");
    set(el, "aria-live", "polite");
    set(el, "aria-atomic", "true");
}

/// Makes `control` (`content.actions[action]`) wait: `aria-disabled` and `data-wait` (the
/// seconds left) until then, described by the visible time left, which goes into `row`.
fn countdown(
    doc: &Document,
    id: u32,
    row: &Element,
    control: Element,
    wait: &Wait,
    action: usize,
) -> Countdown {
    let shown = el(doc, row, "span", "note wait", "");
    set(&shown, "id", WAIT_ID);
    let left = el(doc, &shown, "span", "", &(wait.text)(wait.seconds));
    let status = el(doc, &shown, "span", "sr", "");
    set(&status, "role", "status");
    set(&control, "aria-disabled", "true");
    set(&control, "aria-describedby", WAIT_ID);
    set(&control, "data-wait", &crate::catalog::digits(wait.seconds));
    Countdown {
        action,
        control,
        left,
        status,
        deadline: js_sys::Date::now() + wait.seconds as f64 * 1000.0,
        announced: false,
        _timer: every(WAIT_TICK_MS, id, registry::on_tick),
    }
}

/// Returns the absolute URL if `href` resolves to `https:`, `http:` or `mailto:`, else `None`.
///
/// Resolving with the browser's own URL parser (against the page's base URL) means that
/// whatever the browser would follow is what gets checked, including obfuscations such as
/// `java\tscript:` or upper-case schemes.
fn checked_link(doc: &Document, href: &str) -> Option<String> {
    let base = doc.base_uri().ok().flatten()?;
    let url = web_sys::Url::new_with_base(href, &base).ok()?;
    matches!(url.protocol().as_str(), "https:" | "http:" | "mailto:").then(|| url.href())
}
