//! Counted RAII event listeners and timers: every listener and timer the render layer
//! registers goes through here.
//!
//! A [`Listener`] wraps gloo's `EventListener` (which removes itself on drop) and keeps a
//! thread-local count of live listeners, so a test can assert that dismissing panels leaves
//! nothing registered on the page.
//!
//! # Design
//! Each listener and timer calls a plain `fn` with the id of the panel it belongs to, and the
//! handler finds what it needs in the registry. So there is one closure type for all listeners
//! and one for all timers, and each of gloo's generic registrations is instantiated once.

use std::cell::Cell;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Interval;
use web_sys::{Event, EventTarget};

thread_local! {
    /// Listeners currently registered by the render layer.
    static LIVE: Cell<usize> = const { Cell::new(0) };
}

/// A registered listener; dropping it removes it from its target.
#[must_use = "the listener is removed as soon as this value is dropped"]
pub(crate) struct Listener(#[allow(dead_code)] EventListener);

/// Calls `handler(id, event)` for every `ty` event at `target`, in the capture phase if
/// `capture`; `prevent_default` works (the listener is not passive).
#[inline(never)]
pub(crate) fn listen(
    target: &EventTarget,
    ty: &'static str,
    capture: bool,
    id: u32,
    handler: fn(u32, &Event),
) -> Listener {
    let options = EventListenerOptions {
        phase: if capture {
            EventListenerPhase::Capture
        } else {
            EventListenerPhase::Bubble
        },
        passive: false,
    };
    let inner = EventListener::new_with_options(target, ty, options, move |e| handler(id, e));
    LIVE.with(|n| n.set(n.get() + 1));
    Listener(inner)
}

impl Drop for Listener {
    fn drop(&mut self) {
        LIVE.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

/// Calls `handler(id)` every `ms` milliseconds until the returned value is dropped (which a
/// handler may do from inside its own call: wasm-bindgen frees a closure only once it returns).
#[inline(never)]
pub(crate) fn every(ms: u32, id: u32, handler: fn(u32)) -> Interval {
    Interval::new(ms, move || handler(id))
}

/// Number of listeners currently registered by the render layer.
pub(crate) fn live() -> usize {
    LIVE.with(Cell::get)
}
