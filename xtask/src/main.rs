//! `cargo xtask`: the project's automation, one subcommand per file.
//!
//! ```text
//! cargo xtask demo [--port N]      install what is missing, build, serve the demo site
//! cargo xtask test                 install what is missing, run every test layer
//! cargo xtask build                build dist/ and print the size of every file
//! cargo xtask size [--functions N] print sizes and check the budgets, or the largest functions
//! cargo xtask diagnose [--locale id|en] FILE...
//! cargo xtask accuracy             diagnosis accuracy on the fixtures, leave-one-vendor-out
//! cargo xtask readme               rewrite README's tables of causes and sources
//! cargo xtask check [--origin O] URL...  what a page on another origin lets the widget read and say
//! cargo xtask bundlers             the bundler matrix: build the tiny apps and test them in Chromium
//! cargo xtask serve [--port N]     serve www/ and dist/ without building
//! cargo xtask screenshots          render README screenshots from the real widget
//! cargo xtask bench                browser and native benchmarks
//! cargo xtask fuzz-corpus [DIR]    the fixtures as seed inputs of the fuzz target
//! ```

mod accuracy;
mod bench;
mod build;
mod bundlers;
mod check;
mod diagnose;
mod fuzz_corpus;
mod readme;
mod screenshots;
mod serve;
mod setup;
mod size;
mod test;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => ("help", &[][..]),
    };
    let result = match cmd {
        "build" => build::run_cmd(rest),
        "demo" => serve::demo(rest),
        "serve" => serve::run(rest),
        "test" => test::run(rest),
        "size" => size::run(rest),
        "diagnose" => diagnose::run(rest),
        "check" => check::run(rest),
        "bundlers" => bundlers::run(rest),
        "accuracy" => accuracy::run(rest),
        "readme" => readme::run(rest),
        "screenshots" => screenshots::run(rest),
        "bench" => bench::run(rest),
        "fuzz-corpus" => fuzz_corpus::run(rest),
        _ => {
            eprintln!(
                "{}",
                // The usage lines of the doc comment above, however many there are.
                include_str!("main.rs")
                    .lines()
                    .filter_map(|l| l.strip_prefix("//! cargo xtask"))
                    .map(|l| ["cargo xtask", l].concat())
                    .collect::<Vec<_>>()
                    .join("\n")
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {cmd}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Errors are plain messages: the automation reports and stops.
pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository root (the parent of `xtask/`).
pub fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_path_buf()
}

/// The value after `--name`, if given.
pub fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

/// Cargo's target directory (honours CARGO_TARGET_DIR).
pub fn target_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(Into::into)
        .unwrap_or_else(|| root().join("target"))
}

/// Where the build goes: `dist/`, or `$EXPLAIN402_DIST` when set (parallel experiments).
pub fn dist_dir() -> std::path::PathBuf {
    std::env::var_os("EXPLAIN402_DIST")
        .map(Into::into)
        .unwrap_or_else(|| root().join("dist"))
}
