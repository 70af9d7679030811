//! `cargo xtask build`: the wasm module, its glue, the loaders, types and package.json in dist/.

use crate::setup::{ensure_build_tools, run};
use crate::{root, Result};
use std::fs;
use std::process::Command;

pub mod imports;
pub mod snip;

/// The wasm-bindgen output name; `explain402.js` is the loader's.
pub const CORE: &str = "explain402_core";

/// wasm-opt inlines a function with one caller into it only when its body is at most 20 bytes
/// (binaryen's default: any size). Measured on 2026-12-06 on the nightly build, brotli: 702 B
/// less to first panel (83,021 -> 82,319; on the wasm before import renaming, limits of 0, 20
/// and 200 saved 517, 826 and 334 B), and a page compiles only the functions it calls: V8
/// compiles each on its first call, and a large callee merged into its caller was compiled
/// even when that branch never ran.
pub const ONE_CALLER_INLINE: &str = "--one-caller-inline-max-function-size=20";

pub fn run_cmd(_args: &[String]) -> Result {
    ensure_build_tools()?;
    build_dist()?;
    crate::size::print(&crate::size::measure()?);
    crate::size::print_wasm_parts()
}

/// Builds dist/ (assumes the tools are installed).
pub fn build_dist() -> Result {
    let root = root();
    let final_dir = crate::dist_dir();
    // Built beside and swapped in at the end, so a running server never sees half a dist/.
    let dist = final_dir.with_extension("tmp");
    let wasm = match crate::setup::release_toolchain() {
        Some(toolchain) => build_wasm(Some(toolchain)).or_else(|e| {
            eprintln!(
                "build: warning: the {toolchain} build failed ({e}); building with stable Rust (about 6 KB larger)"
            );
            build_wasm(None)
        })?,
        None => build_wasm(None)?,
    };
    // Which of the two builds dist/ was made from, for `cargo xtask size --functions`.
    fs::write(shipped_from(), wasm.to_string_lossy().as_bytes()).map_err(|e| e.to_string())?;
    let _ = fs::remove_dir_all(&dist);
    fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    run(Command::new("wasm-bindgen")
        .arg(&wasm)
        .args([
            "--target",
            "web",
            "--no-typescript",
            // The loader always passes the compiled module: without this, the glue keeps a
            // second `new URL("…_bg.wasm", import.meta.url)` that bundlers would follow too.
            "--omit-default-module-path",
            "--out-name",
            CORE,
            "--out-dir",
        ])
        .arg(&dist))?;
    let bg = dist.join(format!("{CORE}_bg.wasm"));
    snip_panics(&bg)?;
    eprintln!("build: wasm-opt -Oz");
    run(Command::new(root.join("node_modules/.bin/wasm-opt"))
        .arg(&bg)
        .args([
            "-Oz",
            ONE_CALLER_INLINE,
            "--strip-debug",
            "--strip-producers",
            "--converge",
            "-o",
        ])
        .arg(&bg))?;
    eprintln!("build: short import names");
    let glue = dist.join(format!("{CORE}.js"));
    let read = |p: &std::path::Path| fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let text = String::from_utf8(read(&glue)?).map_err(|e| e.to_string())?;
    let (short_wasm, short_glue) = imports::shorten(&read(&bg)?, &text)?;
    fs::write(&bg, short_wasm).map_err(|e| e.to_string())?;
    fs::write(&glue, short_glue).map_err(|e| e.to_string())?;
    // The glue is minified in place: same file name, same exports (`default` = init,
    // `configure`, `diagnose`, `handle`, `dismiss`, `initSync`); the wasm import object keeps
    // its property names, which minifiers never rename. Measured: 6.6 KB -> 5.0 KB brotli.
    eprintln!("build: glue (esbuild --minify)");
    run(Command::new(root.join("node_modules/.bin/esbuild"))
        .arg(&glue)
        .args([
            "--minify",
            "--format=esm",
            "--target=es2020",
            "--legal-comments=none",
            "--allow-overwrite",
        ])
        .arg(format!("--outfile={}", glue.display())))?;
    eprintln!("build: loaders (esbuild)");
    let version = &crate::setup::package_version()?;
    let esbuild = |entry: &str, format: &str, out: &str| {
        run(Command::new(root.join("node_modules/.bin/esbuild"))
            .arg(root.join("src/js").join(entry))
            .args([
                "--bundle",
                "--minify",
                "--target=es2020",
                "--legal-comments=none",
                // The module entry's `import("./explain402_core.js")` stays a literal for the
                // app's bundler to follow (src/js/module.js).
                &format!("--external:./{CORE}.js"),
            ])
            .arg(format!("--format={format}"))
            .arg(format!("--define:__VERSION__=\"{version}\""))
            .arg(format!("--outfile={}", dist.join(out).display())))
    };
    esbuild("classic.js", "iife", "explain402.js")?;
    esbuild("module.js", "esm", "explain402.mjs")?;
    esbuild("node.js", "esm", "explain402.node.mjs")?;
    let module = fs::read_to_string(dist.join("explain402.mjs")).map_err(|e| e.to_string())?;
    check_literal_references(&module)?;
    for (from, to) in [
        ("explain402.d.ts", "explain402.d.ts"),
        ("explain402.d.ts", "explain402.d.mts"),
    ] {
        fs::copy(root.join("src/js").join(from), dist.join(to))
            .map_err(|e| format!("{from}: {e}"))?;
    }
    fs::write(dist.join("package.json"), package_json(version)).map_err(|e| e.to_string())?;
    fs::copy(root.join("README.md"), dist.join("README.md")).map_err(|e| e.to_string())?;
    let _ = fs::remove_dir_all(&final_dir);
    fs::rename(&dist, &final_dir).map_err(|e| format!("{}: {e}", final_dir.display()))
}

