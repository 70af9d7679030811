//! Reads what the widget may know of a response: status, headers and at most `max_bytes` of
//! its body.
//!
//! The loader (src/js/core.js) reads a `Response` itself: it streams at most `maxBodyBytes` of
//! its own clone within `readTimeoutMs`, cancels the clone, and hands over
//! `{ status, headers, body: Uint8Array, truncated }`. Everything here is synchronous, so the
//! WASM carries no async runtime. The same shape covers response-like objects such as an axios
//! `error.response`: `{ status, headers, data | body }`.
//!
//! Nothing here may throw a JavaScript exception through the WASM (it would escape into the
//! page as an uncaught error): every call that can throw on hostile input is a `catch` binding
//! or is checked first.

use crate::diagnose::{Exchange, Headers};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// `Object.entries`, which runs getters: one that throws becomes an `Err`.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = entries)]
    fn object_entries(o: &Object) -> Result<Array, JsValue>;
}

/// Builds an [`Exchange`] from `value`; what cannot be read is left empty.
pub fn read_exchange(value: &JsValue, max_bytes: usize) -> Exchange {
    let mut ex = Exchange::default();
    if value.is_object() {
        let get =
            |k: &str| Reflect::get(value, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
        ex.status = get("status")
            .as_f64()
            .filter(|s| (0.0..1000.0).contains(s))
            .unwrap_or(0.0) as u16;
        ex.headers = headers_of(&get("headers"));
        let body = match get("data") {
            d if d.is_undefined() || d.is_null() => get("body"),
            d => d,
        };
        ex.body = bytes_of(&body, max_bytes, &mut ex.truncated);
        if get("truncated") == JsValue::TRUE {
            ex.truncated = true;
        }
        // `Response.url`: only its host is read, as evidence of which vendor answered.
        ex.url = get("url")
            .as_string()
            .filter(|u| !u.is_empty() && u.len() <= 4096);
    }
    ex.content_type = ex.headers.get("content-type").map(str::to_owned);
    ex.page_host = web_sys::window().and_then(|w| w.location().hostname().ok());
    ex
}

/// Headers from a `Headers` object, a `Map`-like with `forEach`, or a plain object (axios).
fn headers_of(h: &JsValue) -> Headers {
    let mut out = Headers::new();
    let mut add = |k: JsValue, v: JsValue| {
        if let (Some(k), Some(v)) = (k.as_string(), v.as_string()) {
            out.append(&k, &v);
        } else if let (Some(k), Some(a)) = (k.as_string(), v.dyn_ref::<Array>()) {
            for v in a.iter().filter_map(|v| v.as_string()) {
                out.append(&k, &v);
            }
        }
    };
    if let Some(h) = h.dyn_ref::<web_sys::Headers>() {
        if let Ok(Some(it)) = js_sys::try_iter(h) {
            for pair in it.flatten() {
                let pair: Array = pair.unchecked_into();
                add(pair.get(0), pair.get(1));
            }
        }
    } else if let Some(o) = h.dyn_ref::<Object>() {
        for pair in object_entries(o).unwrap_or_default().iter() {
            let pair: Array = pair.unchecked_into();
            add(pair.get(0), pair.get(1));
        }
    }
    out
}

/// Bytes of an axios-style `data`/`body`: a string, bytes, or a parsed object (re-serialized).
fn bytes_of(v: &JsValue, max: usize, truncated: &mut bool) -> Vec<u8> {
    let mut bytes = if let Some(s) = v.as_string() {
        s.into_bytes()
    } else if let Some(a) = v.dyn_ref::<Uint8Array>() {
        a.to_vec()
    } else if let Some(b) = v.dyn_ref::<js_sys::ArrayBuffer>() {
        // `new Uint8Array` throws on a detached buffer, whose length reads 0.
        if b.byte_length() == 0 {
            Vec::new()
        } else {
            Uint8Array::new(b).to_vec()
        }
    } else if v.is_object() && !v.is_instance_of::<web_sys::ReadableStream>() {
        js_sys::JSON::stringify(v)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
            .into_bytes()
    } else {
        Vec::new()
    };
    if bytes.len() > max {
        bytes.truncate(max);
        *truncated = true;
    }
    bytes
}
