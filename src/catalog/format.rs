//! Numbers, amounts and durations as words, exactly and without floating point.
//!
//! The catalog formats through the [`Format`] trait: in the browser it is backed by `Intl`,
//! natively (and in tests) by [`PlainFormat`]. Amounts stay decimal strings end to end.

use crate::diagnose::Amount;

/// Most fractional digits accepted by [`atomic_to_decimal`] (ERC-20 `decimals` is a `uint8`).
const MAX_DECIMALS: u32 = 255;

/// Languages that write `1.234,5`; the others get `1,234.5` from [`PlainFormat`].
const COMMA_DECIMAL: &[&str] = &[
    "id", "jv", "su", "de", "nl", "es", "it", "pt", "tr", "da", "vi",
];

/// Duration units per language: second, minute, hour, day, then the plural forms (the words
/// `Intl.NumberFormat` writes with `unitDisplay: "long"`).
const UNITS: &[(&str, [&str; 4], [&str; 4])] = &[
    (
        "en",
        ["second", "minute", "hour", "day"],
        ["seconds", "minutes", "hours", "days"],
    ),
    (
        "id",
        ["detik", "menit", "jam", "hari"],
        ["detik", "menit", "jam", "hari"],
    ),
    (
        "ms",
        ["saat", "minit", "jam", "hari"],
        ["saat", "minit", "jam", "hari"],
    ),
];

/// Seconds in a minute, an hour and a day.
const MINUTE: u64 = 60;
const HOUR: u64 = 3600;
const DAY: u64 = 86_400;
/// From this many hours on, a wait is told in days ("3 hari", not "72 jam").
const DAYS_FROM_HOURS: u64 = 48;

/// A unit of [`duration_parts`], with its name for `Intl.NumberFormat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
}

impl TimeUnit {
    /// The sanctioned unit identifier `Intl.NumberFormat` takes (`"second"` … `"day"`).
    pub fn as_str(self) -> &'static str {
        match self {
            TimeUnit::Second => "second",
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
        }
    }
}

/// How a wait of `seconds` is told: one number and one unit, the same in every formatter.
///
/// # Design
/// Seconds and minutes are rounded up (a user who waits "1 minute" for 61 seconds tries too
/// early); a wait that would read "60 minutes" is "1 hour". From an hour on the texts say
/// "about", so hours and days are rounded to the nearest (3 601 s is "1 hour", not "2 hours"),
/// and from 48 hours on the unit is days: a monthly quota reset reads "30 days", not "720 hours".
pub fn duration_parts(seconds: u64) -> (u64, TimeUnit) {
    if seconds < MINUTE {
        return (seconds, TimeUnit::Second);
    }
    let minutes = seconds.div_ceil(MINUTE);
    if minutes < 60 {
        return (minutes, TimeUnit::Minute);
    }
    let hours = (seconds / HOUR + u64::from(seconds % HOUR >= HOUR / 2)).max(1);
    if hours < DAYS_FROM_HOURS {
        return (hours, TimeUnit::Hour);
    }
    (
        seconds / DAY + u64::from(seconds % DAY >= DAY / 2),
        TimeUnit::Day,
    )
}

/// Three-letter asset codes that are tokens, not ISO 4217 currencies.
const NOT_FIAT: &[&str] = &["BTC", "ETH", "SOL", "DAI"];

/// Longest token symbol shown; anything longer (a contract address) is not shown.
const MAX_SYMBOL: usize = 11;

/// Payment networks with the names people know them by (x402 v1 names and CAIP-2 ids), one
/// `id=Name` a line: one string rather than a table of pointers.
const NETWORKS: &str = "\
base=Base
eip155:8453=Base
base-sepolia=Base Sepolia
eip155:84532=Base Sepolia
ethereum=Ethereum
eip155:1=Ethereum
polygon=Polygon
eip155:137=Polygon
polygon-amoy=Polygon Amoy
eip155:80002=Polygon Amoy
avalanche=Avalanche
eip155:43114=Avalanche
avalanche-fuji=Avalanche Fuji
eip155:43113=Avalanche Fuji
solana=Solana
solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp=Solana
solana-devnet=Solana Devnet
solana:EtWTRABZaYq6iMfeYKouRu166VU2xqa1=Solana Devnet";

