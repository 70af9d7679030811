//! The #[wasm_bindgen] surface: `configure`, `limits`, `handle`, `diagnose`, `dismiss`. The loader
//! (src/js/core.js) is the only caller; it reads a bounded copy of each response and catches
//! every error.

use crate::catalog::Explanation;
use crate::diagnose::{diagnose_at, Diagnosis};
use crate::intercept::{read_exchange, Config};
use crate::render;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

mod format;
mod present;

thread_local! {
    static CONFIG: RefCell<Config> = RefCell::new(Config::default());
    /// Warnings already logged; a page sees a handful at most, so a list is enough.
    static WARNED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Logs each distinct warning once per page.
pub(crate) fn warn_once(warnings: Vec<String>) {
    for w in warnings {
        let new = WARNED.with(|s| {
            let mut s = s.borrow_mut();
            let new = !s.contains(&w);
            if new {
                s.push(w.clone());
            }
            new
        });
        if new {
            web_sys::console::warn_1(&["explain402: ", &w].concat().into());
        }
    }
}

/// # Design
/// The message is assembled from pieces rather than with `Display for PanicHookInfo`, which
/// would link more of `core::fmt` (several KB of wasm) for a path no input should reach. The
/// release wasm is built with immediate-abort panics, which never call the hook; it logs in
/// the stable-Rust fallback build and in the browser tests.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let (file, line) = info.location().map_or(("?", 0), |l| (l.file(), l.line()));
        let line = crate::catalog::digits(u64::from(line));
        let payload = info.payload();
        let message = match payload.downcast_ref::<&str>() {
            Some(s) => s,
            None => payload.downcast_ref::<String>().map_or("", String::as_str),
        };
        let text = [
            "explain402: internal error at ",
            file,
            ":",
            &line,
            ": ",
            message,
        ]
        .concat();
        web_sys::console::error_1(&text.into());
    }));
}

/// Replaces the configuration with `options` merged over the defaults.
#[wasm_bindgen]
pub fn configure(options: JsValue) {
    let mut warnings = Vec::new();
    let config = Config::default().apply(&options, &mut warnings);
    warn_once(warnings);
    CONFIG.with(|c| *c.borrow_mut() = config);
}

fn config_for(overrides: &JsValue) -> Config {
    let base = CONFIG.with(|c| c.borrow().clone());
    if overrides.is_undefined() || overrides.is_null() {
        return base;
    }
    let mut warnings = Vec::new();
    let config = base.apply(overrides, &mut warnings);
    warn_once(warnings);
    config
}

fn explain(response: &JsValue, config: &Config) -> Option<(Diagnosis, Explanation)> {
    let ex = read_exchange(response, config.max_body_bytes);
    let now = (js_sys::Date::now() / 1000.0) as u64;
    let diagnosis = diagnose_at(&ex, &config.rules, Some(now))?;
    let locale = present::locale(config);
    let mut explanation = config
        .catalog
        .explain(&diagnosis, &locale, &format::IntlFormat);
    present::honest_actions(config, &diagnosis, &mut explanation);
    crate::marks::mark(crate::marks::Step::Diagnosed);
    Some((diagnosis, explanation))
}

/// How much of a response the loader reads for a call with `overrides`:
/// `[maxBodyBytes, readTimeoutMs]`, validated and capped.
#[wasm_bindgen]
pub fn limits(overrides: JsValue) -> Vec<u32> {
    let config = config_for(&overrides);
    vec![config.max_body_bytes as u32, config.read_timeout_ms]
}

/// Diagnoses a response read by the loader without touching the page.
#[wasm_bindgen]
pub fn diagnose(response: JsValue, overrides: JsValue) -> JsValue {
    let config = config_for(&overrides);
    match explain(&response, &config) {
        Some((d, e)) => present::report(&d, &e),
        None => JsValue::NULL,
    }
}

/// Diagnoses a response read by the loader and shows the panel (unless `onShow` returns
/// `false`).
#[wasm_bindgen]
pub fn handle(response: JsValue, overrides: JsValue) -> JsValue {
    let config = config_for(&overrides);
    let Some((d, e)) = explain(&response, &config) else {
        return JsValue::NULL;
    };
    let report = present::report(&d, &e);
    if present::callback(&config.on_show, &[&report]).is_some_and(|r| r == JsValue::FALSE) {
        return report;
    }
    present::show(&config, &d, e, report.clone());
    report
}

/// Dismisses every open panel.
#[wasm_bindgen]
pub fn dismiss() {
    render::dismiss_all();
}
