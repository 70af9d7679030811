//! Amounts kept exact: digit strings, decimal text, stablecoin contracts and currency units.
//!
//! Nothing here uses floats: x402 amounts are uint256 atomic units, and `0.1 + 0.2` is not a
//! price anybody wants to show.

use super::details::Amount;
use super::input::{all_bytes, digit};
use super::sanitize::sanitize_text;

/// Most digits kept for an amount (uint256 has 78).
const MAX_DIGITS: usize = 80;

/// Decimals of the stablecoins below (USDC and EURC use 6 on every chain).
pub const STABLECOIN_DECIMALS: u32 = 6;

/// Well-known USDC and EURC contracts (EVM addresses compare case-insensitively; Solana mints
/// exactly). Sources: Circle's published addresses; the Base and Base Sepolia USDC entries are
/// also the defaults of coinbase/x402. Each entry is `address=SYMBOL|` (one string costs less
/// WebAssembly than a slice of pairs).
const TOKENS: &str = concat!(
    "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913=USDC|", // Base
    "0x036CbD53842c5426634e7929541eC2318f3dCF7e=USDC|", // Base Sepolia
    "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48=USDC|", // Ethereum
    "0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238=USDC|", // Ethereum Sepolia
    "0xB97EF9Ef8734C71904D8002F8b6Bc66Dd9c48a6E=USDC|", // Avalanche C-Chain
    "0x5425890298aed601595a70AB815c96711a31Bc65=USDC|", // Avalanche Fuji
    "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359=USDC|", // Polygon PoS
    "0x41E94Eb019C0762f9Bfcf9Fb1E58725BfB0e7582=USDC|", // Polygon Amoy
    "0xaf88d065e77c8cC2239327C5EDb3A432268e5831=USDC|", // Arbitrum One
    "0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85=USDC|", // OP Mainnet
    "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v=USDC|", // Solana
    "4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU=USDC|", // Solana devnet
    "0x60a3E35Cc302bFA44Cb288Bc5a4F316Fdb1adb42=EURC|", // Base
    "0x808456652fdb597867f38412077A9182bf77359F=EURC|", // Base Sepolia
    "0x1aBaEA1f7C830bD89Acc67eC4af516284b1bC33c=EURC|", // Ethereum
    "0xC891EB4cbdEFf6e073e859e987815Ed1505c2ACD=EURC|", // Avalanche C-Chain
    "HzwqbKZw8HxMN6bF2yFZNrht3c2iXXzpKcFu7uBEDKtr=EURC|", // Solana
);

/// EIP-712 token names (x402 `extra.name`) that identify a stablecoin, each `name=SYMBOL|`.
const TOKEN_NAMES: &str = "usdc=USDC|usd coin=USDC|eurc=EURC|euro coin=EURC|";

/// Currencies Stripe counts in whole units, and those it counts in thousandths
/// (docs.stripe.com/currencies), separated by spaces; every other currency uses hundredths.
const STRIPE_ZERO_DECIMAL: &str = "bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf";
const STRIPE_THREE_DECIMAL: &str = "bhd jod kwd omr tnd";

/// The symbol of a known stablecoin contract.
pub fn token_by_address(address: &str) -> Option<&'static str> {
    let evm = address.starts_with("0x");
    for entry in TOKENS.split_terminator('|') {
        let (a, symbol) = entry.split_once('=')?;
        let hit = if evm {
            a.eq_ignore_ascii_case(address)
        } else {
            a == address
        };
        if hit {
            return Some(symbol);
        }
    }
    None
}

/// The symbol of a stablecoin named in an x402 requirement's `extra.name`.
pub fn token_by_name(name: &str) -> Option<&'static str> {
    let name = name.trim();
    for entry in TOKEN_NAMES.split_terminator('|') {
        let (n, symbol) = entry.split_once('=')?;
        if n.eq_ignore_ascii_case(name) {
            return Some(symbol);
        }
    }
    None
}

/// A non-negative integer as digits (no sign, no exponent), leading zeros removed.
pub fn digits(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_DIGITS || !all_bytes(s, digit) {
        return None;
    }
    let t = s.trim_start_matches('0');
    Some(if t.is_empty() {
        "0".to_owned()
    } else {
        t.to_owned()
    })
}

/// Decimal text such as `150000.00` or `0.01` as (atomic digits, decimals), with trailing
/// fractional zeros dropped: `150000.00` → (`150000`, 0), `0.01` → (`1`, 2).
pub fn decimal(s: &str) -> Option<(String, u32)> {
    let s = s.trim();
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let frac = frac.trim_end_matches('0');
    if int.is_empty() || !all_bytes(frac, digit) {
        return None;
    }
    let mut joined = String::with_capacity(int.len() + frac.len());
    joined.push_str(int);
    joined.push_str(frac);
    let atomic = digits(&joined)?;
    Some((atomic, u32::try_from(frac.len()).ok()?))
}

/// The decimal digits of `n` (without `format!`, whose machinery costs kilobytes of wasm).
/// The same body as `catalog::digits`, which wasm-opt then keeps once.
pub fn u64_text(mut n: u64) -> String {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf[i..].iter().map(|&b| char::from(b)).collect()
}

/// The number of decimals Stripe uses for amounts in `currency`.
pub fn stripe_decimals(currency: &str) -> u32 {
    let listed = |list: &str| {
        list.split(' ')
            .any(|code| code.eq_ignore_ascii_case(currency))
    };
    if listed(STRIPE_ZERO_DECIMAL) {
        0
    } else if listed(STRIPE_THREE_DECIMAL) {
        3
    } else {
        2
    }
}

/// Whether `s` (trimmed) is an ISO 4217 code: three ASCII letters.
pub fn is_currency(s: &str) -> bool {
    let s = s.trim();
    s.len() == 3 && all_bytes(s, |b| b.is_ascii_alphabetic())
}

/// An ISO 4217 code (three ASCII letters), uppercased.
pub fn currency_code(s: &str) -> Option<String> {
    is_currency(s).then(|| s.trim().to_ascii_uppercase())
}

/// An amount in a fiat currency.
pub fn fiat(atomic: String, decimals: u32, currency: &str) -> Amount {
    Amount {
        atomic,
        decimals,
        asset: currency_code(currency),
        network: None,
        upto: false,
    }
}

/// Short, sanitized text for an asset or network identifier.
pub fn label(s: &str) -> Option<String> {
    let t = sanitize_text(s, 64);
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_stay_exact() {
        assert_eq!(decimal("150000.00"), Some(("150000".into(), 0)));
        assert_eq!(decimal("0.01"), Some(("1".into(), 2)));
        assert_eq!(decimal("10.50"), Some(("105".into(), 1)));
        assert_eq!(decimal("-1"), None);
        assert_eq!(decimal("1e5"), None);
        assert_eq!(decimal(".5"), None);
        let big = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
        assert_eq!(digits(big).as_deref(), Some(big));
        assert_eq!(digits("007").as_deref(), Some("7"));
        assert_eq!(u64_text(0), "0");
        assert_eq!(u64_text(u64::MAX), u64::MAX.to_string());
    }

    #[test]
    fn knows_stablecoins() {
        assert_eq!(
            token_by_address("0x036cbd53842c5426634e7929541ec2318f3dcf7e"),
            Some("USDC")
        );
        assert_eq!(
            token_by_address("epjfwdd5aufqssqem2qn1xzybapc8g4wegGkzwytdt1v"),
            None
        );
        assert_eq!(token_by_name(" USD Coin "), Some("USDC"));
        assert_eq!(stripe_decimals("IDR"), 2);
        assert_eq!(stripe_decimals("jpy"), 0);
    }
}
