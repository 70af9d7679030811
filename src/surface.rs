//! The #[wasm_bindgen] surface: `configure`, `handle`, `diagnose`, `dismiss`. The loader
//! (src/js/core.js) is the only caller; it reads a bounded copy of each response and catches
//! every error.

use crate::catalog::{Explanation, Ui};
use crate::diagnose::{diagnose_at, Diagnosis};
use crate::intercept::{read_exchange, Callback, Config};
use crate::render;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

mod format;
mod present;

thread_local! {
    static CONFIG: RefCell<Option<Rc<Config>>> = const { RefCell::new(None) };
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

/// The configuration of one call: the page's, with `overrides` (if any) applied over it.
fn config_for(overrides: &JsValue) -> Rc<Config> {
    let base = CONFIG.with(|c| c.borrow().clone()).unwrap_or_default();
    if overrides.is_undefined() || overrides.is_null() {
        return base;
    }
    let mut warnings = Vec::new();
    let config = base.apply(overrides, &mut warnings);
    warn_once(warnings);
    Rc::new(config)
}

/// Replaces the configuration with `options` merged over the defaults.
#[wasm_bindgen]
pub fn configure(options: JsValue) {
    let mut warnings = Vec::new();
    let config = Config::default().apply(&options, &mut warnings);
    warn_once(warnings);
    CONFIG.with(|c| *c.borrow_mut() = Some(Rc::new(config)));
}

fn explain(response: &JsValue, config: &Config) -> Option<(Diagnosis, Explanation, Ui)> {
    let ex = read_exchange(response, config.max_body_bytes);
    let now = (js_sys::Date::now() / 1000.0) as u64;
    let diagnosis = diagnose_at(&ex, &config.rules, Some(now))?;
    let locale = present::locale(config);
    let mut explanation = config
        .catalog
        .explain(&diagnosis, &locale, &format::IntlFormat);
    let ui = config.catalog.ui(&explanation.locale);
    present::honest_actions(config, &diagnosis, &mut explanation, &ui);
    crate::marks::mark(crate::marks::Step::Diagnosed);
    Some((diagnosis, explanation, ui))
}

/// Diagnoses a response read by the loader without touching the page.
#[wasm_bindgen]
pub fn diagnose(response: JsValue, overrides: JsValue) -> JsValue {
    let config = config_for(&overrides);
    match explain(&response, &config) {
        Some((d, e, _)) => present::report(&d, &e),
        None => JsValue::NULL,
    }
}

/// Diagnoses a response read by the loader and shows the panel (unless `onShow` returns
/// `false`).
#[wasm_bindgen]
pub fn handle(response: JsValue, overrides: JsValue) -> JsValue {
    let config = config_for(&overrides);
    let Some((d, e, ui)) = explain(&response, &config) else {
        return JsValue::NULL;
    };
    let report = present::report(&d, &e);
    if present::call(&config, Callback::Show, &report, None) != Some(JsValue::FALSE) {
        present::show(config, &d, e, ui, report.clone());
    }
    report
}

/// Dismisses every open panel.
#[wasm_bindgen]
pub fn dismiss() {
    render::dismiss_all();
}
