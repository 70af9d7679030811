//! API error objects in the OpenAI family: OpenAI, DeepSeek, OpenRouter, Anthropic, GitHub.
//!
//! `{"error":{"message","type","code"}}` (OpenAI, DeepSeek), `{"error":{"code":402,"message"}}`
//! (OpenRouter), `{"type":"error","error":{"type","message"},"request_id"}` (Anthropic),
//! `{"message","documentation_url"}` (GitHub). Billing trouble hides behind other statuses:
//! OpenAI's `insufficient_quota` is a 429, Anthropic's low credit balance a 400.

use super::codes::{by_identifier, table, Table};
use super::details::{Link, Source};
use super::extract::first_url;
use super::input::{Found, Input};
use super::stripe::{self, is_sensitive};
use super::text::{self, Context};
use super::Cause::{self, *};
use crate::json::Value;

/// `type` and `code` values → cause.
const CODES: Table = table! {
    "insufficient_quota" => QuotaExceeded,
    "billing_hard_limit_reached" => QuotaExceeded,
    "quota_exceeded" => QuotaExceeded,
    "billing_not_active" => SubscriptionPastDue,
    "insufficient_credits" => CreditsExhausted,
    "insufficient_balance" => CreditsExhausted,
    "insufficient_funds" => CreditsExhausted,
    "rate_limit_exceeded" => RateLimited,
    "rate_limit_error" => RateLimited,
    "permission_error" => Forbidden,
    "permission_denied" => Forbidden,
    "authentication_error" => AuthRequired,
};

/// Codes that name a billing problem without saying which: the message may say more
/// ("credit balance is too low"); otherwise the billing is past due.
const VAGUE: Table = table! {
    "billing_error" => SubscriptionPastDue,
};

/// Causes about the account's money rather than access or speed.
fn is_billing(c: &Cause) -> bool {
    matches!(
        c,
        CreditsExhausted | QuotaExceeded | SubscriptionPastDue | ServiceSuspendedBilling
    )
}

/// Top-level members that carry a code when there is no `error` object.
const CODE_MEMBERS: &[&str] = &["code", "error_code", "errorCode", "reason"];

/// Recognizes an API error object, or a flat `{"code","message"}` body (status 400 and above).
pub fn detect(input: &Input) -> Option<Found> {
    if input.status() < 400 {
        return None;
    }
    let json = input.json.as_ref()?;
    let s = |k: &str| json.get(k).and_then(Value::as_str);
    let (ty, code, message, ctx) = match json.get("error") {
        Some(e @ Value::Object(_)) => {
            let es = |k: &str| e.get(k).and_then(Value::as_str);
            (es("type"), es("code"), es("message"), Context::Api)
        }
        Some(Value::String(m)) => (None, s("code"), Some(m.as_str()), Context::Api),
        _ => {
            let code = CODE_MEMBERS.iter().find_map(|k| s(k));
            if code.is_none() && json.get("documentation_url").is_none() {
                return None;
            }
            let message = s("message").or_else(|| s("detail"));
            (None, code, message, Context::Payment)
        }
    };
    let message = message.unwrap_or("");
    if code.is_some_and(is_sensitive) {
        let mut found = Found::new(CardDeclined, Source::ApiError);
        found.sensitive = true;
        return Some(found);
    }
    let vague = VAGUE.get(code).or_else(|| VAGUE.get(ty));
    let cause = CODES
        .get(code)
        .or_else(|| CODES.get(ty))
        .or_else(|| code.and_then(stripe::cause_of))
        .or_else(|| code.and_then(by_identifier))
        .or_else(|| {
            let refined = text::classify(message, ctx);
            match &vague {
                Some(v) => refined.filter(is_billing).or(Some(v.clone())),
                None => refined,
            }
        })?;
    let mut found = Found::new(cause, Source::ApiError).code(code.or(ty));
    if let Some(url) = first_url(message) {
        let rel = if is_billing(&found.cause) {
            "billing"
        } else {
            "more_info"
        };
        found.details.links.push(Link {
            rel: rel.into(),
            url,
        });
    }
    Some(found)
}
