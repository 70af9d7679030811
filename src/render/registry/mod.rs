//! The panel registry: which panels are open, the dialog queue, the modal state and the toast
//! stack, kept in a `thread_local!`.
//!
//! # Design
//!
//! The registry is borrowed for bookkeeping and for DOM work on the render layer's own elements
//! (a panel's markup, the toast stack) and the page's `inert` attributes. Focus moves, the
//! clipboard and calls to the owner's `on_event` happen after the borrow ends, because they can
//! run page code that calls back into the render layer. A call that still finds the registry
//! borrowed gets an error (or does nothing) instead of panicking.

mod admit;
mod input;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Interval;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

pub(crate) use self::input::{on_click, on_focus_in, on_tick, on_toast_key};

use self::admit::{Admit, Queued};
use super::dom::{append, set_text};
use super::focus::{self, Modal};
use super::listen::{every, listen};
use super::panel::{self, Panel};
use super::toast::{self, Stack, ANNOUNCE_DELAY_MS, MAX_TOASTS};
use super::{Mode, PanelContent, PanelEvent, Placement, Theme};

type OnEvent = Rc<dyn Fn(PanelEvent)>;

struct Open {
    id: u32,
    mode: Mode,
    /// The container of an inline panel.
    container: Option<Element>,
    count: u32,
    on_event: OnEvent,
    /// Outside a dialog: where focus came from when it last entered the panel.
    came_from: Option<Element>,
    p: Panel,
}

struct Registry {
    open: Vec<Open>,
    queue: Vec<Queued>,
    modal: Option<Modal>,
    stack: Option<Stack>,
    /// The first announcement of a new toast stack, waiting for its delay.
    announcement: Option<(Interval, String)>,
}

thread_local! {
    /// The id of the last panel opened.
    static LAST_ID: Cell<u32> = const { Cell::new(0) };
    static REGISTRY: RefCell<Registry> = const {
        RefCell::new(Registry {
            open: Vec::new(),
            queue: Vec::new(),
            modal: None,
            stack: None,
            announcement: None,
        })
    };
}

/// Runs `f` on the registry; `None` if it is already borrowed (a re-entrant call).
fn with<R>(f: impl FnOnce(&mut Registry) -> R) -> Option<R> {
    REGISTRY.with(|r| r.try_borrow_mut().ok().map(|mut r| f(&mut r)))
}

impl Registry {
    fn find(&mut self, id: u32) -> Option<&mut Open> {
        self.open.iter_mut().find(|o| o.id == id)
    }
}

/// The ids of the open panels that `pick` selects, oldest first.
#[inline(never)]
fn ids(pick: fn(&Open) -> bool) -> Vec<u32> {
    let mut ids = Vec::new();
    with(|r| {
        for o in &r.open {
            if pick(o) {
                ids.push(o.id);
            }
        }
    });
    ids
}

fn busy() -> JsValue {
    JsValue::from_str("explain402: panel registry busy")
}

pub(super) fn show(
    content: PanelContent,
    placement: Placement,
    on_event: OnEvent,
) -> Result<(), JsValue> {
    let doc = document()?;
    prune();
    let Placement {
        mode,
        theme,
        container,
    } = placement;
    let (mode, container) = match (mode, container) {
        (Mode::Inline, Some(c)) => (Mode::Inline, Some(c)),
        (Mode::Inline, None) => (Mode::Dialog, None),
        (m, _) => (m, None),
    };
    let admit = with(|r| r.admit(&doc, content, mode, theme, container.as_ref(), on_event));
    match admit.ok_or_else(busy)? {
        Admit::Done => Ok(()),
        Admit::Rejected(on_event) => {
            on_event(PanelEvent::Dismissed);
            Ok(())
        }
        Admit::Open(content, on_event, replace) => {
            for id in replace {
                dismiss(id);
            }
            open(&doc, content, mode, theme, container, on_event, 1)
        }
    }
}

