//! The toast stack: one fixed region at the bottom corner that holds the toast panels.
//!
//! The stack is its own host element with a shadow root holding a single `<slot>`; each toast
//! is a light-DOM child of the stack (with its own shadow root), so toasts line up in a column
//! through the slot while the stack's position stays out of the page's reach. The stack exists
//! only while at least one toast is open.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, ShadowRootInit, ShadowRootMode};

use super::style;

/// Tag of the stack's host element.
const STACK_TAG: &str = "explain402-toasts";
/// Toasts visible at once; showing one more dismisses the oldest.
pub(crate) const MAX_TOASTS: usize = 3;

/// Creates the stack, labelled as a region for screen-reader navigation, and appends it to
/// `<body>`.
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
    body.append_child(&stack)?;
    Ok(stack)
}
