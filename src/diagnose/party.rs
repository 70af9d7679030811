//! Who can fix it: the person in front of the screen, or only the site's team.

use super::Cause;

/// Who can act on a diagnosis. The labels (`as_str`) are part of the public API.
///
/// # Design
/// The same cause can be either: a credit balance used up is the visitor's own when they top
/// up their account on the site, and the site's when the site's own upstream account (an AI
/// API, say) ran dry. Packs state the party per entry; the fallback infers it; integrators
/// override it per rule or for the whole page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Party {
    /// The person in front of the screen can act: their card, wallet, plan, sign-in, waiting.
    User,
    /// Only the site's team can: its upstream account, API key, payment setup or hosting bill.
    Site,
}

impl Party {
    pub fn as_str(self) -> &'static str {
        match self {
            Party::User => "user",
            Party::Site => "site",
        }
    }

    pub fn parse(label: &str) -> Option<Party> {
        match label {
            "user" => Some(Party::User),
            "site" => Some(Party::Site),
            _ => None,
        }
    }
}

impl Cause {
    /// The party of a cause when nothing says otherwise: the site for the three causes only its
    /// team can fix, the user for every other.
    pub fn default_party(&self) -> Party {
        match self {
            Cause::PaymentMethodNotActivated
            | Cause::ServiceSuspendedBilling
            | Cause::MerchantMisconfigured => Party::Site,
            _ => Party::User,
        }
    }

    /// Whether this cause has different texts for the two parties (a `site` variant): the
    /// causes that can be either the visitor's own or the site's upstream account.
    pub fn has_site_variant(&self) -> bool {
        matches!(
            self,
            Cause::CreditsExhausted
                | Cause::QuotaExceeded
                | Cause::SubscriptionPastDue
                | Cause::RateLimited
                | Cause::Forbidden
        )
    }
}
