//! `cargo xtask bench [--quick]`: the browser benchmarks (tests/bench/browser.mjs in headless
//! Chromium against the project's server, beside sweetalert2's first dialog) and the native one
//! (criterion, tests/bench/diagnose.rs), printed as one Markdown table with the machine they ran
//! on.
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
         Chromium {} headless; {}; sweetalert2 {}; {}{}",
        date.trim(),
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
        browser["chromium"].as_str().unwrap_or("?"),
        cmd("node", &["--version"]).trim(),
        browser["sweetalert2"].as_str().unwrap_or("?"),
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
    /// A row of statistics; `–` throughout when there were none (a mark the build does not emit).
    fn new(label: impl Into<String>, stats: &Value, unit: &str, digits: usize) -> Row {
        let f = |k: &str| match stats[k].as_f64() {
            Some(x) => format!("{x:.digits$}{unit}"),
            None if stats.is_null() => "–".into(),
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

/// The browser figures: label (`{fetch}`, `{ky}` and `{reqs}` stand for the sample counts), path
/// of the statistics in the summary, unit, decimals, and the goal as a ceiling on the median.
/// The parts of the cold panel are times from the 402, in pipeline order; those from the WASM's
/// marks print `–` with a build that does not emit them.
type BrowserRow = (&'static str, &'static str, &'static str, usize, Option<f64>);
const BROWSER_ROWS: &[BrowserRow] = &[
    (
        "success path, stub fetch ({fetch}): plain",
        "success.plain",
        " µs",
        2,
        None,
    ),
    ("… wrapFetch(stub)", "success.wrapped", " µs", 2, None),
    (
        "… wrapFetch added per call",
        "success.wrappedVsPlain.added",
        " µs",
        2,
        None,
    ),
    (
        "… wrapFetch / plain",
        "success.wrappedVsPlain.ratio",
        "",
        3,
        None,
    ),
    (
        "success path, ky over the stub ({ky}): ky",
        "ky.ky",
        " µs",
        1,
        None,
    ),
    (
        "… ky + no-op afterResponse hook",
        "ky.kyNoop",
        " µs",
        1,
        None,
    ),
    ("… ky + kyAfterResponse", "ky.kyHook", " µs", 1, None),
    (
        "… kyAfterResponse added over a no-op hook",
        "ky.kyHookVsKyNoop.added",
        " µs",
        2,
        None,
    ),
    (
        "loopback GET /api/ok + body ({reqs}): plain",
        "loopback.plain",
        " ms",
        3,
        None,
    ),
    ("… wrapFetch(fetch)", "loopback.wrapped", " ms", 3, None),
    (
        "… wrapFetch / plain",
        "loopback.wrappedVsPlain.ratio",
        "",
        3,
        Some(1.01),
    ),
    (
        "time to panel, warm: in DOM with a layout box",
        "warm.dom",
        " ms",
        1,
        Some(3.0),
    ),
    ("… warm: next animation frame", "warm.frame", " ms", 1, None),
    (
        "… warm, no panel: Explain402.diagnose(Response), a copy read",
        "warm.diagnoseResponse",
        " ms",
        1,
        None,
    ),
    (
        "… warm, no panel: Explain402.diagnose(plain object)",
        "warm.diagnoseObject",
        " ms",
        1,
        None,
    ),
    (
        "… warm, parts: Explain402.handle(plain object) to panel in DOM",
        "warmParts.dom",
        " ms",
        1,
        None,
    ),
    (
        "… … of which the new panel's style and layout",
        "warmParts.layout",
        " ms",
        1,
        None,
    ),
    (
        "… … of which the dialog's focus()",
        "warmParts.focus",
        " ms",
        1,
        None,
    ),
    (
        "time to panel, cold: in DOM with a layout box",
        "cold.dom",
        " ms",
        1,
        Some(30.0),
    ),
    ("… cold: glue (JS) arrived", "cold.glue", " ms", 1, None),
    ("… cold: glue imported", "cold.marks.glue", " ms", 1, None),
    ("… cold: WASM arrived", "cold.wasm", " ms", 1, None),
    (
        "… cold: WASM compiled",
        "cold.marks.compiled",
        " ms",
        1,
        None,
    ),
    (
        "… cold: instantiated",
        "cold.marks.instantiated",
        " ms",
        1,
        None,
    ),
    (
        "… cold: configured",
        "cold.marks.configured",
        " ms",
        1,
        None,
    ),
    (
        "… cold: first diagnosis",
        "cold.marks.diagnosed",
        " ms",
        1,
        None,
    ),
    (
        "… cold: styles applied",
        "cold.marks.styled",
        " ms",
        1,
        None,
    ),
    ("… cold: panel built", "cold.marks.built", " ms", 1, None),
    ("… cold: first layout", "cold.visible", " ms", 1, None),
    (
        "… cold: from WASM arrived to panel",
        "cold.afterWasm",
        " ms",
        1,
        None,
    ),
    (
        "… cold: configured to first diagnosis (the first call)",
        "cold.firstCall",
        " ms",
        1,
        None,
    ),
    (
        "first dialog, sweetalert2 (script added at t0): in DOM with a layout box",
        "swal.dom",
        " ms",
        1,
        None,
    ),
    (
        "… explain402 cold panel / sweetalert2, per pair",
        "vsSwal.cold",
        "",
        3,
        Some(1.0),
    ),
    (
        "time to panel, cold with the loader added at t0 too: in DOM with a layout box",
        "coldLoader.dom",
        " ms",
        1,
        None,
    ),
    (
        "… that / sweetalert2, per pair",
        "vsSwal.coldLoader",
        "",
        3,
        None,
    ),
    (
        "cold, the whole WASM compiled up front (--no-wasm-lazy-compilation, no page can ask for it): in DOM with a layout box",
        "coldEager.dom",
        " ms",
        1,
        None,
    ),
    (
        "… WASM compiled",
        "coldEager.compiled",
        " ms",
        1,
        None,
    ),
    (
        "… configured to first diagnosis (the first call)",
        "coldEager.firstCall",
        " ms",
        1,
        None,
    ),
];

/// A goal's text: a ceiling, with one decimal at least when it has no unit (`≤ 1.0`).
fn ceiling(goal: f64, unit: &str) -> String {
    if unit.is_empty() && goal.fract() == 0.0 {
        format!("≤ {goal:.1}")
    } else {
        format!("≤ {goal}{unit}")
    }
}

/// The memory figures: label, key in the before/after readings, unit, divisor.
const MEMORY_ROWS: &[(&str, &str, &str, f64)] = &[
    ("DOM nodes incl. shadow trees", "nodes", "", 1.0),
    ("CDP Nodes (after GC)", "cdpNodes", "", 1.0),
    ("CDP JSEventListeners", "listeners", "", 1.0),
    ("WASM memory", "wasmBytes", " KiB", 1024.0),
    ("JS heap used (after GC)", "heap", " KiB", 1024.0),
];

/// Most the WASM memory may grow over the memory cycles.
const MAX_WASM_GROWTH: f64 = 256.0 * 1024.0;

fn print_table(b: &Value, native: Vec<Row>) {
    let counts = |k: &str, what: &str| format!("{} × {} {what}", b[k]["samples"], b[k]["calls"]);
    let at = |path: &str| path.split('.').fold(&b["summary"], |v, k| &v[k]);
    let mut rows: Vec<Row> = BROWSER_ROWS
        .iter()
        .map(|(label, path, unit, digits, goal)| {
            let label = label
                .replace("{fetch}", &counts("fetch", "calls"))
                .replace("{ky}", &counts("ky", "calls"))
                .replace("{reqs}", &counts("loopback", "requests"));
            let row = Row::new(label, at(path), unit, *digits);
            match goal {
                Some(g) => row.goal(at(path), *g, &ceiling(*g, unit)),
                None => row,
            }
        })
        .collect();
    let mem = &b["memory"];
    for (i, (label, key, unit, scale)) in MEMORY_ROWS.iter().enumerate() {
        let (x, y) = (mem["before"][key].as_f64(), mem["after"][key].as_f64());
        let Some((x, y)) = x.zip(y) else {
            rows.push(Row::plain(*label, "?".into(), String::new()));
            continue;
        };
        let value = format!(
            "{:.0} → {:.0}{unit} ({:+.0})",
            x / scale,
            y / scale,
            (y - x) / scale
        );
        let verdict = |ok: bool| if ok { "met" } else { "missed" };
        let goal = match *key {
            "heap" => String::new(),
            "wasmBytes" => format!("≤ 256 KiB: {}", verdict(y - x <= MAX_WASM_GROWTH)),
            _ => format!("back to baseline: {}", verdict(y <= x)),
        };
        let label = match i {
            0 => format!("{} show/dismiss cycles: {label}", mem["cycles"]),
            _ => format!("… {label}"),
        };
        rows.push(Row::plain(label, value, goal));
    }
    rows.extend(native);
    println!("| measurement | median | p10 | p90 | goal or note |");
    println!("|---|---:|---:|---:|---|");
    for r in rows {
        println!(
            "| {} | {} | {} | {} | {} |",
            r.label, r.median, r.p10, r.p90, r.goal
        );
    }
    if let Some(n) = b["summary"]["cold"]["preloaded"]
        .as_u64()
        .filter(|n| *n > 0)
    {
        println!("\nwarning: in {n} cold samples the WASM was already loading before the 402");
    }
}
