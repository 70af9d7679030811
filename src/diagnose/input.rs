//! The response as every detector sees it, and what a detector hands back.

use super::details::{Details, Source};
use super::exchange::Exchange;
use super::repair;
use super::sanitize::sanitize_text;
use super::Cause;
use crate::json::Value;
use std::borrow::Cow;

/// Longest vendor code kept in [`Details::code`].
const MAX_CODE_CHARS: usize = 120;

/// One response, read once: the body as (lossy) text and, when it is JSON, as a tree.
pub struct Input<'a> {
    pub ex: &'a Exchange,
    /// The body as UTF-8 (invalid sequences replaced), without a leading BOM.
    pub text: Cow<'a, str>,
    /// The body parsed as JSON: whatever the content type says, and repaired when truncated.
    pub json: Option<Value>,
    /// The current time, when the caller knows it (for HTTP-date `Retry-After`).
    pub now: Option<u64>,
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
        Input {
            ex,
            text,
            json,
            now,
        }
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

    /// The string or number text at a dotted path.
    pub fn text_at(&self, dotted: &str) -> Option<&str> {
        self.at(dotted)?.as_text()
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

/// The value at a dotted path; numeric segments index arrays.
pub fn path<'v>(v: &'v Value, dotted: &str) -> Option<&'v Value> {
    dotted.split('.').try_fold(v, |v, key| match v {
        Value::Array(items) => items.get(key.parse::<usize>().ok()?),
        _ => v.get(key),
    })
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
    fn codes_are_tokens() {
        assert_eq!(
            code_token(" expired_card ").as_deref(),
            Some("expired_card")
        );
        assert_eq!(code_token("Payment required"), None);
        assert_eq!(code_token("a<b"), None);
    }
}
