//! Copying text to the clipboard from a panel button, and saying whether it worked.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// Writes `text` to the clipboard, then puts `copied` or `failed` into the `status` element.
///
/// # Design
///
/// The Clipboard API is missing outside secure contexts, so its presence is checked first:
/// calling it blindly would throw from inside the click listener. `writeText` fulfils with
/// `undefined` and rejects with an error, so one self-freeing closure, given as both handlers,
/// tells the outcomes apart (no async runtime in the WASM, no leaked closure).
pub(crate) fn copy(text: &str, status: &Element, copied: &str, failed: &str) {
    status.set_text_content(None);
    let Some(clipboard) = clipboard() else {
        status.set_text_content(Some(failed));
        return;
    };
    let promise = clipboard.write_text(text);
    let (status, copied, failed) = (status.clone(), copied.to_owned(), failed.to_owned());
    let settle = Closure::once_into_js(move |outcome: JsValue| {
        let label = if outcome.is_undefined() {
            copied
        } else {
            failed
        };
        status.set_text_content(Some(&label));
    });
    let then = js_sys::Reflect::get(&promise, &JsValue::from_str("then"));
    if let Ok(then) = then.and_then(|t| t.dyn_into::<js_sys::Function>()) {
        let _ = then.call2(&promise, &settle, &settle);
    }
}

fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    Some(navigator.clipboard())
}