/// The file that names the wasm the last `cargo xtask build` made dist/ from (the nightly or the
/// stable build: both stay in target/, and the newer file is not always the shipped one).
pub fn shipped_from() -> std::path::PathBuf {
    crate::target_dir().join("explain402-shipped-wasm.txt")
}

/// Replaces the body of every panic entry point of the wasm at `path` with a trap, in place
/// (xtask/src/build/snip.rs), so that `wasm-opt` then drops the panic machinery that stable Rust
/// leaves in; the nightly build has none left to drop.
pub fn snip_panics(path: &std::path::Path) -> Result {
    let wasm = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (out, done) = snip::snip_panics(&wasm)?;
    eprintln!(
        "build: snipped {} panic entry points (bodies now `unreachable`; {} already were)",
        done.replaced.len(),
        done.already_trapping
    );
    fs::write(path, out).map_err(|e| format!("{}: {e}", path.display()))
}

/// Compiles the crate for wasm32 (release) with the pinned nightly, `-Zbuild-std` and
/// immediate-abort panics, or with stable Rust; returns the path of the `.wasm`.
fn build_wasm(nightly: Option<&str>) -> Result<std::path::PathBuf> {
    let target = match nightly {
        // Its own target dir: the flags differ, so sharing one would rebuild everything each time.
        Some(_) => crate::target_dir().join("release-nightly"),
        None => crate::target_dir(),
    };
    let mut cargo = Command::new("cargo");
    match nightly {
        Some(toolchain) => {
            eprintln!("build: wasm (release, {toolchain}, -Zbuild-std, immediate-abort panics)");
            cargo.arg(format!("+{toolchain}"));
        }
        None => eprintln!("build: wasm (release, stable)"),
    }
    cargo.args([
        "build",
        "--release",
        "--lib",
        "--package",
        "explain402",
        "--target",
        "wasm32-unknown-unknown",
    ]);
    if nightly.is_some() {
        // With --target, RUSTFLAGS reach the wasm only, not build scripts or proc macros.
        // `location-detail=none` leaves out the file paths and lines that wasm-bindgen's
        // `unwrap_throw` messages would carry; `fmt-debug=none` the `Debug` output nothing
        // shipped prints. Without reference types, wasm-bindgen keeps JS values in a JS array
        // rather than an externref table: measured on 2026-12-06, 836 B less wasm and 210 B
        // more glue, brotli.
        cargo
            .arg("-Zbuild-std=std,panic_abort")
            .arg("-Zbuild-std-features=optimize_for_size")
            .env(
                "RUSTFLAGS",
                "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none -Ctarget-feature=-reference-types",
            );
    }
    if nightly.is_none() {
        // Stable keeps panic `Location`s, which name source files: with the checkout's own path
        // mapped to one name, the build is the same byte for byte wherever it is cloned (a clone
        // at another path measured 76 B more brotli), so passing the size ceiling does not
        // depend on where the repository lives.
        cargo.env(
            "RUSTFLAGS",
            format!("--remap-path-prefix={}=/explain402", root().display()),
        );
    }
    run(cargo.env("CARGO_TARGET_DIR", &target))?;
    Ok(target.join("wasm32-unknown-unknown/release/explain402.wasm"))
}

/// The references every bundler must see verbatim in the ES module (../shared/DELIVERY.md §1):
/// a minifier that rewrote them would make Vite, webpack, Parcel and Next.js ship no WASM.
fn check_literal_references(module: &str) -> Result {
    for literal in [
        format!(r#"new URL("./{CORE}_bg.wasm",import.meta.url)"#),
        format!(r#"import("./{CORE}.js")"#),
    ] {
        if !module.contains(&literal) {
            return Err(format!(
                "explain402.mjs lost the literal `{literal}` that bundlers follow"
            ));
        }
    }
    Ok(())
}

/// The package manifest. The export conditions follow Node's rule (first match wins, `default`
/// last): runtimes without a DOM (`node`, `deno`, `workerd`, `edge-light`, `worker`, React
/// server components) get the inert stub, browsers and bundlers the real loader.
fn package_json(version: &str) -> String {
    format!(
        r#"{{
  "name": "explain402",
  "version": "{version}",
  "description": "Explains HTTP 402 (and 401/403/407/429) rejections to end users, in Indonesian and English, with concrete fix steps.",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./explain402.mjs",
  "module": "./explain402.mjs",
  "types": "./explain402.d.ts",
  "exports": {{
    ".": {{
      "types": "./explain402.d.mts",
      "react-server": "./explain402.node.mjs",
      "workerd": "./explain402.node.mjs",
      "edge-light": "./explain402.node.mjs",
      "worker": "./explain402.node.mjs",
      "deno": "./explain402.node.mjs",
      "node": "./explain402.node.mjs",
      "import": "./explain402.mjs",
      "default": "./explain402.mjs"
    }},
    "./script": "./explain402.js",
    "./{CORE}.js": "./{CORE}.js",
    "./{CORE}_bg.wasm": "./{CORE}_bg.wasm",
    "./package.json": "./package.json"
  }},
  "files": ["explain402.js", "explain402.mjs", "explain402.node.mjs", "explain402.d.ts", "explain402.d.mts", "{CORE}.js", "{CORE}_bg.wasm", "README.md"],
  "sideEffects": ["./explain402.js"],
  "keywords": ["402", "payment-required", "x402", "l402", "stripe", "error-messages", "i18n", "indonesian", "wasm"]
}}
"#
    )
}
