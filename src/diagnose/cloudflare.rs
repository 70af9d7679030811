//! Cloudflare: pay per crawl (`crawler-price`, `crawler-error`), challenges (`cf-mitigated`),
//! and its plain `error code: 1015` pages.

use super::codes::{table, Table};
use super::details::Source;
use super::input::{Found, Input};
use super::money::{currency_code, decimal, fiat};
use super::Cause::*;

/// `crawler-error` codes (developers.cloudflare.com pay-per-crawl docs) → cause.
const CRAWLER_ERRORS: Table = table! {
    "MissingCrawlerPrice" => CrawlerPaymentRequired,
    "InvalidCrawlerExactPrice" => CrawlerPaymentRequired,
    "InvalidCrawlerMaxPrice" => CrawlerPaymentRequired,
    "InvalidCrawlerPriceValue" => CrawlerPaymentRequired,
    "ConflictingPriceHeaders" => CrawlerPaymentRequired,
    "PaymentFailed" => PaymentSettlementFailed,
    "CrawlerForbidden" => Forbidden,
    "StrongAuthRequired" => AuthRequired,
    "InvalidSignature" => AuthRequired,
    "InvalidContentPrice" => MerchantMisconfigured,
};

/// Cloudflare's numbered error pages that are about access.
const ERROR_PAGES: Table = table! {
    "error code: 1015" => RateLimited,
    "error code: 1020" => Forbidden,
    "error code: 1010" => Forbidden,
    "error code: 1012" => Forbidden,
};

/// Pay per crawl: a 402 with `crawler-price: USD 0.01`, or a `crawler-error` code.
pub fn detect_crawler(input: &Input) -> Option<Found> {
    if input.status() < 400 {
        return None;
    }
    let error = input.header("crawler-error").map(str::trim);
    let price = input.header("crawler-price");
    let cause = match (CRAWLER_ERRORS.get(error), price) {
        (Some(c), _) => c,
        (None, Some(_)) if input.status() == 402 || error.is_some() => CrawlerPaymentRequired,
        _ => return None,
    };
    let mut found = Found::new(cause, Source::Cloudflare).code(error);
    found.details.amount = price.and_then(|p| {
        let (currency, value) = p.trim().split_once(' ')?;
        let (atomic, decimals) = decimal(value)?;
        currency_code(currency)?;
        Some(fiat(atomic, decimals, currency))
    });
    Some(found)
}

/// A challenge page (`cf-mitigated: challenge`, 403 or 429), or a numbered error page.
pub fn detect_challenge(input: &Input) -> Option<Found> {
    if input.status() < 400 {
        return None;
    }
    let mitigated = input.header("cf-mitigated").map(str::trim);
    if mitigated.is_some_and(|m| m.eq_ignore_ascii_case("challenge")) {
        return Some(Found::new(BotChallenge, Source::Cloudflare).code(mitigated));
    }
    let server = input.header("server").unwrap_or("");
    if !server.eq_ignore_ascii_case("cloudflare") {
        return None;
    }
    let head = super::text::prefix(&input.text, 4096).to_ascii_lowercase();
    let (page, cause) = ERROR_PAGES.within(&head)?;
    let code = page.strip_prefix("error code: ");
    Some(Found::new(cause, Source::Cloudflare).code(code))
}
