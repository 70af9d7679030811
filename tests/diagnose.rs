//! Native tests of the diagnosis engine: every fixture, then details, rules and sanitizing.

use explain402::diagnose::{
    diagnose, diagnose_at, diagnose_with, safe_url, sanitize_text, Cause, Diagnosis, Exchange,
    Headers, Rules, Source,
};
use explain402::json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `*.json` file in `dir`, sorted; none when the directory is absent.
fn fixture_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn load(path: &Path) -> (Exchange, Value) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let ex = Exchange::from_fixture(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (ex, Value::parse(&text).unwrap())
}

fn fixture(name: &str) -> Exchange {
    load(&root().join("tests/fixtures").join(format!("{name}.json"))).0
}

fn diag(name: &str) -> Diagnosis {
    diagnose(&fixture(name)).unwrap_or_else(|| panic!("{name}: no diagnosis"))
}

/// Checks `expected_cause` (and `expected_source` when present) of every fixture in `dir`,
/// reporting all mismatches at once. Returns how many fixtures ran.
fn check_dir(dir: &Path) -> usize {
    let files = fixture_files(dir);
    let mut failures = Vec::new();
    for path in &files {
        let (ex, meta) = load(path);
        let name = path.file_name().unwrap().to_string_lossy();
        let want = meta.get("expected_cause").and_then(Value::as_str);
        let got = diagnose(&ex);
        let got_cause = got.as_ref().map(|d| d.cause.as_str().to_owned());
        if got_cause.as_deref() != want {
            failures.push(format!(
                "{name}: expected cause {want:?}, got {got_cause:?}"
            ));
            continue;
        }
        if let Some(src) = meta.get("expected_source").and_then(Value::as_str) {
            let got_src = got.as_ref().map(|d| d.source.as_str());
            if got_src != Some(src) {
                failures.push(format!("{name}: expected source {src}, got {got_src:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    files.len()
}

#[test]
fn project_fixtures() {
    let n = check_dir(&root().join("tests/fixtures"));
    assert!(n >= 60, "only {n} fixtures");
}

#[test]
fn shared_fixtures() {
    // The shared reference set lives beside the repository; skip when it is absent.
    check_dir(&root().join("../shared/fixtures"));
}

#[test]
fn every_cause_and_source_has_a_fixture() {
    let mut causes = Vec::new();
    let mut sources: Vec<String> = Vec::new();
    for path in fixture_files(&root().join("tests/fixtures")) {
        let (ex, meta) = load(&path);
        if let Some(c) = meta.get("expected_cause").and_then(Value::as_str) {
            causes.push(c.to_owned());
        }
        if let Some(d) = diagnose(&ex) {
            sources.push(d.source.as_str().to_owned());
        }
    }
    for c in Cause::ALL {
        assert!(
            causes.iter().any(|x| x == c.as_str()),
            "no fixture for cause {}",
            c.as_str()
        );
    }
    for s in [
        "x402",
        "l402",
        "payment_auth",
        "problem_details",
        "rate_limit_headers",
        "bearer",
        "fields",
        "text",
        "status",
        // Packs (knowledge/vendors/) that the old detectors became.
        "stripe",
        "midtrans",
        "xendit",
        "openai",
        "anthropic",
        "shopify",
        "vercel",
        "supabase",
        "cloudflare",
    ] {
        assert!(
            sources.iter().any(|x| x == s),
            "no fixture diagnosed from {s}"
        );
    }
}

// ------------------------------------------------------------------ details

#[test]
fn x402_uint256_amount_stays_exact() {
    let d = diag("x402_v2_uint256_amount");
    let a = d.details.amount.expect("amount");
    assert_eq!(
        a.atomic,
        "115792089237316195423570985008687907853269984665640564039457584007913129639935"
    );
    assert_eq!(
        (a.decimals, a.asset.as_deref(), a.network.as_deref()),
        (6, Some("USDC"), Some("eip155:8453"))
    );
    let p = d.details.payment.expect("challenge for the pay callback");
    assert_eq!(p.protocol, "x402");
    let v = Value::parse(&p.json).expect("challenge is JSON");
    assert_eq!(v.get("x402Version").and_then(Value::as_u64), Some(2));
}

#[test]
fn amounts_of_other_sources() {
    let a = diag("l402_aperture_http_402").details.amount.unwrap();
    assert_eq!(
        (a.atomic.as_str(), a.decimals, a.asset.as_deref()),
        ("150", 0, Some("sat"))
    );
    let a = diag("midtrans_core_deny_insufficient_funds_idr")
        .details
        .amount
        .unwrap();
    assert_eq!(
        (a.atomic.as_str(), a.decimals, a.asset.as_deref()),
        ("150000", 0, Some("IDR"))
    );
    let a = diag("cloudflare_pay_per_crawl_402").details.amount.unwrap();
    assert_eq!(
        (a.atomic.as_str(), a.decimals, a.asset.as_deref()),
        ("1", 2, Some("USD"))
    );
    let a = diag("x402_v1_payment_required").details.amount.unwrap();
    assert_eq!(
        (a.atomic.as_str(), a.decimals, a.network.as_deref()),
        ("10000", 6, Some("base-sepolia"))
    );
}

#[test]
fn references_come_from_headers_then_body() {
    assert_eq!(
        diag("stripe_card_declined_insufficient_funds")
            .details
            .reference
            .as_deref(),
        Some("req_8Yb3kd02LmQxZp")
    );
    assert_eq!(
        diag("anthropic_400_credit_balance_too_low")
            .details
            .reference
            .as_deref(),
        Some("req_011CTxyzABCdefGHIjkl")
    );
    assert_eq!(
        diag("cloudflare_403_challenge")
            .details
            .reference
            .as_deref(),
        Some("8f2a1b3c4d5e6f71-SIN")
    );
    assert_eq!(
        diag("vercel_402_html_page").details.reference.as_deref(),
        Some("sin1::abcde-1714550400000-0123456789ab")
    );
    assert_eq!(
        diag("midtrans_core_deny_insufficient_funds_idr")
            .details
            .reference
            .as_deref(),
        Some("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
        "Midtrans transaction_id"
    );
    // A header carrying markup or bidi controls is not a usable reference.
    assert_eq!(
        diag("javascript_urls_in_stripe_links").details.reference,
        None
    );
    assert_eq!(
        diag("stripe_bidi_message_insufficient_funds")
            .details
            .reference,
        None
    );
}

#[test]
fn retry_after_seconds_and_http_date() {
    assert_eq!(
        diag("ratelimit_429_retry_after_30").details.retry_after,
        Some(30)
    );
    assert_eq!(
        diag("rfc6585_429_retry_after").details.retry_after,
        Some(3600)
    );
    let ex = fixture("ratelimit_429_retry_after_http_date");
    assert_eq!(
        diagnose(&ex).unwrap().details.retry_after,
        None,
        "no clock: an HTTP-date is not guessed"
    );
    let at = |now| {
        diagnose_at(&ex, &Rules::default(), Some(now))
            .unwrap()
            .details
            .retry_after
    };
    assert_eq!(at(1_777_636_800), Some(30));
    assert_eq!(at(1_777_636_900), Some(0), "a date in the past means now");
    // GitHub's X-RateLimit-Reset is an epoch.
    let gh = fixture("github_403_rate_limit_headers_only");
    assert_eq!(
        diagnose_at(&gh, &Rules::default(), Some(1_777_539_570))
            .unwrap()
            .details
            .retry_after,
        Some(30)
    );
}

#[test]
fn sensitive_declines_leave_no_trace() {
    for name in [
        "stripe_lost_card_decline",
        "stripe_stolen_card_hostile_message",
        "midtrans_core_deny_fraud",
        "xendit_card_charge_failed_stolen",
    ] {
        let d = diag(name);
        assert_eq!(d.cause, Cause::CardDeclined, "{name}");
        assert_eq!(
            (d.details.code.as_ref(), d.details.decline_code.as_ref()),
            (None, None),
            "{name}"
        );
        assert!(d.details.links.is_empty(), "{name}");
        let dump = format!("{d:?}").to_lowercase();
        for word in ["lost", "stolen", "fraud", "pickup"] {
            assert!(!dump.contains(word), "{name} leaks {word:?}: {dump}");
        }
    }
    // Also when an integrator rule picks the cause.
    let rules = rules_from(r#"[{"code":"card_declined","cause":"decline_custom"}]"#);
    let d = diagnose_with(&fixture("stripe_lost_card_decline"), &rules).unwrap();
    assert_eq!(d.source, Source::Rule);
    assert!(!format!("{d:?}").to_lowercase().contains("lost"));
}

#[test]
fn links_are_checked() {
    let d = diag("javascript_urls_in_stripe_links");
    assert!(d.details.links.is_empty(), "{:?}", d.details.links);
    let d = diag("stripe_generic_decline");
    assert_eq!(
        d.details.links[0].url,
        "https://stripe.com/docs/error-codes/card-declined"
    );
    let d = diag("problem_json_subscription_past_due");
    assert!(d
        .details
        .links
        .iter()
        .any(|l| l.rel == "pay" && l.url == "https://billing.example.com/i/INV-2026-0412"));
    let d = diag("openrouter_402_insufficient_credits");
    assert_eq!(d.details.links[0].url, "https://openrouter.ai/credits");
    assert!(diag("stripe_bidi_message_insufficient_funds")
        .details
        .links
        .is_empty());
}

#[test]
fn hostile_resource_text_is_sanitized() {
    let d = diag("x402_v1_hostile_resource");
    let r = d
        .details
        .resource
        .expect("description instead of the javascript: URL");
    assert!(!r.contains("javascript:"), "{r}");
    assert!(
        !r.chars()
            .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
        "{r:?}"
    );
}

#[test]
fn truncated_bodies_are_read_tolerantly_but_only_when_cut() {
    let mut ex = fixture("invalid_json_truncated");
    assert_eq!(
        diagnose(&ex).unwrap().cause,
        Cause::PaymentRequired,
        "untruncated garbage is not trusted"
    );
    ex.truncated = true;
    let d = diagnose(&ex).unwrap();
    assert_eq!(d.cause, Cause::CardDeclined);
    assert_eq!(d.details.code.as_deref(), Some("card_declined"));
    assert_eq!(
        d.details.decline_code, None,
        "the cut value `insuff` is dropped"
    );
    // A code inside a message string is text, not structure.
    let ex = Exchange {
        status: 402,
        body: br#"{"error":{"message":"see \"code\":\"expired_card\"","code":"processing_error","type":"card_error","param":"x"#.to_vec(),
        truncated: true,
        ..Exchange::default()
    };
    assert_eq!(diagnose(&ex).unwrap().cause, Cause::ProcessingErrorRetry);
}

#[test]
fn payment_challenges_are_capped() {
    let big = "x".repeat(20_000);
    let body = format!(
        r#"{{"x402Version":1,"error":"X-PAYMENT header is required","accepts":[{{"scheme":"exact","network":"base","maxAmountRequired":"5","payTo":"0x1","asset":"0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913","description":"{big}"}}]}}"#
    );
    let ex = Exchange {
        status: 402,
        body: body.into_bytes(),
        ..Exchange::default()
    };
    let d = diagnose(&ex).unwrap();
    assert_eq!(d.cause, Cause::PaymentRequiredOnchain);
    assert_eq!(d.details.payment, None);
    assert!(d.details.resource.unwrap().chars().count() <= 200);
    let l = diag("l402_aperture_http_402").details.payment.unwrap();
    assert_eq!(l.protocol, "l402");
    let v = Value::parse(&l.json).unwrap();
    assert_eq!(
        v.get("scheme").and_then(Value::as_str),
        Some("L402"),
        "L402 preferred over LSAT"
    );
    assert!(v
        .get("invoice")
        .and_then(Value::as_str)
        .unwrap()
        .starts_with("lnbc1500n1"));
}

#[test]
fn status_fallback_and_silence() {
    let bare = |status| {
        diagnose(&Exchange {
            status,
            ..Exchange::default()
        })
    };
    for (status, cause) in [
        (401, Cause::AuthRequired),
        (402, Cause::PaymentRequired),
        (403, Cause::Forbidden),
        (407, Cause::ProxyAuthRequired),
        (429, Cause::RateLimited),
    ] {
        let d = bare(status).unwrap();
        assert_eq!(
            (d.cause, d.source, d.status),
            (cause, Source::Status, status)
        );
    }
    for status in [0, 200, 204, 400, 404, 412, 500, 503] {
        assert_eq!(bare(status), None, "{status}");
    }
}

#[test]
fn midtrans_407_is_not_proxy_auth() {
    let ex = Exchange {
        status: 407,
        headers: Headers::from_iter([("Content-Type", "application/json")]),
        body: br#"{"status_code":"407","status_message":"Success, transaction is found","transaction_status":"expire"}"#.to_vec(),
        ..Exchange::default()
    };
    assert_eq!(
        diagnose(&ex).unwrap().cause,
        Cause::PaymentAuthorizationExpired
    );
}

#[test]
fn fixtures_load_exactly() {
    let ex = fixture("invalid_utf8_body");
    assert_eq!(&ex.body[..3], b"\xff\xfe\x00");
    let ex = Exchange::from_fixture(r#"{"status":401,"headers":{"WWW-Authenticate":["Basic realm=\"a\"","Bearer error=\"invalid_token\""]}}"#).unwrap();
    assert_eq!(
        ex.headers.get("www-authenticate"),
        Some("Basic realm=\"a\", Bearer error=\"invalid_token\"")
    );
    assert_eq!(diagnose(&ex).unwrap().source, Source::Bearer);
    for bad in [
        "",
        "[]",
        r#"{"status":"402"}"#,
        r#"{"status":402,"headers":[]}"#,
        r#"{"status":402,"body_base64":"!!"}"#,
        r#"{"status":70000}"#,
    ] {
        assert!(Exchange::from_fixture(bad).is_err(), "{bad}");
    }
}

// ------------------------------------------------------------------ rules

fn rules_from(json: &str) -> Rules {
    let mut warnings = Vec::new();
    let rules = Rules::parse(&Value::parse(json).unwrap(), &mut warnings);
    assert!(warnings.is_empty(), "{warnings:?}");
    rules
}

fn warnings_for(json: &str) -> (Rules, Vec<String>) {
    let mut warnings = Vec::new();
    let rules = Rules::parse(&Value::parse(json).unwrap(), &mut warnings);
    (rules, warnings)
}

#[test]
fn rules_come_before_builtins_and_keep_details() {
    let rules =
        rules_from(r#"[{"status":402,"code":"insufficient_funds","cause":"top_up_wallet"}]"#);
    let d = diagnose_with(&fixture("stripe_card_declined_insufficient_funds"), &rules).unwrap();
    assert_eq!(
        (d.cause.as_str(), d.source),
        ("top_up_wallet", Source::Rule)
    );
    assert_eq!(
        d.details.reference.as_deref(),
        Some("req_8Yb3kd02LmQxZp"),
        "extractors still run"
    );
    assert!(d.details.amount.is_some());
    // Without the rule the built-in answer stands.
    assert_eq!(
        diag("stripe_card_declined_insufficient_funds").cause,
        Cause::InsufficientFunds
    );
    // A rule may name a built-in cause.
    let rules =
        rules_from(r#"[{"bodyIncludes":"UNAVAILABLE SHOP","cause":"service_suspended_billing"}]"#);
    let d = diagnose_with(&fixture("empty_body_402"), &rules).unwrap();
    assert_eq!(
        d.source,
        Source::Status,
        "the rule does not match an empty body"
    );
    let d = diagnose_with(&fixture("shopify_402_unavailable_shop"), &rules).unwrap();
    assert_eq!(
        (d.cause, d.source),
        (Cause::ServiceSuspendedBilling, Source::Rule)
    );
}

#[test]
fn rule_conditions_all_hold() {
    let rules = rules_from(
        r#"[
          {"status":[401,403],"header":{"x-app":"legacy"},"cause":"legacy_login"},
          {"match":{"accepts.0.network":"base","accepts.0.maxAmountRequired":"250000"},"cause":"base_mainnet"},
          {"match":{"meta.count":3,"meta.ok":"true"},"cause":"numbers_and_bools"},
          {"status":200,"bodyIncludes":"Saldo","cause":"custom_200"}
        ]"#,
    );
    assert_eq!(rules.len(), 4);
    let mut ex = Exchange {
        status: 403,
        headers: Headers::from_iter([("X-App", "Legacy-v1")]),
        ..Exchange::default()
    };
    assert_eq!(
        diagnose_with(&ex, &rules).unwrap().cause.as_str(),
        "legacy_login"
    );
    ex.status = 402;
    assert_eq!(
        diagnose_with(&ex, &rules).unwrap().source,
        Source::Status,
        "status must match too"
    );
    let d = diagnose_with(&fixture("x402_v1_verify_insufficient_funds"), &rules).unwrap();
    assert_eq!(d.cause.as_str(), "base_mainnet");
    assert!(d.details.amount.is_some(), "x402 details are kept");
    let ex = Exchange {
        status: 418,
        body: br#"{"meta":{"count":3,"ok":true}}"#.to_vec(),
        ..Exchange::default()
    };
    assert_eq!(
        diagnose_with(&ex, &rules).unwrap().cause.as_str(),
        "numbers_and_bools"
    );
    let ex = Exchange {
        status: 200,
        body: "saldo habis".as_bytes().to_vec(),
        ..Exchange::default()
    };
    assert_eq!(
        diagnose_with(&ex, &rules).unwrap().cause.as_str(),
        "custom_200",
        "case-insensitive body match"
    );
}

#[test]
fn rule_code_matches_the_usual_fields() {
    for body in [
        r#"{"code":"X1"}"#,
        r#"{"error_code":"X1"}"#,
        r#"{"errorCode":"X1"}"#,
        r#"{"error":{"code":"X1"}}"#,
        r#"{"error":{"type":"X1"}}"#,
        r#"{"error":"X1"}"#,
        r#"{"type":"X1","title":"t"}"#,
    ] {
        let rules = rules_from(r#"[{"code":"X1","cause":"x_one"}]"#);
        let ex = Exchange {
            status: 400,
            body: body.as_bytes().to_vec(),
            ..Exchange::default()
        };
        assert_eq!(
            diagnose_with(&ex, &rules)
                .map(|d| d.cause.as_str().to_owned())
                .as_deref(),
            Some("x_one"),
            "{body}"
        );
    }
}

#[test]
fn malformed_rules_are_skipped_with_one_warning_each() {
    let (rules, w) = warnings_for(
        r#"[
          {"status":402,"cause":"ok_rule"},
          {"cause":"no_condition"},
          {"status":"402","cause":"bad_status"},
          {"status":[402,"x"],"cause":"bad_status_list"},
          {"status":402},
          {"status":402,"cause":"Bad Label"},
          {"status":402,"cause":5},
          {"stauts":402,"cause":"typo"},
          {"code":7,"cause":"bad_code"},
          {"match":{"a":{}},"cause":"bad_match"},
          {"header":"x","cause":"bad_header"},
          {"bodyIncludes":"","cause":"empty_body_includes"},
          "not an object"
        ]"#,
    );
    assert_eq!(rules.len(), 1);
    assert_eq!(w.len(), 12, "{w:#?}");
    assert_eq!(
        w[1],
        r#"rules[2]: "status" must be a status from 100 to 599, or a list of them"#
    );
    assert!(w[0].starts_with("rules[1]: "));
    assert!(w[6].contains("unknown key \"stauts\""), "{w:?}");
    let (rules, w) = warnings_for(r#"{"status":402,"cause":"x"}"#);
    assert!(rules.is_empty() && w.len() == 1, "{w:?}");
    let (rules, w) = warnings_for("null");
    assert!(rules.is_empty() && w.is_empty());
    let many = format!("[{}]", vec![r#"{"status":402,"cause":"x"}"#; 150].join(","));
    let (rules, w) = warnings_for(&many);
    assert_eq!((rules.len(), w.len()), (100, 1));
}

// ------------------------------------------------------------------ sanitizing

#[test]
fn sanitize_text_removes_what_a_reader_cannot_see() {
    let hostile = "Pay\u{202e}lapyap\u{202c} now\u{0}\u{7}\u{1b}[31m \u{200b}\u{2066}x\u{2069}\u{061c}\u{200e}\u{200f}\u{feff}\u{e0041}";
    let s = sanitize_text(hostile, 100);
    assert_eq!(s, "Paylapyap now[31m x");
    assert_eq!(sanitize_text("a\r\n\t  b\u{2028}c", 100), "a b c");
    assert_eq!(sanitize_text(&"é".repeat(500), 10).chars().count(), 10);
    assert!(sanitize_text(&"word ".repeat(100), 12).ends_with('…'));
    assert_eq!(
        sanitize_text("<script>alert(1)</script>", 100),
        "<script>alert(1)</script>",
        "markup stays text"
    );
}

#[test]
fn safe_url_accepts_only_plain_https() {
    for ok in [
        "https://pay.example.com/i/1?x=1#y",
        "https://example.com",
        "http://127.0.0.1:3000/pay",
        "http://[::1]/",
        "http://LOCALHOST/x",
    ] {
        assert!(safe_url(ok).is_some(), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(document.domain)",
        "data:text/html,<script>alert(1)</script>",
        "http://example.com/",
        "https://user:pass@example.com/",
        "https://example.com@evil.com/",
        "https://exa mple.com/",
        "https://example.com/\u{202e}gpj.exe",
        "https://example.com/\n",
        " https://example.com/",
        "https://ex\\ample.com/",
        "https://exämple.com/",
        "//example.com/",
        "https:example.com",
        "http://localhost.evil.com/",
        "http://127.0.0.1.evil.com/",
        "vbscript:msgbox(1)",
        "",
    ] {
        assert_eq!(safe_url(bad), None, "{bad:?}");
    }
    assert_eq!(
        safe_url(&format!("https://example.com/{}", "a".repeat(3000))),
        None
    );
}

#[test]
fn every_fixture_is_named_and_sourced() {
    for path in fixture_files(&root().join("tests/fixtures")) {
        let (_, meta) = load(&path);
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        assert_eq!(
            meta.get("name").and_then(Value::as_str),
            Some(stem.as_str()),
            "name of {stem}"
        );
        for key in ["vendor", "source", "verified"] {
            let v = meta.get(key).and_then(Value::as_str).unwrap_or("");
            assert!(!v.trim().is_empty(), "{stem} has no {key}");
        }
        if let Some(c) = meta.get("expected_cause").and_then(Value::as_str) {
            let accept = meta
                .get("accept")
                .and_then(Value::as_array)
                .map_or(&[][..], |a| a);
            for label in std::iter::once(c).chain(accept.iter().filter_map(Value::as_str)) {
                assert!(
                    Cause::builtin(label).is_some(),
                    "{stem}: {label} is not a cause"
                );
            }
        }
    }
}

#[test]
fn unknown_codes_fall_back_to_their_vendor_family() {
    let d = |status, body: &str| {
        let ex = Exchange {
            status,
            body: body.as_bytes().to_vec(),
            ..Exchange::default()
        };
        diagnose(&ex).map(|d| (d.cause, d.source))
    };
    assert_eq!(
        d(
            402,
            r#"{"error":{"type":"card_error","code":"card_declined","decline_code":"brand_new_reason"}}"#
        ),
        Some((Cause::CardDeclined, Source::Pack("stripe")))
    );
    assert_eq!(
        d(
            402,
            r#"{"error":{"type":"card_error","code":"card_declined","advice_code":"confirm_card_data"}}"#
        ),
        Some((Cause::CardDetailsInvalid, Source::Pack("stripe")))
    );
    assert_eq!(
        d(
            402,
            r#"{"x402Version":1,"error":"invalid_exact_evm_brand_new_check","accepts":[]}"#
        ),
        Some((Cause::PaymentSettlementFailed, Source::X402))
    );
    assert_eq!(
        d(
            402,
            r#"{"x402Version":2,"error":"Something else entirely","accepts":[]}"#
        ),
        Some((Cause::PaymentRequiredOnchain, Source::X402))
    );
    // Shapes that carry no payment or access signal stay silent outside the rejection statuses.
    assert_eq!(
        d(
            400,
            r#"{"error":{"message":"Invalid model","type":"invalid_request_error","code":"model_not_found"}}"#
        ),
        None
    );
    assert_eq!(
        d(
            400,
            r#"{"error_code":"SOMETHING_NEW","message":"Something new happened"}"#
        ),
        None
    );
    assert_eq!(
        d(
            200,
            r#"{"status_code":"201","status_message":"Success, transaction is created"}"#
        ),
        None
    );
    assert_eq!(
        d(500, "<html><body>Internal Server Error</body></html>"),
        None
    );
    // ...and fall back to the status inside them.
    assert_eq!(
        d(
            402,
            r#"{"error_code":"SOMETHING_NEW","message":"Something new happened"}"#
        ),
        Some((Cause::PaymentRequired, Source::Status))
    );
}

#[test]
fn the_fallback_reads_code_lists_error_messages_graphql_errors_and_challenges() {
    // Shapes of vendors no pack knows: host and names made up, the shapes are the families'.
    let d = |status, body: &str| {
        let ex = Exchange {
            status,
            url: Some("https://api.unknown-gateway.example/v1/pay".into()),
            body: body.as_bytes().to_vec(),
            ..Exchange::default()
        };
        diagnose(&ex).map(|d| (d.cause, d.source, d.details.code))
    };
    // A list under a plural code key holds codes, each read as under the singular key.
    assert_eq!(
        d(422, r#"{"id":"r1","decline_codes":["expired_card"]}"#),
        Some((
            Cause::CardExpired,
            Source::Fields,
            Some("expired_card".into())
        ))
    );
    assert_eq!(
        d(
            400,
            r#"{"reasons":["not_a_code at all","invalid_card_number"]}"#
        ),
        Some((
            Cause::CardDetailsInvalid,
            Source::Fields,
            Some("invalid_card_number".into())
        ))
    );
    // Numbers in such a list are not codes, and a list of ids names no cause.
    assert_eq!(d(400, r#"{"error_codes":[50076],"ids":["pay_123"]}"#), None);
    // GraphQL answers a failed operation with 200 and an `errors` list: read like any error.
    assert_eq!(
        d(
            200,
            r#"{"data":{"tokenize":null},"errors":[{"message":"CVV must be 3 digits.","path":["tokenize"]}]}"#
        ),
        Some((Cause::CardIncorrectCvc, Source::Fields, None))
    );
    // ...but a 200 without one, or with an empty one, is a success and stays silent.
    assert_eq!(
        d(200, r#"{"data":{"tokenize":{"cvv":"123"}},"errors":[]}"#),
        None
    );
    assert_eq!(d(200, r#"{"data":{"cvv":"must be 3 digits"}}"#), None);
    // An error's message in a 200 says something failed; an empty or absent one does not.
    assert_eq!(
        d(
            200,
            r#"{"error_message":"The daily quota for this key was exceeded.","results":[]}"#
        ),
        Some((Cause::QuotaExceeded, Source::Fields, None))
    );
    assert_eq!(d(200, r#"{"error_message":"","results":[1]}"#), None);
    assert_eq!(
        d(403, r#"{"message":"Out of request quota until tomorrow."}"#),
        Some((Cause::QuotaExceeded, Source::Fields, None))
    );
    assert_eq!(d(200, r#"{"error":null,"results":[1]}"#), None);
    // A JSON rejection that points at a captcha is a bot check; other links say nothing.
    let cause = |status, body: &str| d(status, body).map(|(c, _, _)| c);
    assert_eq!(
        cause(
            403,
            r#"{"redirect":"https://verify.unknown-shield.example/captcha/?cid=1"}"#
        ),
        Some(Cause::BotChallenge)
    );
    assert_eq!(
        cause(403, r#"{"script":"/x1/captcha/captcha.js?u=2"}"#),
        Some(Cause::BotChallenge)
    );
    assert_eq!(
        cause(403, r#"{"docs":"https://unknown.example/docs/errors"}"#),
        Some(Cause::Forbidden)
    );
    assert_eq!(
        cause(200, r#"{"captcha":"https://unknown.example/captcha/"}"#),
        None
    );
    // A code that names a cause outweighs one of the same rank that only says "refused".
    assert_eq!(
        cause(
            403,
            r#"{"errors":[{"reason":"forbidden"}],"details":[{"reason":"API_KEY_HTTP_REFERRER_BLOCKED"}]}"#
        ),
        Some(Cause::MerchantMisconfigured)
    );
    assert_eq!(
        cause(403, r#"{"errors":[{"reason":"forbidden"}]}"#),
        Some(Cause::Forbidden)
    );
    // A header by which an edge says it challenged the request decides, on any status.
    let with_header = |status, name: &str, value: &str| {
        let ex = Exchange {
            status,
            url: Some("https://shop.unknown.example/checkout".into()),
            headers: Headers::from_iter([(name, value)]),
            ..Exchange::default()
        };
        diagnose(&ex).map(|d| d.cause)
    };
    assert_eq!(
        with_header(202, "X-Shield-Action", "challenge"),
        Some(Cause::BotChallenge)
    );
    assert_eq!(
        with_header(405, "x-shield-action", "CAPTCHA"),
        Some(Cause::BotChallenge)
    );
    assert_eq!(
        with_header(429, "x-edge-mitigated", "challenge"),
        Some(Cause::BotChallenge)
    );
    assert_eq!(with_header(202, "x-next-action", "submit"), None);
    assert_eq!(
        with_header(429, "x-edge-mitigated", "none"),
        Some(Cause::RateLimited)
    );
}
