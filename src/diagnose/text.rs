//! Wording: the weakest signal. Plain text and HTML bodies, and messages of known shapes.
//!
//! # Design
//! Message text may be localized, reworded or hostile, so it is consulted only after every
//! structured field, and a phrase only ever picks a cause; it is never shown. Phrases are in
//! English and Indonesian. An entry may join words with `&`: all of them must occur, in any
//! order, which covers Indonesian word order ("kartu Anda telah kedaluwarsa").

use super::codes::{table, Table};
use super::details::Source;
use super::input::{Found, Input};
use super::Cause::{self, *};
use crate::json::Value;

/// How much visible text is searched.
const MAX_SCAN_CHARS: usize = 16 * 1024;

/// Where a message comes from: the same words mean different things.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Context {
    /// A page or a payment provider: "insufficient balance" is the shopper's card or wallet.
    Payment,
    /// An API's error object: "insufficient balance" is the account's prepaid credit.
    Api,
}

/// Phrases that mean something else in an API account's error ([`Context::Api`]).
const API_PHRASES: Table = table! {
    "credit balance" => CreditsExhausted,
    "insufficient balance" => CreditsExhausted,
    "insufficient funds" => CreditsExhausted,
    "saldo tidak" => CreditsExhausted,
    "spend limit" => QuotaExceeded,
    "spending limit" => QuotaExceeded,
    "key limit" => QuotaExceeded,
    "billing details" => SubscriptionPastDue,
    "billing information" => SubscriptionPastDue,
    "billing issue" => SubscriptionPastDue,
};

