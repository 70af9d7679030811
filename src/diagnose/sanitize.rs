//! Making response text safe to show: control and bidi characters out, length capped, links checked.
//!
//! Every string taken from a response is hostile. Text goes through [`sanitize_text`] before it
//! leaves `diagnose`, and every link through [`safe_url`].

/// Longest URL accepted; longer ones are dropped rather than cut (a cut URL points elsewhere).
const MAX_URL_CHARS: usize = 2048;

/// Hosts that may be linked over plain `http` (a developer's own machine), each followed by `|`.
const LOOPBACK_HOSTS: &str = "localhost|127.0.0.1|[::1]|";

use super::input::{all_bytes, digit, find};

/// Whether `c` is dropped from shown text: controls (C0, DEL, C1), bidi embeddings, overrides,
/// isolates and marks, zero-width characters, the BOM and Unicode tag characters.
///
/// # Design
/// Bidi overrides (U+202A–202E, U+2066–2069, U+200E/200F/061C) can make `evil.com/moc.knab`
/// read as something else, and zero-width joiners or tag characters hide text from a reader
/// while keeping it for a machine. The joiners' legitimate use (emoji sequences, some scripts)
/// does not occur in payment error messages, so they are dropped too.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{206a}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

/// Returns `s` as plain, single-line, visible text of at most `max_chars` characters.
///
/// Whitespace runs (including newlines, tabs and U+2028/2029) become one space, hidden
/// characters are removed, the ends are trimmed, and text longer than `max_chars` is cut and
/// ends with `…` (which counts toward `max_chars`).
///
/// ```
/// use explain402::diagnose::sanitize_text;
/// assert_eq!(sanitize_text(" Kartu\u{202e}  Anda\n\tditolak\u{0} ", 100), "Kartu Anda ditolak");
/// assert_eq!(sanitize_text("abcdef", 4), "abc…");
/// ```
pub fn sanitize_text(s: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    // The bytes of the first `max_chars - 1` characters: where a cut text ends, before its `…`.
    let mut keep = 0;
    let mut pending_space = false;
    for c in s.chars() {
        // Tabs and newlines are controls too, but they separate words.
        if c.is_whitespace() {
            pending_space = count > 0;
            continue;
        }
        if is_hidden(c) {
            continue;
        }
        let needed = usize::from(pending_space) + 1;
        if count + needed > max_chars {
            if max_chars == 0 {
                return String::new();
            }
            // Spaces are the only whitespace kept, never two in a row.
            out.truncate(keep);
            if out.ends_with(' ') {
                out.truncate(out.len() - 1);
            }
            out.push('…');
            return out;
        }
        if pending_space {
            out.push(' ');
            count += 1;
            if count + 1 == max_chars {
                keep = out.len();
            }
            pending_space = false;
        }
        out.push(c);
        count += 1;
        if count + 1 == max_chars {
            keep = out.len();
        }
    }
    out
}

/// Removes what no shown text may contain and keeps the rest as written: control characters
/// other than tab, line feed and carriage return, and bidi embeddings, overrides and isolates
/// (U+202A–202E, U+2066–2069).
///
/// # Design
/// For integrator texts, which are trusted to say what they mean but not to reorder the panel
/// around them. Response text gets the stricter [`sanitize_text`], which also drops zero-width
/// characters and marks that a language's own text may need.
///
/// ```
/// use explain402::diagnose::strip_controls;
/// assert_eq!(strip_controls("Kartu \u{202e}Anda\u{0}\u{85}\n ditolak"), "Kartu Anda\n ditolak");
/// ```
pub fn strip_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let kept = match c {
            '\t' | '\n' | '\r' => true,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => false,
            c => !c.is_control(),
        };
        if kept {
            out.push(c);
        }
    }
    out
}

