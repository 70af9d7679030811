//! The `Payment` HTTP authentication scheme (draft-httpauth-payment, paymentauth.org, "MPP").
//!
//! `WWW-Authenticate: Payment id="…", realm="…", method="lightning", intent="charge",
//! request="<base64url JSON>", expires="…"`, usually with an RFC 9457 body whose `type` is a
//! `https://paymentauth.org/problems/…` URI that says what went wrong.

use super::base64;
use super::challenge::{self, Challenge};
use super::codes::{table, Table};
use super::details::{Amount, PaymentChallenge, Source};
use super::input::{all_bytes, listed, Found, Input};
use super::l402::{invoice_amount, is_invoice};
use super::money::{digits, label};
use super::x402::MAX_PAYMENT_JSON;
use super::Cause::{self, *};
use crate::json::{write_string, Value};

/// The problem type namespace of the `Payment` scheme.
pub const PROBLEM_BASE: &str = "https://paymentauth.org/problems/";

/// Problem types under [`PROBLEM_BASE`]: the core ones and mppx's (draft-httpauth-payment-01,
/// `wevm/mppx` src/Errors.ts), the `lightning/` ones without that prefix, and the `session/`
/// ones with it (`session/insufficient-balance` is not `lightning/insufficient-balance`).
const PROBLEMS: Table = table! {
    "session/insufficient-balance" => CreditsExhausted,
    "session/amount-exceeds-deposit" => CreditsExhausted,
    "session/channel-not-found" => PaymentAuthorizationExpired,
    "session/channel-finalized" => PaymentAuthorizationExpired,
    "session/challenge-not-found" => PaymentAuthorizationExpired,
    "session/invalid-signature" => PaymentSignatureInvalid,
    "session/signer-mismatch" => PaymentSignatureInvalid,
    "session/delta-too-small" => PaymentSettlementFailed,
    "session/transaction-reverted" => PaymentSettlementFailed,
    "payment-action-required" => CardAuthenticationRequired,
    "invalid-payload" => PaymentSignatureInvalid,
    "payment-required" => PaymentRequiredLightning,
    // Too little was paid: pay again, by the challenge's method.
    "payment-insufficient" => PaymentRequiredLightning,
    "payment-expired" => PaymentAuthorizationExpired,
    "verification-failed" => PaymentSignatureInvalid,
    "method-unsupported" => PaymentNetworkMismatch,
    "malformed-credential" => PaymentSignatureInvalid,
    "invalid-challenge" => PaymentAuthorizationExpired,
    "unknown-challenge" => PaymentAuthorizationExpired,
    "invalid-preimage" => PaymentSignatureInvalid,
    "expired-invoice" => PaymentAuthorizationExpired,
    "session-not-found" => PaymentRequiredLightning,
    "session-closed" => PaymentRequiredLightning,
    "insufficient-balance" => OnchainInsufficientBalance,
    "challenge-expired" => PaymentAuthorizationExpired,
    "invalid-return-invoice" => PaymentSettlementFailed,
};

/// Payment methods settled on a blockchain rather than over Lightning or a card network
/// (draft-httpauth-payment-01 `specs/methods/*`), each followed by `|`.
const ONCHAIN_METHODS: &str = concat!(
    "tempo|",
    "evm|",
    "solana|",
    "x402|",
    "ethereum|",
    "base|",
    "usdc|",
    "stellar|",
    "hedera|",
    "nearintents|",
    "sui|",
    "aptos|",
    "algorand|",
);

/// The cause named by a `https://paymentauth.org/problems/…` type URI.
pub fn problem_cause(type_uri: &str) -> Option<Cause> {
    let rest = type_uri.strip_prefix(PROBLEM_BASE)?;
    let name = rest.strip_prefix("lightning/").unwrap_or(rest);
    PROBLEMS.get(Some(name))
}

