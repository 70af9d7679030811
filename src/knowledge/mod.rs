//! The built-in knowledge: the vendor packs and the lexicon of the generic fallback, compiled
//! from `knowledge/` by `build.rs` into one document in the delimited form of [`bin`], which the
//! engine reads in place (`crate::diagnose::engine`). Integrator rules are the same language
//! ([`check`]) and are compiled to the same form.
//!
//! Pure Rust: nothing here names `wasm_bindgen`, `web_sys` or `js_sys`.

pub mod bin;
pub mod check;
#[cfg(not(target_arch = "wasm32"))]
pub mod docs;
pub mod norm;

pub use bin::Node;

/// What the wasm carries: packs without their sources and names, codes normalized.
static LEAN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/knowledge.bin"));

/// Everything, sources and names included, as JSON: for the native tests and the automation.
#[cfg(not(target_arch = "wasm32"))]
pub const FULL: &str = include_str!(concat!(env!("OUT_DIR"), "/knowledge-full.json"));

fn part(key: &str) -> bin::Items<'static> {
    Node::root(LEAN)
        .get(key)
        .map_or(bin::Items::EMPTY, Node::items)
}

/// The vendor packs, in file-name order.
pub fn packs() -> bin::Items<'static> {
    part("packs")
}

/// The fallback's cause signals, most specific first.
pub fn lexicon() -> bin::Items<'static> {
    part("lexicon")
}

/// A pack's id.
pub fn id(pack: Node<'_>) -> &str {
    pack.get("id").and_then(Node::as_str).unwrap_or("")
}
