//! What a diagnosis carries besides its cause: where it was read from, amounts, links, references.

/// Where the cause was read from: a protocol, a vendor pack, the fallback, or the status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    X402,
    L402,
    PaymentAuth,
    ProblemDetails,
    RateLimitHeaders,
    Bearer,
    /// A vendor pack (`knowledge/vendors/<id>.toml`), by its id: `stripe`, `midtrans`, ...
    Pack(&'static str),
    /// The fallback, from the codes and messages of a JSON body no pack knows.
    Fields,
    /// The fallback, from the wording of a plain text or HTML body.
    Text,
    Status,
    Rule,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::X402 => "x402",
            Source::L402 => "l402",
            Source::PaymentAuth => "payment_auth",
            Source::ProblemDetails => "problem_details",
            Source::RateLimitHeaders => "rate_limit_headers",
            Source::Bearer => "bearer",
            Source::Pack(id) => id,
            Source::Fields => "fields",
            Source::Text => "text",
            Source::Status => "status",
            Source::Rule => "rule",
        }
    }
}

/// An amount of money or tokens, kept exact.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Amount {
    /// Digits of the amount in the smallest unit (atomic units for x402, minor units or whole
    /// units for fiat as `decimals` says). May exceed 64 bits.
    pub atomic: String,
    /// How many of those digits are fractional (USDC: 6; IDR: 0; sats: 0).
    pub decimals: u32,
    /// An ISO 4217 code (`IDR`, `USD`), a token symbol (`USDC`, `sat`) or a contract address.
    pub asset: Option<String>,
    /// The chain or payment network, for example `base-sepolia` or `eip155:8453`.
    pub network: Option<String>,
    /// The amount is a maximum, not the price (x402 `upto`: the charge is set after use).
    pub upto: bool,
}

/// A link offered by the server, already checked to be https (or http on localhost).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// What it is for: `docs`, `pay`, `billing`, `more_info`.
    pub rel: String,
    pub url: String,
}

/// The parsed payment challenge, handed to the integrator's pay callback (never acted on here).
///
/// Its strings are the server's own, unsanitized (a macaroon or invoice must stay exact): give
/// it to code, never show it. It is at most 16 KiB, or absent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentChallenge {
    /// `x402`, `l402` or `payment_auth`.
    pub protocol: &'static str,
    /// The challenge as compact JSON text (x402 PaymentRequired, or `{"macaroon":…,"invoice":…}`).
    pub json: String,
}

/// What was read besides the cause. Every string is sanitized (no control or bidi-override
/// characters, length-capped); URLs are https only (http on localhost).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    /// The vendor's error code (Stripe `code`, x402 error reason, Xendit `error_code`, ...).
    /// Never set for lost, stolen or fraud declines.
    pub code: Option<String>,
    /// The issuer decline code. Never set for lost, stolen or fraud declines.
    pub decline_code: Option<String>,
    pub amount: Option<Amount>,
    /// The payable resource (URL or description).
    pub resource: Option<String>,
    /// Seconds to wait before retrying.
    pub retry_after: Option<u64>,
    /// A support reference (request id, ray id, ...).
    pub reference: Option<String>,
    pub links: Vec<Link>,
    pub payment: Option<PaymentChallenge>,
}
