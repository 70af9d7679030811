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
//! assert_eq!((d.cause, d.source), (Cause::CardExpired, Source::Stripe));
//! assert_eq!(d.details.reference.as_deref(), Some("req_123"));
//! ```
//!
//! # Design
//! **Diagnosis never fails**: any bytes in, and every 401, 402, 403, 407 and 429 gets a cause
//! (the status alone, when nothing else is readable). Other statuses get one only when a
//! payment or access signal is recognized (a Midtrans 200 whose body says `402`, an x402 412).
//!
//! Each source has its own file and a `detect(&Input) -> Option<Found>`. They run in the order
//! of `DETECTORS`: integrator rules first, then explicit payment protocols, then vendor
//! bodies, then headers that only hint, then wording, then the status. Structured fields
//! always win over message text, which may be localized or hostile. Every string that leaves
//! this module is sanitized ([`sanitize_text`]) and every link checked ([`safe_url`]).

mod api_error;
mod base64;
mod bearer;
mod cause;
mod challenge;
mod cloudflare;
mod codes;
mod details;
mod exchange;
mod extract;
mod hosting;
mod input;
mod l402;
mod midtrans;
mod money;
mod party;
mod payment_auth;
mod problem;
mod ratelimit;
mod repair;
mod retry;
pub mod rules;
mod sanitize;
mod stripe;
mod text;
mod x402;
mod xendit;

pub use base64::decode as decode_base64;
pub use cause::Cause;
pub use details::{Amount, Details, Link, PaymentChallenge, Source};
pub use exchange::{Exchange, Headers};
pub use party::Party;
pub use retry::http_date;
pub use rules::Rules;
pub use sanitize::{safe_url, sanitize_text, strip_controls};

use input::{Found, Input};

/// The built-in detectors, in precedence order (the first that recognizes something wins).
const DETECTORS: &[fn(&Input) -> Option<Found>] = &[
    // Payment protocols say exactly what they want.
    x402::detect,
    cloudflare::detect_crawler,
    l402::detect,
    payment_auth::detect,
    // A challenge page is a challenge whatever its body says.
    cloudflare::detect_challenge,
    // Vendor bodies, most specific shapes first.
    stripe::detect,
    midtrans::detect,
    xendit::detect,
    hosting::detect,
    problem::detect,
    api_error::detect,
    // Headers that hint, then wording.
    ratelimit::detect,
    bearer::detect,
    text::detect,
];

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

/// [`diagnose`] with integrator rules, which are checked before the built-in detectors.
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
/// detectors read (reference, retry delay, amount, ...).
pub fn diagnose_at(ex: &Exchange, rules: &Rules, now_unix: Option<u64>) -> Option<Diagnosis> {
    let input = Input::new(ex, now_unix);
    let builtin = DETECTORS.iter().find_map(|detect| detect(&input));
    let mut found = match rules.find(&input) {
        Some(cause) => {
            let mut f = builtin.unwrap_or_else(|| Found::new(cause.clone(), Source::Rule));
            f.cause = cause;
            f.source = Source::Rule;
            f
        }
        None => builtin
            .or_else(|| Cause::for_status(ex.status).map(|c| Found::new(c, Source::Status)))?,
    };
    extract::complete(&mut found, &input);
    Some(Diagnosis {
        party: found.cause.default_party(),
        cause: found.cause,
        source: found.source,
        status: ex.status,
        details: found.details,
    })
}
