//! Code normalization: `CardDeclined`, `CARD_DECLINED`, `card-declined` and `card declined` are one
//! code, `card_declined`. Shared by the build script (pack codes) and the engine (response codes).

/// Longest code normalized; longer text is not a code.
pub const MAX_CODE: usize = 256;

/// camelCase split into words, ASCII lowercase, `-`, ` `, `.`, `/`, `:` and `_` as one `_`
/// between words, none at the ends. Other characters are kept (lowercased when ASCII).
pub fn normalize(s: &str) -> String {
    // Read as bytes: only ASCII is split or lowercased, and the byte before a non-ASCII
    // character's last byte is no ASCII letter or digit, as the character itself is not.
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() + 4);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let prev = if i > 0 { b[i - 1] } else { 0 };
        if c.is_ascii_uppercase() {
            let after_word = prev.is_ascii_lowercase() || prev.is_ascii_digit();
            let acronym_end =
                prev.is_ascii_uppercase() && b.get(i + 1).is_some_and(u8::is_ascii_lowercase);
            if after_word || acronym_end {
                separate(&mut out);
            }
            out.push(c.to_ascii_lowercase());
        } else if matches!(c, b'-' | b' ' | b'.' | b'/' | b':' | b'_' | b'\t' | b'\n') {
            separate(&mut out);
        } else {
            out.push(c);
        }
        i += 1;
    }
    while out.last() == Some(&b'_') {
        out.pop();
    }
    // Only ASCII bytes were changed or left out: the text is still UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

fn separate(out: &mut Vec<u8>) {
    if !out.is_empty() && out.last() != Some(&b'_') {
        out.push(b'_');
    }
}

/// Whether `text` matches `pattern`, where `*` is any run of characters and `?` one character.
pub fn glob(pattern: &str, text: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == b'?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == b'*' {
        pi += 1;
    }
    pi == p.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_code_many_spellings() {
        for s in [
            "CardDeclined",
            "CARD_DECLINED",
            "card-declined",
            "card declined",
            "card.declined",
        ] {
            assert_eq!(normalize(s), "card_declined", "{s}");
        }
        assert_eq!(
            normalize("oauth.v2.InvalidApiKey"),
            "oauth_v2_invalid_api_key"
        );
        assert_eq!(normalize("APIKeyInvalid"), "api_key_invalid");
        assert_eq!(normalize("RESOURCE_EXHAUSTED"), "resource_exhausted");
        assert_eq!(normalize("4031714"), "4031714");
        assert_eq!(normalize("__type"), "type");
        assert_eq!(
            normalize("https://paymentauth.org/problems/session/x"),
            "https_paymentauth_org_problems_session_x"
        );
    }

    #[test]
    fn globs() {
        assert!(glob("403??14", "4031714"));
        assert!(!glob("403??14", "4031715"));
        assert!(glob("invalid_*_key", "invalid_api_key"));
        assert!(glob("*", ""));
        assert!(!glob("a?", "a"));
    }
}
