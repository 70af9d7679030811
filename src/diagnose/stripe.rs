//! Stripe error objects: `{"error":{"type","code","decline_code","advice_code","doc_url",…}}`.
//!
//! The decline code is more specific than the error code (`card_declined` +
//! `insufficient_funds`), so it is read first; an unknown decline is a generic decline.

use super::codes::{table, Table};
use super::details::{Link, Source};
use super::input::{Found, Input};
use super::money::{digits, fiat, stripe_decimals};
use super::sanitize::safe_url;
use super::Cause::{self, *};
use crate::json::Value;

/// Error `type` values Stripe sends (OpenAI reuses `invalid_request_error`, so that one alone
/// is not evidence).
const TYPES: &[&str] = &[
    "card_error",
    "api_error",
    "idempotency_error",
    "invalid_request_error",
];

/// Parts of a decline or error code that reveal a lost, stolen or fraud-flagged card. Such a
/// decline is shown as a plain one and its code never leaves `diagnose` (PayMongo and Stripe
/// advise merchants the same).
const SENSITIVE_PARTS: &[&str] = &[
    "fraud",
    "stolen",
    "lost",
    "pickup",
    "blacklist",
    "highest_risk",
    "security_violation",
];

/// `decline_code` → cause (github:stripe/stripe-php lib/Charge.php `DECLINED_*`).
const DECLINES: Table = table! {
    "authentication_required" => CardAuthenticationRequired,
    "mobile_device_authentication_required" => CardAuthenticationRequired,
    "offline_pin_required" => CardAuthenticationRequired,
    "online_or_offline_pin_required" => CardAuthenticationRequired,
    "insufficient_funds" => InsufficientFunds,
    "expired_card" => CardExpired,
    "incorrect_cvc" => CardIncorrectCvc,
    "invalid_cvc" => CardIncorrectCvc,
    "incorrect_number" => CardDetailsInvalid,
    "invalid_number" => CardDetailsInvalid,
    "incorrect_zip" => CardDetailsInvalid,
    "invalid_expiry_month" => CardDetailsInvalid,
    "invalid_expiry_year" => CardDetailsInvalid,
    "invalid_account" => CardDetailsInvalid,
    "incorrect_pin" => CardDetailsInvalid,
    "invalid_pin" => CardDetailsInvalid,
    "card_velocity_exceeded" => CardLimitExceeded,
    "withdrawal_count_limit_exceeded" => CardLimitExceeded,
    "card_not_supported" => CardNotSupported,
    "currency_not_supported" => CardNotSupported,
    "processing_error" => ProcessingErrorRetry,
    "issuer_not_available" => ProcessingErrorRetry,
    "reenter_transaction" => ProcessingErrorRetry,
    "try_again_later" => ProcessingErrorRetry,
    "testmode_decline" => MerchantMisconfigured,
};

/// Error `code` → cause (github:arlyon/async-stripe api_errors.rs). `card_declined` and codes
/// not listed fall back to a generic decline when the error is a card error.
const CODES: Table = table! {
    "expired_card" => CardExpired,
    "incorrect_cvc" => CardIncorrectCvc,
    "invalid_cvc" => CardIncorrectCvc,
    "incorrect_number" => CardDetailsInvalid,
    "invalid_number" => CardDetailsInvalid,
    "invalid_expiry_month" => CardDetailsInvalid,
    "invalid_expiry_year" => CardDetailsInvalid,
    "incorrect_zip" => CardDetailsInvalid,
    "incorrect_address" => CardDetailsInvalid,
    "bank_account_unverified" => CardDetailsInvalid,
    "invalid_card_type" => CardNotSupported,
    "payment_intent_incompatible_payment_method" => CardNotSupported,
    "payment_method_currency_mismatch" => CardNotSupported,
    "bank_account_unusable" => CardNotSupported,
    "processing_error" => ProcessingErrorRetry,
    "payment_method_provider_timeout" => ProcessingErrorRetry,
    "insufficient_funds" => InsufficientFunds,
    "authentication_required" => CardAuthenticationRequired,
    "payment_intent_authentication_failure" => CardAuthenticationRequired,
    "setup_intent_authentication_failure" => CardAuthenticationRequired,
    "payment_intent_action_required" => CardAuthenticationRequired,
    "invoice_payment_intent_requires_action" => CardAuthenticationRequired,
    "charge_exceeds_source_limit" => CardLimitExceeded,
    "charge_exceeds_transaction_limit" => CardLimitExceeded,
    "amount_too_large" => CardLimitExceeded,
    "payment_intent_payment_attempt_expired" => PaymentAuthorizationExpired,
    "charge_expired_for_capture" => PaymentAuthorizationExpired,
    "payment_method_unactivated" => PaymentMethodNotActivated,
    "payment_method_not_available" => PaymentMethodNotActivated,
    "card_declined" => CardDeclined,
    "card_error" => CardDeclined,
    "card_decline_rate_limit_exceeded" => CardDeclined,
    "payment_intent_payment_attempt_failed" => CardDeclined,
    "setup_attempt_failed" => CardDeclined,
    "payment_method_provider_decline" => CardDeclined,
    "payment_method_customer_decline" => CardDeclined,
    "debit_not_authorized" => CardDeclined,
    "bank_account_declined" => CardDeclined,
    "rate_limit" => RateLimited,
    "payment_intent_rate_limit_exceeded" => RateLimited,
    "balance_insufficient" => MerchantMisconfigured,
    "api_key_expired" => MerchantMisconfigured,
    "platform_api_key_expired" => MerchantMisconfigured,
    "secret_key_required" => MerchantMisconfigured,
    "livemode_mismatch" => MerchantMisconfigured,
    "testmode_charges_only" => MerchantMisconfigured,
};