/// Returns the URL when it is safe to offer as a link: `https`, or `http` to a loopback host;
/// no credentials, whitespace, control, non-ASCII or quoting characters; at most 2048
/// characters. The scheme is returned lowercased.
///
/// ```
/// use explain402::diagnose::safe_url;
/// assert_eq!(safe_url("HTTPS://pay.example.com/i/1").as_deref(), Some("https://pay.example.com/i/1"));
/// assert_eq!(safe_url("javascript:alert(1)"), None);
/// assert_eq!(safe_url("https://user:pw@example.com/"), None);
/// assert_eq!(safe_url("http://localhost:8080/pay").as_deref(), Some("http://localhost:8080/pay"));
/// ```
pub fn safe_url(s: &str) -> Option<String> {
    if s.is_empty() || s.len() > MAX_URL_CHARS {
        return None;
    }
    // Only the unreserved, reserved and percent characters of RFC 3986: this rules out
    // whitespace, controls, backslashes (which browsers read as `/`), quotes and angle brackets.
    // Every byte is then ASCII, so every index below is a character boundary.
    for b in s.bytes() {
        if !(b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&()*+,;=%".contains(&b)) {
            return None;
        }
    }
    let sep = find(s, "://")?;
    let (scheme, rest) = (&s[..sep], &s[sep + 3..]);
    let mut end = 0;
    while end < rest.len() && !matches!(rest.as_bytes()[end], b'/' | b'?' | b'#') {
        end += 1;
    }
    let authority = &rest[..end];
    if authority.is_empty() || authority.as_bytes().contains(&b'@') {
        return None;
    }
    let host = host_of(authority)?;
    let ok = if scheme.eq_ignore_ascii_case("https") {
        valid_host(host)
    } else if scheme.eq_ignore_ascii_case("http") {
        LOOPBACK_HOSTS
            .split_terminator('|')
            .any(|h| h.eq_ignore_ascii_case(host))
    } else {
        false
    };
    ok.then(|| {
        let mut url = scheme.to_ascii_lowercase();
        url.push_str("://");
        url.push_str(rest);
        url
    })
}

/// The host part of an authority (without the port).
fn host_of(authority: &str) -> Option<&str> {
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => {
            let close = v6.bytes().position(|b| b == b']')? + 2;
            let rest = &authority[close..];
            if rest.is_empty() {
                return Some(&authority[..close]);
            }
            (&authority[..close], rest.strip_prefix(':')?)
        }
        None => match authority.split_once(':') {
            Some(pair) => pair,
            None => return Some(authority),
        },
    };
    let valid_port = !port.is_empty() && port.len() <= 5 && all_bytes(port, digit);
    valid_port.then_some(host)
}

/// A DNS name or an IP literal with at least one dot (or an IPv6 literal).
fn valid_host(h: &str) -> bool {
    if let Some(v6) = h.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return !v6.is_empty()
            && all_bytes(v6, |b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
    }
    if h.is_empty() || h.len() > 253 || h.starts_with(['.', '-']) {
        return false;
    }
    // Labels of 1 to 63 letters, digits and hyphens, separated by single dots.
    let mut label = 0;
    for b in h.bytes() {
        if b == b'.' {
            if label == 0 {
                return false;
            }
            label = 0;
        } else if b.is_ascii_alphanumeric() || b == b'-' {
            label += 1;
            if label > 63 {
                return false;
            }
        } else {
            return false;
        }
    }
    label > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_on_character_boundaries() {
        assert_eq!(sanitize_text("ééééé", 3), "éé…");
        assert_eq!(sanitize_text("ab cd", 3), "ab…");
        assert_eq!(sanitize_text("abc", 3), "abc");
        assert_eq!(sanitize_text("abc", 0), "");
        assert_eq!(sanitize_text("\u{200b}\u{2066}", 10), "");
    }

    #[test]
    fn urls_need_a_real_host() {
        for bad in [
            "https://",
            "https:///x",
            "https://.x/",
            "https://a..b/",
            "https://a:99999999/",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
        assert!(safe_url("https://[2001:db8::1]:443/x").is_some());
        assert!(safe_url("http://[::1]/x").is_some());
        assert_eq!(safe_url("http://example.com/"), None);
    }
}