/// Recognizes a `Payment` challenge, or a paymentauth.org problem body without one (the header
/// is hidden from cross-origin callers unless exposed).
pub fn detect(input: &Input) -> Option<Found> {
    if input.status() < 400 {
        return None;
    }
    let chs = match input.header("www-authenticate") {
        Some(v) => challenge::parse(v),
        None => Vec::new(),
    };
    let mut ch = None;
    for c in &chs {
        if c.is("Payment") && !c.params.is_empty() {
            ch = Some(c);
            break;
        }
    }
    let problem = input.str_at("type").and_then(problem_cause);
    if ch.is_none() && problem.is_none() {
        return None;
    }
    let method = ch
        .and_then(|c| c.param("method"))
        .map(str::to_ascii_lowercase);
    let method = method.as_deref();
    let by_method = match method {
        // Without the (cross-origin hidden) challenge, the method is unknown.
        None if ch.is_none() => PaymentRequired,
        None | Some("lightning") => PaymentRequiredLightning,
        Some(m) if listed(ONCHAIN_METHODS, m) => PaymentRequiredOnchain,
        Some(_) => PaymentRequired,
    };
    let cause = match (problem, method) {
        (Some(PaymentRequiredLightning) | None, _) => by_method,
        // mppx reports a Stripe decline as `verification-failed` ("Stripe PaymentIntent
        // failed"): with a card, that is a declined card, not a bad wallet signature.
        (Some(PaymentSignatureInvalid), Some("stripe" | "card")) => CardDeclined,
        (Some(p), _) => p,
    };
    let mut found = Found::new(cause, Source::PaymentAuth);
    if let Some(ch) = ch {
        let request = ch.param("request").and_then(base64::decode_json);
        if let Some(r) = &request {
            found.details.amount = amount_of(r);
        }
        found.details.payment = payment(ch, request.as_ref());
    }
    Some(found)
}

/// The amount of a charge request: `amount` in `sat`/`msat`, else the invoice's own amount.
fn amount_of(req: &Value) -> Option<Amount> {
    let details = req.get("methodDetails");
    let detail = |key: &str| details?.get(key)?.as_str();
    let currency = req.get("currency").and_then(Value::as_str).unwrap_or("");
    let decimals = if currency.eq_ignore_ascii_case("sat") || currency.eq_ignore_ascii_case("sats")
    {
        0
    } else if currency.eq_ignore_ascii_case("msat") || currency.eq_ignore_ascii_case("msats") {
        3
    } else {
        u32::MAX
    };
    match req.get("amount").and_then(Value::as_text).and_then(digits) {
        Some(atomic) if decimals != u32::MAX => Some(Amount {
            atomic,
            decimals,
            asset: Some("sat".into()),
            network: detail("network").and_then(label),
            upto: false,
        }),
        _ => detail("invoice")
            .filter(|i| is_invoice(i))
            .and_then(invoice_amount),
    }
}

/// The challenge for the pay callback: its parameters, with `request` decoded when it is JSON.
fn payment(ch: &Challenge, request: Option<&Value>) -> Option<PaymentChallenge> {
    let mut json = String::from("{\"scheme\":\"Payment\"");
    for (name, value) in &ch.params {
        if !all_bytes(name, |b| {
            b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
        }) {
            continue;
        }
        let name = name.to_ascii_lowercase();
        json.push(',');
        write_string(&name, &mut json);
        json.push(':');
        match request {
            Some(r) if name == "request" => json.push_str(&r.to_json()),
            _ => write_string(value, &mut json),
        }
    }
    json.push('}');
    (json.len() <= MAX_PAYMENT_JSON).then_some(PaymentChallenge {
        protocol: "payment_auth",
        json,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_types() {
        assert_eq!(
            problem_cause("https://paymentauth.org/problems/payment-expired"),
            Some(PaymentAuthorizationExpired)
        );
        assert_eq!(
            problem_cause("https://paymentauth.org/problems/lightning/expired-invoice"),
            Some(PaymentAuthorizationExpired)
        );
        assert_eq!(
            problem_cause("https://paymentauth.org/problems/unknown"),
            None
        );
        assert_eq!(
            problem_cause("https://example.com/problems/payment-expired"),
            None
        );
    }
}
