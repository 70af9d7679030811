//! A small base64 decoder for x402 headers, `Payment` challenge requests and fixtures.
//!
//! Accepts the standard and the URL-safe alphabet, with or without `=` padding, because the
//! producers differ (x402 uses padded standard base64, the `Payment` scheme unpadded base64url).

/// Largest input decoded; payment headers are a few kilobytes at most.
const MAX_INPUT: usize = 1 << 20;

/// The 6-bit value of a base64 character in either alphabet.
fn sextet(b: u8) -> Option<u32> {
    Some(match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    } as u32)
}

/// Decodes `s` (surrounding ASCII whitespace ignored). Returns `None` on any character outside
/// the alphabets, padding in the middle, an impossible length, or input over 1 MiB.
pub fn decode(s: &str) -> Option<Vec<u8>> {
    let mut b = s.as_bytes();
    while let [first, rest @ ..] = b {
        if !first.is_ascii_whitespace() {
            break;
        }
        b = rest;
    }
    while let [rest @ .., last] = b {
        if !last.is_ascii_whitespace() {
            break;
        }
        b = rest;
    }
    if b.len() > MAX_INPUT {
        return None;
    }
    let mut data = b;
    while let [rest @ .., b'='] = data {
        data = rest;
    }
    if b.len() - data.len() > 2 || data.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 2);
    let mut acc = 0u32;
    let mut bits = 0;
    for &c in data {
        acc = (acc << 6) | sextet(c)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Decodes `s` and reads the bytes as UTF-8 text.
pub fn decode_text(s: &str) -> Option<String> {
    String::from_utf8(decode(s)?).ok()
}

/// Decodes `s` and parses the text as JSON (x402 headers, a `Payment` challenge's request).
pub fn decode_json(s: &str) -> Option<crate::json::Value> {
    crate::json::Value::parse(&decode_text(s)?)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_both_alphabets_with_and_without_padding() {
        assert_eq!(decode("aGk=").unwrap(), b"hi");
        assert_eq!(decode("aGk").unwrap(), b"hi");
        assert_eq!(decode("aGVsbG8gd29ybGQ=").unwrap(), b"hello world");
        assert_eq!(decode("-_-_").unwrap(), decode("+/+/").unwrap());
        assert_eq!(decode("").unwrap(), b"");
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "a",
            "aGk===",
            "aG=k",
            "!!!!",
            "eyJ4NDAyVmVyc2lvbiI6Miwi!!not-base64%%",
        ] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
