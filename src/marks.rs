//! User Timing marks of the page's first panel, for `cargo xtask bench` and for anyone who
//! opens the browser's performance panel: `explain402:diagnosed`, `explain402:styled`,
//! `explain402:built`. The loader marks the steps before them (`src/js/core.js`).
//!
//! Each mark is made once per page, so a page that shows a thousand panels does not fill its
//! performance timeline.

use std::cell::Cell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `performance.mark`; a page without it (or a throwing one) makes nothing.
    #[wasm_bindgen(catch, js_namespace = performance, js_name = mark)]
    fn performance_mark(name: &str) -> Result<JsValue, JsValue>;
}

/// A step of the first panel.
#[derive(Clone, Copy)]
pub(crate) enum Step {
    /// The diagnosis and its words are ready.
    Diagnosed,
    /// The panel's stylesheet was created and adopted.
    Styled,
    /// The panel's DOM was built and attached.
    Built,
}

thread_local! {
    /// The steps already marked, one bit each.
    static DONE: Cell<u8> = const { Cell::new(0) };
}

/// Marks `step`, the first time only.
pub(crate) fn mark(step: Step) {
    let bit = 1 << step as u8;
    if DONE.with(|d| d.replace(d.get() | bit)) & bit == 0 {
        let name = match step {
            Step::Diagnosed => "explain402:diagnosed",
            Step::Styled => "explain402:styled",
            Step::Built => "explain402:built",
        };
        let _ = performance_mark(name);
    }
}
