//! `cargo xtask diagnose [--locale id|en] FILE...`: how explain402 reads exchanges saved in the
//! fixture format (status, headers, body or body_base64), one JSON object per line. Integrators
//! use it to check how their own server's errors will be explained. Each line shows the
//! diagnosis's `party` and the texts for that party (the `site` texts when only the site's team
//! can act), with the action labels as the catalog gives them (before the panel relabels a
//! retry without `onRetry` as "Reload page").

use crate::{flag, Result};
use explain402::catalog::{Catalog, PlainFormat};
use explain402::diagnose::{diagnose, Exchange};
use serde_json::{json, Value};

pub fn run(args: &[String]) -> Result {
    let locale = flag(args, "--locale").unwrap_or("en");
    let files: Vec<&String> = {
        let mut skip = false;
        args.iter()
            .filter(|a| {
                let keep = !skip && !a.starts_with("--");
                skip = a.as_str() == "--locale";
                keep
            })
            .collect()
    };
    if files.is_empty() {
        return Err("usage: cargo xtask diagnose [--locale id|en] FILE...".into());
    }
    let catalog = Catalog::builtin();
    let mut failed = 0;
    for file in files {
        let line = match std::fs::read_to_string(file)
            .map_err(|e| e.to_string())
            .and_then(|t| {
                Exchange::from_fixture(&t).map(|ex| (ex, serde_json::from_str::<Value>(&t).ok()))
            }) {
            Ok((ex, raw)) => describe(file, &ex, raw.as_ref(), &catalog, locale),
            Err(e) => {
                failed += 1;
                json!({ "file": file, "error": e })
            }
        };
        println!("{line}");
    }
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} file(s) could not be read"))
    }
}

fn describe(
    file: &str,
    ex: &Exchange,
    raw: Option<&Value>,
    catalog: &Catalog,
    locale: &str,
) -> Value {
    let expected = raw
        .and_then(|r| r.get("expected_cause"))
        .cloned()
        .unwrap_or(Value::Null);
    let Some(d) = diagnose(ex) else {
        return json!({ "file": file, "cause": null, "status": ex.status, "expected_cause": expected });
    };
    let e = catalog.explain(&d, locale, &PlainFormat);
    let det = &d.details;
    json!({
        "file": file,
        "cause": d.cause.as_str(),
        "party": d.party.as_str(),
        "source": d.source.as_str(),
        "status": d.status,
        "details": {
            "code": det.code,
            "decline_code": det.decline_code,
            "amount": det.amount.as_ref().map(|a| json!({
                "atomic": a.atomic, "decimals": a.decimals, "asset": a.asset, "network": a.network,
                "upto": a.upto,
            })),
            "resource": det.resource,
            "retry_after": det.retry_after,
            "reference": det.reference,
            "links": det.links.iter().map(|l| json!({ "rel": l.rel, "url": l.url })).collect::<Vec<_>>(),
            "payment": det.payment.as_ref().map(|p| p.protocol),
        },
        "locale": e.locale,
        "title": e.title,
        "explanation": e.explanation,
        "steps": e.steps,
        "actions": e.actions.iter().map(|a| a.kind.as_str()).collect::<Vec<_>>(),
        "labels": e.actions.iter().map(|a| a.label.as_str()).collect::<Vec<_>>(),
        "expected_cause": expected,
    })
}