/// Phrases in order; the first that occurs decides. More specific phrases come first.
const PHRASES: Table = table! {
    "just a moment..." => BotChallenge,
    "verify you are human" => BotChallenge,
    "verifying you are human" => BotChallenge,
    "checking your browser" => BotChallenge,
    "checking if the site connection is secure" => BotChallenge,
    "rate limit" => RateLimited,
    "too many requests" => RateLimited,
    "terlalu banyak permintaan" => RateLimited,
    "invalid api key" => MerchantMisconfigured,
    "api key is not authorized" => MerchantMisconfigured,
    "client or server key" => MerchantMisconfigured,
    "credit balance is too low" => CreditsExhausted,
    "insufficient credit" => CreditsExhausted,
    "out of credit" => CreditsExhausted,
    "enough credit" => CreditsExhausted,
    "credits exhausted" => CreditsExhausted,
    "kredit&habis" => CreditsExhausted,
    "kredit&tidak cukup" => CreditsExhausted,
    "exceeded your current quota" => QuotaExceeded,
    "quota exceeded" => QuotaExceeded,
    "exceeded your quota" => QuotaExceeded,
    "quota has been exceeded" => QuotaExceeded,
    "kuota&habis" => QuotaExceeded,
    "kuota&terlampaui" => QuotaExceeded,
    "kuota&melebihi" => QuotaExceeded,
    "insufficient fund" => InsufficientFunds,
    "insufficient balance" => InsufficientFunds,
    "not enough funds" => InsufficientFunds,
    "saldo&tidak cukup" => InsufficientFunds,
    "saldo&tidak mencukupi" => InsufficientFunds,
    "saldo&kurang" => InsufficientFunds,
    "dana&tidak cukup" => InsufficientFunds,
    "dana&tidak mencukupi" => InsufficientFunds,
    "security code is incorrect" => CardIncorrectCvc,
    "security code is invalid" => CardIncorrectCvc,
    "incorrect cvc" => CardIncorrectCvc,
    "invalid cvc" => CardIncorrectCvc,
    "incorrect cvv" => CardIncorrectCvc,
    "invalid cvv" => CardIncorrectCvc,
    "kode keamanan&tidak valid" => CardIncorrectCvc,
    "kode keamanan&salah" => CardIncorrectCvc,
    "card number is incorrect" => CardDetailsInvalid,
    "card number is invalid" => CardDetailsInvalid,
    "invalid card number" => CardDetailsInvalid,
    "incorrect card number" => CardDetailsInvalid,
    "nomor kartu&tidak valid" => CardDetailsInvalid,
    "nomor kartu&salah" => CardDetailsInvalid,
    "kedaluwarsa kartu&tidak valid" => CardDetailsInvalid,
    "zip code failed" => CardDetailsInvalid,
    "postal code failed" => CardDetailsInvalid,
    "invalid postal code" => CardDetailsInvalid,
    "kode pos&tidak" => CardDetailsInvalid,
    "card has expired" => CardExpired,
    "card is expired" => CardExpired,
    "expired card" => CardExpired,
    "card expired" => CardExpired,
    "kartu&kedaluwarsa" => CardExpired,
    "kartu&kadaluarsa" => CardExpired,
    "kartu&kadaluwarsa" => CardExpired,
    "transaction requires authentication" => CardAuthenticationRequired,
    "payment requires authentication" => CardAuthenticationRequired,
    "3d secure" => CardAuthenticationRequired,
    "3-d secure" => CardAuthenticationRequired,
    "kode otp" => CardAuthenticationRequired,
    "verifikasi otp" => CardAuthenticationRequired,
    "card limit" => CardLimitExceeded,
    "credit limit" => CardLimitExceeded,
    "withdrawal limit" => CardLimitExceeded,
    "limit kartu" => CardLimitExceeded,
    "melebihi limit" => CardLimitExceeded,
    "card is not supported" => CardNotSupported,
    "card type is not supported" => CardNotSupported,
    "kartu&tidak didukung" => CardNotSupported,
    "processing error" => ProcessingErrorRetry,
    "error occurred while processing" => ProcessingErrorRetry,
    "kesalahan saat memproses" => ProcessingErrorRetry,
    "card was declined" => CardDeclined,
    "card declined" => CardDeclined,
    "card has been declined" => CardDeclined,
    "declined by issuer" => CardDeclined,
    "declined by bank" => CardDeclined,
    "do not honor" => CardDeclined,
    "do not honour" => CardDeclined,
    "kartu&ditolak" => CardDeclined,
    "pembayaran&ditolak" => CardDeclined,
    "transaksi&ditolak" => CardDeclined,
    "channel is not activated" => PaymentMethodNotActivated,
    "payment method&not activated" => PaymentMethodNotActivated,
    "pembayaran&belum diaktifkan" => PaymentMethodNotActivated,
    "no access for this payment type" => PaymentMethodNotActivated,
    "doesn't have access for this payment type" => PaymentMethodNotActivated,
    "gopay user is blocked" => EwalletAccountBlocked,
    "wallet&blocked" => EwalletAccountBlocked,
    "gopay&diblokir" => EwalletAccountBlocked,
    "e-wallet&diblokir" => EwalletAccountBlocked,
    "dompet&diblokir" => EwalletAccountBlocked,
    "past due" => SubscriptionPastDue,
    "past_due" => SubscriptionPastDue,
    "overdue" => SubscriptionPastDue,
    "subscription has expired" => SubscriptionPastDue,
    "langganan&jatuh tempo" => SubscriptionPastDue,
    "langganan&berakhir" => SubscriptionPastDue,
    "deployment has been disabled" => ServiceSuspendedBilling,
    "suspended for non-payment" => ServiceSuspendedBilling,
    "suspended due to non-payment" => ServiceSuspendedBilling,
    "suspended due to unpaid" => ServiceSuspendedBilling,
    "site has been suspended" => ServiceSuspendedBilling,
    "website is suspended" => ServiceSuspendedBilling,
    "hosting account has been suspended" => ServiceSuspendedBilling,
    "situs&ditangguhkan" => ServiceSuspendedBilling,
    "layanan&ditangguhkan&pembayaran" => ServiceSuspendedBilling,
};

/// The cause a message's wording points to, if any.
pub fn classify(message: &str, ctx: Context) -> Option<Cause> {
    let hay = normalize(message);
    let api = match ctx {
        Context::Api => API_PHRASES.within(&hay),
        Context::Payment => None,
    };
    api.or_else(|| PHRASES.within(&hay)).map(|(_, c)| c)
}

