//! The compiled form of knowledge: a JSON tree as delimited bytes, read in place.
//!
//! `build.rs` encodes the packs and the lexicon with [`encode`]; the integrator's `rules` are
//! encoded the same way when they are configured. The engine reads both through [`Node`], which
//! borrows the bytes: nothing is parsed or allocated before a diagnosis, and a diagnosis reads
//! only the parts of the packs it needs.
//!
//! # Format
//! Text stays as it is; the structure is written with the bytes `F6`–`FC`, which never occur
//! in UTF-8, so no text needs escaping and a container is skipped by counting its brackets:
//!
//! | value | bytes |
//! |---|---|
//! | string | `F6` text `FF` |
//! | number | `F7` its JSON text `FF` |
//! | `true`, `false`, `null` | `F8`, `F9`, `FA` |
//! | array | `FB` values `FC` |
//! | object | `FD` (key `FF` value)… `FE` |
//!
//! # Design
//! Measured on the 92 packs and the lexicon (brotli -q 11): JSON 12.65 KB, this form 12.3 KB,
//! and a form with length-prefixed strings and containers (skipping in constant time) 16.1 KB:
//! length bytes interrupt the text that brotli models well. Pure Rust, shared with `build.rs`.

use crate::json::Value;

const STRING: u8 = 0xF6;
const NUMBER: u8 = 0xF7;
const TRUE: u8 = 0xF8;
const FALSE: u8 = 0xF9;
const NULL: u8 = 0xFA;
/// The bytes that open and close containers, for writers that build a document piece by
/// piece ([`key`], [`string`], [`encode`]).
pub const ARRAY: u8 = 0xFB;
pub const ARRAY_END: u8 = 0xFC;
pub const OBJECT: u8 = 0xFD;
pub const OBJECT_END: u8 = 0xFE;
const END: u8 = 0xFF;

/// One encoded value: the bytes from its first byte to the end of the document.
#[derive(Clone, Copy)]
pub struct Node<'a>(&'a [u8]);

/// The text up to the next `END`, and what follows that byte.
fn text(b: &[u8]) -> Option<(&str, &[u8])> {
    let at = b.iter().position(|&c| c == END)?;
    Some((std::str::from_utf8(&b[..at]).ok()?, &b[at + 1..]))
}

/// What follows the value at the start of `b`.
#[inline(never)]
fn skip(b: &[u8]) -> Option<&[u8]> {
    match *b.first()? {
        STRING | NUMBER => Some(&b[1 + b[1..].iter().position(|&c| c == END)? + 1..]),
        ARRAY | OBJECT => {
            // Text never holds a structure byte, so brackets can simply be counted.
            let mut depth = 0usize;
            for (i, &c) in b.iter().enumerate() {
                match c {
                    ARRAY | OBJECT => depth += 1,
                    ARRAY_END | OBJECT_END => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(&b[i + 1..]);
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        TRUE | FALSE | NULL => Some(&b[1..]),
        _ => None,
    }
}

impl<'a> Node<'a> {
    /// The document in `bytes`.
    pub fn root(bytes: &'a [u8]) -> Node<'a> {
        Node(bytes)
    }

    fn kind(self) -> u8 {
        self.0.first().copied().unwrap_or(0)
    }

    /// The string content, if this is a string.
    pub fn as_str(self) -> Option<&'a str> {
        match self.kind() {
            STRING => text(&self.0[1..]).map(|(s, _)| s),
            _ => None,
        }
    }

    /// A string, or a number's text.
    pub fn as_text(self) -> Option<&'a str> {
        match self.kind() {
            STRING | NUMBER => text(&self.0[1..]).map(|(s, _)| s),
            _ => None,
        }
    }

    /// A non-negative integer that fits in `u64`, from a number or a string of digits.
    pub fn as_u64(self) -> Option<u64> {
        crate::json::uint(self.as_text()?.trim())
    }

    pub fn as_bool(self) -> Option<bool> {
        match self.kind() {
            TRUE => Some(true),
            FALSE => Some(false),
            _ => None,
        }
    }

    pub fn is_array(self) -> bool {
        self.kind() == ARRAY
    }

    /// The elements of an array (nothing for any other value).
    pub fn items(self) -> Items<'a> {
        Items(match self.kind() {
            ARRAY => &self.0[1..],
            _ => &[],
        })
    }

    /// The members of an object (nothing for any other value).
    pub fn members(self) -> Members<'a> {
        Members(match self.kind() {
            OBJECT => &self.0[1..],
            _ => &[],
        })
    }

    /// Member `key` of an object.
    pub fn get(self, key: &str) -> Option<Node<'a>> {
        // Not through `members`: the member found is not skipped (a pack's `entry` list is most
        // of the pack, and skipping means reading every byte of it).
        if self.kind() != OBJECT {
            return None;
        }
        let mut b = &self.0[1..];
        while b.first() != Some(&OBJECT_END) {
            // Keys are compared as bytes: no UTF-8 check for the keys passed over.
            let end = b.iter().position(|&c| c == END)?;
            let rest = &b[end + 1..];
            if &b[..end] == key.as_bytes() {
                return Some(Node(rest));
            }
            b = skip(rest)?;
        }
        None
    }

    /// Where this value starts in `doc`, the document it was read from (for `build.rs`'s
    /// index of the packs).
    pub fn offset_in(self, doc: &[u8]) -> usize {
        self.0.as_ptr() as usize - doc.as_ptr() as usize
    }

    /// The strings of a string-or-list value: one string, or the strings of an array.
    pub fn strings(self) -> Strings<'a> {
        Strings {
            one: self.as_str(),
            many: self.items(),
        }
    }
}

