//! Causes named by identifiers of unknown vendors: codes, error types and problem type URIs.
//!
//! A SaaS app's own `"code":"subscription_past_due"` or `type` of
//! `https://billing.example.com/problems/subscription-past-due` says what happened as clearly
//! as a vendor table would. Identifiers are compared after lowercasing and turning `-`, ` `
//! and `.` into `_`; the first pattern that occurs decides.

use super::Cause::{self, *};

/// Substrings of a normalized identifier, checked in order.
const PATTERNS: &[(&str, Cause)] = &[
    ("insufficient_quota", QuotaExceeded),
    ("out_of_credit", CreditsExhausted),
    ("insufficient_credit", CreditsExhausted),
    ("credits_exhausted", CreditsExhausted),
    ("credit_exhausted", CreditsExhausted),
    ("no_credit", CreditsExhausted),
    ("credit_balance", CreditsExhausted),
    ("quota", QuotaExceeded),
    ("usage_limit", QuotaExceeded),
    ("plan_limit", QuotaExceeded),
    ("past_due", SubscriptionPastDue),
    ("subscription_expired", SubscriptionPastDue),
    ("subscription_inactive", SubscriptionPastDue),
    ("billing_not_active", SubscriptionPastDue),
    ("unpaid", SubscriptionPastDue),
    ("insufficient_funds", InsufficientFunds),
    ("insufficient_balance", InsufficientFunds),
    ("rate_limit", RateLimited),
    ("too_many_requests", RateLimited),
    ("throttl", RateLimited),
    ("expired_card", CardExpired),
    ("card_expired", CardExpired),
    ("incorrect_cvc", CardIncorrectCvc),
    ("invalid_cvc", CardIncorrectCvc),
    ("card_declined", CardDeclined),
    ("processing_error", ProcessingErrorRetry),
    ("service_suspended", ServiceSuspendedBilling),
    ("billing_suspended", ServiceSuspendedBilling),
    ("suspended_for_non_payment", ServiceSuspendedBilling),
    ("deployment_disabled", ServiceSuspendedBilling),
    ("invalid_api_key", MerchantMisconfigured),
    ("payment_required", PaymentRequired),
];

/// The cause `key` maps to in a `(code, cause)` table.
pub fn lookup(table: &[(&str, Cause)], key: Option<&str>) -> Option<Cause> {
    let key = key?;
    table
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, c)| c.clone())
}

/// The cause an identifier names, if it names one.
pub fn by_identifier(id: &str) -> Option<Cause> {
    if id.len() > 512 {
        return None;
    }
    let norm: String = id
        .chars()
        .map(|c| {
            if matches!(c, '-' | ' ' | '.') {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    PATTERNS
        .iter()
        .find(|(p, _)| norm.contains(p))
        .map(|(_, c)| c.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        assert_eq!(
            by_identifier("https://example.com/probs/out-of-credit"),
            Some(CreditsExhausted)
        );
        assert_eq!(
            by_identifier("https://billing.example.com/problems/subscription-past-due"),
            Some(SubscriptionPastDue)
        );
        assert_eq!(by_identifier("insufficient_quota"), Some(QuotaExceeded));
        assert_eq!(by_identifier("RATE_LIMIT_EXCEEDED"), Some(RateLimited));
        assert_eq!(by_identifier("about:blank"), None);
        assert_eq!(by_identifier("invalid_request_error"), None);
        assert_eq!(
            by_identifier("account_suspended"),
            None,
            "a user's account, not billing"
        );
        assert_eq!(
            by_identifier("authentication_required"),
            None,
            "a login, not 3-D Secure"
        );
    }
}
