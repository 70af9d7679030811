//! DOM calls the render layer makes, declared without `catch`.
//!
//! # Design
//!
//! web-sys declares `setAttribute`, `removeAttribute`, `querySelectorAll`, `matches` and
//! `focus` as throwing, and every `Result` costs code at its call site. They throw only for an
//! invalid name or selector; every name and selector passed here is a constant, so none of these
//! calls can throw and they are declared plainly. (An exception thrown through a plain binding
//! would skip Rust's destructors, so nothing from outside goes through them.)

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::NodeList;

#[wasm_bindgen]
extern "C" {
    /// Any DOM object, for calling the methods below on it by name.
    pub(crate) type Dom;

    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute(this: &Dom, name: &str, value: &str);
    #[wasm_bindgen(method, js_name = removeAttribute)]
    fn remove_attribute(this: &Dom, name: &str);
    #[wasm_bindgen(method, js_name = querySelectorAll)]
    fn query_selector_all(this: &Dom, selectors: &str) -> NodeList;
    #[wasm_bindgen(method, js_name = matches)]
    fn matches_selector(this: &Dom, selectors: &str) -> bool;
    /// `focus` exists on HTML and SVG elements alike.
    #[wasm_bindgen(method, js_name = focus)]
    fn focus_element(this: &Dom);
}

fn dom(v: &JsValue) -> &Dom {
    v.unchecked_ref()
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

pub(crate) fn select_all(root: &JsValue, selectors: &str) -> NodeList {
    dom(root).query_selector_all(selectors)
}

pub(crate) fn matches(el: &JsValue, selectors: &str) -> bool {
    dom(el).matches_selector(selectors)
}

pub(crate) fn focus(el: &JsValue) {
    dom(el).focus_element();
}
