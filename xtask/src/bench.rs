//! `cargo xtask bench [--quick]`: the browser benchmarks (tests/bench/browser.mjs in headless
//! Chromium against the project's server) and the native one (criterion, tests/bench/diagnose.rs),
//! printed as one Markdown table with the machine they ran on.
//!
//! Nothing here judges the figures beyond marking each goal `met`, `noise` (the goal lies
//! between p10 and the median) or `missed`; the command fails only when a benchmark could not
//! run or a page logged an error.

use crate::{root, Result};
use serde_json::Value;
use std::process::{Command, Stdio};
use std::time::SystemTime;

/// The criterion benchmarks of tests/bench/diagnose.rs: id, what is timed, and what one
/// element (of the benchmark's `Throughput::Elements`) is.
const NATIVE: &[(&str, &str, &str)] = &[
    ("diagnose/corpus", "diagnose", "exchange"),
    ("explain/en", "explain (en)", "diagnosis"),
    ("explain/id", "explain (id)", "diagnosis"),
    (
        "pipeline/diagnose+explain",
        "diagnose + explain (id)",
        "exchange",
    ),
];

pub fn run(args: &[String]) -> Result {
    let quick = args.iter().any(|a| a == "--quick");
    crate::setup::ensure_test_tools()?;
    crate::build::build_dist()?;
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let server = crate::serve::start(0, 0)?;
    eprintln!(
        "bench: browser (tests/bench/browser.mjs) against {}",
        server.url()
    );
    let out = Command::new("node")
        .arg("tests/bench/browser.mjs")
        .env("BENCH_BASE_URL", server.url())
        .env("BENCH_QUICK", if quick { "1" } else { "0" })
        .current_dir(root())
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("node: {e}"))?;
    drop(server);
    if !out.status.success() {
        return Err(format!("tests/bench/browser.mjs failed ({})", out.status));
    }
    let browser: Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("tests/bench/browser.mjs printed no JSON: {e}"))?;

    eprintln!("bench: native (cargo bench --bench diagnose)");
    let started = SystemTime::now();
    let mut cargo = Command::new("cargo");
    cargo.args([
        "bench",
        "--package",
        "explain402",
        "--bench",
        "diagnose",
        "--",
        "--noplot",
    ]);
    if quick {
        cargo.args(["--warm-up-time", "1", "--measurement-time", "2"]);
    }
    // Criterion reports on stdout; keep stdout for the table.
    cargo.stdout(std::io::stderr());
    crate::setup::run(&mut cargo)?;
    let native = NATIVE
        .iter()
        .map(|(id, what, unit)| native_row(id, what, unit, started))
        .collect::<Result<Vec<_>>>()?;

    println!("{}", machine(&browser, &load, quick));
    println!();
    print_table(&browser, native);
    let errors = browser["errors"].as_array().map_or(0, Vec::len);
    if errors > 0 {
        return Err(format!(
            "the bench pages logged {errors} error(s): {}",
            browser["errors"]
        ));
    }
    Ok(())
}

/// One line on what the figures were measured on.
fn machine(browser: &Value, load: &str, quick: bool) -> String {
    let cmd =
        |c: &str, a: &[&str]| crate::setup::output(Command::new(c).args(a)).unwrap_or_default();
    let cpu = cmd("lscpu", &[])
        .lines()
        .find_map(|l| l.strip_prefix("Model name:").map(|m| m.trim().to_owned()))
        .unwrap_or_else(|| "unknown CPU".into());
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mem_gib = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            let kb = m.lines().find_map(|l| l.strip_prefix("MemTotal:"))?;
            kb.trim().trim_end_matches("kB").trim().parse::<f64>().ok()
        })
        .map_or(0.0, |kb| kb / 1024.0 / 1024.0);
    let date = cmd("date", &["-u", "+%Y-%m-%d %H:%M UTC"]);
    format!(
        "{}: {cpus} CPUs ({cpu}), {mem_gib:.1} GiB RAM, load average {} at start; \
         Chromium {} headless; {}; {}{}",
        date.trim(),
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
        browser["chromium"].as_str().unwrap_or("?"),
        cmd("node", &["--version"]).trim(),
        cmd("rustc", &["--version"]).trim(),
        if quick { " (--quick: few samples)" } else { "" },
    )
}

