//! Counted RAII event listeners: every listener the render layer registers goes through here.
//!
//! A [`Listener`] wraps gloo's `EventListener` (which removes itself on drop) and keeps a
//! thread-local count of live listeners, so a test can assert that dismissing panels leaves
//! nothing registered on the page.

use std::cell::Cell;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use web_sys::{Event, EventTarget};

thread_local! {
    /// Listeners currently registered by the render layer.
    static LIVE: Cell<usize> = const { Cell::new(0) };
}

/// A registered listener; dropping it removes it from its target.
#[must_use = "the listener is removed as soon as this value is dropped"]
pub(crate) struct Listener {
    _inner: EventListener,
}

impl Listener {
    /// Listens in the bubbling phase; `prevent_default` works (the listener is not passive).
    pub(crate) fn new<F>(target: &EventTarget, event_type: &'static str, callback: F) -> Self
    where
        F: FnMut(&Event) + 'static,
    {
        Self::with_phase(
            target,
            event_type,
            EventListenerPhase::Bubble,
            Box::new(callback),
        )
    }

    /// Listens in the capture phase, before the page's own bubbling listeners see the event.
    pub(crate) fn capture<F>(target: &EventTarget, event_type: &'static str, callback: F) -> Self
    where
        F: FnMut(&Event) + 'static,
    {
        Self::with_phase(
            target,
            event_type,
            EventListenerPhase::Capture,
            Box::new(callback),
        )
    }

    /// # Design
    /// Takes the callback boxed, so gloo's generic registration (and its wasm-bindgen closure
    /// shims) is instantiated once for all listeners rather than once per closure type.
    #[inline(never)]
    fn with_phase(
        target: &EventTarget,
        ty: &'static str,
        phase: EventListenerPhase,
        f: Box<dyn FnMut(&Event)>,
    ) -> Self {
        let options = EventListenerOptions {
            phase,
            passive: false,
        };
        let inner = EventListener::new_with_options(target, ty, options, f);
        LIVE.with(|n| n.set(n.get() + 1));
        Listener { _inner: inner }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = LIVE.try_with(|n| n.set(n.get().saturating_sub(1)));
    }
}

/// Number of listeners currently registered by the render layer.
pub(crate) fn live() -> usize {
    LIVE.with(Cell::get)
}
