//! Midtrans (Indonesia): Core API `{status_code, status_message, …}` and Snap `{error_messages}`.
//!
//! The body `status_code` is Midtrans's own and may differ from the HTTP status: a 200 can
//! carry `"status_code":"402"`, and `407` means an expired transaction, not proxy auth
//! (docs.midtrans.com/reference/code-4xx; midtrans-nodejs-client checks both separately).

use super::codes::{table, Table};
use super::details::{Amount, Source};
use super::input::{Found, Input};
use super::money::{currency_code, decimal};
use super::text;
use super::Cause::*;
use crate::json::Value;

/// Body `status_code` → cause.
const CODES: Table = table! {
    "401" => MerchantMisconfigured,
    "402" => PaymentMethodNotActivated,
    "403" => MerchantMisconfigured,
    "407" => PaymentAuthorizationExpired,
    "410" => EwalletAccountBlocked,
    "411" => PaymentAuthorizationExpired,
    "429" => RateLimited,
    "500" => ProcessingErrorRetry,
    "502" => ProcessingErrorRetry,
    "503" => ProcessingErrorRetry,
    "504" => ProcessingErrorRetry,
};

/// ISO 8583 response codes in a denied card charge's `channel_response_code`.
const ISO8583: Table = table! {
    "05" => CardDeclined,
    "14" => CardDetailsInvalid,
    "51" => InsufficientFunds,
    "54" => CardExpired,
    "55" => CardDetailsInvalid,
    "57" => CardNotSupported,
    "61" => CardLimitExceeded,
    "65" => CardLimitExceeded,
    "82" => CardIncorrectCvc,
    "91" => ProcessingErrorRetry,
    "96" => ProcessingErrorRetry,
};

/// ISO 8583 codes that reveal a lost, stolen or fraud-flagged card (pick up, lost, stolen,
/// suspected fraud): shown as a plain decline.
const ISO8583_SENSITIVE: &[&str] = &["04", "07", "34", "41", "43", "59"];

/// Recognizes a Midtrans Core or Snap body (any HTTP status).
pub fn detect(input: &Input) -> Option<Found> {
    let json = input.json.as_ref()?;
    let code = json
        .get("status_code")
        .and_then(Value::as_text)
        .map(str::trim);
    let message = json.get("status_message").and_then(Value::as_str);
    match (code, message) {
        (Some(c), Some(m)) if c.len() == 3 && c.bytes().all(|b| b.is_ascii_digit()) => {
            core(json, c, m)
        }
        _ => snap(input, json.get("error_messages")?.as_array()?),
    }
}

fn core(json: &Value, code: &str, message: &str) -> Option<Found> {
    let field = |k: &str| {
        json.get(k)
            .and_then(Value::as_str)
            .map(str::to_ascii_lowercase)
    };
    let denied = field("transaction_status").as_deref() == Some("deny");
    let fraud = field("fraud_status").as_deref() == Some("deny");
    let channel = json
        .get("channel_response_code")
        .and_then(Value::as_text)
        .unwrap_or("");
    let sensitive = fraud || (denied && ISO8583_SENSITIVE.contains(&channel));
    let cause = if sensitive {
        CardDeclined
    } else if denied {
        ISO8583.get(Some(channel)).unwrap_or(CardDeclined)
    } else if field("transaction_status").as_deref() == Some("expire") {
        PaymentAuthorizationExpired
    } else if code == "402" && message.to_ascii_lowercase().contains("blocked") {
        // Before 2024-01-14 a blocked GoPay user came as 402 ("GoPay user is blocked").
        EwalletAccountBlocked
    } else if let Some(c) = CODES.get(Some(code)) {
        c
    } else if code.starts_with(['4', '5']) {
        text::classify(message, text::Context::Payment)?
    } else {
        return None;
    };
    let mut found = Found::new(cause, Source::Midtrans).code(Some(code));
    found.sensitive = sensitive;
    found.details.reference = ["transaction_id", "id"].iter().find_map(|k| {
        json.get(k)
            .and_then(Value::as_str)
            .and_then(super::extract::reference_text)
    });
    found.details.amount = json.get("gross_amount").and_then(|g| {
        let (atomic, decimals) = decimal(g.as_text()?)?;
        let currency = json
            .get("currency")
            .and_then(Value::as_str)
            .and_then(currency_code);
        Some(Amount {
            atomic,
            decimals,
            asset: Some(currency.unwrap_or_else(|| "IDR".into())),
            network: None,
            upto: false,
        })
    });
    Some(found)
}

/// Snap: `{"error_messages":["…"]}`; a 401 there is always a key problem on the merchant side.
fn snap(input: &Input, messages: &[Value]) -> Option<Found> {
    let texts: Vec<&str> = messages.iter().filter_map(Value::as_str).collect();
    if texts.is_empty() {
        return None;
    }
    let joined = texts.join(" ").to_ascii_lowercase();
    let key_problem = ["server key", "client key", "unauthorized", "access denied"]
        .iter()
        .any(|k| joined.contains(k));
    let cause = if input.status() == 401 || key_problem {
        MerchantMisconfigured
    } else if input.status() >= 400 {
        text::classify(&joined, text::Context::Payment)?
    } else {
        return None;
    };
    Some(Found::new(cause, Source::Midtrans))
}