/// Locale-aware formatting of the details put into texts.
pub trait Format {
    /// `value` is an exact decimal string such as `"1234.5"`; `currency` an ISO 4217 code.
    fn decimal(&self, locale: &str, value: &str, currency: Option<&str>) -> String;
    /// A wait, for example "30 detik" or "2 minutes".
    fn duration(&self, locale: &str, seconds: u64) -> String;
    fn integer(&self, locale: &str, n: u64) -> String;
}

/// A deterministic formatter with no platform data: `id` (and a few other languages) write
/// `150.000,5`, everything else `150,000.5`; currencies are shown as their ISO code
/// (`IDR 150,000`), except rupiah in Indonesian, written `Rp150.000` as the browser shows it;
/// durations follow [`duration_parts`].
pub struct PlainFormat;

fn language(locale: &str) -> &str {
    let end = locale.bytes().position(|b| b == b'-' || b == b'_');
    locale.split_at(end.unwrap_or(locale.len())).0
}

/// The thousands and decimal separators for `locale`.
fn separators(locale: &str) -> (char, char) {
    let lang = language(locale);
    if COMMA_DECIMAL.iter().any(|l| l.eq_ignore_ascii_case(lang)) {
        ('.', ',')
    } else {
        (',', '.')
    }
}

/// `digits` with `sep` between groups of three.
fn group(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `n` in decimal digits, without `core::fmt` (which costs several KB of wasm).
pub fn digits(mut n: u64) -> String {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    core::str::from_utf8(&buf[i..]).map_or(String::new(), str::to_owned)
}

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

impl Format for PlainFormat {
    fn decimal(&self, locale: &str, value: &str, currency: Option<&str>) -> String {
        let (sign, unsigned) = match value.strip_prefix('-') {
            Some(v) => ("-", v),
            None => ("", value),
        };
        let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        let valid = !int.is_empty()
            && all_digits(int)
            && all_digits(frac)
            && (frac.is_empty() != unsigned.contains('.'));
        if !valid {
            return value.to_owned();
        }
        let (thousands, point) = separators(locale);
        let mut out = String::new();
        match currency {
            // PUEBI and Indonesian shops write Rp150.000, with no space.
            Some("IDR") if language(locale).eq_ignore_ascii_case("id") => out.push_str("Rp"),
            Some(code) => {
                out.push_str(code);
                out.push(' ');
            }
            None => {}
        }
        out.push_str(sign);
        out.push_str(&group(int, thousands));
        if !frac.is_empty() {
            out.push(point);
            out.push_str(frac);
            // Money shows cents in pairs: USD 10.50, not USD 10.5.
            if currency.is_some() && frac.len() == 1 {
                out.push('0');
            }
        }
        out
    }

    fn duration(&self, locale: &str, seconds: u64) -> String {
        let lang = language(locale);
        let (_, one, many) = UNITS
            .iter()
            .find(|(l, _, _)| l.eq_ignore_ascii_case(lang))
            .or(UNITS.first())
            .copied()
            .unwrap_or(("en", ["s", "min", "h", "d"], ["s", "min", "h", "d"]));
        let (n, unit) = duration_parts(seconds);
        let unit = unit as usize;
        let words = if n == 1 { one } else { many };
        [
            &self.integer(locale, n),
            " ",
            words.get(unit).copied().unwrap_or(""),
        ]
        .concat()
    }

    fn integer(&self, locale: &str, n: u64) -> String {
        group(&digits(n), separators(locale).0)
    }
}

/// Converts an amount in atomic units (a digit string of any length, such as a uint256) to an
/// exact decimal string: `("10000", 6)` → `"0.01"`. Trailing fractional zeros are trimmed.
/// `None` unless `atomic` is one or more ASCII digits and `decimals` at most 255.
pub fn atomic_to_decimal(atomic: &str, decimals: u32) -> Option<String> {
    if atomic.is_empty() || !all_digits(atomic) || decimals > MAX_DECIMALS {
        return None;
    }
    let digits = atomic.trim_start_matches('0');
    let places = decimals as usize;
    let (int, frac) = digits.split_at(digits.len().saturating_sub(places));
    let mut out = String::with_capacity(places + int.len() + 2);
    out.push_str(if int.is_empty() { "0" } else { int });
    let frac_zeros = places - frac.len();
    let frac = frac.trim_end_matches('0');
    if !frac.is_empty() {
        out.push('.');
        out.extend(std::iter::repeat_n('0', frac_zeros));
        out.push_str(frac);
    }
    Some(out)
}

/// An ISO 4217 code (three capital letters) rather than a token.
fn is_fiat(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) && !NOT_FIAT.contains(&code)
}

