//! L402 and its older name LSAT (Lightning): `WWW-Authenticate: L402 macaroon="…", invoice="…"`.
//!
//! Aperture sends an LSAT challenge first and an L402 one second; fetch joins them into one
//! value, so the header is split into challenges and L402 is preferred.

use super::challenge::{self, Challenge};
use super::details::{Amount, PaymentChallenge, Source};
use super::input::{all_bytes, starts_ci, Found, Input};
use super::money::u64_text;
use super::x402::MAX_PAYMENT_JSON;
use super::Cause;
use crate::json::write_string;

/// Longest BOLT11 invoice accepted (real ones are well under 2000 characters).
const MAX_INVOICE: usize = 7089;

/// BOLT11 currency prefixes after `ln`, longest first, each `prefix=network|`.
const NETWORKS: &str = "bcrt=regtest|tbs=signet|bc=bitcoin|tb=testnet|sb=simnet|";

/// Millisatoshis in one bitcoin (an amount without multiplier is in BTC). All 21 million
/// bitcoin are 2.1e18 millisatoshis, which fits in a `u64`.
const MSAT_PER_BTC: u64 = 100_000_000_000;

/// Recognizes an L402 or LSAT challenge (status 400 and above).
pub fn detect(input: &Input) -> Option<Found> {
    if input.status() < 400 {
        return None;
    }
    let chs = challenge::parse(input.header("www-authenticate")?);
    let ch = chs
        .iter()
        .find(|c| c.is("L402"))
        .or_else(|| chs.iter().find(|c| c.is("LSAT")))?;
    let mut found = Found::new(Cause::PaymentRequiredLightning, Source::L402);
    let invoice = ch.param("invoice").filter(|i| is_invoice(i));
    found.details.amount = invoice.and_then(invoice_amount);
    found.details.payment = payment(ch, invoice);
    Some(found)
}

/// The challenge for the pay callback: `{"scheme","macaroon","invoice"}`.
fn payment(ch: &Challenge, invoice: Option<&str>) -> Option<PaymentChallenge> {
    let mut json = String::from("{\"scheme\":");
    write_string(&ch.scheme.to_ascii_uppercase(), &mut json);
    let macaroon = ch.param("macaroon").or(ch.param("token"));
    for (key, value) in [("macaroon", macaroon), ("invoice", invoice)] {
        if let Some(v) = value {
            json.push_str(",\"");
            json.push_str(key);
            json.push_str("\":");
            write_string(v, &mut json);
        }
    }
    json.push('}');
    (json.len() <= MAX_PAYMENT_JSON).then_some(PaymentChallenge {
        protocol: "l402",
        json,
    })
}

/// Whether `s` looks like a BOLT11 invoice (`ln…`, bech32 characters, sane length).
pub fn is_invoice(s: &str) -> bool {
    s.len() <= MAX_INVOICE
        && s.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("ln"))
        && all_bytes(s, |b| b.is_ascii_alphanumeric())
}

/// The amount in a BOLT11 invoice's human-readable part, in sats (or millisats as 3 decimals).
pub fn invoice_amount(invoice: &str) -> Option<Amount> {
    // The human-readable part ends at the last `1`; it starts with `ln` and a network prefix.
    let hrp = invoice.get(..invoice.bytes().rposition(|b| b == b'1')?)?;
    if !starts_ci(hrp, "ln") {
        return None;
    }
    let hrp = &hrp[2..];
    let mut found = None;
    for entry in NETWORKS.split_terminator('|') {
        let (prefix, network) = entry.split_once('=')?;
        if starts_ci(hrp, prefix) {
            found = Some((prefix.len(), network));
            break;
        }
    }
    let (skip, network) = found?;
    let amount = &hrp.as_bytes()[skip..];
    let (&last, num) = amount.split_last()?;
    if amount.len() > 24 {
        return None;
    }
    let (num, unit) = if last.is_ascii_digit() {
        (amount, 0)
    } else {
        (num, last.to_ascii_lowercase())
    };
    let mut n: u64 = 0;
    for &d in num {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
    }
    if num.is_empty() {
        return None;
    }
    // Millisatoshis per unit of each multiplier; without one, the amount is in BTC.
    let msat = match unit {
        0 => n.checked_mul(MSAT_PER_BTC)?,
        b'p' if n % 10 == 0 => n / 10,
        b'm' => n.checked_mul(100_000_000)?,
        b'u' => n.checked_mul(100_000)?,
        b'n' => n.checked_mul(100)?,
        _ => return None,
    };
    let (atomic, decimals) = if msat % 1000 == 0 {
        (msat / 1000, 0)
    } else {
        (msat, 3)
    };
    Some(Amount {
        atomic: u64_text(atomic),
        decimals,
        asset: Some("sat".into()),
        network: Some(network.into()),
        upto: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sats(inv: &str) -> Option<(String, u32)> {
        invoice_amount(inv).map(|a| (a.atomic, a.decimals))
    }

    #[test]
    fn reads_bolt11_amounts() {
        assert_eq!(sats("lnbc1500n1pw5kjhm"), Some(("150".into(), 0)));
        assert_eq!(sats("lnbc2500u1pvjluez"), Some(("250000".into(), 0)));
        assert_eq!(sats("lntb20m1pvjluez"), Some(("2000000".into(), 0)));
        assert_eq!(sats("lnbc1p1qqq"), None, "1p is not a whole millisat");
        assert_eq!(sats("lnbc10p1qqq"), Some(("1".into(), 3)));
        assert_eq!(sats("lnbc1pvjluez"), None, "no amount");
        assert_eq!(sats("lnbcrt5u1qqq"), Some(("500".into(), 0)));
        assert_eq!(
            invoice_amount("lnbcrt5u1qqq").unwrap().network.as_deref(),
            Some("regtest")
        );
        assert_eq!(sats(&format!("lnbc{}1qqq", "9".repeat(30))), None);
    }
}