/// A table row: label, median, p10, p90 and the goal with its verdict.
struct Row {
    label: String,
    median: String,
    p10: String,
    p90: String,
    goal: String,
}

impl Row {
    fn new(label: impl Into<String>, stats: &Value, unit: &str, digits: usize) -> Row {
        let f = |k: &str| match stats[k].as_f64() {
            Some(x) => format!("{x:.digits$}{unit}"),
            None => "?".into(),
        };
        Row {
            label: label.into(),
            median: f("median"),
            p10: f("p10"),
            p90: f("p90"),
            goal: String::new(),
        }
    }

    /// Marks the row against `goal` (a ceiling for the median).
    fn goal(mut self, stats: &Value, goal: f64, text: &str) -> Row {
        let (median, p10) = (stats["median"].as_f64(), stats["p10"].as_f64());
        let verdict = match (median, p10) {
            (Some(m), _) if m <= goal => "met",
            (Some(_), Some(p)) if p <= goal => "noise",
            _ => "missed",
        };
        self.goal = format!("{text}: {verdict}");
        self
    }

    fn plain(label: impl Into<String>, value: String, goal: String) -> Row {
        Row {
            label: label.into(),
            median: value,
            p10: String::new(),
            p90: String::new(),
            goal,
        }
    }
}

/// Per-element statistics of one criterion benchmark, from its saved samples.
fn native_row(id: &str, what: &str, unit: &str, since: SystemTime) -> Result<Row> {
    let dir = std::env::var_os("CRITERION_HOME")
        .map(Into::into)
        .unwrap_or_else(|| crate::target_dir().join("criterion"))
        .join(id)
        .join("new");
    let read = |name: &str| -> Result<Value> {
        let path = dir.join(name);
        let fresh = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t >= since);
        if !fresh {
            return Err(format!("{}: missing or not from this run", path.display()));
        }
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let sample = read("sample.json")?;
    let elements = read("benchmark.json")?["throughput"]["Elements"]
        .as_f64()
        .unwrap_or(1.0);
    let nums = |k: &str| -> Vec<f64> {
        sample[k]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default()
    };
    // Nanoseconds per iteration, each iteration covering `elements` items, shown in µs per item.
    let mut per: Vec<f64> = nums("times")
        .iter()
        .zip(nums("iters"))
        .map(|(t, n)| t / n / elements / 1000.0)
        .collect();
    per.sort_by(f64::total_cmp);
    let q = |p: f64| {
        let i = (per.len().saturating_sub(1)) as f64 * p;
        let (lo, hi) = (i.floor() as usize, i.ceil() as usize);
        match (per.get(lo), per.get(hi)) {
            (Some(a), Some(b)) => serde_json::json!(a + (b - a) * (i - lo as f64)),
            _ => Value::Null,
        }
    };
    let stats = serde_json::json!({ "median": q(0.5), "p10": q(0.1), "p90": q(0.9) });
    let mut row = Row::new(
        format!("native: {what}, per {unit} (corpus of {elements})"),
        &stats,
        " µs",
        2,
    );
    if let Some(m) = stats["median"].as_f64() {
        row.goal = format!("{:.0} per second", 1e6 / m);
    }
    Ok(row)
}

