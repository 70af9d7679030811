//! `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
//!
//! # Design
//! `diagnose` is pure and has no clock. An HTTP-date can only become "seconds to wait" when the
//! caller passes the current time (`diagnose_at(.., Some(now_unix))`); without it the date is
//! ignored rather than guessed.

/// Longest wait reported, in seconds (a week); longer values are clamped.
pub const MAX_RETRY_SECONDS: u64 = 7 * 24 * 3600;

use super::input::{all_bytes, digit};
use crate::json::uint;

/// The months' abbreviations, three letters each.
const MONTHS: &str = "janfebmaraprmayjunjulaugsepoctnovdec";

/// Seconds to wait according to a `Retry-After` value, or `None` when it is unreadable (or a
/// date and `now_unix` is unknown). A date in the past gives 0.
pub fn retry_after(value: &str, now_unix: Option<u64>) -> Option<u64> {
    let v = value.trim();
    if !v.is_empty() && all_bytes(v, digit) {
        let secs = uint(v).unwrap_or(u64::MAX);
        return Some(secs.min(MAX_RETRY_SECONDS));
    }
    let at = http_date(v)?;
    Some(at.saturating_sub(now_unix?).min(MAX_RETRY_SECONDS))
}

/// Parses an HTTP-date in any of the three formats RFC 9110 accepts (IMF-fixdate, RFC 850,
/// asctime) into Unix seconds.
pub fn http_date(s: &str) -> Option<u64> {
    if s.len() > 64 {
        return None;
    }
    // The words between whitespace, commas and hyphens; seven or more fit no format.
    let mut words = [""; 7];
    let mut n = 0;
    let mut start = None;
    for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
        let separator = c.is_whitespace() || c == ',' || c == '-';
        match start {
            Some(w) if separator => {
                *words.get_mut(n)? = &s[w..i];
                n += 1;
                start = None;
            }
            None if !separator => start = Some(i),
            _ => {}
        }
    }
    let digits = |t: &str| all_bytes(t, digit);
    let (day, month, year, time) = match words[..n] {
        // IMF-fixdate `06 Nov 1994 08:49:37 GMT` or RFC 850 `06-Nov-94 08:49:37 GMT`.
        [_, day, month, year, time, zone] if digits(day) && zone.eq_ignore_ascii_case("gmt") => {
            (day, month, year, time)
        }
        // asctime `Nov  6 08:49:37 1994`.
        [_, month, day, time, year] if !digits(month) => (day, month, year, time),
        _ => return None,
    };
    let day = uint(day).filter(|d| (1..=31).contains(d))?;
    let mut m = 1;
    while !MONTHS.get(m * 3 - 3..m * 3)?.eq_ignore_ascii_case(month) {
        m += 1;
    }
    let mut year = uint(year)?;
    if year < 100 {
        year += if year < 70 { 2000 } else { 1900 };
    }
    if !(1970..=9999).contains(&year) {
        return None;
    }
    let mut hms = time.split(':').map(uint);
    let (h, min, sec) = (hms.next()??, hms.next()??, hms.next()??);
    if hms.next().is_some() || h > 23 || min > 59 || sec > 60 {
        return None;
    }
    Some(days_from_civil(year, m as u64, day) * 86_400 + h * 3600 + min * 60 + sec)
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm), for
/// years from 1970.
fn days_from_civil(y: u64, m: u64, d: u64) -> u64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_all_three_date_formats() {
        let t = 784_111_777;
        assert_eq!(http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(t));
        assert_eq!(http_date("Sunday, 06-Nov-94 08:49:37 GMT"), Some(t));
        assert_eq!(http_date("Sun Nov  6 08:49:37 1994"), Some(t));
        assert_eq!(http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(http_date("Sun, 06 Nov 1994 08:49:37 PST"), None);
        assert_eq!(http_date("Sun, 32 Nov 1994 08:49:37 GMT"), None);
    }

    #[test]
    fn seconds_and_dates() {
        assert_eq!(retry_after("30", None), Some(30));
        assert_eq!(
            retry_after(" 99999999999999999999999 ", None),
            Some(MAX_RETRY_SECONDS)
        );
        assert_eq!(retry_after("Sun, 06 Nov 1994 08:49:37 GMT", None), None);
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:37 GMT", Some(784_111_747)),
            Some(30)
        );
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:37 GMT", Some(784_111_800)),
            Some(0)
        );
        assert_eq!(retry_after("-5", None), None);
        assert_eq!(retry_after("", None), None);
    }
}
