//! The actions a panel offers, which of them fit each built-in cause and party, and where a
//! page reload is a safe stand-in for "try again".

use crate::diagnose::{Cause, Diagnosis, Source};

/// What a button does. The labels (`as_str`) are part of the public API: integrators name
/// them in `messages.<locale>.actions` and in a cause's `actions` list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionKind {
    /// Open the page where the user manages payment (cards, credits, plan, bills).
    UpdatePayment,
    Retry,
    SignIn,
    ContactSupport,
    /// Copy the support reference; offered only when there is one.
    CopyReference,
    /// Hand the payment challenge to the integrator's pay callback.
    Pay,
}

/// Number of action kinds.
pub const ACTION_COUNT: usize = ActionKind::ALL.len();

impl ActionKind {
    /// Every kind, in the order of the label tables.
    pub const ALL: [ActionKind; 6] = [
        ActionKind::UpdatePayment,
        ActionKind::Retry,
        ActionKind::SignIn,
        ActionKind::ContactSupport,
        ActionKind::CopyReference,
        ActionKind::Pay,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionKind::UpdatePayment => "update_payment",
            ActionKind::Retry => "retry",
            ActionKind::SignIn => "sign_in",
            ActionKind::ContactSupport => "contact_support",
            ActionKind::CopyReference => "copy_reference",
            ActionKind::Pay => "pay",
        }
    }

    pub fn parse(label: &str) -> Option<ActionKind> {
        ActionKind::ALL.into_iter().find(|k| k.as_str() == label)
    }

    /// Position in [`ActionKind::ALL`] and in the label tables.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One button: what it does and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub kind: ActionKind,
    pub label: String,
}

/// The actions that fit a built-in cause, most useful first. Custom causes have none of their
/// own; they take those of their fallback cause unless the integrator lists some.
pub const fn builtin_actions(cause: &Cause) -> &'static [ActionKind] {
    use ActionKind::{ContactSupport, CopyReference, Pay, Retry, SignIn, UpdatePayment};
    match cause {
        Cause::PaymentRequired => &[Pay, UpdatePayment, ContactSupport, CopyReference],
        Cause::PaymentRequiredOnchain | Cause::PaymentRequiredLightning => &[Pay, Retry],
        Cause::CrawlerPaymentRequired => &[Retry, ContactSupport, CopyReference],
        // "Try paying again" beside "Try again" would confuse; paying again is the fix.
        Cause::OnchainInsufficientBalance
        | Cause::PaymentAuthorizationExpired
        | Cause::PaymentNetworkMismatch => &[Pay],
        Cause::PaymentSignatureInvalid => &[Pay, ContactSupport, CopyReference],
        Cause::WalletApprovalRequired => &[Pay, ContactSupport],
        Cause::PaymentSettlementFailed => &[Pay, ContactSupport, CopyReference],
        Cause::InsufficientFunds
        | Cause::CardExpired
        | Cause::CardIncorrectCvc
        | Cause::CardDetailsInvalid
        | Cause::PaymentDetailsInvalid
        | Cause::CardLimitExceeded => &[UpdatePayment, Retry],
        // Step 3 sends the user to the site's support when the bank saw nothing wrong.
        Cause::CardDeclined => &[UpdatePayment, Retry, ContactSupport],
        // The fix is at the bank, and retrying a blocked account fails the same way.
        Cause::CardNotSupported | Cause::EwalletAccountBlocked => &[UpdatePayment],
        Cause::CardAuthenticationRequired | Cause::ProcessingErrorRetry => &[Retry, UpdatePayment],
        Cause::PaymentMethodNotActivated => &[UpdatePayment, ContactSupport, CopyReference],
        Cause::CreditsExhausted => &[UpdatePayment, Retry, ContactSupport],
        Cause::QuotaExceeded => &[UpdatePayment, ContactSupport],
        Cause::SubscriptionPastDue => &[UpdatePayment, ContactSupport, CopyReference],
        Cause::ServiceSuspendedBilling => &[ContactSupport, Retry, CopyReference],
        Cause::MerchantMisconfigured => &[ContactSupport, CopyReference, Retry],
        Cause::AuthRequired => &[SignIn, Retry],
        Cause::Forbidden => &[SignIn, ContactSupport, CopyReference],
        Cause::RateLimited | Cause::BotChallenge | Cause::ProxyAuthRequired => &[Retry],
        Cause::Custom(_) => &[],
    }
}

/// The actions of a cause's `site` text (`Party::Site`): no top-up, upgrade or payment button,
/// "tell the site owner" first. `None` for a cause without a site text.
pub const fn site_actions(cause: &Cause) -> Option<&'static [ActionKind]> {
    use ActionKind::{ContactSupport, CopyReference, Retry};
    Some(match cause {
        Cause::CreditsExhausted
        | Cause::QuotaExceeded
        | Cause::SubscriptionPastDue
        | Cause::Forbidden => &[ContactSupport, CopyReference, Retry],
        Cause::RateLimited => &[Retry, ContactSupport, CopyReference],
        _ => return None,
    })
}

/// Whether reloading the page is a safe stand-in for "try again" (used when the integrator
/// gives no `onRetry`).
///
/// # Design
/// A reload is never offered after a payment challenge: it fetches a new x402, L402 or
/// `Payment` challenge (a new invoice, a new payment request), which is a path to paying
/// twice. Nor on the causes of a payment form (cards, e-wallets, bank details), where it
/// would wipe what the user typed. Everywhere else (sign-in, rate limits, a security check,
/// the site's own problems) a reload is what the steps ask for anyway.
pub fn reload_is_safe(d: &Diagnosis) -> bool {
    let challenge = d.details.payment.is_some()
        || matches!(d.source, Source::X402 | Source::L402 | Source::PaymentAuth);
    !challenge && !is_payment_challenge(&d.cause) && !is_payment_form(&d.cause)
}

/// The causes of a payment challenge: paying is the next step, so a reload can ask again.
fn is_payment_challenge(cause: &Cause) -> bool {
    matches!(
        cause,
        Cause::PaymentRequired
            | Cause::PaymentRequiredOnchain
            | Cause::PaymentRequiredLightning
            | Cause::CrawlerPaymentRequired
            | Cause::OnchainInsufficientBalance
            | Cause::PaymentSignatureInvalid
            | Cause::PaymentAuthorizationExpired
            | Cause::PaymentNetworkMismatch
            | Cause::WalletApprovalRequired
            | Cause::PaymentSettlementFailed
    )
}

/// The causes that arrive while the user fills in a payment form.
fn is_payment_form(cause: &Cause) -> bool {
    matches!(
        cause,
        Cause::InsufficientFunds
            | Cause::CardDeclined
            | Cause::CardExpired
            | Cause::CardIncorrectCvc
            | Cause::CardDetailsInvalid
            | Cause::PaymentDetailsInvalid
            | Cause::CardLimitExceeded
            | Cause::CardNotSupported
            | Cause::CardAuthenticationRequired
            | Cause::ProcessingErrorRetry
            | Cause::PaymentMethodNotActivated
            | Cause::EwalletAccountBlocked
    )
}
