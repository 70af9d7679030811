//! x402 (coinbase/x402): v1 JSON bodies, v2 `PAYMENT-REQUIRED` and settlement headers, paywalls.
//!
//! The error code set is open-ended (it grows per scheme and chain), so codes are mapped by the
//! patterns in FORMATS.md §1.5 rather than one by one.

use super::base64;
use super::codes::{table, Table};
use super::details::{Amount, PaymentChallenge, Source};
use super::input::{is_code, Found, Input};
use super::money::{digits, label, token_by_address, token_by_name, STABLECOIN_DECIMALS};
use super::sanitize::{safe_url, sanitize_text};
use super::Cause::{self, *};
use crate::json::Value;

/// Largest challenge handed to the integrator's pay callback, in bytes of JSON.
pub const MAX_PAYMENT_JSON: usize = 16 * 1024;

/// Substrings of an x402 error code, checked in order; the first that occurs decides.
const CODE_PATTERNS: Table = table! {
    // `upto` settlement errors are the site's: it asked for more than it may (FORMATS-2026-12
    // §1.10 rule 5).
    "upto_" => MerchantMisconfigured,
    "settlement_exceeds_amount" => MerchantMisconfigured,
    "allowance_required" => WalletApprovalRequired,
    "insufficient_balance" => OnchainInsufficientBalance,
    "insufficient_funds" => OnchainInsufficientBalance,
    "signature" => PaymentSignatureInvalid,
    "valid_before" => PaymentAuthorizationExpired,
    "valid_after" => PaymentAuthorizationExpired,
    "expired" => PaymentAuthorizationExpired,
    "not_yet_valid" => PaymentAuthorizationExpired,
    "too_early" => PaymentAuthorizationExpired,
    "block_height_exceeded" => PaymentAuthorizationExpired,
    "network" => PaymentNetworkMismatch,
    "scheme" => PaymentNetworkMismatch,
    "version" => PaymentNetworkMismatch,
    "token_" => PaymentNetworkMismatch,
    "eip712" => PaymentNetworkMismatch,
    "not_supported" => PaymentNetworkMismatch,
    "payment_required" => PaymentRequiredOnchain,
    // The wallet built a different payment than asked (a memo, an amount, a recipient): pay
    // again (FORMATS-2026-12 §1.10 rule 8).
    "_mismatch" => PaymentRequiredOnchain,
    "wrong_" => PaymentRequiredOnchain,
};

/// Substrings of a free-text x402 `error` (lowercased), checked in order.
const TEXT_PATTERNS: Table = table! {
    "insufficient" => OnchainInsufficientBalance,
    "expired" => PaymentAuthorizationExpired,
    // "PAYMENT-SIGNATURE header is required" names the header, not a bad signature.
    "is required" => PaymentRequiredOnchain,
    "provided" => PaymentRequiredOnchain,
    "missing" => PaymentRequiredOnchain,
    "signature" => PaymentSignatureInvalid,
    "malformed" => PaymentSignatureInvalid,
    "matching payment requirements" => PaymentRequiredOnchain,
    "required" => PaymentRequiredOnchain,
    "failed" => PaymentSettlementFailed,
};

/// Maps an x402 error (a code or a message) to a cause; `unknown` when nothing matches.
fn classify(error: Option<&str>, unknown: Cause) -> Cause {
    let Some(e) = error.map(str::trim).filter(|e| !e.is_empty()) else {
        return unknown;
    };
    let (table, fallback) = if is_code(e) {
        // An unrecognized code still names a failed attempt.
        (&CODE_PATTERNS, PaymentSettlementFailed)
    } else {
        (&TEXT_PATTERNS, unknown)
    };
    table.within(e).map_or(fallback, |(_, c)| c)
}