fn print_table(b: &Value, native: Vec<Row>) {
    let s = &b["summary"];
    let succ = &s["success"];
    let calls = format!(
        "{} × {} calls",
        b["success"]["samples"], b["success"]["calls"]
    );
    let reqs = format!(
        "{} × {} requests",
        b["loopback"]["samples"], b["loopback"]["calls"]
    );
    let mem = &b["memory"];
    let delta = |k: &str, unit: &str, scale: f64| {
        let (x, y) = (mem["before"][k].as_f64(), mem["after"][k].as_f64());
        match (x, y) {
            (Some(x), Some(y)) => format!(
                "{:.0} → {:.0}{unit} ({:+.0})",
                x / scale,
                y / scale,
                (y - x) / scale
            ),
            _ => "?".into(),
        }
    };
    let grew = |k: &str| {
        mem["after"][k]
            .as_f64()
            .zip(mem["before"][k].as_f64())
            .map(|(a, b)| a - b)
    };
    let none_left = |k: &str| {
        let v = if grew(k).is_some_and(|g| g <= 0.0) {
            "met"
        } else {
            "missed"
        };
        format!("back to baseline: {v}")
    };
    let wasm_goal = match grew("wasmBytes") {
        Some(g) if g <= 256.0 * 1024.0 => "≤ 256 KiB: met",
        _ => "≤ 256 KiB: missed",
    };
    let cycles = &mem["cycles"];
    let mut rows = vec![
        Row::new(
            format!("success path, stub fetch ({calls}): plain"),
            &succ["plain"],
            " µs",
            2,
        ),
        Row::new("… wrapFetch(stub)", &succ["wrapped"], " µs", 2),
        Row::new(
            "… wrapFetch added per call",
            &succ["wrappedVsPlain"]["added"],
            " µs",
            2,
        ),
        Row::new(
            "… wrapFetch / plain",
            &succ["wrappedVsPlain"]["ratio"],
            "",
            3,
        ),
        Row::new("… ky", &succ["ky"], " µs", 1),
        Row::new("… ky + no-op afterResponse hook", &succ["kyNoop"], " µs", 1),
        Row::new("… ky + kyAfterResponse", &succ["kyHook"], " µs", 1),
        Row::new(
            "… kyAfterResponse added over a no-op hook",
            &succ["kyHookVsKyNoop"]["added"],
            " µs",
            2,
        ),
        Row::new(
            format!("loopback GET /api/ok + body ({reqs}): plain"),
            &s["loopback"]["plain"],
            " ms",
            3,
        ),
        Row::new("… wrapFetch(fetch)", &s["loopback"]["wrapped"], " ms", 3),
        Row::new(
            "… wrapFetch / plain",
            &s["loopback"]["wrappedVsPlain"]["ratio"],
            "",
            3,
        )
        .goal(&s["loopback"]["wrappedVsPlain"]["ratio"], 1.01, "≤ 1.01"),
        Row::new(
            "time to panel, warm: in DOM with a layout box",
            &s["warm"]["dom"],
            " ms",
            1,
        )
        .goal(&s["warm"]["dom"], 4.0, "≤ 4 ms"),
        Row::new(
            "… warm: next animation frame",
            &s["warm"]["frame"],
            " ms",
            1,
        ),
        Row::new(
            "time to panel, cold: in DOM with a layout box",
            &s["cold"]["dom"],
            " ms",
            1,
        )
        .goal(&s["cold"]["dom"], 40.0, "≤ 40 ms"),
        Row::new("… cold: glue (JS) arrived", &s["cold"]["glue"], " ms", 1),
        Row::new("… cold: WASM arrived", &s["cold"]["wasm"], " ms", 1),
        Row::plain(
            format!("{cycles} show/dismiss cycles: DOM nodes incl. shadow trees"),
            delta("nodes", "", 1.0),
            none_left("nodes"),
        ),
        Row::plain(
            "… CDP Nodes (after GC)",
            delta("cdpNodes", "", 1.0),
            none_left("cdpNodes"),
        ),
        Row::plain(
            "… CDP JSEventListeners",
            delta("listeners", "", 1.0),
            none_left("listeners"),
        ),
        Row::plain(
            "… WASM memory",
            delta("wasmBytes", " KiB", 1024.0),
            wasm_goal.into(),
        ),
        Row::plain(
            "… JS heap used (after GC)",
            delta("heap", " KiB", 1024.0),
            String::new(),
        ),
    ];
    rows.extend(native);
    println!("| measurement | median | p10 | p90 | goal or note |");
    println!("|---|---:|---:|---:|---|");
    for r in rows {
        println!(
            "| {} | {} | {} | {} | {} |",
            r.label, r.median, r.p10, r.p90, r.goal
        );
    }
    if let Some(n) = s["cold"]["preloaded"].as_u64().filter(|n| *n > 0) {
        println!("\nwarning: in {n} cold samples the WASM was already loading before the 402");
    }
}
