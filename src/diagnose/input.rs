//! The response as every detector sees it, and what a detector hands back.

use super::details::{Details, Source};
use super::exchange::Exchange;
use super::repair;
use super::sanitize::sanitize_text;
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
        let text = match String::from_utf8_lossy(&ex.body) {
            Cow::Borrowed(s) => Cow::Borrowed(s.strip_prefix('\u{feff}').unwrap_or(s)),
            Cow::Owned(s) => Cow::Owned(s.strip_prefix('\u{feff}').unwrap_or(&s).to_owned()),
        };
        let trimmed = text.trim_start();
        let json = if trimmed.starts_with(['{', '[']) {
            Value::parse(trimmed).or_else(|| {
                ex.truncated
                    .then(|| repair::parse_truncated(trimmed))
                    .flatten()
            })
        } else {
            None
        };
        let host = ex.url.as_deref().and_then(host_of);
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
            .get_or_init(|| super::engine::fold(prefix(&self.text, MAX_SCAN_BYTES * 4)))
    }

    /// Whether the response came from another site than the page's: a third-party API. Without
    /// a page (natively), any response URL counts as another site's.
    pub fn third_party(&self) -> bool {
        let Some(host) = &self.host else { return false };
        let page = self.ex.page_host.as_deref().map(str::to_ascii_lowercase);
        page.is_none_or(|p| site(&p) != site(host))
    }

    /// The body as a reader sees it: an HTML page's visible text or the text itself, at most
    /// 16 KiB, lowercased and single-spaced. Computed once.
    pub fn page_text(&self) -> &str {
        self.page.get_or_init(|| {
            let raw = prefix(&self.text, MAX_SCAN_BYTES * 4);
            let visible = if self.is_html() {
                visible_text(raw)
            } else {
                raw.to_owned()
            };
            super::engine::fold(prefix(&visible, MAX_SCAN_BYTES))
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

    /// The media type, lowercased: `Exchange::content_type`, else the `Content-Type` header.
    pub fn media_type(&self) -> String {
        let ct = self
            .ex
            .content_type
            .as_deref()
            .or_else(|| self.header("content-type"));
        ct.unwrap_or("").to_ascii_lowercase()
    }

    /// Whether the body is (or claims to be) HTML.
    pub fn is_html(&self) -> bool {
        self.media_type().contains("html") || self.text.trim_start().starts_with('<')
    }
}

/// The host of a URL (`https://api.stripe.com/v1/x` → `api.stripe.com`), lowercase, without
/// credentials or port.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next()?,
        None => host.split(':').next()?,
    };
    (!host.is_empty() && host.len() <= 253).then(|| host.to_ascii_lowercase())
}

/// The registrable part of a host, approximately: its last two labels, or three under a
/// two-letter country domain with a short second level (`shop.example.co.id` → `example.co.id`).
fn site(host: &str) -> &str {
    let labels: Vec<&str> = host.rsplit('.').collect();
    let keep = match labels.as_slice() {
        [tld, second, _, ..] if tld.len() == 2 && second.len() <= 3 => 3,
        _ => 2,
    };
    let cut: usize = labels.iter().take(keep).map(|l| l.len() + 1).sum();
    host.get(host.len().saturating_sub(cut.saturating_sub(1))..)
        .unwrap_or(host)
}

/// At most `max` bytes of `s`, cut on a character boundary.
pub fn prefix(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// The text a reader would see in an HTML page: no tags, scripts or styles; common entities
/// decoded.
pub fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while let Some(rest) = lower.get(i..).filter(|r| !r.is_empty()) {
        if rest.starts_with("<script") || rest.starts_with("<style") {
            let close = if rest.starts_with("<script") {
                "</script"
            } else {
                "</style"
            };
            let end_tag = rest.find(close).map_or(rest.len(), |e| e + close.len());
            let after = rest.get(end_tag..).and_then(|r| r.find('>'));
            i += after.map_or(rest.len(), |e| end_tag + e + 1);
        } else if rest.starts_with('<') {
            i += rest.find('>').map_or(rest.len(), |e| e + 1);
            out.push(' ');
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            out.push_str(html.get(i..i + end).unwrap_or_default());
            i += end;
        }
    }
    for (entity, c) in [
        ("&nbsp;", " "),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&amp;", "&"),
    ] {
        out = out.replace(entity, c);
    }
    out
}

/// The value at a dotted path; numeric segments index arrays.
pub fn path<'v>(v: &'v Value, dotted: &str) -> Option<&'v Value> {
    dotted.split('.').try_fold(v, |v, key| match v {
        Value::Array(items) => items.get(index(key)?),
        _ => v.get(key),
    })
}

/// A path segment as an array index.
pub fn index(segment: &str) -> Option<usize> {
    usize::try_from(uint(segment)?).ok()
}

/// A vendor code fit for [`Details::code`]: a short token of letters, digits and `_.:/#-`.
/// Free text ("Payment required") is not a code and gives `None`.
pub fn code_token(s: &str) -> Option<String> {
    let s = s.trim();
    let ok = !s.is_empty()
        && s.chars().count() <= MAX_CODE_CHARS
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.:/#-".contains(&b));
    ok.then(|| sanitize_text(s, MAX_CODE_CHARS))
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

    /// Sets the vendor code (when it is a code-like token).
    #[inline(never)]
    pub fn code(mut self, code: Option<&str>) -> Found {
        self.details.code = code.and_then(code_token);
        self
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
        assert_eq!(crate::diagnose::engine::fold(&t), "card declined");
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
