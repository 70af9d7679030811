//! The panel registry: which panels are open, the dialog queue and the modal state, kept in a
//! `thread_local!`.
//!
//! # Design
//!
//! The registry is borrowed only for bookkeeping. Focus moves and calls to the owner's
//! `on_event` happen after the borrow ends, because both can run page code that calls back into
//! the render layer. A call that still finds the registry borrowed gets an error (or does
//! nothing) instead of panicking.

mod admit;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, KeyboardEvent};

use self::admit::{Admit, Queued};
use super::focus::{self, Modal};
use super::listen::Listener;
use super::panel::{self, Parts};
use super::toast::{self, MAX_TOASTS};
use super::{Mode, PanelContent, PanelEvent, Placement, Theme};

type OnEvent = Rc<dyn Fn(PanelEvent)>;

struct Open {
    id: u32,
    key: String,
    mode: Mode,
    container: Option<Element>,
    count: u32,
    repeated: String,
    parts: Parts,
    on_event: OnEvent,
}

#[derive(Default)]
struct Registry {
    next_id: u32,
    open: Vec<Open>,
    queue: Vec<Queued>,
    modal: Option<Modal>,
    stack: Option<Element>,
    /// The first announcement of a new toast stack, waiting for its delay.
    announcement: Option<gloo::timers::callback::Timeout>,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

/// Runs `f` on the registry; `None` if it is already borrowed (a re-entrant call).
fn with<R>(f: impl FnOnce(&mut Registry) -> R) -> Option<R> {
    REGISTRY.with(|r| r.try_borrow_mut().ok().map(|mut r| f(&mut r)))
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
        Admit::Open {
            content,
            on_event,
            replace,
        } => {
            for id in replace {
                dismiss(id);
            }
            open(&doc, *content, mode, theme, container, on_event, 1)
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
    let id = with(|r| {
        r.next_id = r.next_id.wrapping_add(1);
        r.next_id
    })
    .ok_or_else(busy)?;
    let parts = panel::build(doc, id, &content, mode, theme, count)?;
    let host = parts.host.clone();
    let panel_el = parts.panel.clone();
    let previous = (mode == Mode::Dialog)
        .then(|| focus::deep_active_element(doc))
        .flatten();

    let mut new_stack = None;
    let mut announce_in = None;
    match (mode, &container) {
        (Mode::Inline, Some(c)) => c.append_child(&host).map(drop)?,
        (Mode::Toast, _) => {
            let stack = match with(|r| r.stack.clone().filter(|s| s.is_connected())).flatten() {
                Some(s) => s,
                None => {
                    let s = toast::create_stack(doc, &content.labels.notifications)?;
                    new_stack = Some(s.clone());
                    s
                }
            };
            stack.append_child(&host)?;
            announce_in = Some(stack);
        }
        _ => body.append_child(&host).map(drop)?,
    }

    let announcement = announce_in
        .and_then(|stack| toast::announce(&stack, toast_words(&content), new_stack.is_some()));
    let entry = Open {
        id,
        key: content.key,
        mode,
        container,
        count,
        repeated: content.labels.repeated,
        parts,
        on_event,
    };
    let registered = with(move |r| {
        if let Some(stack) = new_stack {
            if let Some(old) = r.stack.replace(stack.clone()) {
                old.remove();
            }
            if let Some(modal) = r.modal.as_mut() {
                focus::make_inert(&mut modal.inert, stack.clone());
            }
        }
        if announcement.is_some() {
            r.announcement = announcement;
        }
        if mode == Mode::Dialog {
            let inert = focus::inert_except(&body, &entry.parts.host);
            let keys = Listener::capture(doc, "keydown", on_modal_key);
            r.modal = Some(Modal {
                id,
                inert,
                previous,
                _keys: keys,
            });
        }
        r.open.push(entry);
    });
    if registered.is_none() {
        host.remove();
        return Err(busy());
    }

    crate::marks::mark(crate::marks::Step::Built);
    match mode {
        Mode::Dialog => {
            let _ = panel_el.focus();
        }
        Mode::Toast => {
            let excess = with(|r| {
                let toasts: Vec<u32> = r
                    .open
                    .iter()
                    .filter(|o| o.mode == Mode::Toast)
                    .map(|o| o.id)
                    .collect();
                toasts[..toasts.len().saturating_sub(MAX_TOASTS)].to_vec()
            });
            for old in excess.unwrap_or_default() {
                dismiss(old);
            }
        }
        Mode::Inline => {}
    }
    Ok(())
}

/// What the toast stack says for a new toast: its title and explanation.
fn toast_words(content: &PanelContent) -> String {
    [content.title.as_str(), content.explanation.as_str()].join(" ")
}

/// Keyboard handling while a dialog is open: Esc closes it, Tab stays inside it.
fn on_modal_key(e: &Event) {
    let Some(key) = e.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    if key.is_composing() {
        return;
    }
    let dialog = with(|r| {
        let id = r.modal.as_ref()?.id;
        let open = r.open.iter().find(|o| o.id == id)?;
        Some((id, open.parts.root.clone(), open.parts.panel.clone()))
    });
    let Some((id, root, panel)) = dialog.flatten() else {
        return;
    };
    if !panel.is_connected() {
        // The page removed the dialog itself; give the page back and leave its key alone.
        dismiss(id);
        return;
    }
    match key.key().as_str() {
        "Escape" | "Esc" => {
            key.prevent_default();
            key.stop_propagation();
            dismiss(id);
        }
        // The trap moves focus itself only at the ends; the browser handles the rest.
        "Tab" if focus::trap_tab(&root, &panel, key.shift_key()) => key.prevent_default(),
        _ => {}
    }
}

/// Closes panel `id`: removes it, releases what it held, reports `Dismissed`, then shows the
/// next queued dialog if one is waiting.
pub(super) fn dismiss(id: u32) {
    let closed = with(|r| {
        let i = r.open.iter().position(|o| o.id == id)?;
        let open = r.open.remove(i);
        let modal = r.modal.take_if(|m| m.id == id);
        let last_toast = open.mode == Mode::Toast && !r.open.iter().any(|o| o.mode == Mode::Toast);
        let stack = if last_toast {
            r.announcement = None;
            r.stack.take()
        } else {
            None
        };
        Some((open, modal, stack))
    });
    let Some((open, modal, stack)) = closed.flatten() else {
        return;
    };
    let had_focus = open.parts.root.active_element().is_some();
    open.parts.host.remove();
    if had_focus && modal.is_none() {
        focus::restore(open.parts.came_from());
    }
    if let Some(stack) = stack {
        stack.remove();
    }
    let on_event = open.on_event.clone();
    drop(open);
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
        if r.open.iter().any(|o| o.mode == Mode::Dialog) {
            None
        } else {
            (!r.queue.is_empty()).then(|| r.queue.remove(0))
        }
    });
    let Some(q) = next.flatten() else {
        return;
    };
    let result = document().and_then(|doc| {
        open(
            &doc,
            q.content,
            Mode::Dialog,
            q.theme,
            None,
            q.on_event.clone(),
            q.count,
        )
    });
    if result.is_err() {
        (q.on_event)(PanelEvent::Dismissed);
    }
}

