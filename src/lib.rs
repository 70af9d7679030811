//! explain402 explains HTTP 402 (and, on request, 401, 403, 407 and 429) rejections to the
//! person in front of the screen, in their language, with concrete steps to fix them.
//!
//! The data flows one way: a response → [`diagnose`] → [`catalog`] → render. The pure core
//! (`json`, `diagnose`, `catalog`) builds and tests natively; only this file, `intercept/` and
//! `render/` touch the browser.
//!
//! ```
//! use explain402::diagnose::{diagnose, Exchange, Cause};
//!
//! let ex = Exchange { status: 402, ..Exchange::default() };
//! assert_eq!(diagnose(&ex).unwrap().cause, Cause::PaymentRequired);
//! ```

pub mod catalog;
pub mod diagnose;
pub mod json;

#[cfg(target_arch = "wasm32")]
mod intercept;
#[cfg(target_arch = "wasm32")]
pub mod render;
#[cfg(target_arch = "wasm32")]
mod surface;
