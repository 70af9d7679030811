//! The DOM calls the render layer makes, most of them declared without `catch`, and the two
//! helpers that build markup from them.
//!
//! # Design
//!
//! web-sys declares `createElement`, `setAttribute`, `removeAttribute`, `appendChild`,
//! `querySelectorAll`, `matches` and `focus` as throwing, and every `Result` costs code at its
//! call site. They throw only for an invalid name or selector, or for a node that cannot go where
//! it is put. Every name and selector passed here is a constant, and every node appended is an
//! element this layer has just created, appended to an element (which can always take it), so
//! none of these calls can throw and they are declared plainly. (One that did throw would unwind
//! through the WASM without running Rust destructors.) The keyboard getters are
//! declared nullable instead of checking `instanceof KeyboardEvent`: a page may dispatch a plain
//! `Event` named `keydown`, whose `key` is `undefined`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Clipboard, Document, Element, NodeList};

#[wasm_bindgen]
extern "C" {
    /// Any DOM object, for calling the methods below on it by name.
    pub(crate) type Dom;

    #[wasm_bindgen(method, js_name = createElement)]
    fn create_element(this: &Dom, tag: &str) -> Element;
    #[wasm_bindgen(method, js_name = appendChild)]
    fn append_child(this: &Dom, child: &Dom);
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute(this: &Dom, name: &str, value: &str);
    #[wasm_bindgen(method, js_name = removeAttribute)]
    fn remove_attribute(this: &Dom, name: &str);
    #[wasm_bindgen(method, setter, js_name = textContent)]
    fn set_text_content(this: &Dom, text: &str);
    #[wasm_bindgen(method, js_name = querySelectorAll)]
    fn query_selector_all(this: &Dom, selectors: &str) -> NodeList;
    #[wasm_bindgen(method, js_name = matches)]
    fn matches_selector(this: &Dom, selectors: &str) -> bool;
    /// `focus` exists on HTML and SVG elements alike.
    #[wasm_bindgen(method, js_name = focus)]
    fn focus_element(this: &Dom);
    /// `event.key`, or `None` for an event that is not a keyboard event.
    #[wasm_bindgen(method, getter, js_name = key)]
    fn key_of(this: &Dom) -> Option<String>;
    /// `event.isComposing` (false for an event that is not a keyboard event).
    #[wasm_bindgen(method, getter, js_name = isComposing)]
    fn is_composing_of(this: &Dom) -> bool;
    /// `event.shiftKey` (false for an event that is not a keyboard event).
    #[wasm_bindgen(method, getter, js_name = shiftKey)]
    fn shift_key_of(this: &Dom) -> bool;
    /// `activeElement` of a document or a shadow root.
    #[wasm_bindgen(method, getter, js_name = activeElement)]
    fn active_element_of(this: &Dom) -> Option<Element>;
    /// `navigator.clipboard`, missing outside secure contexts.
    #[wasm_bindgen(method, getter, js_name = clipboard)]
    fn clipboard_of(this: &Dom) -> Option<Clipboard>;
    /// `promise.then(fulfilled, rejected)`; caught, because the page may have replaced
    /// `writeText` with something that returns no promise.
    #[wasm_bindgen(catch, method, js_name = then)]
    fn then_both(this: &Dom, fulfilled: &JsValue, rejected: &JsValue) -> Result<JsValue, JsValue>;
    /// `f.bind(this_arg)`.
    #[wasm_bindgen(method, js_name = bind)]
    fn bind_this(this: &Dom, this_arg: &JsValue) -> JsValue;
    /// `f.bind(this_arg, arg)`.
    #[wasm_bindgen(method, js_name = bind)]
    fn bind_arg(this: &Dom, this_arg: &JsValue, arg: &JsValue) -> JsValue;
    /// `value.constructor`; for a string, the global `String` function.
    #[wasm_bindgen(method, getter)]
    fn constructor(this: &Dom) -> Dom;
    /// `node.replaceChildren`, the method itself.
    #[wasm_bindgen(method, getter, js_name = replaceChildren)]
    fn replace_children_method(this: &Dom) -> Dom;
}

fn dom(v: &JsValue) -> &Dom {
    v.unchecked_ref()
}

/// A new `tag` element with `class` (if any), not yet in the document.
#[inline(never)]
pub(crate) fn create(doc: &Document, tag: &str, class: &str) -> Element {
    let e = dom(doc).create_element(tag);
    if !class.is_empty() {
        set(&e, "class", class);
    }
    e
}

/// A new `tag` element with `class` (if any) and `text` (if any), appended to `parent`.
#[inline(never)]
pub(crate) fn el(doc: &Document, parent: &JsValue, tag: &str, class: &str, text: &str) -> Element {
    let e = create(doc, tag, class);
    if !text.is_empty() {
        set_text(&e, text);
    }
    append(parent, &e);
    e
}

/// Appends `child` (an element this layer created) to `parent`.
pub(crate) fn append(parent: &JsValue, child: &JsValue) {
    dom(parent).append_child(dom(child));
}

/// Whether `a` and `b` are the same object.
pub(crate) fn same(a: &JsValue, b: &JsValue) -> bool {
    a == b
}

pub(crate) fn set(el: &JsValue, name: &str, value: &str) {
    dom(el).set_attribute(name, value);
}

pub(crate) fn unset(el: &JsValue, name: &str) {
    dom(el).remove_attribute(name);
}

/// Replaces the children of `node` with `text` (none for an empty string).
pub(crate) fn set_text(node: &JsValue, text: &str) {
    dom(node).set_text_content(text);
}

pub(crate) fn select_all(root: &JsValue, selectors: &str) -> NodeList {
    dom(root).query_selector_all(selectors)
}

pub(crate) fn matches(el: &JsValue, selectors: &str) -> bool {
    dom(el).matches_selector(selectors)
}

pub(crate) fn focus(el: &JsValue) {
    dom(el).focus_element();
}

/// The key of a keydown event that is not part of a composition, such as an IME's; `None` for
/// any other event (a page can dispatch a plain `Event` named `keydown`).
pub(crate) fn key(e: &JsValue) -> Option<String> {
    if dom(e).is_composing_of() {
        return None;
    }
    dom(e).key_of()
}

/// Whether Shift was held during a keyboard event.
pub(crate) fn shift_key(e: &JsValue) -> bool {
    dom(e).shift_key_of()
}

/// The focused element of a document or a shadow root (a shadow host for focus inside its
/// shadow tree).
pub(crate) fn active_element(doc_or_root: &JsValue) -> Option<Element> {
    dom(doc_or_root).active_element_of()
}

pub(crate) fn clipboard(navigator: &JsValue) -> Option<Clipboard> {
    dom(navigator).clipboard_of()
}

/// `promise.then(fulfilled, rejected)`: the new promise, or `None` if `promise` is none.
pub(crate) fn then(promise: &JsValue, fulfilled: &JsValue, rejected: &JsValue) -> Option<JsValue> {
    dom(promise).then_both(fulfilled, rejected).ok()
}

/// A function that returns `text`, whatever it is called with.
pub(crate) fn constant(text: &str) -> JsValue {
    // `String.bind(null, text)`, with `String` found as the string's own constructor.
    let text = JsValue::from_str(text);
    dom(&text).constructor().bind_arg(&JsValue::NULL, &text)
}

/// A function that replaces the children of `node` with the text it is called with.
pub(crate) fn text_setter(node: &JsValue) -> JsValue {
    dom(node).replace_children_method().bind_this(node)
}
