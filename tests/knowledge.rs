//! The knowledge packs: well-formed, sourced, each entry exercised by a fixture, and README's
//! generated tables in step with them; the lexicon's signals well-formed.

// Native only: the full knowledge (with its sources) and the docs are not built for wasm.
#![cfg(not(target_arch = "wasm32"))]

use explain402::diagnose::{trace, Exchange, Rules};
use explain402::json::Value;
use explain402::knowledge::{check, docs, FULL};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn packs() -> Vec<Value> {
    let full = Value::parse(FULL).expect("build.rs writes valid JSON");
    full.get("packs")
        .and_then(Value::as_array)
        .map(<[Value]>::to_vec)
        .unwrap_or_default()
}

/// Every fixture: (name, exchange, its JSON).
fn fixtures() -> Vec<(String, Exchange, Value)> {
    let mut paths: Vec<_> = std::fs::read_dir(root().join("tests/fixtures"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            let ex = Exchange::from_fixture(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, ex, Value::parse(&text).unwrap())
        })
        .collect()
}

#[test]
fn every_pack_is_well_formed_and_sourced() {
    let packs = packs();
    let mut problems = Vec::new();
    let mut ids = Vec::new();
    for p in &packs {
        problems.extend(check::pack(p));
        let id = p
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_owned();
        assert!(!ids.contains(&id), "two packs are called {id}");
        ids.push(id);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Each file is named after its pack.
    for entry in std::fs::read_dir(root().join("knowledge/vendors")).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(
            ids.contains(&stem),
            "{} holds no pack with id {stem}",
            path.display()
        );
    }
}

#[test]
fn every_pack_entry_decides_a_fixture() {
    let mut hit: Vec<(&str, usize)> = Vec::new();
    for (_, ex, _) in fixtures() {
        if let Some((_, Some(m))) = trace(&ex, &Rules::default(), None, None) {
            hit.push(m);
        }
    }
    let mut missing = Vec::new();
    for p in packs() {
        let id = p.get("id").and_then(Value::as_str).unwrap_or("?");
        let n = p
            .get("entry")
            .and_then(Value::as_array)
            .map_or(0, |e| e.len());
        for i in 0..n {
            if !hit.iter().any(|(pid, j)| *pid == id && *j == i) {
                let e = &p.get("entry").unwrap().as_array().unwrap()[i];
                let what = e
                    .get("code")
                    .map(Value::to_json)
                    .unwrap_or_else(|| e.to_json());
                missing.push(format!("{id} entry {i} ({what})"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "pack entries no fixture exercises:\n{}",
        missing.join("\n")
    );
}

#[test]
fn fixtures_of_a_vendor_with_a_pack_are_read_by_it_or_by_a_protocol() {
    // The `vendor` of a fixture names its pack: a pack's fixture decided by another vendor's
    // pack is a sign that two packs overlap.
    // A standard's pack (OAuth 2.0, Google's error envelope, SNAP) may decide any vendor that
    // speaks the standard.
    let packs = packs();
    let ids: Vec<String> = packs
        .iter()
        .filter_map(|p| p.get("id").and_then(Value::as_str).map(str::to_owned))
        .collect();
    let standard = |id: &str| {
        packs.iter().any(|p| {
            p.get("id").and_then(Value::as_str) == Some(id)
                && p.get("family").and_then(Value::as_str) == Some("standard")
        })
    };
    let mut stray = Vec::new();
    for (name, ex, meta) in fixtures() {
        let vendor = meta.get("vendor").and_then(Value::as_str).unwrap_or("");
        if let Some((_, Some((pack, _)))) = trace(&ex, &Rules::default(), None, None) {
            if ids.iter().any(|i| i == vendor) && pack != vendor && !standard(pack) {
                stray.push(format!("{name}: vendor {vendor}, decided by pack {pack}"));
            }
        }
    }
    assert!(stray.is_empty(), "{}", stray.join("\n"));
}

#[test]
fn readme_tables_match_the_packs() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let seen: Vec<(String, String)> = fixtures()
        .into_iter()
        .filter_map(|(_, ex, _)| {
            explain402::diagnose::diagnose(&ex)
                .map(|d| (d.cause.as_str().to_owned(), d.source.as_str().to_owned()))
        })
        .collect();
    for (name, table) in [
        ("causes", docs::causes_table(&seen)),
        ("sources", docs::sources_table()),
    ] {
        let expected = docs::splice(&readme, name, &table)
            .unwrap_or_else(|| panic!("README.md has no <!-- {name}:start --> marker"));
        assert!(
            expected == readme,
            "README.md's {name} table is out of date: run `cargo xtask readme`"
        );
    }
}

#[test]
fn every_lexicon_signal_is_well_formed() {
    use explain402::diagnose::Cause;
    let full = Value::parse(FULL).expect("build.rs writes valid JSON");
    let signals = full.get("lexicon").and_then(Value::as_array).unwrap_or(&[]);
    assert!(
        signals.len() > 10,
        "the lexicon has {} signals",
        signals.len()
    );
    for s in signals {
        let cause = s.get("cause").and_then(Value::as_str).unwrap_or("");
        assert!(Cause::builtin(cause).is_some(), "{cause:?} is not a cause");
        if let Some(a) = s.get("account").and_then(Value::as_str) {
            assert!(
                Cause::builtin(a).is_some(),
                "{cause}: account {a:?} is not a cause"
            );
        }
        for (key, _) in s.as_object().unwrap_or(&[]) {
            let known = [
                "cause", "account", "codes", "phrases", "status", "markup", "headers",
            ];
            assert!(
                known.contains(&key.as_str()),
                "{cause}: unknown field {key:?}"
            );
        }
        for w in ["codes", "phrases", "markup", "headers"]
            .iter()
            .flat_map(|k| check::list(s.get(k)))
        {
            assert!(
                !w.trim().is_empty() && w == w.to_lowercase(),
                "{cause}: {w:?} must be lowercase and non-empty"
            );
        }
        for h in check::list(s.get("headers")) {
            let parts: Vec<&str> = h.split('=').collect();
            assert!(
                parts.len() == 2 && !parts[0].is_empty() && !parts[1].is_empty(),
                "{cause}: header signal {h:?} is not `suffix=value`"
            );
        }
    }
}
