//! Details every diagnosis gets, whatever recognized it: support reference, retry delay, links.
//!
//! Detectors fill what only they know (amounts, vendor codes, challenges); this fills the rest
//! and then enforces the rule that a lost, stolen or fraud decline leaves no trace.

use super::details::{Details, Link};
use super::engine::is_sensitive;
use super::input::{all_bytes, find, Found, Input};
use super::ratelimit::reset_seconds;
use super::retry::{retry_after, MAX_RETRY_SECONDS};
use super::sanitize::safe_url;
use super::Cause;
use crate::json::Value;

/// Longest support reference kept.
const MAX_REFERENCE_CHARS: usize = 128;
/// Most links offered.
const MAX_LINKS: usize = 4;

/// Support-reference headers, most specific first (FORMATS.md §6), joined by `|` (one
/// string costs less WebAssembly than a slice of them).
const REFERENCE_HEADERS: &str = concat!(
    "request-id|",
    "x-request-id|",
    "cf-ray|",
    "x-vercel-id|",
    "x-amzn-requestid|",
    "x-amzn-request-id|",
    "x-amz-request-id|",
    "x-github-request-id|",
    "x-nf-request-id|",
    "fly-request-id|",
    "x-ms-request-id|",
    "apim-request-id|",
    "twilio-request-id|",
    "x-openstack-request-id|",
    "x-correlation-id",
);

/// Support-reference body members (dotted paths, joined by `|`), tried after the headers.
const REFERENCE_FIELDS: &str = concat!(
    "request_id|",
    "requestId|",
    "meta.request_id|",
    "error.request_id|",
    "error.requestId|",
    "error.id|",
    "transaction_id|",
    "pspReference|",
    "id",
);

/// Body members holding links, and what each link is for: `member=rel`, joined by `|`.
const LINK_FIELDS: &str = concat!(
    "hosted_invoice_url=pay|",
    "invoice_url=pay|",
    "payment_url=pay|",
    "checkout_url=pay|",
    "pay_url=pay|",
    "billing_url=billing|",
    "billing_portal_url=billing|",
    "portal_url=billing|",
    "upgrade_url=billing|",
    "topup_url=billing|",
    "doc_url=docs|",
    "documentation_url=docs|",
    "docs_url=docs|",
    "more_info=more_info|",
    "help_url=more_info|",
    "support_url=more_info",
);

/// A support reference fit to show and copy: printable ASCII without spaces, quotes or angle
/// brackets, at most 128 characters. Anything else is dropped rather than altered, since an
/// altered reference is useless to support.
pub fn reference_text(s: &str) -> Option<String> {
    let s = s.trim();
    let ok = !s.is_empty()
        && s.len() <= MAX_REFERENCE_CHARS
        && all_bytes(s, |b| b.is_ascii_graphic() && !b"<>\"'`\\".contains(&b));
    // Printable ASCII without spaces, within the cap: nothing `sanitize_text` would change.
    ok.then(|| s.to_owned())
}

/// The first `https` (or loopback `http`) URL in a message, checked by [`safe_url`].
pub fn first_url(text: &str) -> Option<String> {
    let start = find(text, "https://").or_else(|| find(text, "http://"))?;
    let rest = text.get(start..)?;
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        if c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | ')' | ']') {
            end = i;
            break;
        }
    }
    // Sentence punctuation after the URL is not part of it.
    let b = rest.as_bytes();
    while end > 0 && b".,;:!?".contains(&b[end - 1]) {
        end -= 1;
    }
    safe_url(rest.get(..end)?)
}

/// The support reference: exposed headers first, then body members.
fn reference(input: &Input) -> Option<String> {
    for h in REFERENCE_HEADERS.split('|') {
        if let Some(r) = input.header(h).and_then(reference_text) {
            return Some(r);
        }
    }
    for f in REFERENCE_FIELDS.split('|') {
        if let Some(r) = input
            .at(f)
            .and_then(Value::as_text)
            .and_then(reference_text)
        {
            return Some(r);
        }
    }
    None
}

