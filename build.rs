//! Compiles the knowledge (knowledge/vendors/*.toml, knowledge/lexicon.toml) for the engine:
//! `knowledge.bin` (what the wasm carries, in the compact form of src/knowledge/bin.rs: no
//! sources, names or families, codes normalized) and `knowledge-full.json` (everything, for the
//! native tests and the automation).

#[path = "src/knowledge/norm.rs"]
#[allow(dead_code)]
mod norm;

// The crate's own JSON reader and writer (it depends on nothing): its `write_string` writes the
// strings of the compiled knowledge.
#[path = "src/json.rs"]
#[allow(dead_code)]
mod json;

// The compact form the wasm reads in place.
#[path = "src/knowledge/bin.rs"]
#[allow(dead_code)]
mod bin;

use std::fmt::Write as _;
use std::path::Path;

/// Keys that only document a pack or an entry; left out of the wasm.
const DOC_KEYS: &[&str] = &["name", "family", "sources", "source", "notes"];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    println!("cargo:rerun-if-changed={}", root.display());
    let vendors = root.join("vendors");
    println!("cargo:rerun-if-changed={}", vendors.display());
    let mut files: Vec<_> = std::fs::read_dir(&vendors)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|x| x == "toml"));
    files.sort();
    let mut packs = Vec::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(path).expect("a pack file is readable");
        let mut table: toml::Table = text
            .parse()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        lift(&mut table);
        packs.push(toml::Value::Table(table));
    }
    let lexicon_path = root.join("lexicon.toml");
    println!("cargo:rerun-if-changed={}", lexicon_path.display());
    let lexicon = match std::fs::read_to_string(&lexicon_path) {
        Ok(text) => text
            .parse::<toml::Table>()
            .unwrap_or_else(|e| panic!("{}: {e}", lexicon_path.display())),
        Err(_) => toml::Table::new(),
    };
    let signals = lexicon
        .get("signal")
        .cloned()
        .unwrap_or(toml::Value::Array(Vec::new()));

    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut full = String::from("{\"packs\":");
    json(&toml::Value::Array(packs.clone()), &mut full, false, "");
    full.push_str(",\"lexicon\":");
    json(&signals, &mut full, false, "signal");
    full.push('}');
    std::fs::write(Path::new(&out).join("knowledge-full.json"), full).expect("OUT_DIR is writable");

    // The lexicon first: the fallback asks for it once per code it weighs, and reaching it
    // then skips nothing, while the packs, read once per diagnosis, skip only the lexicon.
    let mut lean = String::from("{\"lexicon\":");
    json(&signals, &mut lean, true, "signal");
    lean.push_str(",\"packs\":");
    json(&toml::Value::Array(packs), &mut lean, true, "");
    lean.push('}');
    let mut tree = json::Value::parse(&lean).expect("the lean knowledge is JSON");
    // A pack's members in the order the engine asks for them (most packs are ruled out by
    // their `when` blocks), so that finding one skips as little as possible.
    if let json::Value::Object(top) = &mut tree {
        for (_, part) in top.iter_mut() {
            if let json::Value::Array(packs) = part {
                for pack in packs {
                    if let json::Value::Object(members) = pack {
                        members.sort_by_key(|(k, _)| {
                            PACK_ORDER
                                .iter()
                                .position(|o| o == k)
                                .unwrap_or(PACK_ORDER.len())
                        });
                    }
                }
            }
        }
    }
    let mut compiled = Vec::new();
    bin::encode(&tree, &mut compiled);
    // Where each signal of the lexicon and each pack starts, so that the engine goes from one
    // to the next without reading the bytes between: a count, then the offsets, of the lexicon
    // and then of the packs, as little-endian u32s.
    let mut index = Vec::new();
    for part in ["lexicon", "packs"] {
        let items: Vec<usize> = bin::Node::root(&compiled)
            .get(part)
            .map(|p| p.items().map(|n| n.offset_in(&compiled)).collect())
            .unwrap_or_default();
        index.extend_from_slice(&(items.len() as u32).to_le_bytes());
        for offset in items {
            index.extend_from_slice(&(offset as u32).to_le_bytes());
        }
    }
    std::fs::write(Path::new(&out).join("knowledge.idx"), index).expect("OUT_DIR is writable");
    std::fs::write(Path::new(&out).join("knowledge.bin"), compiled).expect("OUT_DIR is writable");
}

/// The order of a compiled pack's members.
const PACK_ORDER: &[&str] = &[
    "id",
    "when",
    "party",
    "declines",
    "codes",
    "messages",
    "references",
    "amount",
    "entry",
];

/// The pack-level keys that cannot be conditions. In TOML a key written after a `[[when]]`
/// header belongs to that block; these are moved back to the pack, where they mean something.
const PACK_KEYS: &[&str] = &[
    "declines",
    "codes",
    "messages",
    "references",
    "amount",
    "party",
];

fn lift(pack: &mut toml::Table) {
    let mut lifted = Vec::new();
    if let Some(toml::Value::Array(blocks)) = pack.get_mut("when") {
        for block in blocks.iter_mut() {
            if let toml::Value::Table(t) = block {
                for key in PACK_KEYS {
                    if let Some(v) = t.remove(*key) {
                        lifted.push((key.to_string(), v));
                    }
                }
            }
        }
    }
    for (k, v) in lifted {
        pack.entry(k).or_insert(v);
    }
}

/// Writes `v` as JSON. `lean` drops the documentation keys and normalizes the values of `code`
/// and `codes` lists inside entries and signals (`key` is the member name `v` sits under).
fn json(v: &toml::Value, out: &mut String, lean: bool, key: &str) {
    match v {
        toml::Value::String(s) => {
            let s = if lean && key == "code" && !s.contains(['*', '?']) {
                norm::normalize(s)
            } else if lean && key == "code" {
                // A pattern keeps its wildcards; the rest is normalized around them.
                s.split_inclusive(['*', '?'])
                    .map(|part| {
                        let (body, wild) = match part.strip_suffix(['*', '?']) {
                            Some(b) => (b, &part[b.len()..]),
                            None => (part, ""),
                        };
                        [norm::normalize(body).as_str(), wild].concat()
                    })
                    .collect()
            } else {
                s.clone()
            };
            string(&s, out)
        }
        toml::Value::Integer(n) => {
            let _ = write!(out, "{n}");
        }
        toml::Value::Float(f) => {
            let _ = write!(out, "{f}");
        }
        toml::Value::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
        toml::Value::Datetime(d) => string(&d.to_string(), out),
        toml::Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                // Items of a `code` (or `codes` in a signal) list are codes too.
                json(item, out, lean, key);
            }
            out.push(']');
        }
        toml::Value::Table(t) => {
            out.push('{');
            let mut first = true;
            for (k, v) in t {
                if lean && DOC_KEYS.contains(&k.as_str()) {
                    continue;
                }
                if !first {
                    out.push(',');
                }
                first = false;
                string(k, out);
                out.push(':');
                let inner = if k == "codes" && key == "signal" {
                    "code"
                } else {
                    k.as_str()
                };
                json(v, out, lean, inner);
            }
            out.push('}');
        }
    }
}

fn string(s: &str, out: &mut String) {
    json::write_string(s, out);
}
