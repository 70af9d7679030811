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
pub mod knowledge;

#[cfg(target_arch = "wasm32")]
mod intercept;
#[cfg(target_arch = "wasm32")]
mod marks;
#[cfg(target_arch = "wasm32")]
pub mod render;
#[cfg(target_arch = "wasm32")]
mod surface;

/// # Design
/// A small free-list allocator instead of the default dlmalloc: the widget allocates little
/// and briefly, and dlmalloc is ~7 KB of wasm. The wasm build is single-threaded.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
