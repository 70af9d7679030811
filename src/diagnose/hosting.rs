//! Platforms that stop serving a site whose owner has not paid: Shopify, Vercel, Supabase.
//!
//! The visitor cannot fix these; the explanation is "the site owner's account is suspended".

use super::details::Source;
use super::extract::reference_text;
use super::input::{Found, Input};
use super::Cause::ServiceSuspendedBilling;

/// `x-vercel-error` codes meaning the owner's plan stopped the deployment (402
/// `DEPLOYMENT_DISABLED`; 503 `DEPLOYMENT_PAUSED` after a spend limit).
const VERCEL_CODES: &[&str] = &["DEPLOYMENT_DISABLED", "DEPLOYMENT_PAUSED"];

/// Supabase Fair Use violations, as listed in its restriction message.
const SUPABASE_VIOLATIONS: &[&str] = &[
    "exceed_egress_quota",
    "exceed_cached_egress_quota",
    "exceed_db_size_quota",
    "exceed_storage_size_quota",
    "exceed_realtime_connection_count_quota",
    "exceed_monthly_active_users_quota",
];

/// Recognizes a billing suspension by one of the platforms (status 400 and above).
pub fn detect(input: &Input) -> Option<Found> {
    if input.status() < 400 {
        return None;
    }
    shopify(input)
        .or_else(|| vercel(input))
        .or_else(|| supabase(input))
}

/// Shopify: `{"errors":"Unavailable Shop"}` with 402 (or 403): the shop has not paid its bills.
fn shopify(input: &Input) -> Option<Found> {
    let errors = input.str_at("errors");
    let unavailable = errors.is_some_and(|e| e.trim().eq_ignore_ascii_case("unavailable shop"));
    let shopify_402 = input.status() == 402
        && input
            .ex
            .headers
            .iter()
            .any(|(n, _)| n.starts_with("x-shopify") || n == "x-shopid");
    (unavailable || shopify_402).then(|| Found::new(ServiceSuspendedBilling, Source::Shopify))
}

/// Vercel: `x-vercel-error: DEPLOYMENT_DISABLED`, or the page text `Code: DEPLOYMENT_DISABLED`.
fn vercel(input: &Input) -> Option<Found> {
    let header = input.header("x-vercel-error").map(str::trim);
    let code = match header {
        Some(h) if VERCEL_CODES.contains(&h) || input.status() == 402 => h,
        _ => *VERCEL_CODES
            .iter()
            .find(|c| input.status() == 402 && input.text.contains(*c))?,
    };
    let mut found = Found::new(ServiceSuspendedBilling, Source::Vercel).code(Some(code));
    // The page repeats the deployment's request id as `ID: arn1::…`.
    found.details.reference = input
        .header("x-vercel-id")
        .or_else(|| {
            input
                .text
                .lines()
                .find_map(|l| l.trim().strip_prefix("ID: "))
        })
        .and_then(reference_text);
    Some(found)
}

/// Supabase: "Service for this project is restricted due to the following violations:
/// exceed_egress_quota, …" on every API request.
fn supabase(input: &Input) -> Option<Found> {
    let text = &input.text;
    let violation = SUPABASE_VIOLATIONS.iter().find(|v| text.contains(*v));
    let restricted = text.contains("Service for this project is restricted");
    if violation.is_none() && !restricted {
        return None;
    }
    Some(Found::new(ServiceSuspendedBilling, Source::Supabase).code(violation.copied()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnose::Exchange;

    #[test]
    fn vercel_needs_a_402_or_a_known_code() {
        let mut ex = Exchange {
            status: 404,
            ..Exchange::default()
        };
        ex.body = b"Code: DEPLOYMENT_DISABLED".to_vec();
        assert!(detect(&Input::new(&ex, None)).is_none());
        ex.status = 402;
        assert!(detect(&Input::new(&ex, None)).is_some());
    }
}
