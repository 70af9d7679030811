//! Diagnosis: an HTTP exchange in, the real cause of a payment or access rejection out.
//!
//! Pure Rust: nothing here names `wasm_bindgen`, `web_sys` or `js_sys`.
//!
//! ```
//! use explain402::diagnose::{diagnose, Cause, Exchange, Headers, Source};
//!
//! let ex = Exchange {
//!     status: 402,
//!     headers: Headers::from_iter([("Content-Type", "application/json"), ("Request-Id", "req_123")]),
//!     body: br#"{"error":{"type":"card_error","code":"expired_card"}}"#.to_vec(),
//!     ..Exchange::default()
//! };
//! let d = diagnose(&ex).unwrap();
//! assert_eq!((d.cause, d.source), (Cause::CardExpired, Source::Pack("stripe")));
//! assert_eq!(d.details.reference.as_deref(), Some("req_123"));
//! ```
//!
//! # Design
//! **Diagnosis never fails**: any bytes in, and every 401, 402, 403, 407 and 429 gets a cause
//! (the status alone, when nothing else is readable). Other statuses get one only when a
//! payment or access signal is recognized (a Midtrans 200 whose body says `402`, an x402 412).
//!
//! Protocols are code, vendor knowledge is data, and one engine reads the data. In order:
//! integrator rules (one-entry packs that win; the built-in details are kept), the payment
//! protocols (x402, L402, the `Payment` scheme), the vendor packs of `knowledge/` (those the
//! response's host names first), Bearer challenges and rate-limit headers, the generic
//! fallback (codes and messages at any depth, weighed against `knowledge/lexicon.toml`), then
//! the status. Structured fields always win over message text, which may be localized or
//! hostile. Every string that leaves this module is sanitized ([`sanitize_text`]) and every
//! link checked ([`safe_url`]).

mod base64;
mod bearer;
mod cause;
mod challenge;
mod codes;
mod details;
pub mod engine;
mod exchange;
mod extract;
mod fallback;
mod input;
mod l402;
mod money;
mod party;
mod payment_auth;
mod ratelimit;
mod repair;
mod retry;
pub mod rules;
mod sanitize;
mod x402;

pub use base64::decode as decode_base64;
pub use cause::Cause;
pub use details::{Amount, Details, Link, PaymentChallenge, Source};
pub use exchange::{Exchange, Headers};
pub use party::Party;
pub use retry::http_date;
pub use rules::Rules;
pub use sanitize::{safe_url, sanitize_text, strip_controls};

use input::{Found, Input};

/// The protocols that say exactly what they want, checked before any vendor pack.
const PROTOCOLS: &[fn(&Input) -> Option<Found>] =
    &[x402::detect, l402::detect, payment_auth::detect];

/// Headers that only hint, checked after the packs and before the fallback.
const HINTS: &[fn(&Input) -> Option<Found>] = &[bearer::detect, ratelimit::detect];

/// The outcome of [`diagnose`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnosis {
    pub cause: Cause,
    /// Who can act on it.
    pub party: Party,
    pub source: Source,
    pub status: u16,
    pub details: Details,
}

/// Works out what really happened. Never panics; every 401, 402, 403, 407 and 429 gets a
/// cause; other statuses only when a payment or access signal is recognized.
pub fn diagnose(ex: &Exchange) -> Option<Diagnosis> {
    diagnose_with(ex, &Rules::default())
}

/// [`diagnose`] with integrator rules, which are checked before the built-in knowledge.
///
/// A `Retry-After` given as an HTTP-date is ignored here (there is no clock); use
/// [`diagnose_at`] to have it turned into seconds.
pub fn diagnose_with(ex: &Exchange, rules: &Rules) -> Option<Diagnosis> {
    diagnose_at(ex, rules, None)
}

/// [`diagnose_with`] knowing the current time (`now_unix`, seconds since 1970), so that an
/// HTTP-date `Retry-After` (or an epoch rate limit reset) becomes seconds to wait.
///
/// A rule-matched diagnosis has `source: Source::Rule` and keeps the details the built-in
/// knowledge read (reference, retry delay, amount, ...).
pub fn diagnose_at(ex: &Exchange, rules: &Rules, now_unix: Option<u64>) -> Option<Diagnosis> {
    trace(ex, rules, now_unix, None).map(|(d, _)| d)
}

/// [`diagnose_at`] with one vendor pack switched off (`skip_pack`, by id), also returning which
/// pack entry decided (`(pack id, entry index)`). For the knowledge tests and
/// `cargo xtask accuracy`.
pub fn trace(
    ex: &Exchange,
    rules: &Rules,
    now_unix: Option<u64>,
    skip_pack: Option<&str>,
) -> Option<(Diagnosis, Option<(&'static str, usize)>)> {
    let input = Input::new(ex, now_unix);
    let builtin = builtin(&input, skip_pack);
    let mut found = match (rules.find(&input), builtin) {
        (Some(rule), builtin) => {
            // The rule's cause, and the details the built-in knowledge read.
            let mut f = builtin.unwrap_or_else(|| Found::new(Cause::PaymentRequired, Source::Rule));
            f.cause = rule.cause;
            f.source = Source::Rule;
            f.party = rule.party;
            f.sensitive |= rule.sensitive;
            f.matched = None;
            f
        }
        (None, Some(f)) => f,
        (None, None) => {
            let cause = fallback::site_key(Cause::for_status(ex.status)?, &input, false);
            Found::new(cause, Source::Status)
        }
    };
    extract::complete(&mut found, &input);
    // A 402 or 403 from a third party's API about credits, quota or billing (a 429 for a
    // quota) is the site's own upstream account, unless something said otherwise. Sign-in,
    // access and rate limits of services the page calls directly (an auth provider, a payment
    // form) stay the visitor's.
    let upstream = match found.cause {
        Cause::CreditsExhausted | Cause::SubscriptionPastDue => matches!(ex.status, 402 | 403),
        Cause::QuotaExceeded => matches!(ex.status, 402 | 403 | 429),
        _ => false,
    };
    let inferred = (upstream && input.third_party()).then_some(Party::Site);
    let party = rules
        .party
        .or(found.party)
        .or(inferred)
        .unwrap_or_else(|| found.cause.default_party());
    let diagnosis = Diagnosis {
        cause: found.cause,
        party,
        source: found.source,
        status: ex.status,
        details: found.details,
    };
    Some((diagnosis, found.matched))
}

/// What the built-in knowledge makes of a response: protocols, packs (by host first), hints,
/// the fallback.
fn builtin(input: &Input, skip_pack: Option<&str>) -> Option<Found> {
    for detect in PROTOCOLS {
        if let Some(f) = detect(input) {
            return Some(f);
        }
    }
    if let Some(f) = engine::run(skip_pack, input) {
        return Some(f);
    }
    for detect in HINTS {
        if let Some(f) = detect(input) {
            return Some(f);
        }
    }
    fallback::detect(input)
}