/// Lowercased, single-spaced, at most [`MAX_SCAN_CHARS`] characters.
fn normalize(s: &str) -> String {
    let mut out = String::new();
    for word in s.split_whitespace().take(MAX_SCAN_CHARS) {
        if out.len() >= MAX_SCAN_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        // ASCII folding is enough for the phrase tables and needs no Unicode tables.
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// Markers of a bot challenge page in raw HTML (Cloudflare, reCAPTCHA, hCaptcha, DataDome).
const CHALLENGE_MARKERS: &[&str] = &[
    "challenges.cloudflare.com",
    "_cf_chl_opt",
    "cf-turnstile",
    "g-recaptcha",
    "h-captcha",
    "captcha-delivery.com",
];

/// Recognizes a cause in a plain text or HTML body, or in the messages of an unknown JSON
/// shape (status 400 and above).
pub fn detect(input: &Input) -> Option<Found> {
    if input.status() < 400 {
        return None;
    }
    let raw = prefix(&input.text, MAX_SCAN_CHARS * 4);
    let cause = if CHALLENGE_MARKERS.iter().any(|m| raw.contains(m)) {
        BotChallenge
    } else if let Some(json) = &input.json {
        classify(&messages(json), Context::Payment)?
    } else if input.is_html() {
        classify(&visible_text(raw), Context::Payment)?
    } else {
        classify(raw, Context::Payment)?
    };
    Some(Found::new(cause, Source::Text))
}

/// At most `max` bytes of `s`, cut on a character boundary.
pub fn prefix(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// The human-readable members of an unknown JSON error body, joined.
pub fn messages(json: &Value) -> String {
    // Dotted paths, joined by `|`.
    const KEYS: &str = concat!(
        "message|",
        "error|",
        "error.message|",
        "detail|",
        "title|",
        "error_description|",
        "errors|",
        "errors.0|",
        "errors.0.message|",
        "status_message|",
        "description",
    );
    let mut out = String::new();
    for key in KEYS.split('|') {
        if let Some(s) = super::input::path(json, key).and_then(Value::as_str) {
            out.push_str(s);
            out.push(' ');
        }
    }
    out
}

/// The text a reader would see in an HTML page: no tags, scripts or styles; common entities
/// decoded.
pub fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while let Some(rest) = lower.get(i..).filter(|r| !r.is_empty()) {
        if rest.starts_with("<script") || rest.starts_with("<style") {
            let close = if rest.starts_with("<script") {
                "</script"
            } else {
                "</style"
            };
            let end_tag = rest.find(close).map_or(rest.len(), |e| e + close.len());
            let after = rest.get(end_tag..).and_then(|r| r.find('>'));
            i += after.map_or(rest.len(), |e| end_tag + e + 1);
        } else if rest.starts_with('<') {
            i += rest.find('>').map_or(rest.len(), |e| e + 1);
            out.push(' ');
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            out.push_str(html.get(i..i + end).unwrap_or_default());
            i += end;
        }
    }
    for (entity, c) in [
        ("&nbsp;", " "),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&amp;", "&"),
    ] {
        out = out.replace(entity, c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_word_order() {
        let c = |s| classify(s, Context::Payment);
        assert_eq!(c("Kartu Anda telah kedaluwarsa"), Some(CardExpired));
        assert_eq!(c("Maaf, saldo Anda tidak cukup"), Some(InsufficientFunds));
        assert_eq!(
            c("Bulan kedaluwarsa kartu Anda tidak valid."),
            Some(CardDetailsInvalid)
        );
        assert_eq!(
            c("Kode keamanan kartu Anda tidak valid."),
            Some(CardIncorrectCvc)
        );
        assert_eq!(c("Insufficient Balance"), Some(InsufficientFunds));
        assert_eq!(
            classify("Insufficient Balance", Context::Api),
            Some(CreditsExhausted)
        );
        assert_eq!(c("Not found"), None);
        assert_eq!(c("This endpoint requires authentication"), None);
        assert_eq!(c("Your account has been suspended for abuse"), None);
        assert_eq!(c("User is blocked"), None);
        assert_eq!(c("Card number service unavailable"), None);
    }

    #[test]
    fn html_is_reduced_to_visible_text() {
        let t = visible_text("<html><head><style>p{}</style><script>var rate_limit=1</script></head><body><p>Card&nbsp;declined</p></body></html>");
        assert_eq!(normalize(&t), "card declined");
        assert_eq!(visible_text("<b>unterminated"), " unterminated");
        assert_eq!(visible_text("é<é"), "é ");
        assert_eq!(prefix("aé", 2), "a");
    }
}
