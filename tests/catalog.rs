//! Catalog tests: complete and consistent built-in texts, exact formatting, locale negotiation,
//! and integrator messages (overrides, added locales, custom causes, malformed input).

use explain402::catalog::{
    atomic_to_decimal, builtin, builtin_actions, check, fill, placeholders, ActionKind, Catalog,
    Explanation, Format, PlainFormat, BUILTIN, MAX_STEPS, PLACEHOLDERS, UI_KEYS,
};
use explain402::diagnose::{Amount, Cause, Details, Diagnosis, Source};
use explain402::json::Value;

fn diagnosis(cause: Cause, status: u16, details: Details) -> Diagnosis {
    Diagnosis {
        party: cause.default_party(),
        cause,
        source: Source::Status,
        status,
        details,
    }
}

fn full_details() -> Details {
    Details {
        code: Some("expired_card".into()),
        decline_code: Some("expired_card".into()),
        amount: Some(Amount {
            atomic: "10000".into(),
            decimals: 6,
            asset: Some("USDC".into()),
            network: Some("eip155:84532".into()),
            upto: false,
        }),
        resource: Some("https://api.example.com/premium".into()),
        retry_after: Some(30),
        reference: Some("req_123".into()),
        links: Vec::new(),
        payment: None,
    }
}

fn explain(catalog: &Catalog, cause: Cause, locale: &str, details: Details) -> Explanation {
    catalog.explain(&diagnosis(cause, 402, details), locale, &PlainFormat)
}

fn messages(json: &str) -> (Catalog, Vec<String>) {
    let mut warnings = Vec::new();
    let v = Value::parse(json).expect("test JSON parses");
    let c = Catalog::with_messages(&v, &mut warnings);
    (c, warnings)
}

fn sorted(mut v: Vec<&str>) -> Vec<&str> {
    v.sort_unstable();
    v
}

/// Every text of a built-in locale: chrome, action labels, cause texts and cause labels.
fn all_texts(tag: &str) -> Vec<&'static str> {
    let b = builtin(tag).unwrap();
    let mut out: Vec<&str> = b.ui.iter().chain(b.labels.iter()).copied().collect();
    for t in b.causes.iter() {
        out.extend([t.title, t.explanation]);
        out.extend(t.steps.iter().copied());
        out.extend(t.labels.iter().map(|(_, s)| *s));
    }
    out
}

#[test]
fn every_builtin_cause_is_complete_in_both_locales() {
    assert_eq!(BUILTIN.len(), 2);
    for b in BUILTIN {
        assert_eq!(b.causes.len(), Cause::ALL.len());
        for (t, cause) in b.causes.iter().zip(Cause::ALL) {
            let at = format!("{}/{}", b.tag, cause.as_str());
            assert_eq!(t.cause, cause.as_str(), "{at}: table order");
            assert!(
                !t.title.trim().is_empty() && !t.explanation.trim().is_empty(),
                "{at}"
            );
            assert!(
                (2..=4).contains(&t.steps.len()),
                "{at}: {} steps",
                t.steps.len()
            );
            assert!(!builtin_actions(cause).is_empty(), "{at}: no actions");
            for (kind, _) in t.labels {
                assert!(
                    builtin_actions(cause).contains(kind),
                    "{at}: label for an action it lacks"
                );
            }
            assert!(
                !t.title.contains('{') && !t.title.contains("402"),
                "{at}: title is plain words"
            );
        }
        for s in b.ui.iter().chain(b.labels.iter()) {
            assert!(!s.trim().is_empty(), "{}", b.tag);
        }
    }
}

