//! RFC 9457 problem details: `{"type","title","status","detail","instance", …extensions}`.
//!
//! The `type` URI is an identifier (clients must not fetch it): known URIs and the words in
//! app-defined ones (`…/out-of-credit`, `…/subscription-past-due`) name the cause. `about:blank`
//! says nothing beyond the status. Extension codes (`code`, `errorCode`) come before the type;
//! the title and detail are only wording. `https://paymentauth.org/problems/…` types are read
//! together with the `Payment` challenge in `payment_auth`.

use super::codes::by_identifier;
use super::details::Source;
use super::input::{Found, Input};
use super::text;
use crate::json::Value;

/// Extension members that carry a machine-readable code (Adyen's `errorCode` among them).
const CODE_MEMBERS: &[&str] = &["code", "errorCode", "error_code"];

/// Recognizes a problem details body: served as `application/problem+json`, or a JSON object
/// with a string `type` and a `title` or `detail`.
pub fn detect(input: &Input) -> Option<Found> {
    let json = input.json.as_ref().filter(|j| j.as_object().is_some())?;
    let media = input.media_type();
    let ty = json.get("type").and_then(Value::as_str);
    let titled = json
        .get("title")
        .or(json.get("detail"))
        .and_then(Value::as_str)
        .is_some();
    let shaped = ty.is_some() && titled;
    if !(media.contains("problem+json") || shaped) {
        return None;
    }
    let ty = ty
        .map(str::trim)
        .filter(|t| !t.is_empty() && *t != "about:blank");
    let code = CODE_MEMBERS
        .iter()
        .find_map(|k| json.get(k).and_then(Value::as_text));
    let wording = [json.get("title"), json.get("detail")]
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    let cause = code
        .and_then(by_identifier)
        .or_else(|| ty.and_then(by_identifier))
        .or_else(|| {
            (input.status() >= 400 && ty.is_some())
                .then(|| text::classify(&wording, text::Context::Payment))
                .flatten()
        })?;
    Some(Found::new(cause, Source::ProblemDetails).code(code.or(ty)))
}
