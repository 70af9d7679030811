//! The response as every detector sees it, and what a detector hands back.

use super::details::{Details, Source};
use super::exchange::Exchange;
use super::repair;
use super::{Cause, Party};
use crate::json::{uint, Value};
use std::borrow::Cow;
use std::cell::OnceCell;

/// Longest vendor code kept in [`Details::code`].
const MAX_CODE_CHARS: usize = 120;
/// How much of a body's visible text is searched for phrases.
const MAX_SCAN_BYTES: usize = 16 * 1024;

/// One response, read once: the body as (lossy) text and, when it is JSON, as a tree.
pub struct Input<'a> {
    pub ex: &'a Exchange,
    /// The body as UTF-8 (invalid sequences replaced), without a leading BOM.
    pub text: Cow<'a, str>,
    /// The body parsed as JSON: whatever the content type says, and repaired when truncated.
    pub json: Option<Value>,
    /// The current time, when the caller knows it (for HTTP-date `Retry-After`).
    pub now: Option<u64>,
    /// The host of the response URL, lowercase, when known.
    pub host: Option<String>,
    /// The body as a reader sees it, folded (see [`Input::page_text`]).
    page: OnceCell<String>,
    /// The body as sent, folded (see [`Input::raw_text`]).
    raw: OnceCell<String>,
}

impl<'a> Input<'a> {
    pub fn new(ex: &'a Exchange, now: Option<u64>) -> Input<'a> {
        let text = match lossy(&ex.body) {
            Cow::Borrowed(s) => Cow::Borrowed(s.strip_prefix('\u{feff}').unwrap_or(s)),
            Cow::Owned(s) => Cow::Owned(s.strip_prefix('\u{feff}').unwrap_or(&s).to_owned()),
        };
        let trimmed = text.trim_start();
        let mut json = None;
        if trimmed.starts_with(['{', '[']) {
            json = Value::parse(trimmed);
            if json.is_none() && ex.truncated {
                json = repair::parse_truncated(trimmed);
            }
        }
        let host = match &ex.url {
            Some(url) => host_of(url),
            None => None,
        };
        Input {
            ex,
            text,
            json,
            now,
            host,
            page: OnceCell::new(),
            raw: OnceCell::new(),
        }
    }

    /// The body as sent (markup and scripts included: a challenge page's markers live in
    /// script URLs and class names), at most 64 KiB, lowercased and single-spaced.
    pub fn raw_text(&self) -> &str {
        self.raw
            .get_or_init(|| fold(prefix(&self.text, MAX_SCAN_BYTES * 4)))
    }

    /// Whether the response came from another site than the page's: a third-party API. Without
    /// a page (natively), any response URL counts as another site's.
    pub fn third_party(&self) -> bool {
        let Some(host) = &self.host else { return false };
        match &self.ex.page_host {
            // `site` reads only the dots, so the page's host need not be lowercased first.
            Some(page) => !site(page).eq_ignore_ascii_case(site(host)),
            None => true,
        }
    }

    /// The body as a reader sees it: an HTML page's visible text or the text itself, at most
    /// 16 KiB, lowercased and single-spaced. Computed once.
    pub fn page_text(&self) -> &str {
        self.page.get_or_init(|| {
            let raw = prefix(&self.text, MAX_SCAN_BYTES * 4);
            if self.is_html() {
                fold(prefix(&visible_text(raw), MAX_SCAN_BYTES))
            } else {
                fold(prefix(raw, MAX_SCAN_BYTES))
            }
        })
    }

    pub fn status(&self) -> u16 {
        self.ex.status
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.ex.headers.get(name)
    }

    /// The value at a dotted path in the JSON body (`error.code`, `accepts.0.network`).
    pub fn at(&self, dotted: &str) -> Option<&Value> {
        path(self.json.as_ref()?, dotted)
    }

    /// The string at a dotted path.
    pub fn str_at(&self, dotted: &str) -> Option<&str> {
        self.at(dotted)?.as_str()
    }

    /// Whether the media type (`Exchange::content_type`, else the `Content-Type` header)
    /// contains `word` (lowercase), in any casing.
    pub fn media_type_has(&self, word: &str) -> bool {
        let ct = match &self.ex.content_type {
            Some(ct) => Some(ct.as_str()),
            None => self.header("content-type"),
        };
        ct.is_some_and(|ct| find_ci(ct, word).is_some())
    }

    /// Whether the body is (or claims to be) HTML.
    pub fn is_html(&self) -> bool {
        self.media_type_has("html") || self.text.trim_start().starts_with('<')
    }
}

/// `bytes` as UTF-8, each invalid sequence replaced by U+FFFD as `String::from_utf8_lossy`
/// replaces it (the same maximal subparts, which `Utf8Error::error_len` reports), without
/// std's chunk iterator.
pub fn lossy(bytes: &[u8]) -> Cow<'_, str> {
    let mut rest = bytes;
    let mut out = String::new();
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) if out.is_empty() && s.len() == bytes.len() => return Cow::Borrowed(s),
            Ok(s) => {
                out.push_str(s);
                return Cow::Owned(out);
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                out.push('\u{fffd}');
                match e.error_len() {
                    Some(n) => rest = bad.get(n..).unwrap_or_default(),
                    None => return Cow::Owned(out),
                }
            }
        }
    }
}