/// Recognizes x402 in headers, a v1 body or a paywall page (status 400 and above only).
pub fn detect(input: &Input) -> Option<Found> {
    if input.status() < 400 {
        return None;
    }
    let from_header = header_json(input, "payment-required").filter(is_payment_required);
    let required = match &from_header {
        Some(r) => Some(r),
        None => input.json.as_ref().filter(|j| is_payment_required(j)),
    };
    for name in ["payment-response", "x-payment-response"] {
        let Some(s) = header_json(input, name) else {
            continue;
        };
        if s.get("success").and_then(Value::as_bool) != Some(false) {
            continue;
        }
        let reason = s
            .get("errorReason")
            .or(s.get("errorMessage"))
            .and_then(Value::as_str);
        let mut found = Found::coded(
            classify(reason, PaymentSettlementFailed),
            Source::X402,
            reason,
        );
        match required {
            Some(r) => add_requirements(&mut found, r),
            None => found.details.amount = settlement_amount(&s),
        }
        return Some(found);
    }
    let Some(r) = required else {
        return paywall(input);
    };
    let error = r.get("error").and_then(Value::as_str);
    let mut cause = classify(error, PaymentRequiredOnchain);
    // Cloudflare's binding (`network: "cloudflare:402"`) bills AI crawlers, not wallets.
    if cause == PaymentRequiredOnchain && on_cloudflare(r) {
        cause = CrawlerPaymentRequired;
    }
    let mut found = Found::coded(cause, Source::X402, error);
    add_requirements(&mut found, r);
    Some(found)
}

/// A header holding base64 JSON, decoded and parsed.
fn header_json(input: &Input, name: &str) -> Option<Value> {
    base64::decode_json(input.header(name)?)
}

/// The requirements a `PaymentRequired` object accepts.
fn accepts(r: &Value) -> &[Value] {
    r.get("accepts").and_then(Value::as_array).unwrap_or(&[])
}

/// Whether a network is Cloudflare's pay-per-crawl binding (`cloudflare:402`).
fn is_cloudflare(req: &Value) -> bool {
    req.get("network")
        .and_then(Value::as_str)
        .is_some_and(|n| n.starts_with("cloudflare:"))
}

/// Whether a requirement is on Cloudflare's pay-per-crawl binding (`cloudflare:402`).
fn on_cloudflare(r: &Value) -> bool {
    for x in accepts(r) {
        if is_cloudflare(x) {
            return true;
        }
    }
    false
}

/// A v1 `PaymentRequirementsResponse` or a v2 `PaymentRequired` object.
fn is_payment_required(v: &Value) -> bool {
    if v.get("x402Version").and_then(Value::as_u64).is_some() {
        return true;
    }
    for r in accepts(v) {
        if r.get("payTo").is_some() || r.get("maxAmountRequired").is_some() {
            return true;
        }
    }
    false
}

/// Fills amount, resource and the challenge for the pay callback.
fn add_requirements(found: &mut Found, r: &Value) {
    fill(found, accepts(r), r.get("resource"), r.to_json());
}

/// Fills amount, resource and the challenge (`json`) from the accepted requirements and the
/// requirement's `resource`.
fn fill(found: &mut Found, accepts: &[Value], resource: Option<&Value>, json: String) {
    for req in accepts {
        found.details.amount = amount_of(req);
        if found.details.amount.is_some() {
            break;
        }
    }
    let first = accepts.first();
    let url = resource
        .and_then(|res| res.get("url").or(Some(res)))
        .and_then(Value::as_str)
        .or_else(|| first?.get("resource")?.as_str());
    let description = resource
        .and_then(|res| res.get("description"))
        .or_else(|| first?.get("description"))
        .and_then(Value::as_str);
    found.details.resource = url.and_then(safe_url).or_else(|| {
        description
            .map(|d| sanitize_text(d, 200))
            .filter(|d| !d.is_empty())
    });
    found.details.payment = (json.len() <= MAX_PAYMENT_JSON).then_some(PaymentChallenge {
        protocol: "x402",
        json,
    });
}

