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

/// Where each lexicon signal and each pack starts in [`LEAN`] (see build.rs).
static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/knowledge.idx"));

/// The elements of one part of the knowledge, found through the index.
///
/// # Design
/// Going from one pack to the next through the compiled bytes means reading every byte of the
/// pack in between; with the index a diagnosis reads only the packs' `when` blocks, plus the
/// packs that apply. It costs 4 bytes a pack, and it saves most of the scanning of a cold
/// diagnosis, which runs in the browser's baseline compiler.
pub struct Elements {
    offsets: &'static [u8],
}

impl Iterator for Elements {
    type Item = Node<'static>;

    fn next(&mut self) -> Option<Node<'static>> {
        let (offset, rest) = self.offsets.split_first_chunk::<4>()?;
        self.offsets = rest;
        Some(Node::root(
            LEAN.get(u32::from_le_bytes(*offset) as usize..)?,
        ))
    }
}

/// Part `n` of the index: 0 the lexicon, 1 the packs.
fn part(n: usize) -> Elements {
    let mut at = INDEX;
    for i in 0..=n {
        let Some((count, rest)) = at.split_first_chunk::<4>() else {
            break;
        };
        let len = (u32::from_le_bytes(*count) as usize * 4).min(rest.len());
        if i == n {
            return Elements {
                offsets: &rest[..len],
            };
        }
        at = &rest[len..];
    }
    Elements { offsets: &[] }
}

/// The vendor packs, in file-name order.
pub fn packs() -> Elements {
    part(1)
}

/// The fallback's cause signals, most specific first.
pub fn lexicon() -> Elements {
    part(0)
}

/// A pack's id.
pub fn id(pack: Node<'_>) -> &str {
    pack.get("id").and_then(Node::as_str).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index finds exactly the elements that reading the document in order finds.
    #[test]
    fn index_agrees_with_the_document() {
        for (name, found) in [("lexicon", lexicon()), ("packs", packs())] {
            let read: Vec<usize> = Node::root(LEAN)
                .get(name)
                .expect("the compiled knowledge has this part")
                .items()
                .map(|n| n.offset_in(LEAN))
                .collect();
            let indexed: Vec<usize> = found.map(|n| n.offset_in(LEAN)).collect();
            assert!(!read.is_empty(), "{name} is empty");
            assert_eq!(indexed, read, "{name}");
        }
    }
}
