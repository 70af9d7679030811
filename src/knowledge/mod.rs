//! The built-in knowledge: the vendor packs and the lexicon of the generic fallback, compiled
//! from `knowledge/` by `build.rs` into one JSON document that the engine reads
//! (`crate::diagnose::engine`). Integrator rules are the same language ([`check`]).
//!
//! Pure Rust: nothing here names `wasm_bindgen`, `web_sys` or `js_sys`.

pub mod check;
#[cfg(not(target_arch = "wasm32"))]
pub mod docs;
pub mod norm;

use crate::json::Value;
use std::sync::OnceLock;

/// What the wasm carries: packs without their sources and names, codes normalized.
const LEAN: &str = include_str!(concat!(env!("OUT_DIR"), "/knowledge.json"));

/// Everything, sources and names included: for the native tests and the automation only.
#[cfg(not(target_arch = "wasm32"))]
pub const FULL: &str = include_str!(concat!(env!("OUT_DIR"), "/knowledge-full.json"));

fn lean() -> &'static Value {
    static KNOWLEDGE: OnceLock<Value> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| Value::parse(LEAN).unwrap_or(Value::Null))
}

/// The vendor packs, in file-name order.
pub fn packs() -> &'static [Value] {
    lean().get("packs").and_then(Value::as_array).unwrap_or(&[])
}

/// The fallback's cause signals, most specific first.
pub fn lexicon() -> &'static [Value] {
    lean()
        .get("lexicon")
        .and_then(Value::as_array)
        .unwrap_or(&[])
}

/// A pack's id.
pub fn id(pack: &Value) -> &str {
    pack.get("id").and_then(Value::as_str).unwrap_or("")
}