/// The strings of an optional string-or-list value.
pub fn strings(v: Option<Node<'_>>) -> Strings<'_> {
    match v {
        Some(n) => n.strings(),
        None => Strings {
            one: None,
            many: Items::EMPTY,
        },
    }
}

/// The strings of a string-or-list value.
///
/// # Design
/// A type of its own rather than `chain` and `filter_map`: those adapters are compiled again
/// for every closure they meet, and a wasm module pays for each copy.
pub struct Strings<'a> {
    one: Option<&'a str>,
    many: Items<'a>,
}

impl<'a> Iterator for Strings<'a> {
    type Item = &'a str;

    #[inline(never)]
    fn next(&mut self) -> Option<&'a str> {
        if let Some(s) = self.one.take() {
            return Some(s);
        }
        loop {
            if let Some(s) = self.many.next()?.as_str() {
                return Some(s);
            }
        }
    }
}

/// The elements of an array.
#[derive(Clone)]
pub struct Items<'a>(&'a [u8]);

impl Items<'_> {
    /// No elements.
    pub const EMPTY: Items<'static> = Items(&[]);
}

impl<'a> Iterator for Items<'a> {
    type Item = Node<'a>;

    fn next(&mut self) -> Option<Node<'a>> {
        let node = Node(self.0);
        // The end of the array, or a malformed element, ends the iteration.
        self.0 = match node.kind() {
            ARRAY_END => return None,
            _ => skip(self.0)?,
        };
        Some(node)
    }
}

/// The members of an object.
pub struct Members<'a>(&'a [u8]);

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, Node<'a>);

    fn next(&mut self) -> Option<(&'a str, Node<'a>)> {
        if self.0.first() == Some(&OBJECT_END) {
            return None;
        }
        let (key, rest) = text(self.0)?;
        let value = Node(rest);
        self.0 = skip(rest)?;
        Some((key, value))
    }
}

/// Appends `v` in the compiled form.
pub fn encode(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Null => out.push(NULL),
        Value::Bool(b) => out.push(if *b { TRUE } else { FALSE }),
        Value::Number(n) => delimited(NUMBER, n, out),
        Value::String(s) => string(s, out),
        Value::Array(a) => {
            out.push(ARRAY);
            for x in a {
                encode(x, out);
            }
            out.push(ARRAY_END);
        }
        Value::Object(m) => {
            out.push(OBJECT);
            for (k, x) in m {
                key(k, out);
                encode(x, out);
            }
            out.push(OBJECT_END);
        }
    }
}

/// Appends the key of an object member (its value follows).
pub fn key(k: &str, out: &mut Vec<u8>) {
    out.extend_from_slice(k.as_bytes());
    out.push(END);
}

/// Appends a string.
pub fn string(s: &str, out: &mut Vec<u8>) {
    delimited(STRING, s, out);
}

fn delimited(kind: u8, text: &str, out: &mut Vec<u8>) {
    out.push(kind);
    out.extend_from_slice(text.as_bytes());
    out.push(END);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled(src: &str) -> Vec<u8> {
        let mut bytes = Vec::new();
        encode(&Value::parse(src).unwrap(), &mut bytes);
        bytes
    }

    #[test]
    fn reads_every_kind_in_place() {
        let bytes = compiled(
            r#"{"a":[1,"two",true,false,null,{"b":"c\"q\u00e9"}],"n":-2.5e3,"e":{},"x":[[],{}]}"#,
        );
        let n = Node::root(&bytes);
        let a: Vec<Node> = n.get("a").unwrap().items().collect();
        assert_eq!(a.len(), 6);
        assert_eq!(a[0].as_u64(), Some(1));
        assert_eq!(a[1].as_str(), Some("two"));
        assert_eq!((a[2].as_bool(), a[3].as_bool()), (Some(true), Some(false)));
        assert_eq!(a[5].get("b").and_then(Node::as_str), Some("c\"qé"));
        assert_eq!(n.get("n").and_then(Node::as_text), Some("-2.5e3"));
        assert_eq!(n.get("n").and_then(Node::as_str), None);
        assert_eq!(n.get("e").unwrap().members().count(), 0);
        assert_eq!(n.get("x").unwrap().items().count(), 2);
        assert!(n.get("missing").is_none());
        let keys: Vec<&str> = n.members().map(|(k, _)| k).collect();
        assert_eq!(keys, ["a", "n", "e", "x"]);
        assert_eq!(strings(n.get("a")).collect::<Vec<_>>(), ["two"]);
        assert_eq!(strings(a[5].get("b")).count(), 1, "one string");
    }

    #[test]
    fn malformed_bytes_read_as_nothing() {
        assert!(Node::root(&[]).get("a").is_none());
        assert!(
            Node::root(&[STRING, b'a']).as_str().is_none(),
            "unterminated"
        );
        assert_eq!(Node::root(&[ARRAY, ARRAY, 0x20]).items().count(), 0);
        assert_eq!(Node::root(&[OBJECT, b'k', END]).members().count(), 0);
        assert_eq!(
            Node::root(&[OBJECT, b'k', END, STRING, b'v'])
                .members()
                .count(),
            0
        );
        let ok = [ARRAY, TRUE, 0x20, FALSE, ARRAY_END];
        assert_eq!(
            Node::root(&ok).items().count(),
            1,
            "a stray byte ends the array"
        );
    }
}