pub(super) fn report(id: u32, event: PanelEvent) {
    let on_event = with(|r| {
        r.open
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.on_event.clone())
    });
    if let Some(on_event) = on_event.flatten() {
        on_event(event);
    }
}

pub(super) fn dismiss_all() {
    let queued: Vec<Queued> = with(|r| r.queue.drain(..).collect()).unwrap_or_default();
    for q in queued {
        (q.on_event)(PanelEvent::Dismissed);
    }
    let ids: Vec<u32> = with(|r| r.open.iter().map(|o| o.id).collect()).unwrap_or_default();
    for id in ids {
        dismiss(id);
    }
}

pub(super) fn open_count() -> usize {
    with(|r| {
        r.open
            .iter()
            .filter(|o| o.parts.host.is_connected())
            .count()
    })
    .unwrap_or(0)
}

/// Closes panels the page removed from the document (a single-page app replacing the
/// container of an inline panel, say), so their listeners and modal state do not linger.
fn prune() {
    let gone: Vec<u32> = with(|r| {
        r.open
            .iter()
            .filter(|o| !o.parts.host.is_connected())
            .map(|o| o.id)
            .collect()
    })
    .unwrap_or_default();
    for id in gone {
        dismiss(id);
    }
}

fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("explain402: no document"))
}