/// The cause of a Stripe decline or error code, for bodies that forward the code alone.
pub fn cause_of(code: &str) -> Option<Cause> {
    DECLINES.get(Some(code)).or_else(|| CODES.get(Some(code)))
}

/// Whether a decline or error code reveals a lost, stolen or fraud-flagged card.
pub fn is_sensitive(code: &str) -> bool {
    let lower = code.to_ascii_lowercase();
    SENSITIVE_PARTS.iter().any(|p| lower.contains(p))
}

/// Recognizes a Stripe error object, forwarded as is or under a 402.
pub fn detect(input: &Input) -> Option<Found> {
    let err = input.at("error").filter(|e| e.as_object().is_some())?;
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    let ty = s(err, "type");
    let last = err
        .get("payment_intent")
        .or(err.get("setup_intent"))
        .and_then(|i| i.get("last_payment_error").or(i.get("last_setup_error")));
    let code = s(err, "code").or_else(|| last.and_then(|l| s(l, "code")));
    let decline = s(err, "decline_code").or_else(|| last.and_then(|l| s(l, "decline_code")));
    let doc_url = s(err, "doc_url");
    let stripe_type = ty.as_deref().is_some_and(|t| TYPES.contains(&t));
    let evidence = ty.as_deref() == Some("card_error")
        || decline.is_some()
        || doc_url
            .as_deref()
            .is_some_and(|u| u.contains("stripe.com/"))
        || (stripe_type && input.header("stripe-version").is_some())
        || (stripe_type && CODES.get(code.as_deref()).is_some());
    if !evidence {
        return None;
    }
    let sensitive =
        decline.as_deref().is_some_and(is_sensitive) || code.as_deref().is_some_and(is_sensitive);
    let family =
        (ty.as_deref() == Some("card_error") || input.status() == 402).then_some(CardDeclined);
    let cause = if sensitive {
        CardDeclined
    } else {
        DECLINES
            .get(decline.as_deref())
            .or_else(|| CODES.get(code.as_deref()))
            .or(family)?
    };
    // A bare decline whose advice is to confirm the card data is about the details entered.
    let advice = s(err, "advice_code");
    let cause = match (cause, decline.as_deref(), advice.as_deref()) {
        (CardDeclined, None, Some("confirm_card_data")) if !sensitive => CardDetailsInvalid,
        (cause, _, _) => cause,
    };
    let mut found = Found::new(cause, Source::Stripe).code(code.as_deref());
    found.sensitive = sensitive;
    found.details.decline_code = decline.as_deref().and_then(super::input::code_token);
    found.details.amount = err.get("payment_intent").and_then(|pi| {
        let atomic = digits(pi.get("amount")?.as_text()?)?;
        let currency = pi.get("currency")?.as_str()?;
        Some(fiat(atomic, stripe_decimals(currency), currency))
    });
    if let Some(url) = doc_url.as_deref().and_then(safe_url) {
        found.details.links.push(Link {
            rel: "docs".into(),
            url,
        });
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_no_duplicate_keys() {
        for table in [DECLINES, CODES] {
            let keys = table.keys();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{k}");
            }
        }
        for code in [
            "LOST_CARD",
            "stolen_card",
            "fraudulent",
            "pickup_card",
            "ISSUER_SUSPECT_FRAUD",
        ] {
            assert!(is_sensitive(code), "{code}");
        }
        assert!(!is_sensitive("insufficient_funds"));
    }
}
