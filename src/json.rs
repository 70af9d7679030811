//! A small, bounded JSON reader for untrusted response bodies and integrator options.
//!
//! # Design
//! The widget must ship in a few kilobytes and must never fail on hostile input, so instead of
//! `serde_json` (whose error paths and float formatting cost ~20 KB of wasm) this module reads
//! JSON into a plain [`Value`] tree with hard limits on depth and size. Numbers keep their source
//! text: amounts are strings of digits that may exceed 64 bits, and nothing here needs floats.

/// Deepest nesting accepted; deeper input is rejected rather than risking the stack.
const MAX_DEPTH: usize = 64;

/// Most members accepted in one object; a larger object is rejected, which bounds the
/// duplicate-key check (linear per member) to about half a million key comparisons.
const MAX_MEMBERS: usize = 1024;

/// A parsed JSON value. Object keys keep their first occurrence.
///
/// # Design
/// Objects are a `Vec` of members in source order rather than a map: response bodies and
/// options have a handful of keys, a linear lookup is as fast as a tree there, and a tree costs
/// kilobytes of WebAssembly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number exactly as written in the source (validated JSON number syntax).
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Members in source order, each key once (the first occurrence wins).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Parses `text` as one JSON document (surrounding whitespace and a UTF-8 BOM allowed).
    /// Returns `None` on any syntax error, trailing garbage or excessive depth.
    pub fn parse(text: &str) -> Option<Value> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut p = Parser {
            s: text.as_bytes(),
            i: 0,
        };
        let v = p.value(0)?;
        p.ws();
        (p.i == p.s.len()).then_some(v)
    }

    /// Member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(m) => {
                for (k, v) in m {
                    if k == key {
                        return Some(v);
                    }
                }
                None
            }
            _ => None,
        }
    }

    /// The string content, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A string, or a number's source text: fields such as `status_code` come either way.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::String(s) | Value::Number(s) => Some(s),
            _ => None,
        }
    }

    /// A non-negative integer that fits in `u64`, from a number or a string of digits.
    pub fn as_u64(&self) -> Option<u64> {
        uint(self.as_text()?.trim())
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The members of an object, in source order.
    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// Serializes back to compact JSON text.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => out.push_str(n),
            Value::String(s) => write_string(s, out),
            Value::Array(a) => {
                out.push('[');
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            Value::Object(m) => {
                out.push('{');
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(k, out);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// `s` as a `u64`, read as `str::parse` reads it (an optional `+`, then ASCII digits, no
/// overflow), so that every integer of the core goes through one small function instead of one
/// copy of std's parser per integer type.
#[inline(never)]
pub fn uint(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    let digits = match b {
        [b'+', rest @ ..] => rest,
        _ => b,
    };
    if digits.is_empty() {
        return None;
    }
    let mut n: u64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
    }
    Some(n)
}

/// Writes `s` as a JSON string literal.
pub fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = c as u32;
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(HEX[((n >> shift) & 0xf) as usize] as char);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.ws();
        if self.s.get(self.i) == Some(&b) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn lit(&mut self, word: &[u8], v: Value) -> Option<Value> {
        if self.s.get(self.i..self.i + word.len()) == Some(word) {
            self.i += word.len();
            Some(v)
        } else {
            None
        }
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match *self.s.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut m: Vec<(String, Value)> = Vec::new();
                if self.eat(b'}') {
                    return Some(Value::Object(m));
                }
                loop {
                    self.ws();
                    let k = self.string()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    let v = self.value(depth + 1)?;
                    if !m.iter().any(|(seen, _)| *seen == k) {
                        if m.len() == MAX_MEMBERS {
                            return None;
                        }
                        m.push((k, v));
                    }
                    if self.eat(b',') {
                        continue;
                    }
                    return self.eat(b'}').then_some(Value::Object(m));
                }
            }
            b'[' => {
                self.i += 1;
                let mut a = Vec::new();
                if self.eat(b']') {
                    return Some(Value::Array(a));
                }
                loop {
                    a.push(self.value(depth + 1)?);
                    if self.eat(b',') {
                        continue;
                    }
                    return self.eat(b']').then_some(Value::Array(a));
                }
            }
            b'"' => self.string().map(Value::String),
            b't' => self.lit(b"true", Value::Bool(true)),
            b'f' => self.lit(b"false", Value::Bool(false)),
            b'n' => self.lit(b"null", Value::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn number(&mut self) -> Option<Value> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let s = p.i;
            while matches!(p.s.get(p.i), Some(b'0'..=b'9')) {
                p.i += 1;
            }
            p.i > s
        };
        if self.s.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        if !digits(self) {
            return None;
        }
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            if !digits(self) {
                return None;
            }
        }
        if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.s.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).ok()?;
        Some(Value::Number(text.to_owned()))
    }

    /// Four hexadecimal digits (as `u32::from_str_radix` reads them: a leading `+` allowed).
    fn hex4(&mut self) -> Option<u32> {
        let h = self.s.get(self.i..self.i + 4)?;
        self.i += 4;
        let digits = match h {
            [b'+', rest @ ..] => rest,
            _ => h,
        };
        let mut n = 0;
        for &c in digits {
            n = n * 16 + char::from(c).to_digit(16)?;
        }
        Some(n)
    }

    fn string(&mut self) -> Option<String> {
        if self.s.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        let mut out = Vec::new();
        loop {
            // A run without quotes, escapes or controls is copied at once.
            let start = self.i;
            while self
                .s
                .get(self.i)
                .is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.i += 1;
            }
            out.extend_from_slice(&self.s[start..self.i]);
            let b = *self.s.get(self.i)?;
            self.i += 1;
            match b {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let e = *self.s.get(self.i)?;
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let cp = if (0xd800..0xdc00).contains(&hi)
                                && self.s.get(self.i..self.i + 2) == Some(b"\\u")
                            {
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&lo) {
                                    return None;
                                }
                                0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                            } else {
                                hi
                            };
                            // Lone surrogates become U+FFFD rather than failing the document.
                            char::from_u32(cp).unwrap_or('\u{fffd}')
                        }
                        _ => return None,
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                // A control character.
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Value;

    #[test]
    fn parses_nested_documents_and_keeps_big_numbers_exact() {
        let v = Value::parse(
            "\u{feff} {\"a\":[1,-2.5e3,\"x\\u00e9\\ud83d\\ude00\"],\"n\":115792089237316195423570985008687907853269984665640564039457584007913129639935,\"b\":true,\"z\":null}",
        )
        .unwrap();
        assert_eq!(
            v.get("a").unwrap().as_array().unwrap()[2].as_str(),
            Some("xé😀")
        );
        assert_eq!(
            v.get("n").unwrap().as_text().unwrap().len(),
            78,
            "uint256 max keeps every digit"
        );
        assert_eq!(v.get("b").unwrap().as_bool(), Some(true));
        assert_eq!(v.get("z"), Some(&Value::Null));
    }

    #[test]
    fn objects_keep_source_order_and_the_first_duplicate() {
        let v = Value::parse(r#"{"b":1,"a":2,"b":3}"#).unwrap();
        assert_eq!(v.get("b").and_then(Value::as_u64), Some(1));
        let keys: Vec<&str> = v
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, _)| k.as_str())
            .collect();
        assert_eq!(keys, ["b", "a"]);
        assert_eq!(v.to_json(), r#"{"b":1,"a":2}"#);
        let members = |n: usize| {
            let body: Vec<String> = (0..n)
                .map(|i| ["\"k", &i.to_string(), "\":0"].concat())
                .collect();
            ["{", &body.join(","), "}"].concat()
        };
        assert!(Value::parse(&members(super::MAX_MEMBERS)).is_some());
        assert_eq!(Value::parse(&members(super::MAX_MEMBERS + 1)), None);
    }

    #[test]
    fn rejects_malformed_input() {
        for bad in [
            "",
            "{",
            "{\"a\":}",
            "[1,]",
            "01x",
            "\"\u{1}\"",
            "{} x",
            "tru",
            "-",
            "1.",
        ] {
            assert_eq!(Value::parse(bad), None, "{bad:?}");
        }
        let deep = "[".repeat(10_000);
        assert_eq!(Value::parse(&deep), None);
    }

    #[test]
    fn round_trips_through_to_json() {
        let src = r#"{"k":["a\"b\n",1.5,false,null,{}]}"#;
        let v = Value::parse(src).unwrap();
        assert_eq!(Value::parse(&v.to_json()), Some(v));
    }
}
