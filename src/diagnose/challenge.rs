//! Splitting a `WWW-Authenticate` value into its challenges (RFC 9110 §11.6.1).
//!
//! fetch joins repeated header lines with `", "`, so `LSAT macaroon="…", invoice="…", L402
//! macaroon="…", invoice="…"` is two challenges, and the comma that separates parameters is the
//! same one that separates challenges. A name followed by `=` is a parameter; a bare name starts
//! the next challenge.

/// Most challenges read from one header value.
const MAX_CHALLENGES: usize = 16;
/// Most parameters kept per challenge.
const MAX_PARAMS: usize = 32;

/// One authentication challenge: a scheme with either a token68 or named parameters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Challenge<'a> {
    /// The scheme as sent (compare with `eq_ignore_ascii_case`).
    pub scheme: &'a str,
    pub token68: Option<&'a str>,
    /// Parameter names as sent (compare with `eq_ignore_ascii_case`), values unquoted.
    pub params: Vec<(&'a str, String)>,
}

impl Challenge<'_> {
    /// The value of parameter `name` (lowercase), in any casing.
    pub fn param(&self, name: &str) -> Option<&str> {
        for (n, v) in &self.params {
            if n.eq_ignore_ascii_case(name) {
                return Some(v);
            }
        }
        None
    }

    pub fn is(&self, scheme: &str) -> bool {
        self.scheme.eq_ignore_ascii_case(scheme)
    }
}

fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn is_token68(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~+/".contains(&b)
}

/// Parses every challenge in `value`. Malformed parts are skipped, never fatal.
pub fn parse(value: &str) -> Vec<Challenge<'_>> {
    let s = value.as_bytes();
    let mut out: Vec<Challenge> = Vec::new();
    let mut i = 0;
    while i < s.len() && out.len() <= MAX_CHALLENGES {
        // Separators between list elements.
        while s.get(i).is_some_and(|b| matches!(b, b' ' | b'\t' | b',')) {
            i += 1;
        }
        let start = i;
        while s.get(i).copied().is_some_and(is_tchar) {
            i += 1;
        }
        if i == start {
            // Not a token: skip one byte and resynchronize.
            i += 1;
            continue;
        }
        let Some(name) = value.get(start..i) else {
            break;
        };
        let mut j = i;
        while s.get(j).is_some_and(|b| matches!(b, b' ' | b'\t')) {
            j += 1;
        }
        let is_param = s.get(j) == Some(&b'=') && s.get(j + 1) != Some(&b'=');
        match (is_param, out.last_mut()) {
            (true, Some(ch)) => {
                let (v, next) = param_value(value, j + 1);
                if ch.params.len() < MAX_PARAMS {
                    ch.params.push((name, v));
                }
                i = next;
            }
            (true, None) => i = param_value(value, j + 1).1,
            (false, _) => {
                let mut ch = Challenge {
                    scheme: name,
                    ..Challenge::default()
                };
                // A token68 follows the scheme when it is not itself `name=value`.
                let t = j;
                let mut k = t;
                while s.get(k).copied().is_some_and(is_token68) {
                    k += 1;
                }
                let mut end = k;
                while s.get(end) == Some(&b'=') {
                    end += 1;
                }
                let lone_eq = end == k + 1 && !at_list_end(s, end);
                if k > t && j > i && !lone_eq && at_list_end(s, end) {
                    ch.token68 = value.get(t..end);
                    i = end;
                } else {
                    i = j;
                }
                out.push(ch);
            }
        }
    }
    out.truncate(MAX_CHALLENGES);
    out
}

/// Whether only whitespace stands between `i` and a comma or the end.
fn at_list_end(s: &[u8], mut i: usize) -> bool {
    while s.get(i).is_some_and(|b| matches!(b, b' ' | b'\t')) {
        i += 1;
    }
    matches!(s.get(i), None | Some(b','))
}

/// Reads a parameter value (quoted-string or token) starting at `i`; returns it and the index
/// after it.
fn param_value(value: &str, mut i: usize) -> (String, usize) {
    let s = value.as_bytes();
    while s.get(i).is_some_and(|b| matches!(b, b' ' | b'\t')) {
        i += 1;
    }
    if s.get(i) == Some(&b'"') {
        let mut out = Vec::new();
        i += 1;
        while let Some(&b) = s.get(i) {
            i += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    if let Some(&e) = s.get(i) {
                        out.push(e);
                        i += 1;
                    }
                }
                _ => out.push(b),
            }
        }
        // Taking out ASCII backslashes keeps UTF-8 valid: nothing is ever replaced.
        return (String::from_utf8(out).unwrap_or_default(), i);
    }
    let start = i;
    while s
        .get(i)
        .is_some_and(|&b| b != b',' && b != b' ' && b != b'\t')
    {
        i += 1;
    }
    (value.get(start..i).unwrap_or_default().to_owned(), i)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn splits_joined_challenges() {
        let c =
            parse(r#"LSAT macaroon="m1", invoice="lnbc1", L402 macaroon="m2", invoice="lnbc2""#);
        assert_eq!(c.len(), 2);
        assert!(c[0].is("lsat") && c[1].is("L402"));
        assert_eq!(c[1].param("macaroon"), Some("m2"));
        assert_eq!(c[1].param("invoice"), Some("lnbc2"));
    }

    #[test]
    fn reads_token68_and_escapes() {
        let c = parse(r#"Negotiate YIIabc==, Bearer realm="a \"b\"", error=invalid_token, Basic"#);
        assert_eq!(c.len(), 3);
        assert_eq!(c[0].token68, Some("YIIabc=="));
        assert_eq!(c[1].param("realm"), Some("a \"b\""));
        assert_eq!(c[1].param("error"), Some("invalid_token"));
        assert!(c[2].is("basic") && c[2].params.is_empty());
    }

    #[test]
    fn survives_garbage() {
        for junk in [
            "",
            ",,,",
            "=\"x",
            "\"unterminated",
            "a=b",
            "Bearer =",
            "Bearer error=\"é",
        ] {
            let _ = parse(junk);
        }
        assert_eq!(parse("a=b").len(), 0);
    }
}
