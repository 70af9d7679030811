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
//! holds one empty, visually hidden `role="status"` element instead; the registry writes a new
//! toast's title and explanation into it, [`ANNOUNCE_DELAY_MS`] after the stack was created when
//! the stack is new, at once otherwise. One region, one announcement: nothing is read twice.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlElement};

use super::dom::{append, create, el, set};
use super::style;

/// Tag of the stack's host element.
const STACK_TAG: &str = "explain402-toasts";
/// Toasts visible at once; showing one more dismisses the oldest.
pub(crate) const MAX_TOASTS: usize = 3;
/// How long a new live region stays empty before its first text, so that screen readers have
/// registered it.
pub(crate) const ANNOUNCE_DELAY_MS: u32 = 150;

/// The toast stack: its host element and its live region.
pub(crate) struct Stack {
    pub(crate) host: Element,
    pub(crate) live: Element,
}

/// Creates the stack, labelled as a region for screen-reader navigation, with its empty
/// announcer, and appends it to `body`.
pub(crate) fn create_stack(
    doc: &Document,
    body: &HtmlElement,
    label: &str,
) -> Result<Stack, JsValue> {
    let host = create(doc, STACK_TAG, "");
    set(&host, "data-explain402-stack", "");
    set(&host, "role", "region");
    set(&host, "aria-label", label);
    let root = style::shadow(&host)?;
    el(doc, &root, "slot", "", "");
    let live = el(doc, &root, "div", "sr", "");
    set(&live, "role", "status");
    set(&live, "aria-live", "polite");
    set(&live, "aria-atomic", "true");
    append(body, &host);
    Ok(Stack { host, live })
}
