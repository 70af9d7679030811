//! English texts for a diagnosis only the site's team can act on (`Party::Site`): one entry per
//! cause with a site variant, in the order of `Cause::ALL`. GLOSSARY.md, "Whose account
//! (party)", says what a site text must say.

use super::actions::ActionKind::ContactSupport;
use super::{Text, SITE_COUNT};

const TELL_OWNER: &[(super::ActionKind, &str)] = &[(ContactSupport, "Tell the site owner")];

/// The texts for a diagnosis only the site's team can act on, for the causes that can be
/// either party (`Cause::has_site_variant`), in the order of `Cause::ALL`. They never tell
/// the visitor to top up, upgrade or pay: they say it is not the visitor's doing, what the
/// visitor can still do, and that the site's team has to act.
pub(super) const SITE: [Text; SITE_COUNT] = [
    Text {
        cause: "credits_exhausted",
        title: "This site has run out of credits",
        explanation: "A service this site relies on has stopped working because the site's own credit balance is used up. It's not a problem with your account, and there's nothing you need to pay.",
        steps: &[
            "Only the site's team can fix this by topping up their account.",
            "Tell the site owner[[ and quote reference {reference}]] so they can sort it out.",
            "Please try again later.",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "quota_exceeded",
        title: "This site has reached its usage limit",
        explanation: "A service this site relies on has stopped working because the site has used up its plan's quota for now. It's not a problem with your account, and there's nothing you need to upgrade.",
        steps: &[
            "Only the site's team can fix this by raising their limit.",
            "Please try again later[[, in about {retryAfter}]].",
            "If it's urgent, tell the site owner[[ and quote reference {reference}]].",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "subscription_past_due",
        title: "This site has a billing problem",
        explanation: "A service this site relies on has been paused because of a billing problem on the site's side. It's not a problem with your account or your payment.",
        steps: &[
            "There's nothing you need to pay or change. Only the site's team can fix this.",
            "Tell the site owner[[ and quote reference {reference}]] so they can sort it out.",
            "Please try again later.",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "forbidden",
        title: "This site can't process your request right now",
        explanation: "A service this site relies on refused the site's own access. It's not a problem with your account.",
        steps: &[
            "There's nothing you need to change. Only the site's team can fix this.",
            "If it's urgent, tell the site owner[[ and quote reference {reference}]].",
            "Please try again later.",
        ],
        labels: TELL_OWNER,
    },
    Text {
        cause: "rate_limited",
        title: "This site is busy right now",
        explanation: "A service this site relies on is limiting how many requests the site can make, so some requests are paused for now. It isn't caused by anything you did.",
        steps: &[
            "Try again later[[, in about {retryAfter}]].",
            "If it keeps happening, tell the site owner[[ and quote reference {reference}]].",
        ],
        labels: TELL_OWNER,
    },
];
