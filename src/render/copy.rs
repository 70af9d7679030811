//! Copying text to the clipboard from a panel button, and saying whether it worked.

use wasm_bindgen::closure::Closure;
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
    /// calling it blindly would throw from inside the click listener. `writeText` fulfils with
    /// `undefined` and rejects with an error, so one self-freeing closure, given as both
    /// handlers, tells the outcomes apart (no async runtime in the WASM, no leaked closure).
    pub(crate) fn run(self) {
        let Copy {
            text,
            status,
            copied,
            failed,
        } = self;
        set_text(&status, "");
        let clipboard = web_sys::window().and_then(|w| dom::clipboard(&w.navigator()));
        let Some(clipboard) = clipboard else {
            set_text(&status, &failed);
            return;
        };
        let promise = clipboard.write_text(&text);
        let settle = Closure::once_into_js(move |outcome: JsValue| {
            set_text(
                &status,
                if outcome.is_undefined() {
                    &copied
                } else {
                    &failed
                },
            );
        });
        dom::then(&promise, &settle);
    }
}