#[test]
fn placeholders_match_between_locales_and_are_optional() {
    let (en, id) = (builtin("en").unwrap(), builtin("id").unwrap());
    for (e, i) in en.causes.iter().zip(id.causes.iter()) {
        let pairs = [(e.title, i.title), (e.explanation, i.explanation)].into_iter();
        assert_eq!(e.steps.len(), i.steps.len(), "{}: steps", e.cause);
        let steps = e.steps.iter().copied().zip(i.steps.iter().copied());
        assert_eq!(e.labels.len(), i.labels.len(), "{}: labels", e.cause);
        let labels = e
            .labels
            .iter()
            .zip(i.labels.iter())
            .map(|((ke, se), (ki, si))| {
                assert_eq!(ke, ki, "{}: label kinds", e.cause);
                (*se, *si)
            });
        for (a, b) in pairs.chain(steps).chain(labels.collect::<Vec<_>>()) {
            assert_eq!(
                sorted(placeholders(a)),
                sorted(placeholders(b)),
                "{}: {a:?} / {b:?}",
                e.cause
            );
            for t in [a, b] {
                assert_eq!(check(t, PLACEHOLDERS), Ok(()), "{t}");
                assert!(
                    fill(t, &|_| None).is_some(),
                    "placeholder outside [[ ]]: {t}"
                );
            }
        }
    }
    for (e, i) in en.labels.iter().zip(id.labels.iter()) {
        assert_eq!(sorted(placeholders(e)), sorted(placeholders(i)));
    }
    for ((k, e), i) in UI_KEYS.iter().zip(en.ui).zip(id.ui) {
        let want: &[&str] = if *k == "repeated" { &["count"] } else { &[] };
        assert_eq!(placeholders(e), want, "{k}");
        assert_eq!(placeholders(i), want, "{k}");
    }
}

fn leaks(s: &str) -> bool {
    s.contains("[[")
        || s.contains("]]")
        || PLACEHOLDERS.iter().any(|p| s.contains(&format!("{{{p}}}")))
}

