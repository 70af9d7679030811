//! Property tests: no input makes diagnosis panic, the rejection statuses always get a cause,
//! and whatever leaves `diagnose` is sanitized.

// proptest is a native dev-dependency only.
#![cfg(not(target_arch = "wasm32"))]

use explain402::diagnose::{
    diagnose, diagnose_at, diagnose_with, safe_url, sanitize_text, Diagnosis, Exchange, Headers,
    Rules,
};
use explain402::json::Value;
use proptest::prelude::*;
use std::sync::OnceLock;

/// Header names the detectors read, so generated values reach the parsers.
const HEADER_NAMES: &[&str] = &[
    "content-type",
    "www-authenticate",
    "payment-required",
    "payment-response",
    "x-payment-response",
    "retry-after",
    "request-id",
    "x-request-id",
    "cf-ray",
    "cf-mitigated",
    "crawler-price",
    "crawler-error",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "ratelimit",
    "x-vercel-error",
    "x-vercel-id",
    "stripe-version",
    "server",
    "x-ratelimit-reset-requests",
    "proxy-authenticate",
];

/// Bodies of the fixtures, as seeds to cut and corrupt.
fn seeds() -> &'static Vec<Vec<u8>> {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut out: Vec<Vec<u8>> = std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
            .into_iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .filter_map(|t| Exchange::from_fixture(&t).ok())
            .map(|ex| ex.body)
            .collect();
        out.push(Vec::new());
        out
    })
}

fn header_value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,80}",
        Just("0".to_owned()),
        Just("Sun, 06 Nov 1994 08:49:37 GMT".to_owned()),
        "(L402|LSAT|Payment|Bearer) [a-z]{1,8}=\"[ -~]{0,30}\"(, [a-z]{1,8}=[a-z0-9]{0,10}){0,3}",
        "[A-Za-z0-9+/=_-]{0,200}",
    ]
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..512),
        any::<String>().prop_map(String::into_bytes),
        // A fixture body cut somewhere and with one byte changed.
        (
            0..seeds().len(),
            any::<usize>(),
            any::<usize>(),
            any::<u8>()
        )
            .prop_map(|(i, cut, at, b)| {
                let mut v = seeds()[i].clone();
                if !v.is_empty() {
                    v.truncate(cut % (v.len() + 1));
                    if let Some(len) = std::num::NonZeroUsize::new(v.len()) {
                        v[at % len.get()] = b;
                    }
                }
                v
            }),
    ]
}

fn exchange() -> impl Strategy<Value = Exchange> {
    let status = prop_oneof![
        any::<u16>(),
        prop::sample::select(vec![200u16, 400, 401, 402, 403, 407, 412, 429, 500])
    ];
    let headers =
        proptest::collection::vec((prop::sample::select(HEADER_NAMES), header_value()), 0..6);
    (status, headers, body(), any::<bool>()).prop_map(|(status, headers, body, truncated)| {
        let headers: Headers = headers.into_iter().collect();
        let content_type = headers.get("content-type").map(str::to_owned);
        Exchange {
            status,
            headers,
            body,
            truncated,
            content_type,
            ..Exchange::default()
        }
    })
}

/// Where vendors put a decline or error code (packs' and the fallback's fields alike).
const CODE_PATHS: &[&str] = &[
    "error.decline_code",
    "error.code",
    "error.payment_intent.last_payment_error.decline_code",
    "errors.0.code",
    "failure_code",
    "failure_reason",
    "decline_code",
    "code",
    "error_code",
    "reason",
    "status",
    "refusalReason",
    "channel_response_message",
];

/// A JSON body with `code` at the dotted `path` (numeric segments become arrays), beside
/// whatever else a vendor sends.
fn body_with(path: &str, code: &str, extra: &str) -> String {
    let mut inner = ["\"", code, "\""].concat();
    for seg in path.rsplit('.') {
        inner = match seg.parse::<usize>() {
            Ok(_) => ["[", &inner, "]"].concat(),
            Err(_) => ["{\"", seg, "\":", &inner, "}"].concat(),
        };
    }
    match extra {
        "" => inner,
        e => [&inner[..inner.len() - 1], ",", e, "}"].concat(),
    }
}

fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{061c}' | '\u{feff}')
}

