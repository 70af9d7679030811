//! `cargo xtask accuracy`: how right the diagnosis is on the fixture corpus, per vendor, and how
//! much the generic fallback still gets right with each vendor's pack switched off
//! (leave-one-vendor-out). Ends with `accuracy: corpus N/M, leave-one-vendor-out K/L, party
//! P/Q` and fails under the floors below.
//!
//! A fixture's cause is right when it is `expected_cause` or one of its `accept` list; its
//! party is right when it equals `expected_party` (fixtures that state one). Leave-one-out
//! counts the fixtures of every vendor that has a pack, diagnosed with that pack off.

use crate::{root, Result};
use explain402::diagnose::{trace, Exchange, Rules};
use serde_json::Value;
use std::collections::BTreeMap;

/// The corpus must be read entirely right.
const CORPUS_FLOOR: f64 = 1.0;
/// With its own pack off, the fallback must still be acceptable on this share of a vendor's
/// fixtures, over all vendors with a pack.
const LOVO_FLOOR: f64 = 0.75;

/// One fixture, read.
pub struct Case {
    pub name: String,
    pub vendor: String,
    pub ex: Exchange,
    pub expected: Option<String>,
    pub accept: Vec<String>,
    pub party: Option<String>,
}

impl Case {
    fn acceptable(&self, got: Option<&str>) -> bool {
        got == self.expected.as_deref() || got.is_some_and(|g| self.accept.iter().any(|a| a == g))
    }
}

/// Every fixture of tests/fixtures/, sorted by name.
pub fn corpus() -> Result<Vec<Case>> {
    let dir = root().join("tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let ex = Exchange::from_fixture(&text).map_err(|e| format!("{}: {e}", p.display()))?;
        let meta: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        let s = |k: &str| meta.get(k).and_then(Value::as_str).map(str::to_owned);
        out.push(Case {
            name: p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            vendor: s("vendor").unwrap_or_else(|| "(none)".into()),
            ex,
            expected: s("expected_cause"),
            accept: meta
                .get("accept")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
            party: s("expected_party"),
        });
    }
    Ok(out)
}

/// The ids of the built-in packs.
pub fn pack_ids() -> Vec<String> {
    let full: Value = serde_json::from_str(explain402::knowledge::FULL).unwrap_or(Value::Null);
    full["packs"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| p["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[derive(Default)]
struct Row {
    fixtures: usize,
    right: usize,
    lovo: usize,
    lovo_of: usize,
    party: usize,
    party_of: usize,
}

pub fn run(_args: &[String]) -> Result {
    let cases = corpus()?;
    let packs = pack_ids();
    let rules = Rules::default();
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut lovo_misses = Vec::new();
    for c in &cases {
        let row = rows.entry(c.vendor.clone()).or_default();
        row.fixtures += 1;
        let got = trace(&c.ex, &rules, None, None).map(|(d, _)| d);
        let cause = got.as_ref().map(|d| d.cause.as_str().to_owned());
        if c.acceptable(cause.as_deref()) {
            row.right += 1;
        } else {
            misses.push((c.expected.clone(), cause.clone(), c.name.clone()));
        }
        if let Some(want) = &c.party {
            row.party_of += 1;
            let party = got.as_ref().map(|d| d.party.as_str());
            if party == Some(want.as_str()) {
                row.party += 1;
            } else {
                misses.push((
                    Some(["party ", want].concat()),
                    party.map(|p| ["party ", p].concat()),
                    c.name.clone(),
                ));
            }
        }
        if packs.contains(&c.vendor) {
            row.lovo_of += 1;
            let off = trace(&c.ex, &rules, None, Some(&c.vendor))
                .map(|(d, _)| d.cause.as_str().to_owned());
            if c.acceptable(off.as_deref()) {
                row.lovo += 1;
            } else {
                lovo_misses.push((c.expected.clone(), off, c.name.clone()));
            }
        }
    }
    println!(
        "{:<22} {:>8} {:>9} {:>13} {:>9}",
        "vendor", "fixtures", "right", "pack off", "party"
    );
    let ratio = |a: usize, b: usize| {
        if b == 0 {
            "-".to_owned()
        } else {
            format!("{a}/{b}")
        }
    };
    let mut total = Row::default();
    for (vendor, r) in &rows {
        println!(
            "{:<22} {:>8} {:>9} {:>13} {:>9}",
            vendor,
            r.fixtures,
            ratio(r.right, r.fixtures),
            ratio(r.lovo, r.lovo_of),
            ratio(r.party, r.party_of)
        );
        total.fixtures += r.fixtures;
        total.right += r.right;
        total.lovo += r.lovo;
        total.lovo_of += r.lovo_of;
        total.party += r.party;
        total.party_of += r.party_of;
    }
    let vendors = rows.len();
    println!(
        "\n{} fixtures from {vendors} vendors, servers and standards; {} packs",
        total.fixtures,
        packs.len()
    );
    let confusion = |title: &str, list: &[(Option<String>, Option<String>, String)]| {
        if list.is_empty() {
            return;
        }
        println!("\n{title} (expected -> got: fixtures)");
        let mut by: BTreeMap<(String, String), Vec<&str>> = BTreeMap::new();
        for (want, got, name) in list {
            let key = (
                want.clone().unwrap_or_else(|| "(none)".into()),
                got.clone().unwrap_or_else(|| "(none)".into()),
            );
            by.entry(key).or_default().push(name);
        }
        for ((want, got), names) in by {
            println!("  {want} -> {got}: {}", names.join(", "));
        }
    };
    confusion("misses", &misses);
    confusion("leave-one-vendor-out misses", &lovo_misses);
    println!(
        "\naccuracy: corpus {}/{}, leave-one-vendor-out {}/{}, party {}/{}",
        total.right, total.fixtures, total.lovo, total.lovo_of, total.party, total.party_of
    );
    let share = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let mut failures = Vec::new();
    if share(total.right, total.fixtures) < CORPUS_FLOOR {
        failures.push(format!(
            "corpus {}/{} is under 100%",
            total.right, total.fixtures
        ));
    }
    if share(total.lovo, total.lovo_of) < LOVO_FLOOR {
        failures.push(format!(
            "leave-one-vendor-out {}/{} is under {:.0}%",
            total.lovo,
            total.lovo_of,
            LOVO_FLOOR * 100.0
        ));
    }
    if total.party != total.party_of {
        failures.push(format!("party {}/{}", total.party, total.party_of));
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("; "))
    }
}
