//! Installing what is missing: the wasm32 target, wasm-bindgen-cli, the pinned nightly for the
//! release build, npm dev tools, Chromium.
//!
//! Every step first checks whether the tool is already there, so a second run costs nothing.

use crate::{root, Result};
use std::process::Command;

/// Runs a command from the repository root, failing with its name when it fails.
pub fn run(cmd: &mut Command) -> Result {
    run_in(&root(), cmd)
}

/// Runs a command in `dir`, failing with its name when it fails.
pub fn run_in(dir: &std::path::Path, cmd: &mut Command) -> Result {
    let status = cmd
        .current_dir(dir)
        .status()
        .map_err(|e| format!("{cmd:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?} failed ({status})"))
    }
}

/// The output of a command, or `None` when it cannot run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.current_dir(root()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The widget's version: the `version` of the `[package]` in the root Cargo.toml.
pub fn package_version() -> Result<String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).map_err(|e| e.to_string())?;
    manifest
        .lines()
        .skip_while(|l| l.trim() != "[package]")
        .find_map(|l| l.trim().strip_prefix("version = \""))
        .and_then(|rest| rest.split('"').next())
        .map(str::to_owned)
        .ok_or_else(|| "Cargo.toml has no [package] version".into())
}

/// The exact wasm-bindgen version pinned in Cargo.toml (`wasm-bindgen = "=x.y.z"`).
pub fn wasm_bindgen_version() -> Result<String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).map_err(|e| e.to_string())?;
    manifest
        .lines()
        .find_map(|l| l.trim().strip_prefix("wasm-bindgen = \"="))
        .and_then(|rest| rest.split('"').next())
        .map(str::to_owned)
        .ok_or_else(|| "Cargo.toml must pin wasm-bindgen with `=`".into())
}

/// Everything `cargo xtask build` needs: the wasm32 target, wasm-bindgen-cli at the pinned
/// version and the npm dev dependencies (esbuild, binaryen's wasm-opt, playwright-core, ...).
pub fn ensure_build_tools() -> Result {
    let targets =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !targets
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        eprintln!("setup: adding the wasm32-unknown-unknown target");
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let version = wasm_bindgen_version()?;
    let installed = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    let runner =
        output(Command::new("wasm-bindgen-test-runner").arg("--version")).unwrap_or_default();
    if !installed.contains(&version) || !runner.contains(&version) {
        eprintln!("setup: installing wasm-bindgen-cli {version} (takes a few minutes once)");
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &version]))?;
    }
    ensure_npm()
}

/// The toolchain of the release wasm: a pinned nightly, for `-Zbuild-std` with
/// `-Cpanic=immediate-abort` (std rebuilt at `opt-level = "z"` without its panic-formatting
/// machinery). Measured on 2026-12-06: 6.0 KB less brotli to first panel than stable with its
/// panic entry points snipped (build/snip.rs), 7.4 KB less than stable without.
pub const RELEASE_TOOLCHAIN: &str = "nightly-2026-05-20";

/// The pinned nightly with `rust-src`, installed if missing; `None` (and one line saying why)
/// when it cannot be had, or when `EXPLAIN402_STABLE=1` asks for the stable build. The release
/// build then uses stable: same code, a larger wasm (it also falls back when the nightly build
/// fails, see build.rs).
pub fn release_toolchain() -> Option<&'static str> {
    if std::env::var_os("EXPLAIN402_STABLE").is_some_and(|v| v == "1") {
        eprintln!("setup: EXPLAIN402_STABLE=1: building the wasm with stable Rust");
        return None;
    }
    let has_src = || {
        output(Command::new("rustup").args([
            "run",
            RELEASE_TOOLCHAIN,
            "rustc",
            "--print",
            "sysroot",
        ]))
        .is_some_and(|root| {
            std::path::Path::new(root.trim())
                .join("lib/rustlib/src/rust/library/std")
                .is_dir()
        })
    };
    if has_src() {
        return Some(RELEASE_TOOLCHAIN);
    }
    eprintln!(
        "setup: installing Rust {RELEASE_TOOLCHAIN} with rust-src (once; for the release wasm)"
    );
    let installed = run_with_timeout(
        Command::new("rustup").args([
            "toolchain",
            "install",
            RELEASE_TOOLCHAIN,
            "--profile",
            "minimal",
            "--component",
            "rust-src",
            "--no-self-update",
        ]),
        std::time::Duration::from_secs(600),
    );
    match installed {
        Ok(()) if has_src() => Some(RELEASE_TOOLCHAIN),
        outcome => {
            let why = outcome.err().unwrap_or_else(|| "rust-src missing".into());
            eprintln!(
                "setup: warning: {RELEASE_TOOLCHAIN} unavailable ({why}); building the wasm with stable Rust (about 6 KB larger)"
            );
            None
        }
    }
}

/// Runs `cmd`, killing it after `limit` (a download that hangs must not hang the build).
fn run_with_timeout(cmd: &mut Command, limit: std::time::Duration) -> Result {
    let mut child = cmd
        .current_dir(root())
        .spawn()
        .map_err(|e| format!("{cmd:?}: {e}"))?;
    let start = std::time::Instant::now();
    loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) if status.success() => return Ok(()),
            Some(status) => return Err(format!("{cmd:?} failed ({status})")),
            None if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{cmd:?} took more than {} s", limit.as_secs()));
            }
            None => std::thread::sleep(std::time::Duration::from_millis(200)),
        }
    }
}

/// Installs the npm dev dependencies when node_modules is missing or older than the lockfile.
fn ensure_npm() -> Result {
    let root = root();
    let stamp = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    let fresh = match (std::fs::metadata(&stamp), std::fs::metadata(&lock)) {
        (Ok(s), Ok(l)) => s.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if !fresh {
        eprintln!("setup: installing npm dev dependencies");
        let verb = if lock.exists() { "ci" } else { "install" };
        run(Command::new("npm").args([verb, "--no-audit", "--no-fund"]))?;
    }
    Ok(())
}

/// Where Debian's `fonts-inter` puts its fonts (the screenshots' page font).
const INTER_FONTS: &str = "/usr/share/fonts/opentype/inter";

/// What the tests need on top of the build tools: Debian's Chromium and ChromeDriver, and the
/// Inter font so that screenshots look the same on every machine.
pub fn ensure_test_tools() -> Result {
    ensure_build_tools()?;
    let have = |p: &str| std::path::Path::new(p).exists();
    if !have("/usr/bin/chromium") || !have("/usr/bin/chromedriver") || !have(INTER_FONTS) {
        eprintln!("setup: installing Debian's chromium, chromium-driver and fonts-inter");
        let sudo = output(Command::new("id").arg("-u")).is_some_and(|u| u.trim() != "0");
        let apt = |args: &[&str]| {
            let mut c = if sudo {
                Command::new("sudo")
            } else {
                Command::new("apt-get")
            };
            if sudo {
                c.arg("apt-get");
            }
            c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
            run(&mut c)
        };
        apt(&["update"])?;
        apt(&[
            "install",
            "-y",
            "chromium",
            "chromium-driver",
            "fonts-inter",
        ])?;
    }
    Ok(())
}
