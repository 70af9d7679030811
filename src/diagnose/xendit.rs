//! Xendit (Indonesia): `{"error_code":"UPPER_SNAKE","message":"…"}`, and failed charges
//! `{"status":"FAILED","failure_reason":"…"}`.
//!
//! Xendit sends no 402: card and e-wallet failures come as 400 (or as a 200 charge object that
//! failed), key problems as 401/403 (docs.xendit.co/docs/error-scenarios).

use super::codes::{table, Table};
use super::details::Source;
use super::input::{Found, Input};
use super::money::{decimal, fiat};
use super::stripe::is_sensitive;
use super::text;
use super::Cause::*;
use crate::json::Value;

/// `error_code` and `failure_reason` values → cause.
const CODES: Table = table! {
    "INVALID_API_KEY" => MerchantMisconfigured,
    "REQUEST_FORBIDDEN_ERROR" => MerchantMisconfigured,
    "INVALID_MERCHANT_CREDENTIALS" => MerchantMisconfigured,
    "FEATURE_NOT_ENABLED" => MerchantMisconfigured,
    "CHANNEL_NOT_ACTIVATED" => PaymentMethodNotActivated,
    "PAYMENT_METHOD_NOT_ACTIVATED" => PaymentMethodNotActivated,
    "CARD_EXPIRED" => CardExpired,
    "EXPIRED_CARD" => CardExpired,
    "INVALID_CVN" => CardIncorrectCvc,
    "INVALID_PAYMENT_DETAILS" => CardDetailsInvalid,
    "INVALID_ACCOUNT_DETAILS" => CardDetailsInvalid,
    "INVALID_CARD_NUMBER" => CardDetailsInvalid,
    "INVALID_TOKEN" => CardDetailsInvalid,
    "INSUFFICIENT_BALANCE" => InsufficientFunds,
    "INSUFFICIENT_FUNDS" => InsufficientFunds,
    "ACCOUNT_ACCESS_BLOCKED" => EwalletAccountBlocked,
    "ACCOUNT_BLOCKED" => EwalletAccountBlocked,
    "MAX_AMOUNT_LIMIT_ERROR" => CardLimitExceeded,
    "CARD_LIMIT_EXCEEDED" => CardLimitExceeded,
    "EXPIRED_OTP_ERROR" => CardAuthenticationRequired,
    "MAX_OTP_ATTEMPTS_ERROR" => CardAuthenticationRequired,
    "INVALID_OTP_ERROR" => CardAuthenticationRequired,
    "OTP_DELIVERY_ERROR" => CardAuthenticationRequired,
    "AUTHENTICATION_FAILED" => CardAuthenticationRequired,
    "CARD_DECLINED" => CardDeclined,
    "DECLINED_BY_ISSUER" => CardDeclined,
    "DECLINED_BY_PROCESSOR" => CardDeclined,
    "INACTIVE_CARD" => CardDeclined,
    "INACTIVE_PAYMENT_REQUEST" => PaymentAuthorizationExpired,
    "TEMPORARILY_UNAVAILABLE" => ProcessingErrorRetry,
    "CHANNEL_UNAVAILABLE" => ProcessingErrorRetry,
    "PROCESSOR_ERROR" => ProcessingErrorRetry,
    "TEMPORARY_SYSTEM_ERROR" => ProcessingErrorRetry,
    "PAYMENT_REQUEST_RATE_LIMITED" => RateLimited,
    "RATE_LIMIT_EXCEEDED" => RateLimited,
};

/// Parts of an unlisted code that say it is about the merchant's credentials.
const KEY_PARTS: &[&str] = &["API_KEY", "CREDENTIAL", "SECRET_KEY", "MERCHANT"];

/// Xendit codes are `UPPER_SNAKE_CASE`.
fn is_upper_snake(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// Recognizes a Xendit error envelope or failed charge (any HTTP status for failed charges).
pub fn detect(input: &Input) -> Option<Found> {
    let json = input.json.as_ref()?;
    let upper = |key: &str| {
        json.get(key)
            .and_then(Value::as_str)
            .filter(|s| is_upper_snake(s))
    };
    let failed = json.get("status").and_then(Value::as_str) == Some("FAILED");
    let code = match upper("error_code") {
        Some(c) if json.get("message").is_some() || json.get("errors").is_some() => c,
        _ if failed => upper("failure_reason").or(upper("failure_code"))?,
        _ => return None,
    };
    if !failed && input.status() < 400 {
        return None;
    }
    let sensitive = is_sensitive(code);
    let message = json.get("message").and_then(Value::as_str).unwrap_or("");
    let cause = if sensitive {
        CardDeclined
    } else if let Some(c) = CODES.get(Some(code)) {
        c
    } else if matches!(input.status(), 401 | 403) && KEY_PARTS.iter().any(|p| code.contains(p)) {
        // A 401 or 403 about keys is the merchant's API key, never the shopper's login.
        MerchantMisconfigured
    } else {
        text::classify(message, text::Context::Payment).or(failed.then_some(CardDeclined))?
    };
    let mut found = Found::new(cause, Source::Xendit).code(Some(code));
    found.sensitive = sensitive;
    found.details.amount = ["charge_amount", "amount"].iter().find_map(|k| {
        let (atomic, decimals) = decimal(json.get(k)?.as_text()?)?;
        Some(fiat(atomic, decimals, json.get("currency")?.as_str()?))
    });
    Some(found)
}