/// Seconds to wait: `Retry-After`, a body `retry_after`, or a rate limit reset header.
fn retry(input: &Input, cause: &Cause) -> Option<u64> {
    if let Some(s) = input
        .header("retry-after")
        .and_then(|v| retry_after(v, input.now))
    {
        return Some(s);
    }
    // The first body member that holds a number or a string decides.
    for p in ["retry_after", "retryAfter", "error.retry_after"] {
        if let Some(t) = input.at(p).and_then(Value::as_text) {
            // Some APIs send fractional seconds (`1.5`): round up.
            let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
            let Some(whole) = crate::json::uint(whole) else {
                break;
            };
            let up = u64::from(frac.bytes().any(|b| b != b'0'));
            return Some(whole.saturating_add(up).min(MAX_RETRY_SECONDS));
        }
    }
    // Google's RetryInfo (AIP-193): `"retryDelay": "31s"`.
    let mut found = Vec::new();
    super::engine::values(input, "error.details.*.retryDelay", &mut found);
    if let Some(d) = found.first().and_then(|d| super::ratelimit::duration(d)) {
        return Some(d);
    }
    match cause {
        Cause::RateLimited => reset_seconds(input),
        _ => None,
    }
}

/// Completes a detector's details and removes every trace of a sensitive decline.
pub fn complete(found: &mut Found, input: &Input) {
    let d = &mut found.details;
    if d.reference.is_none() {
        d.reference = reference(input);
    }
    if d.retry_after.is_none() {
        d.retry_after = retry(input, &found.cause);
    }
    // Links offered in the body, top level and under `error`.
    if let Some(json) = &input.json {
        for scope in [Some(json), json.get("error")].into_iter().flatten() {
            for entry in LINK_FIELDS.split('|') {
                let Some((field, rel)) = entry.split_once('=') else {
                    continue;
                };
                let Some(url) = scope.get(field).and_then(Value::as_str).and_then(safe_url) else {
                    continue;
                };
                if d.links.len() < MAX_LINKS && !d.links.iter().any(|l| l.url == url) {
                    d.links.push(Link {
                        rel: rel.into(),
                        url,
                    });
                }
            }
        }
    }
    d.links.truncate(MAX_LINKS);
    if found.sensitive || flagged(&d.code) || flagged(&d.decline_code) {
        scrub(d);
    }
}

/// Whether a code reveals a lost, stolen or fraud-flagged card.
fn flagged(code: &Option<String>) -> bool {
    code.as_deref().is_some_and(is_sensitive)
}

/// Leaves only what cannot reveal why the card was really declined.
fn scrub(d: &mut Details) {
    d.code = None;
    d.decline_code = None;
    d.links.clear();
    d.resource = None;
    d.payment = None;
    if d.reference.as_deref().is_some_and(is_sensitive) {
        d.reference = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_plain_tokens() {
        assert_eq!(
            reference_text("req_8Yb3kd02LmQxZp").as_deref(),
            Some("req_8Yb3kd02LmQxZp")
        );
        assert_eq!(
            reference_text("arn1::6zsv8-1704985243623-a79d9a35cdea").as_deref(),
            Some("arn1::6zsv8-1704985243623-a79d9a35cdea")
        );
        assert_eq!(reference_text("req_<script>alert(1)</script>"), None);
        assert_eq!(reference_text("a b"), None);
        assert_eq!(reference_text(&"x".repeat(129)), None);
    }

    #[test]
    fn urls_in_messages() {
        let m = "Insufficient credits. Add more using https://openrouter.ai/credits.";
        assert_eq!(
            first_url(m).as_deref(),
            Some("https://openrouter.ai/credits")
        );
        assert_eq!(first_url("see javascript:alert(1)"), None);
        assert_eq!(first_url("go to http://evil.example/"), None);
    }
}