#[test]
fn explain_fills_every_cause_with_and_without_details() {
    let catalog = Catalog::builtin();
    for locale in ["id", "en"] {
        for cause in Cause::ALL {
            for details in [Details::default(), full_details()] {
                let full = details.reference.is_some();
                let e = explain(&catalog, cause.clone(), locale, details);
                let at = format!("{locale}/{}/{full}", cause.as_str());
                assert_eq!(e.locale, locale);
                assert_eq!(e.cause, cause.as_str());
                assert!(!e.title.is_empty() && !e.explanation.is_empty(), "{at}");
                assert!((2..=4).contains(&e.steps.len()), "{at}");
                assert!(!e.actions.is_empty(), "{at}");
                assert_eq!(
                    e.actions
                        .iter()
                        .any(|a| a.kind == ActionKind::CopyReference),
                    full && builtin_actions(cause).contains(&ActionKind::CopyReference),
                    "{at}"
                );
                let texts = [&e.title, &e.explanation]
                    .into_iter()
                    .chain(&e.steps)
                    .chain(e.actions.iter().map(|a| &a.label));
                for t in texts {
                    assert!(!leaks(t), "{at}: {t}");
                    assert!(
                        !t.contains("  ") && !t.contains(" .") && !t.contains(" ,"),
                        "{at}: spacing in {t:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn details_appear_where_they_help() {
    let catalog = Catalog::builtin();
    let rate = explain(
        &catalog,
        Cause::RateLimited,
        "id",
        Details {
            retry_after: Some(30),
            ..Details::default()
        },
    );
    assert_eq!(
        rate.steps[0],
        "Tunggu sebelum mencoba lagi (sekitar 30 detik)."
    );
    let rate = explain(
        &catalog,
        Cause::RateLimited,
        "en",
        Details {
            retry_after: Some(120),
            ..Details::default()
        },
    );
    assert_eq!(rate.steps[0], "Wait before trying again (about 2 minutes).");
    let rate = explain(
        &catalog,
        Cause::RateLimited,
        "en",
        Details {
            retry_after: Some(0),
            ..Details::default()
        },
    );
    assert_eq!(rate.steps[0], "Wait before trying again.");
    // A long wait reads as one: no "a moment" before "2 hours".
    for (locale, expected) in [
        ("en", "Wait before trying again (about 2 hours)."),
        ("id", "Tunggu sebelum mencoba lagi (sekitar 2 jam)."),
    ] {
        let rate = explain(
            &catalog,
            Cause::RateLimited,
            locale,
            Details {
                retry_after: Some(7200),
                ..Details::default()
            },
        );
        assert_eq!(rate.steps[0], expected);
    }

    let onchain = explain(
        &catalog,
        Cause::PaymentRequiredOnchain,
        "id",
        full_details(),
    );
    assert_eq!(
        onchain.explanation,
        "Konten ini perlu dibayar dengan dompet kripto. Harganya 0,01 USDC."
    );
    assert_eq!(
        onchain.steps[1],
        "Pastikan saldo dompet Anda cukup untuk membayar 0,01 USDC di jaringan Base Sepolia."
    );
    assert_eq!(onchain.actions[0].label, "Bayar 0,01 USDC");
    let bare = explain(
        &catalog,
        Cause::PaymentRequiredOnchain,
        "en",
        Details::default(),
    );
    assert_eq!(bare.steps[1], "Make sure your wallet has enough balance.");
    assert_eq!(bare.actions[0].label, "Pay");

    let idr = Details {
        amount: Some(Amount {
            atomic: "150000".into(),
            decimals: 0,
            asset: Some("IDR".into()),
            network: None,
            upto: false,
        }),
        ..Details::default()
    };
    let past_due = explain(&catalog, Cause::SubscriptionPastDue, "id", idr.clone());
    assert!(
        past_due
            .explanation
            .ends_with("Jumlah tagihannya IDR 150.000."),
        "{}",
        past_due.explanation
    );
    let past_due = explain(&catalog, Cause::SubscriptionPastDue, "en", idr);
    assert!(
        past_due
            .explanation
            .ends_with("The amount due is IDR 150,000."),
        "{}",
        past_due.explanation
    );

    let credits = explain(&catalog, Cause::CreditsExhausted, "id", Details::default());
    assert_eq!(credits.actions[0].label, "Isi ulang kredit");
    let card = explain(&catalog, Cause::CardExpired, "id", full_details());
    assert_eq!(card.actions[0].label, "Perbarui metode pembayaran");
    assert_eq!(card.reference.as_deref(), Some("req_123"));
}

#[test]
fn indonesian_follows_kbbi_and_the_glossary() {
    // The right-hand column of the spelling table in GLOSSARY.md, and terms it rules out.
    const NON_STANDARD: &[&str] = &[
        "kadaluarsa",
        "kadaluwarsa",
        "kedaluarsa",
        "ijin",
        "silahkan",
        "aktip",
        "non-aktif",
        "aktifitas",
        "resiko",
        "nasehat",
        "merubah",
        "praktek",
        "sistim",
        "online",
        "mengkonfirmasi",
        "memperbaharui",
        "proxy",
        "sekedar",
        "analisa",
        "tehnik",
        "login",
        "logout",
        "e-wallet",
        "surel",
        "tertunggak",
    ];
    // Words that are informal, non-standard or left in English.
    const NOT_INDONESIAN: &[&str] = &[
        "beritahu",
        "memberitahu",
        "diberitahu",
        "kamu",
        "please",
        "wallet",
        "card",
        "payment",
        "try",
        "the",
    ];
    for text in all_texts("id") {
        let lower = text.to_lowercase();
        for bad in NON_STANDARD {
            assert!(!lower.contains(bad), "{bad:?} in {text:?}");
        }
        for word in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
            assert!(word != "anda", "lowercase \"anda\" in {text:?}");
            assert!(
                !NOT_INDONESIAN.contains(&word.to_lowercase().as_str()),
                "{word:?} in {text:?}"
            );
        }
    }
    let all = all_texts("id").join(" ");
    assert!(all.contains("Anda") && all.contains("kedaluwarsa") && all.contains("mengizinkan"));
    for text in all_texts("en") {
        assert!(!text.contains("Anda"), "{text}");
    }
}

// Formatting and negotiation.

#[test]
fn atomic_amounts_convert_exactly() {
    let max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
    assert_eq!(
        atomic_to_decimal(max, 18).as_deref(),
        Some("115792089237316195423570985008687907853269984665640564039457.584007913129639935")
    );
    for (atomic, decimals, want) in [
        ("10000", 6, Some("0.01")),
        ("1500000", 6, Some("1.5")),
        ("150000", 0, Some("150000")),
        ("0000123", 2, Some("1.23")),
        ("1", 18, Some("0.000000000000000001")),
        ("0", 6, Some("0")),
        ("100", 2, Some("1")),
        ("", 6, None),
        ("-1", 0, None),
        ("1.5", 0, None),
        (" 1", 0, None),
        ("١٢", 0, None),
        ("1", 256, None),
    ] {
        assert_eq!(
            atomic_to_decimal(atomic, decimals).as_deref(),
            want,
            "{atomic} {decimals}"
        );
    }
}

#[test]
fn plain_format_writes_each_locale_natively() {
    let f = PlainFormat;
    assert_eq!(f.decimal("id", "150000", Some("IDR")), "IDR 150.000");
    assert_eq!(f.decimal("en", "150000", Some("IDR")), "IDR 150,000");
    assert_eq!(f.decimal("id-ID", "1234567.891", None), "1.234.567,891");
    assert_eq!(f.decimal("en-GB", "1234567.891", None), "1,234,567.891");
    assert_eq!(f.decimal("en", "10.5", Some("USD")), "USD 10.50");
    assert_eq!(f.decimal("id", "0.01", None), "0,01");
    assert_eq!(f.decimal("en", "not a number", None), "not a number");
    assert_eq!(f.decimal("en", "1.", None), "1.");
    assert_eq!(f.integer("id", 1500), "1.500");
    assert_eq!(f.integer("en", 1_234_567), "1,234,567");
    for (secs, id, en) in [
        (1, "1 detik", "1 second"),
        (30, "30 detik", "30 seconds"),
        (60, "1 menit", "1 minute"),
        (61, "2 menit", "2 minutes"),
        (3599, "60 menit", "60 minutes"),
        (3600, "1 jam", "1 hour"),
        (3601, "2 jam", "2 hours"),
        (
            u64::MAX,
            "5.124.095.576.030.432 jam",
            "5,124,095,576,030,432 hours",
        ),
    ] {
        assert_eq!(f.duration("id", secs), id);
        assert_eq!(f.duration("en", secs), en);
    }
    let catalog = Catalog::builtin();
    let sats = Details {
        amount: Some(Amount {
            atomic: "1500".into(),
            decimals: 0,
            asset: Some("sat".into()),
            network: None,
            upto: false,
        }),
        ..Details::default()
    };
    let ln = explain(&catalog, Cause::PaymentRequiredLightning, "id", sats);
    assert!(
        ln.explanation.ends_with("Harganya 1.500 sat."),
        "{}",
        ln.explanation
    );
    let address = Details {
        amount: Some(Amount {
            atomic: "10000".into(),
            decimals: 6,
            asset: Some("0x036CbD53842c5426634e7929541eC2318f3dCF7e".into()),
            network: None,
            upto: false,
        }),
        ..Details::default()
    };
    let onchain = explain(&catalog, Cause::PaymentRequiredOnchain, "en", address);
    assert!(
        onchain.explanation.ends_with("The price is 0.01."),
        "{}",
        onchain.explanation
    );
}

#[test]
fn negotiation_picks_the_first_matching_locale() {
    let catalog = Catalog::builtin();
    for (candidates, want) in [
        (&["id-ID"][..], "id"),
        (&["en-GB"][..], "en"),
        (&["in"][..], "id"),
        (&["in_ID"][..], "id"),
        (&["ID"][..], "id"),
        (&["fr-FR"][..], "en"),
        (&["xx", "*", "", "id"][..], "id"),
        (&["en-US", "id"][..], "en"),
        (&["fr", "id-ID", "en"][..], "id"),
        (&[][..], "en"),
    ] {
        assert_eq!(catalog.negotiate(candidates), want, "{candidates:?}");
    }
    let (catalog, warnings) =
        messages(r#"{"ms": {"card_expired": {"title": "Kad anda telah tamat tempoh"}}}"#);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(catalog.locales(), ["en", "id", "ms"]);
    assert_eq!(catalog.negotiate(&["ms-MY", "id"]), "ms");
    assert_eq!(catalog.negotiate(&["fr", "ms"]), "ms");
}

// Integrator messages.

#[test]
fn overrides_apply_field_by_field() {
    let (catalog, warnings) = messages(
        r#"{"id": {
            "card_expired": {"title": "Kartu kedaluwarsa", "actions": ["retry", "contact_support"]},
            "actions": {"retry": "Ulangi"},
            "ui": {"close": "Tutup panel"}
        }, "en": {"card_expired": {"steps": ["Call us[[ with {reference}]].", "Or wait."]}}}"#,
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    let e = explain(&catalog, Cause::CardExpired, "id", full_details());
    let built = explain(
        &Catalog::builtin(),
        Cause::CardExpired,
        "id",
        full_details(),
    );
    assert_eq!(e.title, "Kartu kedaluwarsa");
    assert_eq!(e.explanation, built.explanation);
    assert_eq!(
        e.steps, built.steps,
        "id steps stay built-in although en steps changed"
    );
    let actions: Vec<_> = e
        .actions
        .iter()
        .map(|a| (a.kind, a.label.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            (ActionKind::Retry, "Ulangi"),
            (ActionKind::ContactSupport, "Hubungi dukungan")
        ]
    );
    let en = explain(&catalog, Cause::CardExpired, "en", full_details());
    assert_eq!(en.steps, ["Call us with req_123.", "Or wait."]);
    assert_eq!(
        explain(&catalog, Cause::CardExpired, "en", Details::default()).steps,
        ["Call us.", "Or wait."]
    );
    let ui = catalog.ui("id-ID");
    assert_eq!(
        (ui.close.as_str(), ui.copy.as_str(), ui.locale.as_str()),
        ("Tutup panel", "Salin", "id")
    );
    assert_eq!(ui.repeated_count(1500, &PlainFormat), "Terjadi 1.500 kali");
    assert_eq!(Catalog::builtin().ui("en").details, "Details for support");
}

#[test]
fn an_added_locale_falls_back_to_english() {
    let (catalog, warnings) = messages(
        r#"{"ms": {"card_expired": {"title": "Kad anda telah tamat tempoh"}, "ui": {"close": "Tutup"}},
            "en": {"card_expired": {"explanation": "Integrator English."}}}"#,
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    let e = explain(&catalog, Cause::CardExpired, "ms-MY", Details::default());
    let en = explain(
        &Catalog::builtin(),
        Cause::CardExpired,
        "en",
        Details::default(),
    );
    assert_eq!(e.locale, "ms");
    assert_eq!(e.title, "Kad anda telah tamat tempoh");
    assert_eq!(e.explanation, "Integrator English.");
    assert_eq!((e.steps, e.actions), (en.steps, en.actions));
    let ui = catalog.ui("ms");
    assert_eq!((ui.close.as_str(), ui.copy.as_str()), ("Tutup", "Copy"));
}

#[test]
fn custom_causes_use_their_texts_then_the_status_fallback() {
    let (catalog, warnings) = messages(
        r#"{"en": {"upgrade_plan": {"title": "Upgrade to Pro", "explanation": "This needs Pro[[ ({amount})]].",
                                    "steps": ["Open plans.", "Pick Pro."], "actions": ["update_payment"],
                                    "labels": {"update_payment": "See plans"}}},
            "id": {"upgrade_plan": {"title": "Tingkatkan ke Pro"}}}"#,
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    let custom = Cause::Custom("upgrade_plan".into());
    let e = explain(&catalog, custom.clone(), "id", full_details());
    assert_eq!(e.cause, "upgrade_plan");
    assert_eq!(e.title, "Tingkatkan ke Pro");
    // The English fallback text is filled in English: no Indonesian number inside English words.
    assert_eq!(e.explanation, "This needs Pro (0.01 USDC).");
    assert_eq!(e.steps, ["Open plans.", "Pick Pro."]);
    assert_eq!(e.actions.len(), 1);
    assert_eq!(e.actions[0].label, "See plans");

    let unknown = Cause::Custom("no_texts_anywhere".into());
    let builtin = Catalog::builtin();
    for (status, base) in [
        (402, Cause::PaymentRequired),
        (403, Cause::Forbidden),
        (200, Cause::PaymentRequired),
    ] {
        let got = catalog.explain(
            &diagnosis(unknown.clone(), status, Details::default()),
            "id",
            &PlainFormat,
        );
        let want = builtin.explain(
            &diagnosis(base, status, Details::default()),
            "id",
            &PlainFormat,
        );
        assert_eq!(got.cause, "no_texts_anywhere");
        assert_eq!(
            (got.title, got.explanation, got.steps, got.actions),
            (want.title, want.explanation, want.steps, want.actions)
        );
    }
}

#[test]
fn malformed_messages_warn_and_keep_the_defaults() {
    let long = "x".repeat(201);
    let json = format!(
        r#"{{"id": {{
            "card_expired": {{"title": 42, "explanation": "", "steps": "not an array", "actions": ["retry", "explode"],
                              "labels": {{"fly": "Terbang", "retry": ["x"]}}, "titel": "typo"}},
            "card_declined": {{"title": "{long}", "explanation": "Harga {{price}}.", "steps": ["Ok.", 7]}},
            "rate_limited": {{"steps": ["1", "2", "3", "4", "5", "6", "7", "8", "9"], "title": "[[Tunggu {{retryAfter}}"}},
            "ui": {{"close": 1, "nope": "x", "repeated": "{{count}} [[kali]]", "copy": "Salin {{count}}"}},
            "actions": "Ulangi",
            "bad label!": {{}},
            "forbidden": "Dilarang"
        }}, "english": {{}}, "fr": [], "en": {{"auth_required": {{"steps": []}}}}}}"#
    );
    let (catalog, warnings) = messages(&json);
    let expect = [
        "messages.id.card_expired.title: expected a string, found a number",
        "messages.id.card_expired.explanation: expected a non-empty string",
        "messages.id.card_expired.steps: expected an array of strings, found a string",
        "messages.id.card_expired.actions: unknown action kind \"explode\"",
        "messages.id.card_expired.labels.fly: unknown action kind",
        "messages.id.card_expired.labels.retry: expected a string, found an array",
        "messages.id.card_expired.titel: unknown field",
        "messages.id.card_declined.title: longer than 200 characters",
        "messages.id.card_declined.explanation: unknown placeholder {price}",
        "messages.id.card_declined.steps: step 1: expected a string, found a number",
        &format!("messages.id.rate_limited.steps: more than {MAX_STEPS} steps"),
        "messages.id.rate_limited.title: a \"[[\" without \"]]\"",
        "messages.id.ui.close: expected a string, found a number",
        "messages.id.ui.nope: unknown key",
        "messages.id.ui.repeated: \"[[ ]]\" segments are not supported",
        "messages.id.ui.copy: unknown placeholder {count}",
        "messages.id.actions: expected an object keyed by action kind, found a string",
        "messages.id.bad label!: not a cause label",
        "messages.id.forbidden: expected an object, found a string",
        "messages.english: not a locale tag",
        "messages.fr: expected an object, found an array",
    ];
    for want in expect {
        assert_eq!(
            warnings.iter().filter(|w| w.starts_with(want)).count(),
            1,
            "{want:?} in {warnings:#?}"
        );
    }
    assert_eq!(warnings.len(), expect.len(), "{warnings:#?}");

    let builtin = Catalog::builtin();
    for cause in [Cause::CardExpired, Cause::CardDeclined, Cause::Forbidden] {
        assert_eq!(
            explain(&catalog, cause.clone(), "id", full_details()),
            explain(&builtin, cause, "id", full_details())
        );
    }
    let rate = explain(&catalog, Cause::RateLimited, "id", Details::default());
    assert_eq!(rate.steps, ["1", "2", "3", "4", "5", "6", "7", "8"]);
    assert_eq!(
        rate.title,
        explain(&builtin, Cause::RateLimited, "id", Details::default()).title
    );
    assert_eq!(catalog.ui("id"), builtin.ui("id"));
    assert!(
        explain(&catalog, Cause::AuthRequired, "en", Details::default())
            .steps
            .is_empty(),
        "[] is allowed"
    );
    assert_eq!(
        catalog.locales(),
        ["en", "id"],
        "fr and english were not added"
    );

    let mut warnings = Vec::new();
    Catalog::with_messages(&Value::parse("[1]").unwrap(), &mut warnings);
    assert_eq!(warnings.len(), 1);
    Catalog::with_messages(&Value::Null, &mut warnings);
    assert_eq!(warnings.len(), 1, "an absent option is not a problem");
}

#[test]
fn a_required_placeholder_without_a_value_falls_back() {
    let (catalog, warnings) = messages(
        r#"{"en": {"rate_limited": {"title": "Wait {retryAfter}", "steps": ["Wait {retryAfter}.", "Then retry."]}}}"#,
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    let with = explain(
        &catalog,
        Cause::RateLimited,
        "en",
        Details {
            retry_after: Some(5),
            ..Details::default()
        },
    );
    assert_eq!(
        (with.title.as_str(), with.steps.len()),
        ("Wait 5 seconds", 2)
    );
    let without = explain(&catalog, Cause::RateLimited, "en", Details::default());
    assert_eq!(without.title, "Too many attempts in a short time");
    assert_eq!(without.steps, ["Then retry."]);
}
