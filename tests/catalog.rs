//! Catalog tests: complete and consistent built-in texts, exact formatting, locale negotiation,
//! and integrator messages (overrides, added locales, custom causes, malformed input).

use explain402::catalog::{
    atomic_to_decimal, builtin, builtin_actions, check, fill, placeholders, placeholders_for,
    reload_is_safe, site_actions, ActionKind, Catalog, Explanation, Format, PlainFormat, Text,
    BUILTIN, MAX_STEPS, PLACEHOLDERS, UI_KEYS,
};
use explain402::diagnose::{Amount, Cause, Details, Diagnosis, Party, PaymentChallenge, Source};
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

/// [`explain`] for a diagnosis only the site's team can act on.
fn explain_site(catalog: &Catalog, cause: Cause, locale: &str, details: Details) -> Explanation {
    let d = Diagnosis {
        party: Party::Site,
        ..diagnosis(cause, 402, details)
    };
    catalog.explain(&d, locale, &PlainFormat)
}

/// The built-in cause texts of a locale, user texts then site texts.
fn cause_texts(tag: &str) -> impl Iterator<Item = &'static Text> {
    let b = builtin(tag).unwrap();
    b.causes.iter().chain(b.site.iter())
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
    for t in cause_texts(tag) {
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
        let with_site: Vec<&Cause> = Cause::ALL.iter().filter(|c| c.has_site_variant()).collect();
        assert_eq!(b.site.len(), with_site.len(), "{}", b.tag);
        for (t, cause) in b.site.iter().zip(with_site) {
            let at = format!("{}/{} site", b.tag, cause.as_str());
            assert_eq!(t.cause, cause.as_str(), "{at}: table order");
            assert!((2..=4).contains(&t.steps.len()), "{at}");
            let actions = site_actions(cause).expect("site actions");
            assert!(!actions.contains(&ActionKind::UpdatePayment), "{at}");
            assert!(!actions.contains(&ActionKind::Pay), "{at}");
            for (kind, _) in t.labels {
                assert!(actions.contains(kind), "{at}: label for an action it lacks");
            }
        }
    }
}

