//! The panel's stylesheet: `panel.css`, minified at compile time, built once as a constructable
//! `CSSStyleSheet` and adopted by every shadow root the render layer creates.
//!
//! # Design
//!
//! Adopted stylesheets are not `<style>` elements and not `style` attributes, so they work under
//! a strict `style-src 'self'` Content Security Policy. One sheet object is shared by all panels,
//! so the CSS is parsed once per page however many panels appear. `panel.css` keeps its
//! documentation comments; a `const fn` strips them (and needless whitespace) during
//! compilation, so only the minified text is in the WebAssembly binary.

use std::cell::Cell;

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Element, ShadowRoot};

/// The stylesheet as written; see the comment at its top for the custom properties.
const SOURCE: &[u8] = include_bytes!("panel.css");
const MINIFIED_LEN: usize = minify::<0>(SOURCE).1;
const MINIFIED_BYTES: [u8; MINIFIED_LEN] = minify::<MINIFIED_LEN>(SOURCE).0;
/// The stylesheet as shipped.
const CSS: &str = match std::str::from_utf8(&MINIFIED_BYTES) {
    Ok(css) => css,
    Err(_) => panic!("panel.css is not UTF-8"),
};

thread_local! {
    /// `[sheet]`, the value every shadow root's `adoptedStyleSheets` is set to (the setter
    /// copies it, so one array serves them all).
    static SHEETS: Cell<Option<Array>> = const { Cell::new(None) };
}

/// Attaches an open shadow root to `host` and adopts the shared stylesheet into it.
///
/// Fails only where constructable stylesheets are unsupported (browsers before 2023), or where
/// the page defined an element of the same name that already has a shadow root.
pub(crate) fn shadow(host: &Element) -> Result<ShadowRoot, JsValue> {
    // `{ mode: "open" }`, read by the JSON parser the crate already imports.
    let init = js_sys::JSON::parse(r#"{"mode":"open"}"#)?;
    let root = host.attach_shadow(init.unchecked_ref())?;
    adopt(&root)?;
    Ok(root)
}

/// Adopts the shared stylesheet into `root`, creating it on first use.
fn adopt(root: &ShadowRoot) -> Result<(), JsValue> {
    let sheets = match SHEETS.with(Cell::take) {
        Some(sheets) => sheets,
        None => {
            let sheet = CssStyleSheet::new()?;
            sheet.replace_sync(CSS)?;
            Array::of1(&sheet)
        }
    };
    root.set_adopted_style_sheets(&sheets);
    SHEETS.with(|s| s.set(Some(sheets)));
    crate::marks::mark(crate::marks::Step::Styled);
    Ok(())
}

/// Drops `/* comments */` and whitespace that CSS does not need; returns the first `N` bytes of
/// the result and its full length (call it with `N = 0` to measure).
///
/// It keeps one space wherever whitespace separates two tokens other than `{ } ; , : >`, so
/// descendant combinators, `calc()` operators and `!important` survive. `panel.css` has no
/// string literals, which this does not understand; a browser test compares the parsed rules.
const fn minify<const N: usize>(src: &[u8]) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    let (mut i, mut len) = (0, 0);
    let (mut space, mut last) = (false, b'{');
    while i < src.len() {
        let b = src[i];
        if b == b'/' && i + 1 < src.len() && src[i + 1] == b'*' {
            i += 2;
            while i + 1 < src.len() && !(src[i] == b'*' && src[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            space = true;
            continue;
        }
        i += 1;
        if b.is_ascii_whitespace() {
            space = true;
            continue;
        }
        if space && !tight(last) && last != b':' && !tight(b) {
            if len < N {
                out[len] = b' ';
            }
            len += 1;
        }
        if len < N {
            out[len] = b;
        }
        len += 1;
        space = false;
        last = b;
    }
    (out, len)
}

/// Punctuation around which CSS needs no whitespace.
const fn tight(c: u8) -> bool {
    matches!(c, b'{' | b'}' | b';' | b',' | b'>')
}
