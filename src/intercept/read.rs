//! Reads what the widget may know of a response: status, headers and at most `max_bytes` of
//! the body of its own copy, giving up after a deadline and cancelling the copy.
//!
//! Accepts a `Response` (already a clone made by the loader) or a response-like object such
//! as an axios `error.response`: `{ status, headers, body | data }`.
//!
//! Nothing here may throw a JavaScript exception through the WASM (it would escape into the
//! page as an uncaught error): every call that can throw on hostile input is a `catch` binding
//! or is checked first.

use crate::diagnose::{Exchange, Headers};
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, Response};

#[wasm_bindgen]
extern "C" {
    /// `Object.entries`, which runs getters: one that throws becomes an `Err`.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = entries)]
    fn object_entries(o: &Object) -> Result<Array, JsValue>;
}

/// Builds an [`Exchange`] from `value`; what cannot be read is left empty.
///
/// `None` when reading the body failed: the request was aborted (the app gave up on it) or the
/// connection broke, and the app sees that error itself, so the widget says nothing.
pub async fn read_exchange(value: &JsValue, max_bytes: usize, timeout_ms: u32) -> Option<Exchange> {
    let mut ex = Exchange::default();
    if let Some(res) = value.dyn_ref::<Response>() {
        ex.status = res.status();
        ex.headers = headers_of(&res.headers().into());
        if !res.body_used() {
            if let Some(body) = res.body().filter(|b| !b.locked()) {
                read_stream(&body, max_bytes, timeout_ms, &mut ex).await?;
            }
        }
    } else if value.is_object() {
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
    }
    ex.content_type = ex.headers.get("content-type").map(str::to_owned);
    Some(ex)
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

/// A promise that resolves to `undefined` after `ms` milliseconds.
fn deadline(ms: u32) -> Promise {
    Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    })
}

/// Reads `body` into `ex` up to `max` bytes or the deadline, then cancels it; `None` if the
/// stream failed.
async fn read_stream(
    body: &web_sys::ReadableStream,
    max: usize,
    timeout_ms: u32,
    ex: &mut Exchange,
) -> Option<()> {
    let Ok(reader) = body.get_reader().dyn_into::<ReadableStreamDefaultReader>() else {
        return Some(());
    };
    let deadline = deadline(timeout_ms);
    loop {
        let race = Promise::race(&Array::of2(&reader.read(), &deadline));
        let Ok(chunk) = JsFuture::from(race).await else {
            return None; // aborted or broken; an errored stream needs no cancelling
        };
        if chunk.is_undefined() {
            ex.truncated = true; // the deadline won
            break;
        }
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Some(());
        }
        if let Ok(value) = Reflect::get(&chunk, &JsValue::from_str("value")) {
            if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
                let room = max.saturating_sub(ex.body.len());
                let take = (bytes.length() as usize).min(room);
                ex.body
                    .extend_from_slice(&bytes.subarray(0, take as u32).to_vec());
                if take < bytes.length() as usize || ex.body.len() >= max {
                    ex.truncated = true;
                    break;
                }
            }
        }
    }
    // Stop the copy: the app's own branch of the tee keeps flowing.
    let cancelled = reader.cancel();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = JsFuture::from(cancelled).await;
    });
    Some(())
}
