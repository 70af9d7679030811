//! `cargo xtask screenshots [--all]`: renders the README screenshots from the real widget into
//! www/screenshots/.
//!
//! Builds dist/, starts the demo server on free ports in this process and runs
//! `tests/e2e/screenshots.mjs` (Playwright driving Debian's Chromium) against it. The script
//! shows the dialog (a Stripe expired card) and the toast (a rate limit with `Retry-After`) on a
//! small checkout page, in `en` and `id`, light and dark, on a 1280×800 desktop and a 360×640
//! phone: by default the eight shots that cover every pair of those values, with `--all` all
//! sixteen; then `panel.png`, the README's hero image. It fails when a page logs an error or an
//! image is larger than 150 KB.
//!
//! # Design
//! The panel inherits the page's font, so the screenshots depend on the fonts installed:
//! `ensure_test_tools` installs Debian's `fonts-inter`, which the checkout page asks for first,
//! so every machine renders the same images.

use crate::Result;
use std::process::Command;

/// Installs what is missing, builds dist/, serves it and renders the screenshots.
pub fn run(args: &[String]) -> Result {
    crate::setup::ensure_test_tools()?;
    crate::build::build_dist()?;
    let server = crate::serve::start(0, 0)?;
    let mut cmd = Command::new("node");
    cmd.arg("tests/e2e/screenshots.mjs")
        .env("E2E_BASE_URL", server.url())
        .env("E2E_SECOND_URL", server.second_url());
    if args.iter().any(|a| a == "--all") {
        cmd.arg("--all");
    }
    crate::setup::run(&mut cmd)
}
