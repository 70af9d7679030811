//! `cargo xtask check [--origin ORIGIN] URL...`: fetches each endpoint the way a page on another
//! origin would see it, and says what the widget will be able to read and say there.
//!
//! For each URL: whether the error carries `Access-Control-Allow-Origin` (without it the page's
//! `fetch` rejects and no widget ever sees the status), which of the headers that change the
//! diagnosis are hidden from the page (not CORS-safelisted, not in
//! `Access-Control-Expose-Headers`), `Cache-Control: no-store` on payment challenges, and the
//! explanation the widget will show, in Indonesian and English. Exits non-zero when a check
//! fails, so it can run in an integrator's CI.
//!
//! # Design
//!
//! The request is made by Node's `fetch` (the one HTTP client with TLS every machine that runs
//! `cargo xtask` has), with an `Origin` header, and without following the browser's CORS rules:
//! the report applies them itself, so it can say what was hidden and why. Which headers matter
//! is not a hard-coded list: a header matters when the diagnosis with it differs from the
//! diagnosis without it. The diagnosis is the native build of the same Rust code as the widget.

use crate::{flag, Result};
use explain402::catalog::{Catalog, PlainFormat};
use explain402::diagnose::{diagnose, Exchange, Headers};
use serde_json::{json, Value};
use std::process::Command;

/// The page origin the report pretends to be, unless `--origin` says otherwise.
const DEFAULT_ORIGIN: &str = "https://app.example";

/// What the widget reads of a body at most (`maxBodyBytes`' default).
const MAX_BODY_BYTES: usize = 64 * 1024;

/// Response headers a page on another origin can always read (Fetch standard, "CORS-safelisted
/// response-header name").
const SAFELISTED: &[&str] = &[
    "cache-control",
    "content-language",
    "content-length",
    "content-type",
    "expires",
    "last-modified",
    "pragma",
];

/// Node's side of the request: prints `{status, url, headers, body_base64}` or `{error}`.
const FETCH_JS: &str = r#"
const [url, origin] = process.argv.slice(1);
try {
  const r = await fetch(url, { headers: { Origin: origin, Accept: "application/json, text/plain, */*" }, signal: AbortSignal.timeout(15000) });
  const body = Buffer.from(await r.arrayBuffer());
  const headers = [];
  r.headers.forEach((value, name) => headers.push([name, value]));
  process.stdout.write(JSON.stringify({ status: r.status, url: r.url, headers, body_base64: body.toString("base64") }));
} catch (e) {
  process.stdout.write(JSON.stringify({ error: String(e.cause ? e.cause.message || e.cause : e.message) }));
}
"#;