fn open(
    doc: &Document,
    content: PanelContent,
    mode: Mode,
    theme: Theme,
    container: Option<Element>,
    on_event: OnEvent,
    count: u32,
) -> Result<(), JsValue> {
    let body = doc
        .body()
        .ok_or_else(|| JsValue::from_str("explain402: no <body>"))?;
    let id = LAST_ID.with(|last| {
        last.set(last.get().wrapping_add(1));
        last.get()
    });
    let p = panel::build(doc, id, content, mode, theme)?;
    p.set_count(count);
    let host = p.host.clone();
    let panel_el = p.panel.clone();
    let previous = match mode {
        Mode::Dialog => focus::deep_active_element(doc),
        _ => None,
    };

    match (mode, &container) {
        (Mode::Inline, Some(c)) => append(c, &host),
        // A toast goes into the stack, found or made while the registry is borrowed below.
        (Mode::Toast, _) => {}
        _ => append(&body, &host),
    }

    let entry = Open {
        id,
        mode,
        container,
        count,
        on_event,
        came_from: None,
        p,
    };
    let registered = with(|r| -> Result<(), JsValue> {
        if mode == Mode::Toast {
            // The stack says a new toast's title and explanation.
            let content = &entry.p.content;
            let words = [&*content.title, " ", &content.explanation].concat();
            match &r.stack {
                Some(stack) if stack.host.is_connected() => {
                    append(&stack.host, &host);
                    set_text(&stack.live, &words);
                }
                _ => {
                    let stack = toast::create_stack(doc, &body, &content.labels.notifications)?;
                    append(&stack.host, &host);
                    if let Some(old) = r.stack.take() {
                        old.host.remove();
                    }
                    if let Some(modal) = r.modal.as_mut() {
                        focus::make_inert(&mut modal.inert, stack.host.clone());
                    }
                    r.stack = Some(stack);
                    // A region inserted together with its text is not read by every screen
                    // reader: the first words wait until the new region is known.
                    r.announcement = Some((every(ANNOUNCE_DELAY_MS, 0, on_announce), words));
                }
            }
        }
        if mode == Mode::Dialog {
            let inert = focus::inert_except(&body, &host);
            let keys = listen(doc, "keydown", true, id, input::on_modal_key);
            r.modal = Some(Modal {
                id,
                inert,
                previous,
                _keys: keys,
            });
        }
        r.open.push(entry);
        Ok(())
    });
    match registered {
        Some(done) => done?,
        None => {
            host.remove();
            return Err(busy());
        }
    }

    crate::marks::mark(crate::marks::Step::Built);
    match mode {
        Mode::Dialog => super::dom::focus(&panel_el),
        Mode::Toast => {
            let toasts = ids(|o| o.mode == Mode::Toast);
            for &old in &toasts[..toasts.len().saturating_sub(MAX_TOASTS)] {
                dismiss(old);
            }
        }
        Mode::Inline => {}
    }
    Ok(())
}

/// The toast stack's first announcement, once its delay is over.
fn on_announce(_: u32) {
    with(|r| {
        // Dropping the timer from inside its own call is safe (see `every`).
        if let (Some((_timer, words)), Some(stack)) = (r.announcement.take(), &r.stack) {
            set_text(&stack.live, &words);
        }
    });
}

/// Closes panel `id`: removes it, releases what it held, reports `Dismissed`, then shows the
/// next queued dialog if one is waiting.
pub(super) fn dismiss(id: u32) {
    let closed = with(|r| {
        let i = r.open.iter().position(|o| o.id == id)?;
        let mut open = r.open.remove(i);
        let modal = r.modal.take_if(|m| m.id == id);
        // Outside a dialog, focus inside the panel goes back to where it came from.
        let back = match modal {
            None if super::dom::active_element(&open.p.root).is_some() => open.came_from.take(),
            _ => None,
        };
        let mut stack = None;
        if open.mode == Mode::Toast && !r.open.iter().any(|o| o.mode == Mode::Toast) {
            r.announcement = None;
            stack = r.stack.take().map(|s| s.host);
        }
        // The rest of the entry goes at the end of this borrow: removing its listeners and
        // clearing its timer run no page code.
        Some((
            open.p.host.clone(),
            back,
            stack,
            modal,
            open.on_event.clone(),
        ))
    });
    let Some((host, back, stack, modal, on_event)) = closed.flatten() else {
        return;
    };
    host.remove();
    focus::restore(back);
    if let Some(stack) = stack {
        stack.remove();
    }
    let was_dialog = modal.is_some();
    if let Some(mut modal) = modal {
        // The page must be interactive again before focus can go back to it.
        let previous = modal.previous.take();
        drop(modal);
        focus::restore(previous);
    }
    on_event(PanelEvent::Dismissed);
    if was_dialog {
        show_queued();
    }
}

/// Opens the first queued dialog, unless another dialog has opened meanwhile.
fn show_queued() {
    let next = with(|r| {
        if r.queue.is_empty() || r.open.iter().any(|o| o.mode == Mode::Dialog) {
            None
        } else {
            Some(r.queue.remove(0))
        }
    });
    let Some(q) = next.flatten() else {
        return;
    };
    let on_event = q.on_event.clone();
    let shown = document().and_then(|doc| {
        open(
            &doc,
            q.content,
            Mode::Dialog,
            q.theme,
            None,
            q.on_event,
            q.count,
        )
    });
    if shown.is_err() {
        on_event(PanelEvent::Dismissed);
    }
}

pub(super) fn dismiss_all() {
    let queued = with(|r| std::mem::take(&mut r.queue)).unwrap_or_default();
    for q in &queued {
        (q.on_event)(PanelEvent::Dismissed);
    }
    drop(queued);
    for id in ids(|_| true) {
        dismiss(id);
    }
}

pub(super) fn open_count() -> usize {
    ids(|o| o.p.host.is_connected()).len()
}

/// Closes panels the page removed from the document (a single-page app replacing the
/// container of an inline panel, say), so their listeners and modal state do not linger.
fn prune() {
    for id in ids(|o| !o.p.host.is_connected()) {
        dismiss(id);
    }
}

fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("explain402: no document"))
}
