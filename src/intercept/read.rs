//! Reads what the widget may know of a response: status, headers and at most `max_bytes` of
//! its body.
//!
//! The loader (src/js/core.js) reads a `Response` itself: it streams at most `maxBodyBytes` of
//! its own clone within `readTimeoutMs`, cancels the clone, and hands over
//! `{ status, headers, body: Uint8Array, truncated, url }`. Everything here is synchronous, so the
//! WASM carries no async runtime. The same shape covers response-like objects such as an axios
//! `error.response`: `{ status, headers, data | body }`.
//!
//! Nothing here may throw a JavaScript exception through the WASM (it would escape into the
//! page as an uncaught error): every call that can throw on hostile input is a `catch` binding
//! or is checked first.

use crate::diagnose::{Exchange, Headers};
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// `Object.entries`, which runs getters: one that throws becomes an `Err`.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = entries)]
    fn object_entries(o: &JsValue) -> Result<Array, JsValue>;
    /// `Array.from`, which iterates a `Headers` object into `[name, value]` pairs.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = from)]
    fn array_from(o: &JsValue) -> Result<Array, JsValue>;
}

/// Member `key` of `value`, `undefined` when it is missing or its getter throws.
fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Builds an [`Exchange`] from `value`; what cannot be read is left empty.
pub fn read_exchange(value: &JsValue, max_bytes: usize) -> Exchange {
    let mut ex = Exchange::default();
    if value.is_object() {
        ex.status = get(value, "status")
            .as_f64()
            .filter(|s| (0.0..1000.0).contains(s))
            .unwrap_or(0.0) as u16;
        headers_of(&get(value, "headers"), &mut ex.headers);
        let mut body = get(value, "data");
        if body.is_undefined() || body.is_null() {
            body = get(value, "body");
        }
        ex.body = bytes_of(&body);
        if ex.body.len() > max_bytes {
            ex.body.truncate(max_bytes);
            ex.truncated = true;
        }
        ex.truncated |= get(value, "truncated") == JsValue::TRUE;
        // `Response.url`: only its host is read, as evidence of which vendor answered.
        ex.url = get(value, "url")
            .as_string()
            .filter(|u| !u.is_empty() && u.len() <= 4096);
    }
    ex.content_type = ex.headers.get("content-type").map(str::to_owned);
    ex.page_host = web_sys::window().and_then(|w| w.location().hostname().ok());
    ex
}

/// Headers from a `Headers` object (or anything iterable into pairs) or a plain object
/// (axios), whose values may be strings or lists of strings.
fn headers_of(h: &JsValue, out: &mut Headers) {
    if !h.is_object() {
        return;
    }
    let pairs = match h.is_instance_of::<web_sys::Headers>() {
        true => array_from(h),
        false => object_entries(h),
    };
    for pair in pairs.unwrap_or_default().iter() {
        // Both give `[name, value]` arrays.
        let pair: &Array = pair.unchecked_ref();
        let (Some(name), value) = (pair.get(0).as_string(), pair.get(1)) else {
            continue;
        };
        match value.as_string() {
            Some(v) => out.append(&name, &v),
            None if Array::is_array(&value) => {
                for v in value.unchecked_ref::<Array>().iter() {
                    if let Some(v) = v.as_string() {
                        out.append(&name, &v);
                    }
                }
            }
            None => {}
        }
    }
}

/// Bytes of an axios-style `data`/`body`: a string, bytes, or a parsed object (re-serialized).
fn bytes_of(v: &JsValue) -> Vec<u8> {
    if let Some(s) = v.as_string() {
        s.into_bytes()
    } else if let Some(a) = v.dyn_ref::<Uint8Array>() {
        a.to_vec()
    } else if let Some(b) = v.dyn_ref::<js_sys::ArrayBuffer>() {
        // `new Uint8Array` throws on a detached buffer, whose length reads 0.
        match b.byte_length() {
            0 => Vec::new(),
            _ => Uint8Array::new(b).to_vec(),
        }
    } else if v.is_object() && !v.is_instance_of::<web_sys::ReadableStream>() {
        js_sys::JSON::stringify(v)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
            .into_bytes()
    } else {
        Vec::new()
    }
}
