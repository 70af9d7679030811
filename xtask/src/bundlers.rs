//! `cargo xtask bundlers [--no-build]`: the bundler matrix on its own (`cargo xtask test` runs it
//! too). A tiny app per tool (tests/bundlers/apps/) is built in production mode against the
//! `npm pack` tarball of dist/, served by the project's server and loaded in Chromium; the
//! package is also imported in Node to check that server-side rendering stays silent.
//!
//! # Design
//!
//! The tools are pinned to exact versions in tests/bundlers/package.json and installed once,
//! with `npm ci --ignore-scripts` (every tool ships its native part as a prebuilt optional
//! package; none needs an install script), into the git-ignored tests/bundlers/node_modules; a
//! stamp of the lockfile says when to install again. Nothing else is shared with the repository's own dev tools, so a
//! bundler's dependencies can never change what the widget itself is built with.

use crate::setup::run_in;
use crate::{root, Result};
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// What the layer is called in `cargo xtask test`'s output.
pub const LAYER: &str =
    "bundler matrix (Vite, webpack, Rollup, esbuild, Parcel, Next.js, TypeScript; SSR in Node)";

fn dir() -> PathBuf {
    root().join("tests/bundlers")
}

pub fn run(args: &[String]) -> Result {
    crate::setup::ensure_test_tools()?;
    if !args.iter().any(|a| a == "--no-build") {
        crate::build::build_dist()?;
    }
    let server = crate::serve::start(0, 0)?;
    prepare()?;
    let status = tests(&server.url(), &server.second_url())
        .status()
        .map_err(|e| format!("node: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("the bundler matrix failed".into())
    }
}

/// Installs the pinned tools when the lockfile changed, then builds every app into
/// www/e2e/bundlers/ (git-ignored), printing one line per tool and version.
pub fn prepare() -> Result {
    let dir = dir();
    let lock = std::fs::read(dir.join("package-lock.json"))
        .map_err(|e| format!("tests/bundlers/package-lock.json: {e}"))?;
    let stamp = dir.join("node_modules/.explain402-lock");
    if std::fs::read(&stamp).ok().as_deref() != Some(&lock[..]) {
        eprintln!("bundlers: npm ci (the pinned tools, into tests/bundlers/node_modules)");
        run_in(
            &dir,
            Command::new("npm").args([
                "ci",
                "--ignore-scripts",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
            ]),
        )?;
        std::fs::write(&stamp, &lock).map_err(|e| e.to_string())?;
    }
    run_in(
        &dir,
        Command::new("node")
            .arg(dir.join("build.mjs"))
            .env("EXPLAIN402_DIST", crate::dist_dir())
            .env("NEXT_TELEMETRY_DISABLED", "1")
            .stdin(Stdio::null()),
    )
}

/// The browser and Node tests of the matrix, against the server at `base` (and `second`).
pub fn tests(base: &str, second: &str) -> Command {
    let mut cmd = Command::new("node");
    cmd.args(["--test", "--test-concurrency=1"])
        .args(["ssr.test.mjs", "matrix.test.mjs"].map(|f| dir().join(f)))
        .env("E2E_BASE_URL", base)
        .env("E2E_SECOND_URL", second)
        .current_dir(root());
    cmd
}
