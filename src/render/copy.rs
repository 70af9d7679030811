//! Copying text to the clipboard from a panel button, and saying whether it worked.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::dom::{self, set_text};

/// A copy a click asked for: the text, the status element that reports the outcome, and its
/// two possible words.
pub(crate) struct Copy {
    pub(crate) text: String,
    pub(crate) status: Element,
    pub(crate) copied: String,
    pub(crate) failed: String,
}

impl Copy {
    /// Writes the text to the clipboard, then puts `copied` or `failed` into the status element.
    ///
    /// # Design
    ///
    /// The Clipboard API is missing outside secure contexts, so its presence is checked first:
    /// calling it blindly would throw from inside the click listener. The outcome needs no Rust
    /// closure: `writeText(text).then(String.bind(null, copied), String.bind(null, failed))`
    /// settles with the words to show, and `.then(status.replaceChildren.bind(status))` shows
    /// them. Bound functions are plain JavaScript values, so nothing is left to free, however
    /// late (or never) the clipboard answers.
    pub(crate) fn run(self) {
        let status = &self.status;
        set_text(status, "");
        let clipboard = web_sys::window().and_then(|w| dom::clipboard(&w.navigator()));
        let Some(clipboard) = clipboard else {
            set_text(status, &self.failed);
            return;
        };
        let promise = clipboard.write_text(&self.text);
        let (copied, failed) = (dom::constant(&self.copied), dom::constant(&self.failed));
        if let Some(words) = dom::then(&promise, &copied, &failed) {
            dom::then(&words, &dom::text_setter(status), &JsValue::UNDEFINED);
        }
    }
}