/// A symbol short and plain enough to show (`USDC`, `cbBTC`), not an address.
fn is_symbol(s: &str) -> bool {
    (1..=MAX_SYMBOL).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_alphanumeric())
        && !all_digits(s)
        && !s.starts_with("0x")
}

/// "up to" before a maximum amount (x402 `upto`), per language; English for the others.
const UP_TO: &[(&str, &str)] = &[("en", "up to "), ("id", "maksimal "), ("ms", "sehingga ")];

/// The `{amount}` text: `Rp150.000` (through `fmt`'s currency formatting), `0,01 USDC`,
/// `1.500 sat`, or only the number when the asset is an address or unknown. A maximum
/// (`upto`) reads "up to 0.01 USDC" / "maksimal 0,01 USDC".
pub fn format_amount(amount: &Amount, locale: &str, fmt: &dyn Format) -> Option<String> {
    let value = atomic_to_decimal(&amount.atomic, amount.decimals)?;
    let asset = amount.asset.as_deref().map(str::trim).unwrap_or("");
    let prefix = if amount.upto {
        let lang = language(locale);
        UP_TO
            .iter()
            .find(|(l, _)| l.eq_ignore_ascii_case(lang))
            .map_or("up to ", |(_, p)| p)
    } else {
        ""
    };
    // A currency is formatted as one; a token symbol or sats follow the number.
    let (currency, unit) = if is_fiat(asset) {
        (Some(asset), "")
    } else if asset.eq_ignore_ascii_case("sat") || asset.eq_ignore_ascii_case("sats") {
        (None, "sat")
    } else if is_symbol(asset) {
        (None, asset)
    } else {
        (None, "")
    };
    let number = fmt.decimal(locale, &value, currency);
    let space = if unit.is_empty() { "" } else { " " };
    Some([prefix, &number, space, unit].concat())
}

/// The name people know a payment network by (`eip155:8453` → `Base`); unknown ids as given.
pub fn network_name(id: &str) -> &str {
    for line in NETWORKS.split('\n') {
        if let Some((k, name)) = line.split_once('=') {
            if k.eq_ignore_ascii_case(id.trim()) {
                return name;
            }
        }
    }
    id
}

#[cfg(test)]
mod tests {
    use super::{atomic_to_decimal, digits, duration_parts, group, network_name, TimeUnit};

    #[test]
    fn writes_digits() {
        for n in [0, 7, 10, 402, 1_000_000, u64::MAX] {
            assert_eq!(digits(n), n.to_string());
        }
    }

    #[test]
    fn groups_and_converts() {
        assert_eq!(group("1234567", '.'), "1.234.567");
        assert_eq!(group("123", '.'), "123");
        assert_eq!(atomic_to_decimal("000", 2).as_deref(), Some("0"));
        assert_eq!(atomic_to_decimal("1", 3).as_deref(), Some("0.001"));
        assert_eq!(network_name("EIP155:8453"), "Base");
        assert_eq!(network_name("cosmos:hub"), "cosmos:hub");
        assert_eq!(
            network_name(" solana:EtWTRABZaYq6iMfeYKouRu166VU2xqa1"),
            "Solana Devnet"
        );
        assert_eq!(network_name("polygon-amoy"), "Polygon Amoy");
        assert_eq!(network_name("Base Sepolia"), "Base Sepolia");
    }

    #[test]
    fn picks_duration_units() {
        use TimeUnit::{Day, Hour, Minute, Second};
        for (secs, want) in [
            (0, (0, Second)),
            (59, (59, Second)),
            (60, (1, Minute)),
            (61, (2, Minute)),
            (3540, (59, Minute)),
            (3541, (1, Hour)),
            (3601, (1, Hour)),
            (5399, (1, Hour)),
            (5400, (2, Hour)),
            (47 * 3600, (47, Hour)),
            (172_799, (2, Day)),
            (172_800, (2, Day)),
            (259_200, (3, Day)),
            (2_592_000, (30, Day)),
        ] {
            assert_eq!(duration_parts(secs), want, "{secs}");
        }
    }
}