/// One fetched response: lower-cased header names, in order.
pub struct Fetched {
    pub status: u16,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// The report for one URL: the lines printed, and how many checks failed.
pub struct Report {
    pub lines: Vec<String>,
    pub problems: usize,
}

pub fn run(args: &[String]) -> Result {
    let origin = flag(args, "--origin").unwrap_or(DEFAULT_ORIGIN);
    let mut skip = false;
    let urls: Vec<&String> = args
        .iter()
        .filter(|a| {
            let keep = !skip && !a.starts_with("--");
            skip = a.as_str() == "--origin";
            keep
        })
        .collect();
    if urls.is_empty() {
        return Err("usage: cargo xtask check [--origin https://app.example] URL...".into());
    }
    let catalog = Catalog::builtin();
    let mut problems = 0;
    for (i, url) in urls.iter().enumerate() {
        if i > 0 {
            println!();
        }
        let report = match fetch(url, origin) {
            Ok(fetched) => check(url, &fetched, origin, &catalog),
            Err(e) => Report {
                lines: vec![format!("GET {url}"), format!("  ✘ not reachable: {e}")],
                problems: 1,
            },
        };
        for line in &report.lines {
            println!("{line}");
        }
        problems += report.problems;
    }
    if problems == 0 {
        Ok(())
    } else {
        Err(format!("{problems} problem(s) found"))
    }
}

/// Fetches `url` with an `Origin: origin` header, through Node's `fetch`.
pub fn fetch(url: &str, origin: &str) -> Result<Fetched> {
    let out = Command::new("node")
        .args(["--input-type=module", "-e", FETCH_JS, url, origin])
        .output()
        .map_err(|e| format!("node: {e}"))?;
    let v: Value = serde_json::from_slice(&out.stdout).map_err(|_| {
        format!(
            "node printed no result: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )
    })?;
    if let Some(e) = v.get("error").and_then(Value::as_str) {
        return Err(e.to_owned());
    }
    let headers = v["headers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|pair| Some((pair[0].as_str()?.to_owned(), pair[1].as_str()?.to_owned())))
        .collect();
    let body = explain402::diagnose::decode_base64(v["body_base64"].as_str().unwrap_or_default())
        .ok_or("node returned a body that is not base64")?;
    Ok(Fetched {
        status: v["status"]
            .as_u64()
            .and_then(|s| u16::try_from(s).ok())
            .unwrap_or(0),
        url: v["url"].as_str().unwrap_or(url).to_owned(),
        headers,
        body,
    })
}

/// The checks and the explanation for one fetched response.
pub fn check(url: &str, f: &Fetched, origin: &str, catalog: &Catalog) -> Report {
    let mut lines = vec![format!("GET {url}  (as a page on {origin} would)")];
    if f.url != url {
        lines.push(format!("  (redirected to {})", f.url));
    }
    let mut problems = 0;
    let header = |name: &str| {
        f.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    let content_type = header("content-type").unwrap_or("no Content-Type");
    lines.push(format!(
        "  status {}, {} bytes of {content_type}",
        f.status,
        f.body.len()
    ));
    let body = &f.body[..f.body.len().min(MAX_BODY_BYTES)];
    let everything = diagnosis(f.status, &f.headers, body);

    // 1. Can the page read the error at all?
    let allow = header("access-control-allow-origin");
    let readable = matches!(allow, Some(a) if a == "*" || a.eq_ignore_ascii_case(origin));
    match allow {
        Some(a) if readable => lines.push(format!(
            "  ✔ Access-Control-Allow-Origin: {a} (the page can read this response)"
        )),
        Some(a) => {
            problems += 1;
            lines.push(format!("  ✘ Access-Control-Allow-Origin: {a} does not match {origin}: the page's fetch rejects, no widget sees the {}", f.status));
        }
        None => {
            problems += 1;
            lines.push(format!("  ✘ no Access-Control-Allow-Origin: a page on another origin gets a TypeError, not this {}; no widget ever sees it", f.status));
        }
    }

    // 2. Which headers that change the diagnosis does CORS hide?
    let exposed: Vec<String> = header("access-control-expose-headers")
        .unwrap_or_default()
        .split(',')
        .map(|h| h.trim().to_ascii_lowercase())
        .filter(|h| !h.is_empty())
        .collect();
    let credentials = header("access-control-allow-credentials") == Some("true");
    let visible = |name: &str| {
        let name = name.to_ascii_lowercase();
        SAFELISTED.contains(&name.as_str())
            || exposed.contains(&name)
            || (!credentials && exposed.iter().any(|h| h == "*"))
    };
    let mut hidden = Vec::new();
    let mut shown = Vec::new();
    for (name, _) in &f.headers {
        if SAFELISTED.contains(&name.as_str())
            || name.starts_with("access-control-")
            || shown.contains(name)
            || hidden.contains(name)
        {
            continue;
        }
        let without: Vec<(String, String)> = f
            .headers
            .iter()
            .filter(|(n, _)| n != name)
            .cloned()
            .collect();
        if diagnosis(f.status, &without, body) == everything {
            continue; // the widget would say the same without it
        }
        if visible(name) {
            shown.push(name.clone());
        } else {
            hidden.push(name.clone());
        }
    }
    // When nothing is readable, the missing CORS header above is the one problem.
    if readable && !shown.is_empty() {
        lines.push(format!("  ✔ exposed to the page: {}", shown.join(", ")));
    }
    if readable && hidden.is_empty() {
        lines.push("  ✔ no header the widget reads is hidden by CORS".into());
    } else if readable {
        problems += 1;
        lines.push(format!(
            "  ✘ hidden by CORS: {} (add to Access-Control-Expose-Headers)",
            hidden.join(", ")
        ));
    }

    // 3. A payment challenge must not be cached: a replayed one asks for a paid or stale payment.
    if everything["payment"].is_string() {
        let cache = header("cache-control").unwrap_or_default();
        if cache.to_ascii_lowercase().contains("no-store") {
            lines.push(format!("  ✔ Cache-Control: {cache} on a payment challenge"));
        } else {
            problems += 1;
            lines.push(format!(
                "  ✘ payment challenge without Cache-Control: no-store ({}): a cache may replay it",
                if cache.is_empty() { "none" } else { cache }
            ));
        }
    }

    // 4. What the widget will say, from what the page can read.
    if readable {
        let seen: Vec<(String, String)> = f
            .headers
            .iter()
            .filter(|(n, _)| visible(n))
            .cloned()
            .collect();
        let cross = diagnosis(f.status, &seen, body);
        explain_lines(
            &mut lines,
            "the widget says",
            f.status,
            &seen,
            body,
            catalog,
        );
        if cross != everything && !hidden.is_empty() {
            explain_lines(
                &mut lines,
                "with those headers exposed it would say",
                f.status,
                &f.headers,
                body,
                catalog,
            );
        }
    } else {
        lines.push("  the widget says nothing: the page never gets the response".into());
    }
    lines.push(if problems == 0 {
        "  all checks passed".into()
    } else {
        format!("  {problems} problem(s)")
    });
    Report { lines, problems }
}

/// The parts of a diagnosis a header can change, as JSON (`Value::Null` when nothing is
/// diagnosed).
fn diagnosis(status: u16, headers: &[(String, String)], body: &[u8]) -> Value {
    match exchange(status, headers, body).as_ref().and_then(diagnose) {
        None => Value::Null,
        Some(d) => {
            let det = &d.details;
            json!({
                "cause": d.cause.as_str(),
                "source": d.source.as_str(),
                "code": det.code,
                "decline_code": det.decline_code,
                "amount": det.amount.as_ref().map(|a| json!([a.atomic, a.decimals, a.asset, a.network])),
                "resource": det.resource,
                "retry_after": det.retry_after,
                "reference": det.reference,
                "payment": det.payment.as_ref().map(|p| p.protocol),
            })
        }
    }
}

/// The exchange the widget would build from what the browser lets it read.
fn exchange(status: u16, headers: &[(String, String)], body: &[u8]) -> Option<Exchange> {
    let headers: Headers = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let content_type = headers.get("content-type").map(str::to_owned);
    Some(Exchange {
        status,
        headers,
        body: body.to_vec(),
        content_type,
        ..Exchange::default()
    })
}

fn explain_lines(
    lines: &mut Vec<String>,
    intro: &str,
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
    catalog: &Catalog,
) {
    let Some(d) = exchange(status, headers, body).as_ref().and_then(diagnose) else {
        lines.push(format!("  {intro}: nothing (not a rejection it explains)"));
        return;
    };
    lines.push(format!(
        "  {intro}: {} (read from {})",
        d.cause.as_str(),
        d.source.as_str()
    ));
    for locale in ["id", "en"] {
        let e = catalog.explain(&d, locale, &PlainFormat);
        lines.push(format!("    {locale}: {}", e.title));
        lines.push(format!("        {}", e.explanation));
        for (i, step) in e.steps.iter().enumerate() {
            lines.push(format!("        {}. {step}", i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{check, fetch, Catalog, DEFAULT_ORIGIN};

    /// Checks `path` on a fresh demo server; returns the report's text and problem count.
    fn report(server: &crate::serve::Server, path: &str) -> (String, usize) {
        let url = format!("{}{path}", server.url());
        let fetched = fetch(&url, DEFAULT_ORIGIN).expect("the demo server answers");
        let r = check(&url, &fetched, DEFAULT_ORIGIN, &Catalog::builtin());
        (r.lines.join("\n"), r.problems)
    }

    #[test]
    fn demo_cases_pass_and_fail_each_check() {
        let server = crate::serve::start(0, 0).expect("the demo server starts");

        // Everything right: CORS, exposed headers, no-store on an x402 challenge.
        let (text, problems) = report(&server, "/api/cases/x402_v2_eurc_base?expose=1");
        assert_eq!(problems, 0, "{text}");
        assert!(text.contains("✔ Access-Control-Allow-Origin: *"), "{text}");
        assert!(
            text.contains("✔ exposed to the page: payment-required"),
            "{text}"
        );
        assert!(
            text.contains("✔ Cache-Control: no-store on a payment challenge"),
            "{text}"
        );
        assert!(
            text.contains("    id: ") && text.contains("    en: "),
            "{text}"
        );

        // The x402 header sent but not exposed: the widget says less than it could.
        let (text, problems) = report(&server, "/api/cases/x402_v2_eurc_base");
        assert_eq!(problems, 1, "{text}");
        assert!(
            text.contains("✘ hidden by CORS: payment-required"),
            "{text}"
        );
        assert!(
            text.contains("with those headers exposed it would say"),
            "{text}"
        );

        // No CORS at all: no widget ever sees the 402.
        let (text, problems) = report(&server, "/api/cases/stripe_expired_card?cors=0");
        assert_eq!(problems, 1, "{text}");
        assert!(text.contains("✘ no Access-Control-Allow-Origin"), "{text}");
        assert!(text.contains("the widget says nothing"), "{text}");

        // A payment challenge a cache may keep.
        let (text, problems) = report(
            &server,
            "/api/cases/x402_v2_eurc_base?expose=1&cache=max-age=600",
        );
        assert_eq!(problems, 1, "{text}");
        assert!(
            text.contains("✘ payment challenge without Cache-Control: no-store (max-age=600)"),
            "{text}"
        );

        // A plain card decline: no challenge, so no cache check; the Stripe body alone explains.
        let (text, problems) = report(&server, "/api/cases/stripe_expired_card?expose=1");
        assert_eq!(problems, 0, "{text}");
        assert!(
            text.contains("the widget says: card_expired (read from stripe)"),
            "{text}"
        );
        assert!(!text.contains("Cache-Control"), "{text}");
    }
}
