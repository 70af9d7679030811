//! OAuth bearer challenges (RFC 6750 §3): `WWW-Authenticate: Bearer error="invalid_token"`.
//!
//! `invalid_token` means signing in again helps; `insufficient_scope` means this account may
//! not do this, whatever the status. DPoP (RFC 9449) uses the same error codes.

use super::challenge;
use super::codes::{table, Table};
use super::details::Source;
use super::input::{Found, Input};
use super::Cause::AuthRequired;

/// `error` values → cause. `invalid_request` counts only on a 401.
const ERRORS: Table = table! {
    "invalid_token" => AuthRequired,
    "insufficient_scope" => Forbidden,
};

/// Recognizes a Bearer or DPoP challenge with an `error` (status 400 and above).
pub fn detect(input: &Input) -> Option<Found> {
    if input.status() < 400 {
        return None;
    }
    let chs = challenge::parse(input.header("www-authenticate")?);
    chs.iter()
        .filter(|c| c.is("Bearer") || c.is("DPoP"))
        .find_map(|c| {
            let error = c.param("error")?.trim();
            let cause = match ERRORS.get(Some(error)) {
                Some(cause) => cause,
                None if input.status() == 401 => AuthRequired,
                None => return None,
            };
            Some(Found::coded(cause, Source::Bearer, Some(error)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnose::{Cause, Exchange, Headers};
    use Cause::Forbidden;

    fn cause(status: u16, www: &str) -> Option<Cause> {
        let ex = Exchange {
            status,
            headers: Headers::from_iter([("WWW-Authenticate", www)]),
            ..Exchange::default()
        };
        detect(&Input::new(&ex, None)).map(|f| f.cause)
    }

    #[test]
    fn errors_map_whatever_the_status() {
        assert_eq!(
            cause(401, r#"Bearer realm="a", error="invalid_token""#),
            Some(AuthRequired)
        );
        assert_eq!(
            cause(403, r#"Bearer error="insufficient_scope""#),
            Some(Forbidden)
        );
        assert_eq!(
            cause(400, r#"DPoP error="invalid_token""#),
            Some(AuthRequired)
        );
        assert_eq!(
            cause(401, r#"Bearer error="invalid_request""#),
            Some(AuthRequired)
        );
        assert_eq!(cause(400, r#"Bearer error="invalid_request""#), None);
        assert_eq!(cause(401, r#"Basic realm="x", Bearer realm="y""#), None);
        assert_eq!(cause(200, r#"Bearer error="invalid_token""#), None);
    }
}