/// Everything a diagnosis shows is sanitized.
fn assert_clean(d: &Diagnosis) {
    let det = &d.details;
    for s in [&det.code, &det.decline_code, &det.resource, &det.reference]
        .into_iter()
        .flatten()
    {
        assert!(!s.chars().any(hidden), "hidden characters in {s:?}");
        assert!(s.chars().count() <= 200, "uncapped {s:?}");
    }
    for link in &det.links {
        assert_eq!(
            safe_url(&link.url).as_deref(),
            Some(link.url.as_str()),
            "unsafe link {link:?}"
        );
    }
    if let Some(a) = &det.amount {
        assert!(
            !a.atomic.is_empty() && a.atomic.bytes().all(|b| b.is_ascii_digit()),
            "{a:?}"
        );
    }
    if let Some(p) = &det.payment {
        assert!(p.json.len() <= 16 * 1024);
        assert!(
            Value::parse(&p.json).is_some(),
            "challenge JSON must parse: {}",
            p.json
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_output_is_clean(ex in exchange(), now in any::<Option<u64>>()) {
        if let Some(d) = diagnose_at(&ex, &Rules::default(), now) {
            prop_assert_eq!(d.status, ex.status);
            assert_clean(&d);
        }
    }

    #[test]
    fn rejection_statuses_always_get_a_cause(
        ex in exchange(),
        status in prop::sample::select(vec![401u16, 402, 403, 407, 429]),
    ) {
        let ex = Exchange { status, ..ex };
        prop_assert!(diagnose(&ex).is_some(), "no cause for {}", status);
    }

    #[test]
    fn rules_from_any_json_never_panic(text in any::<String>(), ex in exchange()) {
        let mut warnings = Vec::new();
        let rules = match Value::parse(&text) {
            Some(v) => Rules::parse(&v, &mut warnings),
            None => Rules::default(),
        };
        let _ = diagnose_with(&ex, &rules);
    }

    #[test]
    fn generated_rules_never_panic(
        status in any::<u16>(),
        code in "[a-z_]{0,6}",
        path in "[a-z0-9.]{0,8}",
        cause in "[a-z_]{0,8}",
        ex in exchange(),
    ) {
        let json = format!(
            r#"[{{"status":{status},"code":"{code}","match":{{"{path}":"x"}},"header":{{"server":"c"}},"bodyIncludes":"a","cause":"{cause}"}}]"#
        );
        let mut warnings = Vec::new();
        let rules = Rules::parse(&Value::parse(&json).unwrap(), &mut warnings);
        prop_assert!(rules.len() + warnings.len() == 1);
        let _ = diagnose_with(&ex, &rules);
    }

    #[test]
    fn a_sensitive_decline_never_leaves_the_diagnosis(
        path in prop::sample::select(CODE_PATHS),
        word in prop::sample::select(vec![
            "fraudulent", "lost_card", "stolen_card", "pickup_card", "SUSPECTED_FRAUD",
            "LostOrStolen", "merchant_blacklist", "highest_risk_level", "restricted_card",
        ]),
        prefix in "[a-z]{0,6}",
        status in prop::sample::select(vec![200u16, 400, 402, 403, 422]),
        extra in prop::sample::select(vec![
            "",
            r#""type":"card_error""#,
            r#""doc_url":"https://stripe.com/docs/error-codes/card-declined""#,
            r#""status_code":"202","transaction_status":"deny""#,
            r#""object":"charge","status":"failed""#,
            r#""message":"Your card was declined.""#,
        ]),
    ) {
        let code = if prefix.is_empty() { word.to_owned() } else { [&prefix, "_", word].concat() };
        let body = body_with(path, &code, extra);
        prop_assume!(Value::parse(&body).is_some());
        let ex = Exchange {
            status,
            headers: Headers::from_iter([("Content-Type", "application/json")]),
            body: body.into_bytes(),
            ..Exchange::default()
        };
        if let Some(d) = diagnose(&ex) {
            let shown = format!("{:?}", d.details).to_ascii_lowercase();
            let word = word.to_ascii_lowercase();
            prop_assert!(!shown.contains(&word), "{} leaked in {}", word, shown);
            for part in ["fraud", "stolen", "lost", "pickup", "blacklist", "risk", "restricted"] {
                prop_assert!(!shown.contains(part), "{} leaked in {}", part, shown);
            }
            prop_assert_eq!(d.cause, explain402::diagnose::Cause::CardDeclined);
        }
    }

    #[test]
    fn sanitize_text_is_capped_and_idempotent(s in any::<String>(), max in 0usize..300) {
        let out = sanitize_text(&s, max);
        prop_assert!(out.chars().count() <= max);
        prop_assert!(!out.chars().any(hidden));
        prop_assert!(!out.starts_with(' ') && !out.contains("  "));
        if !out.ends_with('…') {
            prop_assert_eq!(sanitize_text(&out, max), out.clone());
        }
    }

    #[test]
    fn safe_url_is_a_fixed_point(s in prop_oneof![any::<String>(), "(https?|javascript|HTTPS)://[ -~]{0,40}"]) {
        if let Some(u) = safe_url(&s) {
            prop_assert!(u.starts_with("https://") || u.starts_with("http://"));
            prop_assert_eq!(safe_url(&u), Some(u.clone()));
            // No credentials: no `@` in the authority (a query or fragment may hold one).
            let rest = u.split_once("://").map_or("", |(_, r)| r);
            let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
            prop_assert!(!authority.contains('@'), "credentials in {}", u);
            prop_assert!(!u.chars().any(|c| c.is_whitespace() || c.is_control()));
        }
    }
}