/// Where `needle` first occurs in `hay`.
///
/// # Design
/// Every exact substring search of the diagnosis calls std's searcher here, once, instead of
/// setting it up inline at each call site.
#[inline(never)]
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    hay.find(needle)
}

/// Whether `needle` occurs in `hay`.
#[inline(never)]
pub fn has(hay: &str, needle: &str) -> bool {
    hay.contains(needle)
}

/// Whether every byte of `s` passes `ok`: one loop for every such check of the diagnosis,
/// instead of one copy of `Iterator::all` per closure.
#[inline(never)]
pub fn all_bytes(s: &str, ok: fn(u8) -> bool) -> bool {
    for b in s.bytes() {
        if !ok(b) {
            return false;
        }
    }
    true
}

/// An ASCII digit (for [`all_bytes`]).
pub fn digit(b: u8) -> bool {
    b.is_ascii_digit()
}

/// Whether `word` is one of the `|`-terminated words of `table` (a table as one string costs
/// less WebAssembly than a slice of strings).
#[inline(never)]
pub fn listed(table: &str, word: &str) -> bool {
    for w in table.split_terminator('|') {
        if w == word {
            return true;
        }
    }
    false
}

/// Whether `needle` occurs in `hay` (folded: lowercase) in any ASCII casing.
pub fn has_folded(hay: &str, needle: &str) -> bool {
    if !all_bytes(needle, |b| !b.is_ascii_uppercase()) {
        has(hay, &needle.to_ascii_lowercase())
    } else {
        has(hay, needle)
    }
}

/// Where `needle` (lowercase) first occurs in `hay`, in any ASCII casing: for short searches
/// of text as sent (a media type, a closing tag).
#[inline(never)]
pub fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let last = h.len().checked_sub(n.len())?;
    (0..=last).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Lowercased, single-spaced text: runs of whitespace become one space, none at the ends.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// The host of a URL (`https://api.stripe.com/v1/x` → `api.stripe.com`), lowercase, without
/// credentials or port.
pub fn host_of(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.get(find(url, "://")? + 3..)?;
    let mut end = 0;
    let mut at = 0;
    for &b in rest.as_bytes() {
        match b {
            b'/' | b'?' | b'#' => break,
            b'@' => at = end + 1,
            _ => {}
        }
        end += 1;
    }
    let host = rest.get(at..end)?;
    let host = match host.strip_prefix('[') {
        Some(v6) => upto(v6, ']'),
        None => upto(host, ':'),
    };
    (!host.is_empty() && host.len() <= 253).then(|| host.to_ascii_lowercase())
}

/// `s` up to the first `stop`, or all of it.
fn upto(s: &str, stop: char) -> &str {
    s.split(stop).next().unwrap_or(s)
}

/// The registrable part of a host, approximately: its last two labels, or three under a
/// two-letter country domain with a short second level (`shop.example.co.id` → `example.co.id`).
fn site(host: &str) -> &str {
    // The positions just after the last three dots, last first.
    let mut starts = [0usize; 3];
    let mut dots = 0;
    for (i, b) in host.bytes().enumerate().rev() {
        if b == b'.' {
            if dots < 3 {
                starts[dots] = i + 1;
            }
            dots += 1;
        }
    }
    let tld = host.len() - starts[0];
    let second = starts[0].saturating_sub(1).saturating_sub(starts[1]);
    let keep = if dots >= 2 && tld == 2 && second <= 3 {
        3
    } else {
        2
    };
    let start = if dots >= keep { starts[keep - 1] } else { 0 };
    host.get(start..).unwrap_or(host)
}

/// At most `max` bytes of `s`, cut on a character boundary.
pub fn prefix(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// The entities [`visible_text`] decodes, each `&name;=text|`.
const ENTITIES: &str = "&nbsp;= |&lt;=<|&gt;=>|&quot;=\"|&#39;='|&amp;=&|";

/// The text a reader would see in an HTML page: no tags, scripts or styles; common entities
/// decoded.
pub fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some(rest) = html.get(i..).filter(|r| !r.is_empty()) {
        let close = if starts_ci(rest, "<script") {
            "</script"
        } else if starts_ci(rest, "<style") {
            "</style"
        } else {
            ""
        };
        if !close.is_empty() {
            let end_tag = find_ci(rest, close).map_or(rest.len(), |e| e + close.len());
            let after = rest.get(end_tag..).and_then(|r| r.find('>'));
            i += after.map_or(rest.len(), |e| end_tag + e + 1);
        } else if rest.starts_with('<') {
            i += rest.find('>').map_or(rest.len(), |e| e + 1);
            out.push(' ');
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            out.push_str(rest.get(..end).unwrap_or_default());
            i += end;
        }
    }
    decode_entities(&out)
}