/// The amount of one payment requirement (v2 `amount`, v1 `maxAmountRequired`).
fn amount_of(req: &Value) -> Option<Amount> {
    let atomic = digits(
        req.get("amount")
            .or(req.get("maxAmountRequired"))?
            .as_text()?,
    )?;
    let network = req.get("network").and_then(Value::as_str).and_then(label);
    let asset = req.get("asset").and_then(Value::as_str);
    let name = req
        .get("extra")
        .and_then(|e| e.get("name"))
        .and_then(Value::as_str);
    let symbol = asset
        .and_then(token_by_address)
        .or_else(|| name.and_then(token_by_name));
    // The `upto` scheme's amount is a maximum: the charge is set after use, and may be 0.
    let upto = req.get("scheme").and_then(Value::as_str) == Some("upto");
    let (decimals, asset, network) = match symbol {
        Some(s) => (STABLECOIN_DECIMALS, Some(s.into()), network),
        // Cloudflare's binding counts US cents (batch_settlement_cloudflare.md).
        None if asset == Some("USD") && is_cloudflare(req) => (2, Some("USD".into()), None),
        // Unknown token: the exact atomic units and the raw asset id, no guessed decimals.
        None => (0, asset.and_then(label), network),
    };
    Some(Amount {
        atomic,
        decimals,
        asset,
        network,
        upto,
    })
}

/// The amount a failed settlement reports, when it has one.
fn settlement_amount(s: &Value) -> Option<Amount> {
    let atomic = digits(s.get("amount")?.as_text()?)?;
    let network = s.get("network").and_then(Value::as_str).and_then(label);
    Some(Amount {
        atomic,
        decimals: 0,
        asset: None,
        network,
        upto: false,
    })
}

/// The legacy paywall page injects `window.x402 = { …, paymentRequirements: [...] }`.
fn paywall(input: &Input) -> Option<Found> {
    let text = &input.text;
    let at = text.find("window.x402")?;
    let mut found = Found::new(PaymentRequiredOnchain, Source::X402);
    let rest = text.get(at..)?;
    let list = rest
        .find("paymentRequirements")
        .and_then(|k| rest.get(k..))
        .and_then(|r| r.find('[').and_then(|b| r.get(b..)))
        .and_then(balanced)
        .and_then(Value::parse);
    if let Some(Value::Array(accepts)) = &list {
        // As a v1 `PaymentRequirementsResponse`: `{"accepts":[…],"x402Version":1}`.
        let json = [
            "{\"accepts\":",
            &list.as_ref()?.to_json(),
            ",\"x402Version\":1}",
        ]
        .concat();
        fill(&mut found, accepts, None, json);
    }
    Some(found)
}

/// The bracketed JSON value at the start of `s` (`[` … matching `]`), respecting strings.
fn balanced(s: &str) -> Option<&str> {
    let mut depth = 0usize;
    let mut in_str = false;
    let mut escaped = false;
    for (i, b) in s.bytes().enumerate() {
        if in_str {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return s.get(..=i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_by_pattern() {
        let c = |e| classify(Some(e), PaymentRequiredOnchain);
        assert_eq!(c("permit2_allowance_required"), WalletApprovalRequired);
        assert_eq!(
            c("permit2_insufficient_balance"),
            OnchainInsufficientBalance
        );
        assert_eq!(c("invalid_permit2_signature"), PaymentSignatureInvalid);
        assert_eq!(
            c("invalid_exact_evm_payload_authorization_valid_before"),
            PaymentAuthorizationExpired
        );
        assert_eq!(
            c("invalid_exact_evm_network_mismatch"),
            PaymentNetworkMismatch
        );
        assert_eq!(c("unsupported_scheme"), PaymentNetworkMismatch);
        assert_eq!(c("duplicate_settlement"), PaymentSettlementFailed);
        assert_eq!(c("X-PAYMENT header is required"), PaymentRequiredOnchain);
        assert_eq!(
            c("Payment failed: insufficient funds"),
            OnchainInsufficientBalance
        );
        assert_eq!(c("Something odd"), PaymentRequiredOnchain);
        assert_eq!(
            classify(None, PaymentSettlementFailed),
            PaymentSettlementFailed
        );
    }

    #[test]
    fn balanced_respects_strings() {
        assert_eq!(balanced(r#"[{"a":"]"}] tail"#), Some(r#"[{"a":"]"}]"#));
        assert_eq!(balanced("[[]"), None);
    }
}
