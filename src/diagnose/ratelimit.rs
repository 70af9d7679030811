//! Rate limit headers: `X-RateLimit-Remaining: 0` (GitHub sends it with a 403), the IETF
//! `RateLimit` fields, and OpenAI's `x-ratelimit-remaining-requests`.

use super::details::Source;
use super::input::{listed, Found, Input};
use super::retry::MAX_RETRY_SECONDS;
use super::Cause::RateLimited;
use crate::json::uint;

/// Headers whose value `0` means no requests are left, each followed by `|`.
const REMAINING: &str = concat!(
    "x-ratelimit-remaining|",
    "ratelimit-remaining|",
    "x-rate-limit-remaining|",
    "x-ratelimit-remaining-requests|",
    "x-ratelimit-remaining-tokens|",
);

/// Unix times above this are epochs rather than delays (2001-09-09).
const EPOCH_THRESHOLD: u64 = 1_000_000_000;

/// Recognizes an exhausted rate limit (status 400 and above).
pub fn detect(input: &Input) -> Option<Found> {
    if input.status() < 400 {
        return None;
    }
    let mut exhausted = false;
    for h in REMAINING.split_terminator('|') {
        exhausted = exhausted || input.header(h).is_some_and(|v| v.trim() == "0");
    }
    let exhausted = exhausted
        || input
            .header("ratelimit")
            .and_then(|v| param(v, "remaining|r|"))
            == Some(0);
    if !exhausted {
        return None;
    }
    let mut found = Found::new(RateLimited, Source::RateLimitHeaders);
    found.details.retry_after = reset_seconds(input);
    Some(found)
}

/// Seconds until a limit resets, from a reset header's value: a delay, or an epoch when the
/// current time is known.
fn from_reset(v: Option<&str>, now: Option<u64>) -> Option<u64> {
    let n = uint(v?.trim())?;
    if n > EPOCH_THRESHOLD {
        Some(n.saturating_sub(now?))
    } else {
        Some(n)
    }
}

/// Seconds until the limit resets, from whichever reset header is present.
pub fn reset_seconds(input: &Input) -> Option<u64> {
    let secs = from_reset(input.header("x-ratelimit-reset"), input.now)
        .or_else(|| from_reset(input.header("ratelimit-reset"), input.now))
        .or_else(|| param(input.header("ratelimit")?, "reset|t|"))
        .or_else(|| duration(input.header("x-ratelimit-reset-requests")?))?;
    Some(secs.min(MAX_RETRY_SECONDS))
}

/// A numeric parameter of a `RateLimit` field, by any of the `|`-terminated `names`:
/// `limit=100, remaining=0, reset=50` (draft-07) or `"default";r=0;t=30` (later drafts).
fn param(v: &str, names: &str) -> Option<u64> {
    for part in v.split([',', ';']) {
        let Some((k, val)) = part.trim().split_once('=') else {
            continue;
        };
        // A name whose value is not a number does not end the search.
        match uint(val.trim()) {
            Some(n) if listed(names, k.trim()) => return Some(n),
            _ => {}
        }
    }
    None
}

/// A Go-style duration such as `6m0s`, `1.5s` or `20ms`, rounded up to whole seconds.
pub fn duration(v: &str) -> Option<u64> {
    let s = v.trim().as_bytes();
    if s.is_empty() || s.len() > 32 {
        return None;
    }
    let digit = |i: usize| {
        s.get(i)
            .filter(|b| b.is_ascii_digit())
            .map(|b| u64::from(b - b'0'))
    };
    let mut millis: u64 = 0;
    let mut i = 0;
    while i < s.len() {
        // Whole units, then up to three fractional digits as thousandths ("5" is 500).
        let start = i;
        let mut whole: u64 = 0;
        while let Some(d) = digit(i) {
            whole = whole.checked_mul(10)?.checked_add(d)?;
            i += 1;
        }
        if i == start {
            return None;
        }
        let mut frac_ms = 0;
        let mut places = 0;
        if s.get(i) == Some(&b'.') {
            i += 1;
            while let Some(d) = digit(i) {
                if places < 3 {
                    frac_ms = frac_ms * 10 + d;
                    places += 1;
                }
                i += 1;
            }
        }
        while places < 3 {
            frac_ms *= 10;
            places += 1;
        }
        // The unit runs to the next digit.
        let unit_start = i;
        while i < s.len() && digit(i).is_none() {
            i += 1;
        }
        let scale = match &s[unit_start..i] {
            b"h" => 3_600_000,
            b"m" => 60_000,
            b"s" => 1000,
            b"ms" => 1,
            _ => return None,
        };
        millis = millis.checked_add(
            whole
                .checked_mul(scale)?
                .checked_add(frac_ms * scale / 1000)?,
        )?;
    }
    Some(millis.div_ceil(1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_round_up() {
        assert_eq!(duration("6m0s"), Some(360));
        assert_eq!(duration("1.5s"), Some(2));
        assert_eq!(duration("20ms"), Some(1));
        assert_eq!(duration("1h2m3s"), Some(3723));
        assert_eq!(duration("5x"), None);
        assert_eq!(duration(""), None);
    }

    #[test]
    fn ratelimit_fields() {
        assert_eq!(
            param("limit=100, remaining=0, reset=50", "remaining|"),
            Some(0)
        );
        assert_eq!(param("\"default\";r=0;t=30", "reset|t|"), Some(30));
    }
}
