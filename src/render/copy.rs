//! Copying text to the clipboard from a panel button, and saying whether it worked.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

/// Writes `text` to the clipboard, then puts `copied` or `failed` into the `status` element.
///
/// # Design
///
/// The Clipboard API is missing outside secure contexts, so its presence is checked first:
/// calling it blindly would throw from inside the click listener.
pub(crate) fn copy(text: &str, status: &Element, copied: &str, failed: &str) {
    status.set_text_content(None);
    let Some(clipboard) = clipboard() else {
        status.set_text_content(Some(failed));
        return;
    };
    let promise = clipboard.write_text(text);
    let (status, copied, failed) = (status.clone(), copied.to_owned(), failed.to_owned());
    wasm_bindgen_futures::spawn_local(async move {
        let label = match JsFuture::from(promise).await {
            Ok(_) => copied,
            Err(_) => failed,
        };
        status.set_text_content(Some(&label));
    });
}

fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    Some(navigator.clipboard())
}