#[test]
fn placeholders_match_between_locales_and_are_optional() {
    let (en, id) = (builtin("en").unwrap(), builtin("id").unwrap());
    for (e, i) in cause_texts("en").zip(cause_texts("id")) {
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
        let want = placeholders_for(k);
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
            for (details, party) in [
                (Details::default(), Party::User),
                (full_details(), Party::User),
                (Details::default(), Party::Site),
                (full_details(), Party::Site),
            ] {
                let full = details.reference.is_some();
                let e = match party {
                    Party::User => explain(&catalog, cause.clone(), locale, details),
                    Party::Site => explain_site(&catalog, cause.clone(), locale, details),
                };
                let at = format!("{locale}/{}/{full}/{}", cause.as_str(), party.as_str());
                assert_eq!(e.locale, locale);
                assert_eq!(e.cause, cause.as_str());
                let want = match party {
                    Party::User => cause.default_party(),
                    Party::Site => Party::Site,
                };
                assert_eq!(e.party, want);
                assert!(!e.title.is_empty() && !e.explanation.is_empty(), "{at}");
                assert!((2..=4).contains(&e.steps.len()), "{at}");
                assert!(!e.actions.is_empty(), "{at}");
                let kinds = match party {
                    Party::Site => site_actions(cause).unwrap_or(builtin_actions(cause)),
                    Party::User => builtin_actions(cause),
                };
                assert_eq!(
                    e.actions
                        .iter()
                        .any(|a| a.kind == ActionKind::CopyReference),
                    full && kinds.contains(&ActionKind::CopyReference),
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
    assert_eq!(rate.steps[0], "Coba lagi nanti, sekitar 30 detik lagi.");
    let rate = explain(
        &catalog,
        Cause::RateLimited,
        "en",
        Details {
            retry_after: Some(120),
            ..Details::default()
        },
    );
    assert_eq!(rate.steps[0], "Try again later, in about 2 minutes.");
    let rate = explain(
        &catalog,
        Cause::RateLimited,
        "en",
        Details {
            retry_after: Some(0),
            ..Details::default()
        },
    );
    assert_eq!(rate.steps[0], "Try again later.");
    // A long wait reads as one: no "a moment" before "2 hours".
    for (locale, expected) in [
        ("en", "Try again later, in about 2 hours."),
        ("id", "Coba lagi nanti, sekitar 2 jam lagi."),
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
        "Untuk membuka konten ini, Anda perlu membayar dengan dompet kripto. Harganya 0,01 USDC."
    );
    assert_eq!(
        onchain.steps[1],
        "Pastikan saldo dompet Anda di jaringan Base Sepolia cukup untuk membayar 0,01 USDC."
    );
    assert_eq!(onchain.actions[0].label, "Bayar 0,01 USDC");
    let bare = explain(
        &catalog,
        Cause::PaymentRequiredOnchain,
        "en",
        Details::default(),
    );
    assert_eq!(bare.steps[1], "Make sure your wallet has enough funds.");
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
            .ends_with("Jumlah tagihannya Rp150.000."),
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
    assert_eq!(card.actions[0].label, "Ganti metode pembayaran");
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
    assert_eq!(f.decimal("id", "150000", Some("IDR")), "Rp150.000");
    assert_eq!(f.decimal("id", "150000.5", Some("IDR")), "Rp150.000,50");
    assert_eq!(f.decimal("id", "10.5", Some("USD")), "USD 10,50");
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
        (3540, "59 menit", "59 minutes"),
        (3541, "1 jam", "1 hour"),
        (3599, "1 jam", "1 hour"),
        (3600, "1 jam", "1 hour"),
        (3601, "1 jam", "1 hour"),
        (5400, "2 jam", "2 hours"),
        (47 * 3600, "47 jam", "47 hours"),
        (48 * 3600, "2 hari", "2 days"),
        (3 * 86_400, "3 hari", "3 days"),
        (2_592_000, "30 hari", "30 days"),
        (
            u64::MAX,
            "213.503.982.334.601 hari",
            "213,503,982,334,601 days",
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
            (ActionKind::ContactSupport, "Hubungi layanan pelanggan")
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
    assert_eq!(without.title, "Too many requests right now");
    assert_eq!(without.steps, ["Then retry."]);
}

// The copy review of December 2026 (../shared/reviews/copy-review-2026-12.md): each test checks
// the meaning a W or I finding asked for, so that it fails on the old texts.

/// The texts a panel shows: title, explanation, steps and action labels.
fn shown(e: &Explanation) -> Vec<&str> {
    let mut out = vec![e.title.as_str(), e.explanation.as_str()];
    out.extend(e.steps.iter().map(String::as_str));
    out.extend(e.actions.iter().map(|a| a.label.as_str()));
    out
}

fn label(e: &Explanation, kind: ActionKind) -> Option<&str> {
    e.actions
        .iter()
        .find(|a| a.kind == kind)
        .map(|a| a.label.as_str())
}

#[test]
fn a_site_diagnosis_never_asks_the_visitor_to_fix_the_sites_account() {
    // Review summary 1, credits_exhausted 1, quota_exceeded 1, subscription_past_due 1,
    // rate_limited 1: an app relaying its own provider's "credit balance is too low".
    let catalog = Catalog::builtin();
    for cause in Cause::ALL.iter().filter(|c| c.has_site_variant()) {
        for locale in ["en", "id"] {
            let at = format!("{locale}/{}", cause.as_str());
            let site = explain_site(&catalog, cause.clone(), locale, full_details());
            let user = explain(&catalog, cause.clone(), locale, full_details());
            assert_ne!(site.title, user.title, "{at}: a title of its own");
            for kind in [
                ActionKind::UpdatePayment,
                ActionKind::Pay,
                ActionKind::SignIn,
            ] {
                assert!(
                    label(&site, kind).is_none(),
                    "{at}: {kind:?} on a site panel"
                );
            }
            let owner = if locale == "id" {
                "Beri tahu pemilik situs"
            } else {
                "Tell the site owner"
            };
            assert_eq!(
                label(&site, ActionKind::ContactSupport),
                Some(owner),
                "{at}"
            );
            let (not_yours, team) = if locale == "id" {
                (
                    ["bukan masalah pada akun", "bukan karena tindakan Anda"],
                    "situs",
                )
            } else {
                (
                    ["not a problem with your account", "anything you did"],
                    "site",
                )
            };
            assert!(
                not_yours.iter().any(|n| site.explanation.contains(n)),
                "{at}: says it is not the visitor's doing: {}",
                site.explanation
            );
            assert!(site.steps.iter().any(|s| s.contains(team)), "{at}");
            for step in &site.steps {
                let lower = step.to_lowercase();
                let blames = if locale == "id" {
                    [
                        "akun anda",
                        "paket anda",
                        "isi ulang kredit di",
                        "tingkatkan paket",
                    ]
                    .iter()
                    .any(|w| lower.contains(w))
                } else {
                    ["your account", "your plan", "top up your", "upgrade your"]
                        .iter()
                        .any(|w| lower.contains(w))
                };
                assert!(!blames, "{at}: a step for the account owner: {step}");
            }
        }
    }
    // The user texts of the same causes give a way out to someone who does not own the account.
    for cause in [
        Cause::CreditsExhausted,
        Cause::QuotaExceeded,
        Cause::SubscriptionPastDue,
    ] {
        for (locale, who) in [("en", "don't manage"), ("id", "bukan Anda yang mengelola")] {
            let e = explain(&catalog, cause.clone(), locale, Details::default());
            assert!(
                e.steps.iter().any(|s| s.contains(who)),
                "{locale}/{cause:?}"
            );
        }
    }
    // A rate limit is not "you tried too often".
    for locale in ["en", "id"] {
        let e = explain(&catalog, Cause::RateLimited, locale, Details::default());
        let t = e.title.to_lowercase();
        assert!(
            !t.contains("attempt") && !t.contains("percobaan"),
            "{}",
            e.title
        );
    }
}

#[test]
fn site_texts_can_be_overridden_apart_from_the_user_texts() {
    let (catalog, warnings) = messages(
        r#"{"id": {"credits_exhausted": {
                "title": "Kredit Anda habis",
                "site": {"title": "Layanan AI kami sedang berhenti", "actions": ["retry"],
                         "labels": {"retry": "Ulangi"}, "sitee": 1}}},
            "en": {"quota_exceeded": {"title": "Your quota is used up"}}}"#,
    );
    assert_eq!(
        warnings,
        ["messages.id.credits_exhausted.site.sitee: unknown field (expected title, explanation, steps, actions or labels); ignored"]
    );
    let builtin = Catalog::builtin();
    let site = explain_site(&catalog, Cause::CreditsExhausted, "id", Details::default());
    let built = explain_site(&builtin, Cause::CreditsExhausted, "id", Details::default());
    assert_eq!(site.title, "Layanan AI kami sedang berhenti");
    assert_eq!(
        (&site.explanation, &site.steps),
        (&built.explanation, &built.steps)
    );
    assert_eq!(site.actions.len(), 1);
    assert_eq!(label(&site, ActionKind::Retry), Some("Ulangi"));
    let user = explain(&catalog, Cause::CreditsExhausted, "id", Details::default());
    assert_eq!(user.title, "Kredit Anda habis");
    // The built-in site text comes before the integrator's user text.
    let quota = explain_site(&catalog, Cause::QuotaExceeded, "en", Details::default());
    assert_eq!(quota.title, "This site has reached its usage limit");
    // A cause without a built-in site text uses its user text for the site, unless given one.
    let card = explain_site(&builtin, Cause::CardExpired, "en", Details::default());
    assert_eq!(card.title, "Your card has expired");
    let (catalog, _) = messages(r#"{"en": {"card_expired": {"site": {"title": "Site problem"}}}}"#);
    let card = explain_site(&catalog, Cause::CardExpired, "en", Details::default());
    assert_eq!(card.title, "Site problem");
    assert_eq!(
        card.actions,
        explain(&builtin, Cause::CardExpired, "en", Details::default()).actions
    );
}

#[test]
fn card_declined_does_not_promise_who_declined() {
    // card_declined 1: a gateway's fraud filter ("Deny by FDS") lands here too.
    let catalog = Catalog::builtin();
    for (locale, claim, out) in [
        ("en", "not from this site", "support"),
        ("id", "bukan dari situs", "layanan pelanggan"),
    ] {
        let e = explain(&catalog, Cause::CardDeclined, locale, Details::default());
        assert!(!e.explanation.contains(claim), "{}", e.explanation);
        assert!(
            e.steps.iter().any(|s| s.contains(out)),
            "{locale}: a way out"
        );
    }
}

#[test]
fn merchant_misconfigured_is_not_only_about_payments() {
    // merchant_misconfigured 1 and 2: also an AI app's broken API key.
    let catalog = Catalog::builtin();
    for (locale, pay, promise) in [
        ("en", "payment", "are fine"),
        ("id", "pembayaran", "tidak bermasalah"),
    ] {
        let e = explain(
            &catalog,
            Cause::MerchantMisconfigured,
            locale,
            Details::default(),
        );
        assert!(!e.title.to_lowercase().contains(pay), "{}", e.title);
        assert!(!e.explanation.contains(promise), "{}", e.explanation);
        assert!(
            !e.steps.iter().any(|s| s.to_lowercase().contains(pay)),
            "{locale}"
        );
    }
}

#[test]
fn nothing_invites_a_second_payment() {
    // X8, payment_required_onchain 5, payment_required_lightning 4.
    let catalog = Catalog::builtin();
    for cause in [
        Cause::PaymentRequiredOnchain,
        Cause::PaymentRequiredLightning,
    ] {
        for (locale, twice, bare) in [
            ("en", "twice", "try again."),
            ("id", "dua kali", "coba lagi."),
        ] {
            let e = explain(&catalog, cause.clone(), locale, Details::default());
            let last = e.steps.last().unwrap();
            assert!(last.contains(twice), "{last}");
            assert!(!last.ends_with(bare), "{last}");
        }
    }
    // No reload after a payment challenge or on a payment form; a reload where it is safe.
    let challenge = |cause: Cause, source: Source, payment: bool| Diagnosis {
        party: Party::User,
        cause,
        source,
        status: 402,
        details: Details {
            payment: payment.then(|| PaymentChallenge {
                protocol: "x402",
                json: "{}".into(),
            }),
            ..Details::default()
        },
    };
    for cause in Cause::ALL {
        let plain = challenge(cause.clone(), Source::Status, false);
        let paying = cause.as_str().starts_with("payment_")
            || cause.as_str().contains("onchain")
            || cause.as_str().contains("wallet")
            || cause.as_str().contains("card")
            || cause.as_str().contains("crawler")
            || cause.as_str().contains("funds");
        if paying {
            assert!(!reload_is_safe(&plain), "{cause:?}");
        }
        for source in [Source::X402, Source::L402, Source::PaymentAuth] {
            assert!(
                !reload_is_safe(&challenge(cause.clone(), source, false)),
                "{cause:?}"
            );
        }
        assert!(
            !reload_is_safe(&challenge(cause.clone(), Source::Rule, true)),
            "{cause:?}"
        );
    }
    for cause in [
        Cause::RateLimited,
        Cause::AuthRequired,
        Cause::BotChallenge,
        Cause::ServiceSuspendedBilling,
        Cause::CreditsExhausted,
    ] {
        assert!(
            reload_is_safe(&challenge(cause.clone(), Source::Status, false)),
            "{cause:?}"
        );
    }
}

#[test]
fn support_is_named_one_way_per_panel() {
    // X1, payment_method_not_activated 1, crawler_payment_required 1; X6.
    let catalog = Catalog::builtin();
    for text in all_texts("id") {
        let lower = text.to_lowercase();
        assert!(!lower.contains("dukungan"), "{text}");
        assert!(
            !lower.contains("sertakan kode") && !lower.contains("(kode referensi"),
            "{text}"
        );
    }
    for text in all_texts("en") {
        assert!(
            !text.contains("mention reference") && !text.contains("include reference"),
            "{text}"
        );
        assert!(!text.contains("(reference"), "{text}");
    }
    for cause in Cause::ALL {
        for site in [false, true] {
            for (locale, owner, support, owner_label, support_label) in [
                (
                    "id",
                    "pemilik situs",
                    "hubungi layanan pelanggan",
                    "Beri tahu pemilik situs",
                    "Hubungi layanan pelanggan",
                ),
                (
                    "en",
                    "site owner",
                    "contact support",
                    "Tell the site owner",
                    "Contact support",
                ),
            ] {
                let e = if site {
                    explain_site(&catalog, cause.clone(), locale, full_details())
                } else {
                    explain(&catalog, cause.clone(), locale, full_details())
                };
                let at = format!("{locale}/{}/{site}", cause.as_str());
                let steps = e.steps.join(" ").to_lowercase();
                assert!(
                    !(steps.contains(owner) && steps.contains(support)),
                    "{at}: two names in one panel"
                );
                if let Some(l) = label(&e, ActionKind::ContactSupport) {
                    if steps.contains(owner) {
                        assert_eq!(l, owner_label, "{at}");
                    }
                    if steps.contains(support) {
                        assert_eq!(l, support_label, "{at}");
                    }
                }
            }
        }
    }
}

#[test]
fn indonesian_review_fixes_stay_fixed() {
    let catalog = Catalog::builtin();
    // X2: no comma before "sehingga".
    for text in all_texts("id") {
        assert!(!text.contains(", sehingga"), "{text}");
        // X3: the phrase users know.
        assert!(!text.contains("dana yang terpotong"), "{text}");
    }
    // card_limit_exceeded 1: "batas pembayaran" reads as a payment deadline.
    let e = explain(&catalog, Cause::CardLimitExceeded, "id", Details::default());
    assert!(!e.title.contains("Batas pembayaran"), "{}", e.title);
    // L4: the button on "payment needed" does not send the user to "update" a method.
    for (locale, wrong) in [("id", "Perbarui"), ("en", "Update")] {
        let e = explain(&catalog, Cause::PaymentRequired, locale, Details::default());
        let l = label(&e, ActionKind::UpdatePayment).unwrap();
        assert!(!l.starts_with(wrong), "{l}");
    }
    // crawler_payment_required 1: no step for the crawler's operator.
    for locale in ["id", "en"] {
        let e = explain(
            &catalog,
            Cause::CrawlerPaymentRequired,
            locale,
            full_details(),
        );
        assert!(!shown(&e)
            .iter()
            .any(|t| t.contains("menjalankan crawler") || t.contains("run a crawler")));
    }
    // X5: one phrase for "not enough balance" in titles and explanations.
    let e = explain(
        &catalog,
        Cause::OnchainInsufficientBalance,
        "id",
        Details::default(),
    );
    assert!(e.title.contains("tidak mencukupi"), "{}", e.title);
    // X7: the wording that says whose side the problem is on is one pattern.
    for cause in [
        Cause::PaymentMethodNotActivated,
        Cause::ServiceSuspendedBilling,
        Cause::MerchantMisconfigured,
    ] {
        let e = explain(&catalog, cause.clone(), "id", Details::default());
        assert!(
            e.explanation.contains("Ini bukan masalah pada "),
            "{}",
            e.explanation
        );
    }
    // card_details_invalid 2, card_authentication_required 1, payment_network_mismatch 3.
    let e = explain(
        &catalog,
        Cause::CardDetailsInvalid,
        "id",
        Details::default(),
    );
    assert!(e.explanation.contains("tidak cocok"), "{}", e.explanation);
    for text in all_texts("id") {
        assert!(!text.contains(" lewat "), "{text}");
    }
    let e = explain(
        &catalog,
        Cause::PaymentNetworkMismatch,
        "en",
        full_details(),
    );
    assert_eq!(
        e.steps[1],
        "Make sure you have enough funds on that network to pay 0.01 USDC."
    );
    // L5: the vendor code is not read out as the reference.
    assert_eq!(catalog.ui("id").code, "Kode kesalahan");
    assert_eq!(catalog.ui("en").code, "Error code");
}

#[test]
fn long_waits_read_in_days() {
    // X9: a monthly quota reset said "sekitar 720 jam lagi".
    let catalog = Catalog::builtin();
    let month = Details {
        retry_after: Some(3 * 86_400),
        ..Details::default()
    };
    let id = explain(&catalog, Cause::QuotaExceeded, "id", month.clone());
    assert_eq!(
        id.steps[1],
        "Atau tunggu sampai kuota Anda diperbarui, sekitar 3 hari lagi."
    );
    let en = explain(&catalog, Cause::QuotaExceeded, "en", month);
    assert_eq!(
        en.steps[1],
        "Or wait until the quota resets, in about 3 days."
    );
}

#[test]
fn a_maximum_amount_reads_up_to() {
    let upto = |asset: &str, atomic: &str, decimals| Details {
        amount: Some(Amount {
            atomic: atomic.into(),
            decimals,
            asset: Some(asset.into()),
            network: Some("base".into()),
            upto: true,
        }),
        ..Details::default()
    };
    let catalog = Catalog::builtin();
    let id = explain(
        &catalog,
        Cause::PaymentRequiredOnchain,
        "id",
        upto("USDC", "10000", 6),
    );
    assert!(
        id.explanation.ends_with("Harganya maksimal 0,01 USDC."),
        "{}",
        id.explanation
    );
    assert_eq!(
        id.steps[1],
        "Pastikan saldo dompet Anda di jaringan Base cukup untuk membayar maksimal 0,01 USDC."
    );
    assert_eq!(id.actions[0].label, "Bayar maksimal 0,01 USDC");
    let en = explain(
        &catalog,
        Cause::PaymentRequiredOnchain,
        "en",
        upto("USDC", "10000", 6),
    );
    assert!(
        en.explanation.ends_with("The price is up to 0.01 USDC."),
        "{}",
        en.explanation
    );
    assert_eq!(en.actions[0].label, "Pay up to 0.01 USDC");
    let low = explain(
        &catalog,
        Cause::OnchainInsufficientBalance,
        "en",
        upto("USDC", "10000", 6),
    );
    assert_eq!(
        low.steps[0],
        "Add funds to your wallet on the Base network so it can cover up to 0.01 USDC."
    );
    let idr = explain(
        &catalog,
        Cause::PaymentRequired,
        "id",
        upto("IDR", "150000", 0),
    );
    assert!(
        idr.explanation.ends_with("Harganya maksimal Rp150.000."),
        "{}",
        idr.explanation
    );
    // Every text that holds {amount} still reads as a sentence with a maximum in it.
    for cause in Cause::ALL {
        for locale in ["id", "en"] {
            let e = explain(&catalog, cause.clone(), locale, upto("USDC", "10000", 6));
            for t in shown(&e) {
                assert!(
                    !t.contains("setidaknya maksimal") && !t.contains("least up to"),
                    "{t}"
                );
            }
        }
    }
}
