//! `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
//!
//! # Design
//! `diagnose` is pure and has no clock. An HTTP-date can only become "seconds to wait" when the
//! caller passes the current time (`diagnose_at(.., Some(now_unix))`); without it the date is
//! ignored rather than guessed.

/// Longest wait reported, in seconds (a week); longer values are clamped.
pub const MAX_RETRY_SECONDS: u64 = 7 * 24 * 3600;

use crate::json::uint;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Seconds to wait according to a `Retry-After` value, or `None` when it is unreadable (or a
/// date and `now_unix` is unknown). A date in the past gives 0.
pub fn retry_after(value: &str, now_unix: Option<u64>) -> Option<u64> {
    let v = value.trim();
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
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
    let cleaned: String = s
        .chars()
        .map(|c| if c == ',' || c == '-' { ' ' } else { c })
        .collect();
    let mut t = cleaned.split_whitespace();
    let _weekday = t.next()?;
    let first = t.next()?;
    let (day, month, year, time) = if first.bytes().all(|b| b.is_ascii_digit()) {
        // IMF-fixdate `06 Nov 1994 08:49:37 GMT` or RFC 850 `06-Nov-94 08:49:37 GMT`.
        let (month, year, time) = (t.next()?, t.next()?, t.next()?);
        if !t.next()?.eq_ignore_ascii_case("gmt") {
            return None;
        }
        (first, month, year, time)
    } else {
        // asctime `Nov  6 08:49:37 1994`.
        let (day, time, year) = (t.next()?, t.next()?, t.next()?);
        (day, first, year, time)
    };
    if t.next().is_some() {
        return None;
    }
    let day = uint(day).filter(|d| (1..=31).contains(d))?;
    let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month))? as u64 + 1;
    let mut year = uint(year)?;
    if year < 100 {
        year += if year < 70 { 2000 } else { 1900 };
    }
    if !(1970..=9999).contains(&year) {
        return None;
    }
    let mut hms = time.split(':').map(uint);
    let (h, m, sec) = (hms.next()??, hms.next()??, hms.next()??);
    if hms.next().is_some() || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + h * 3600 + m * 60 + sec)
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
