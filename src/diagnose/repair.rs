//! Reading a JSON body that was cut at the read limit: keep every complete member, close the rest.
//!
//! # Design
//! A truncated body such as `{"error":{"code":"expired_card","message":"Your ca` still says what
//! happened. Rather than grepping for `"code":"…"` (which would also find text inside a message
//! string, or a nested code that the top-level one overrides), this finds the last point where
//! every value so far was complete, cuts there, appends the closing brackets that were still
//! open, and parses the result with the normal reader. The detectors then see real structure.
//! A trailing number is dropped too, since `150` may have been `150000`.

use crate::json::Value;

/// Where the scanner stands, for the innermost open object.
#[derive(Clone, Copy, PartialEq)]
enum Expect {
    Key,
    Colon,
    Value,
}

/// Parses the longest complete-prefix of `text`, or `None` when not even one container opens.
pub fn parse_truncated(text: &str) -> Option<Value> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let cut = last_safe_point(text.as_bytes())?;
    let prefix = text.get(..cut)?;
    let mut repaired = prefix.trim_end().trim_end_matches(',').to_owned();
    for close in open_containers(repaired.as_bytes()).iter().rev() {
        repaired.push(*close as char);
    }
    Value::parse(&repaired)
}

/// Walks `s` and returns the byte offset just after the last complete value (or opening bracket).
fn last_safe_point(s: &[u8]) -> Option<usize> {
    let mut stack: Vec<u8> = Vec::new();
    let mut expect = Expect::Value;
    let mut safe = None;
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        match b {
            b'{' | b'[' => {
                stack.push(if b == b'{' { b'}' } else { b']' });
                expect = if b == b'{' {
                    Expect::Key
                } else {
                    Expect::Value
                };
                i += 1;
                safe = Some(i);
            }
            b'}' | b']' => {
                if stack.pop() != Some(b) {
                    return safe;
                }
                i += 1;
                expect = Expect::Value;
                if stack.is_empty() {
                    // The document is complete; whatever follows is not part of it.
                    return Some(i);
                }
                safe = Some(i);
            }
            b'"' => {
                let Some(end) = skip_string(s, i + 1) else {
                    return safe;
                };
                i = end;
                if stack.last() == Some(&b'}') && expect == Expect::Key {
                    expect = Expect::Colon;
                } else if !stack.is_empty() {
                    safe = Some(i);
                }
            }
            b':' => {
                expect = Expect::Value;
                i += 1;
            }
            b',' => {
                expect = if stack.last() == Some(&b'}') {
                    Expect::Key
                } else {
                    Expect::Value
                };
                i += 1;
            }
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            _ => {
                // A literal or a number: complete only when a delimiter follows it.
                let start = i;
                while s
                    .get(i)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || b"+-.".contains(c))
                {
                    i += 1;
                }
                if i == start {
                    return safe;
                }
                if i < s.len() && !stack.is_empty() {
                    safe = Some(i);
                }
            }
        }
        if stack.len() > 64 {
            return safe;
        }
    }
    safe
}

/// The index just after the closing quote of a string starting at `i`, if it closes.
fn skip_string(s: &[u8], mut i: usize) -> Option<usize> {
    loop {
        match *s.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

/// The closing brackets for the containers still open at the end of `s`, innermost last.
fn open_containers(s: &[u8]) -> Vec<u8> {
    let mut stack = Vec::new();
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        match b {
            b'{' => stack.push(b'}'),
            b'[' => stack.push(b']'),
            b'}' | b']' => {
                stack.pop();
            }
            b'"' => match skip_string(s, i + 1) {
                Some(end) => {
                    i = end;
                    continue;
                }
                None => break,
            },
            _ => {}
        }
        i += 1;
    }
    stack
}

#[cfg(test)]
mod tests {
    use super::parse_truncated;

    #[test]
    fn keeps_complete_members_only() {
        let v = parse_truncated(r#"{"error":{"code":"expired_card","decline_code":"expi"#).unwrap();
        assert_eq!(v.to_json(), r#"{"error":{"code":"expired_card"}}"#);
        let v = parse_truncated(r#"{"a":[1,2,{"b":"x\"y"},3"#).unwrap();
        assert_eq!(v.to_json(), r#"{"a":[1,2,{"b":"x\"y"}]}"#);
        let v = parse_truncated(r#"{"amount":150"#).unwrap();
        assert_eq!(v.to_json(), "{}");
        let v = parse_truncated(r#"{"k":"#).unwrap();
        assert_eq!(v.to_json(), "{}");
    }

    #[test]
    fn gives_up_on_non_json() {
        assert_eq!(parse_truncated("payment required"), None);
        assert_eq!(parse_truncated(""), None);
    }
}
