//! The actions a panel offers, and which of them fit each built-in cause.

use crate::diagnose::Cause;

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
pub fn builtin_actions(cause: &Cause) -> &'static [ActionKind] {
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
        | Cause::CardDeclined
        | Cause::CardExpired
        | Cause::CardIncorrectCvc
        | Cause::CardDetailsInvalid
        | Cause::PaymentDetailsInvalid
        | Cause::CardLimitExceeded => &[UpdatePayment, Retry],
        Cause::CardNotSupported => &[UpdatePayment, ContactSupport],
        Cause::CardAuthenticationRequired | Cause::ProcessingErrorRetry => &[Retry, UpdatePayment],
        Cause::PaymentMethodNotActivated => &[UpdatePayment, ContactSupport, CopyReference],
        Cause::EwalletAccountBlocked => &[UpdatePayment, Retry],
        Cause::CreditsExhausted => &[UpdatePayment, Retry],
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