/// `text` with the [`ENTITIES`] decoded, one after the other (`&amp;` last).
fn decode_entities(text: &str) -> String {
    let mut out = text.to_owned();
    for entry in ENTITIES.split_terminator('|') {
        let (entity, plain) = entry.split_at(entry.len() - 2);
        if has(&out, entity) {
            out = out.replace(entity, plain.get(1..).unwrap_or_default());
        }
    }
    out
}

/// Whether `s` starts with `word` (lowercase) in any ASCII casing.
pub fn starts_ci(s: &str, word: &str) -> bool {
    s.get(..word.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(word))
}

/// The value at a dotted path; numeric segments index arrays.
pub fn path<'v>(v: &'v Value, dotted: &str) -> Option<&'v Value> {
    let mut v = v;
    for key in dotted.split('.') {
        v = match v {
            Value::Array(items) => items.get(index(key)?)?,
            _ => v.get(key)?,
        };
    }
    Some(v)
}

/// A path segment as an array index.
pub fn index(segment: &str) -> Option<usize> {
    usize::try_from(uint(segment)?).ok()
}

/// Whether `s` (trimmed) is a vendor code: a short token of letters, digits and `_.:/#-`.
pub fn is_code(s: &str) -> bool {
    let s = s.trim();
    // Only ASCII passes, so the length in bytes is the length in characters.
    !s.is_empty()
        && s.len() <= MAX_CODE_CHARS
        && all_bytes(s, |b| b.is_ascii_alphanumeric() || b"_.:/#-".contains(&b))
}

/// A vendor code fit for [`Details::code`] (see [`is_code`]). Free text ("Payment required")
/// is not a code and gives `None`.
pub fn code_token(s: &str) -> Option<String> {
    // A code has nothing `sanitize_text` would change: it is kept as it is.
    is_code(s).then(|| s.trim().to_owned())
}

/// What a detector recognized. Details may be partial: the common extractors fill the rest.
#[derive(Debug)]
pub struct Found {
    pub cause: Cause,
    pub source: Source,
    pub details: Details,
    /// A lost, stolen or fraud decline: its real reason must not leave `diagnose`.
    pub sensitive: bool,
    /// Who can act, when the detector knows (else it is inferred).
    pub party: Option<Party>,
    /// The pack and entry that decided, for the knowledge tests.
    pub matched: Option<(&'static str, usize)>,
}

impl Found {
    // Kept out of line: inlined, it would be copied into every detector.
    #[inline(never)]
    pub fn new(cause: Cause, source: Source) -> Found {
        Found {
            cause,
            source,
            details: Details::default(),
            sensitive: false,
            party: None,
            matched: None,
        }
    }

    /// A finding with the vendor code (when it is a code-like token).
    #[inline(never)]
    pub fn coded(cause: Cause, source: Source, code: Option<&str>) -> Found {
        let mut f = Found::new(cause, source);
        f.details.code = code.and_then(code_token);
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_walk_objects_and_arrays() {
        let v = Value::parse(r#"{"a":[{"b":"x"}],"n":7}"#).unwrap();
        assert_eq!(path(&v, "a.0.b").and_then(Value::as_str), Some("x"));
        assert_eq!(path(&v, "a.1.b"), None);
        assert_eq!(path(&v, "n.x"), None);
    }

    #[test]
    fn hosts_and_sites() {
        assert_eq!(
            host_of("https://API.Stripe.com/v1/x?y").as_deref(),
            Some("api.stripe.com")
        );
        assert_eq!(
            host_of("http://u:p@127.0.0.1:8402/a").as_deref(),
            Some("127.0.0.1")
        );
        assert_eq!(host_of("https://[::1]:8/").as_deref(), Some("::1"));
        assert_eq!(host_of("/relative"), None);
        assert_eq!(site("api.openai.com"), "openai.com");
        assert_eq!(site("shop.example.co.id"), "example.co.id");
        assert_eq!(site("localhost"), "localhost");
    }

    #[test]
    fn html_is_reduced_to_visible_text() {
        let t = visible_text("<html><head><style>p{}</style><script>var rate_limit=1</script></head><body><p>Card&nbsp;declined</p></body></html>");
        assert_eq!(fold(&t), "card declined");
        assert_eq!(visible_text("<b>unterminated"), " unterminated");
        assert_eq!(visible_text("é<é"), "é ");
        assert_eq!(prefix("aé", 2), "a");
    }

    #[test]
    fn codes_are_tokens() {
        assert_eq!(
            code_token(" expired_card ").as_deref(),
            Some("expired_card")
        );
        assert_eq!(code_token("Payment required"), None);
        assert_eq!(code_token("a<b"), None);
    }
}
