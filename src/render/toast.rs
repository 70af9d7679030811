//! The toast stack: one fixed region at the bottom corner that holds the toast panels, and the
//! polite live region that announces them.
//!
//! The stack is its own host element with a shadow root holding a single `<slot>`; each toast
//! is a light-DOM child of the stack (with its own shadow root), so toasts line up in a column
//! through the slot while the stack's position stays out of the page's reach. The stack exists
//! only while at least one toast is open.
//!
//! # Design
//! A live region inserted together with its text is not announced by every screen reader
//! (VoiceOver skips it), so a toast's own text is not a live region. The stack's shadow root
//! holds one empty, visually hidden `role="status"` element instead; a new toast's title and
//! explanation are written into it, [`ANNOUNCE_DELAY_MS`] after the stack was created when the
//! stack is new, at once otherwise. One region, one announcement: nothing is read twice.

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, ShadowRootInit, ShadowRootMode};

use super::style;

/// Tag of the stack's host element.
const STACK_TAG: &str = "explain402-toasts";
/// Toasts visible at once; showing one more dismisses the oldest.
pub(crate) const MAX_TOASTS: usize = 3;
/// How long a new live region stays empty before its first text, so that screen readers have
/// registered it.
const ANNOUNCE_DELAY_MS: u32 = 150;

/// Creates the stack, labelled as a region for screen-reader navigation, with its empty
/// announcer, and appends it to `<body>`.
pub(crate) fn create_stack(doc: &Document, label: &str) -> Result<Element, JsValue> {
    let body = doc
        .body()
        .ok_or_else(|| JsValue::from_str("explain402: no <body>"))?;
    let stack = doc.create_element(STACK_TAG)?;
    stack.set_attribute("data-explain402-stack", "")?;
    stack.set_attribute("role", "region")?;
    stack.set_attribute("aria-label", label)?;
    let root = stack.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    style::adopt(&root)?;
    let slot = doc.create_element("slot")?;
    root.append_child(&slot)?;
    let live = doc.create_element("div")?;
    live.set_class_name("sr");
    live.set_attribute("role", "status")?;
    live.set_attribute("aria-live", "polite")?;
    live.set_attribute("aria-atomic", "true")?;
    root.append_child(&live)?;
    body.append_child(&stack)?;
    Ok(stack)
}

/// Announces `text` through the stack's live region: now, or after [`ANNOUNCE_DELAY_MS`] for a
/// stack created just now. The returned timeout must be kept until it fires (dropping it cancels
/// the announcement, as when the stack goes away first).
pub(crate) fn announce(stack: &Element, text: String, fresh: bool) -> Option<Timeout> {
    let live = stack
        .shadow_root()
        .and_then(|r| r.query_selector("[role=status]").ok().flatten())?;
    if fresh {
        Some(Timeout::new(ANNOUNCE_DELAY_MS, move || {
            live.set_text_content(Some(&text));
        }))
    } else {
        live.set_text_content(Some(&text));
        None
    }
}
