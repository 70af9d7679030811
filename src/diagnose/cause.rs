//! The cause labels: what really happened, as a stable public vocabulary.

/// Declares [`Cause`] with its snake_case labels in one table, so the enum, [`Cause::ALL`],
/// [`Cause::as_str`] and [`Cause::parse`] can never disagree.
macro_rules! causes {
    ($($variant:ident = $label:literal,)*) => {
        /// What really happened. The labels (`as_str`) are part of the public API.
        ///
        /// `Custom` carries an integrator-defined label produced by a rule.
        ///
        /// # Design
        /// `#[repr(u8)]` gives the enum a defined layout (RFC 2195: a `u8` tag first, in
        /// declaration order), so a built-in cause's label is one table lookup by its tag and a
        /// clone is a copy, instead of a 32-arm `match` for each.
        #[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Cause {
            $($variant,)*
            Custom(String),
        }

        /// The labels of the built-in causes, in the order of [`Cause::ALL`].
        const LABELS: &[&str] = &[$($label,)*];

        /// The position of each built-in cause in [`Cause::ALL`], as a one-byte constant for
        /// compact tables (see `codes::Table`).
        #[allow(dead_code)]
        #[derive(Clone, Copy)]
        #[repr(u8)]
        pub(crate) enum Id {
            $($variant,)*
        }

        impl Cause {
            /// Every built-in cause, in the order of the public table.
            pub const ALL: &'static [Cause] = &[$(Cause::$variant,)*];
        }
    };
}

impl Cause {
    /// The tag: the position in [`Cause::ALL`] for a built-in cause.
    fn tag(&self) -> usize {
        // SAFETY: `#[repr(u8)]` puts the `u8` tag at the start of every variant (RFC 2195).
        usize::from(unsafe { *(self as *const Cause).cast::<u8>() })
    }

    /// The snake_case label, for example `card_expired`.
    pub fn as_str(&self) -> &str {
        match self {
            Cause::Custom(s) => s,
            c => LABELS.get(c.tag()).copied().unwrap_or_default(),
        }
    }

    /// The built-in cause with this label, if there is one.
    pub fn builtin(label: &str) -> Option<Cause> {
        // A loop over the table is smaller in WebAssembly than a `match` on strings.
        let i = LABELS.iter().position(|l| *l == label)?;
        Cause::ALL.get(i).cloned()
    }
}

impl Clone for Cause {
    fn clone(&self) -> Cause {
        match self {
            Cause::Custom(s) => Cause::Custom(s.clone()),
            // SAFETY: every other variant is a bare tag, which owns nothing: a bitwise copy is
            // a clone.
            c => unsafe { std::ptr::read(c) },
        }
    }
}

causes! {
    PaymentRequired = "payment_required",
    PaymentRequiredOnchain = "payment_required_onchain",
    PaymentRequiredLightning = "payment_required_lightning",
    CrawlerPaymentRequired = "crawler_payment_required",
    OnchainInsufficientBalance = "onchain_insufficient_balance",
    PaymentSignatureInvalid = "payment_signature_invalid",
    PaymentAuthorizationExpired = "payment_authorization_expired",
    PaymentNetworkMismatch = "payment_network_mismatch",
    WalletApprovalRequired = "wallet_approval_required",
    PaymentSettlementFailed = "payment_settlement_failed",
    InsufficientFunds = "insufficient_funds",
    CardDeclined = "card_declined",
    CardExpired = "card_expired",
    CardIncorrectCvc = "card_incorrect_cvc",
    CardDetailsInvalid = "card_details_invalid",
    PaymentDetailsInvalid = "payment_details_invalid",
    CardLimitExceeded = "card_limit_exceeded",
    CardNotSupported = "card_not_supported",
    CardAuthenticationRequired = "card_authentication_required",
    ProcessingErrorRetry = "processing_error_retry",
    PaymentMethodNotActivated = "payment_method_not_activated",
    EwalletAccountBlocked = "ewallet_account_blocked",
    CreditsExhausted = "credits_exhausted",
    QuotaExceeded = "quota_exceeded",
    SubscriptionPastDue = "subscription_past_due",
    ServiceSuspendedBilling = "service_suspended_billing",
    MerchantMisconfigured = "merchant_misconfigured",
    AuthRequired = "auth_required",
    Forbidden = "forbidden",
    RateLimited = "rate_limited",
    BotChallenge = "bot_challenge",
    ProxyAuthRequired = "proxy_auth_required",
}

impl Cause {
    /// The built-in cause with this label, or a custom one carrying it.
    pub fn parse(label: &str) -> Cause {
        Cause::builtin(label).unwrap_or_else(|| Cause::Custom(label.to_owned()))
    }

    /// The built-in cause at position `index` of [`Cause::ALL`].
    pub fn from_index(index: u8) -> Option<Cause> {
        Cause::ALL.get(usize::from(index)).cloned()
    }

    /// Transient causes do not block the user's task for long: `auto` mode shows them as a toast.
    pub fn is_transient(&self) -> bool {
        matches!(self, Cause::RateLimited | Cause::ProcessingErrorRetry)
    }

    /// The fallback when nothing but the status is readable.
    pub fn for_status(status: u16) -> Option<Cause> {
        Some(match status {
            401 => Cause::AuthRequired,
            402 => Cause::PaymentRequired,
            403 => Cause::Forbidden,
            407 => Cause::ProxyAuthRequired,
            429 => Cause::RateLimited,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Cause;

    #[test]
    fn labels_round_trip() {
        assert_eq!(Cause::ALL.len(), 32);
        for c in Cause::ALL {
            assert_eq!(&Cause::parse(c.as_str()), c);
        }
        for (i, c) in Cause::ALL.iter().enumerate() {
            assert_eq!(Cause::from_index(i as u8).as_ref(), Some(c));
        }
        assert_eq!(Cause::from_index(32), None);
        assert_eq!(
            Cause::parse("upgrade_plan"),
            Cause::Custom("upgrade_plan".into())
        );
    }
}
