//! Causes named by identifiers of unknown vendors: codes, error types and problem type URIs.
//!
//! A SaaS app's own `"code":"subscription_past_due"` or `type` of
//! `https://billing.example.com/problems/subscription-past-due` says what happened as clearly
//! as a vendor table would. Identifiers are compared after lowercasing and turning `-`, ` `
//! and `.` into `_`; the first pattern that occurs decides.

use super::Cause;

/// A `key → cause` table stored compactly: the keys joined into one string, each followed by
/// `|`, and one byte per key for its cause's position in [`Cause::ALL`].
///
/// # Design
/// A `&[(&str, Cause)]` costs 20 bytes of pointers and padding per entry in the WebAssembly
/// module beside the key itself; this costs one. Build tables with [`table!`], which checks at
/// compile time that there is one cause per key (so no key may contain `|`).
pub struct Table {
    keys: &'static str,
    causes: &'static [u8],
}

impl Table {
    /// A table from joined keys and cause positions; fails to compile (in a `const`) when they
    /// do not pair up.
    pub const fn new(keys: &'static str, causes: &'static [u8]) -> Table {
        let bytes = keys.as_bytes();
        let mut count = 0;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'|' {
                count += 1;
            }
            i += 1;
        }
        assert!(count == causes.len(), "one cause per key");
        Table { keys, causes }
    }

    /// The cause of the entry whose key is exactly `key`.
    pub fn get(&self, key: Option<&str>) -> Option<Cause> {
        self.find(key?, true).map(|(_, c)| c)
    }

    /// The first entry whose key occurs in `hay`; a key may join words with `&`, all of which
    /// must occur, in any order.
    pub fn within(&self, hay: &str) -> Option<(&'static str, Cause)> {
        self.find(hay, false)
    }

    /// Every key, in order (for tests).
    #[cfg(test)]
    pub fn keys(&self) -> Vec<&'static str> {
        self.keys.split_terminator('|').collect()
    }

    #[inline(never)]
    fn find(&self, s: &str, exact: bool) -> Option<(&'static str, Cause)> {
        let mut rest = self.keys;
        let mut i = 0;
        while let Some((key, tail)) = rest.split_once('|') {
            let hit = if exact {
                key == s
            } else {
                key.split('&').all(|part| s.contains(part))
            };
            if hit {
                return Some((key, Cause::from_index(*self.causes.get(i)?)?));
            }
            rest = tail;
            i += 1;
        }
        None
    }
}

/// Builds a [`Table`]: `table! { "key" => CauseVariant, … }`.
macro_rules! table {
    ($($key:literal => $cause:ident,)*) => {
        $crate::diagnose::codes::Table::new(
            concat!($($key, "|",)*),
            &[$($crate::diagnose::cause::Id::$cause as u8,)*],
        )
    };
}
pub(crate) use table;

/// Substrings of a normalized identifier, checked in order.
const PATTERNS: Table = table! {
    "insufficient_quota" => QuotaExceeded,
    "out_of_credit" => CreditsExhausted,
    "insufficient_credit" => CreditsExhausted,
    "credits_exhausted" => CreditsExhausted,
    "credit_exhausted" => CreditsExhausted,
    "no_credit" => CreditsExhausted,
    "credit_balance" => CreditsExhausted,
    "quota" => QuotaExceeded,
    "usage_limit" => QuotaExceeded,
    "plan_limit" => QuotaExceeded,
    "past_due" => SubscriptionPastDue,
    "subscription_expired" => SubscriptionPastDue,
    "subscription_inactive" => SubscriptionPastDue,
    "billing_not_active" => SubscriptionPastDue,
    "unpaid" => SubscriptionPastDue,
    "insufficient_funds" => InsufficientFunds,
    "insufficient_balance" => InsufficientFunds,
    "rate_limit" => RateLimited,
    "too_many_requests" => RateLimited,
    "throttl" => RateLimited,
    "expired_card" => CardExpired,
    "card_expired" => CardExpired,
    "incorrect_cvc" => CardIncorrectCvc,
    "invalid_cvc" => CardIncorrectCvc,
    "card_declined" => CardDeclined,
    "processing_error" => ProcessingErrorRetry,
    "service_suspended" => ServiceSuspendedBilling,
    "billing_suspended" => ServiceSuspendedBilling,
    "suspended_for_non_payment" => ServiceSuspendedBilling,
    "deployment_disabled" => ServiceSuspendedBilling,
    "invalid_api_key" => MerchantMisconfigured,
    "payment_required" => PaymentRequired,
};

/// The cause an identifier names, if it names one.
pub fn by_identifier(id: &str) -> Option<Cause> {
    if id.len() > 512 {
        return None;
    }
    let mut norm = String::with_capacity(id.len());
    for c in id.chars() {
        norm.push(if matches!(c, '-' | ' ' | '.') {
            '_'
        } else {
            c.to_ascii_lowercase()
        });
    }
    PATTERNS.within(&norm).map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnose::Cause::*;

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
