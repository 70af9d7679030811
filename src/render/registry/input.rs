//! What the person does with a panel (clicks, keys, focus) and what time does to it (the
//! countdown of a waiting control). Each handler gets the id of its panel.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, FocusEvent};

use super::{dismiss, with, OnEvent};
use crate::render::copy::Copy;
use crate::render::dom::{self, same, set, set_text, unset};
use crate::render::focus;
use crate::render::panel::Control;
use crate::render::{ActionTarget, PanelEvent};

/// What a click on a control asks for, found while the registry is borrowed and done after.
enum Click {
    Close,
    /// A waiting control: the click does nothing.
    Wait,
    Action(OnEvent, String, Option<Copy>),
    Copy(Copy),
}

/// A click anywhere in panel `id`.
pub(crate) fn on_click(id: u32, e: &Event) {
    let target = JsValue::from(e.target());
    let click = with(|r| {
        let o = r.find(id)?;
        let p = &o.p;
        let &(_, control) = p.controls.iter().find(|(c, _)| same(c, &target))?;
        let copy = |text: &Option<String>, status: &Option<_>| {
            let (Some(text), Some(status)) = (text, status) else {
                return None;
            };
            Some(Copy {
                text: String::clone(text),
                status: web_sys::Element::clone(status),
                copied: p.content.labels.copied.clone(),
                failed: p.content.labels.copy_failed.clone(),
            })
        };
        Some(match control {
            Control::Close => Click::Close,
            Control::Action(i) if p.wait.as_ref().is_some_and(|w| w.action == i) => Click::Wait,
            Control::Action(i) => {
                let action = &p.content.actions[i];
                let text = match &action.target {
                    ActionTarget::Copy(text) => Some(text.clone()),
                    _ => None,
                };
                let copy = copy(&text, &p.copy_status);
                Click::Action(o.on_event.clone(), action.kind.clone(), copy)
            }
            Control::Reference => Click::Copy(copy(&p.content.reference, &p.reference_status)?),
        })
    });
    match click.flatten() {
        Some(Click::Close) => dismiss(id),
        Some(Click::Wait) => e.prevent_default(),
        Some(Click::Action(on_event, kind, copy)) => {
            if let Some(copy) = copy {
                copy.run();
            }
            on_event(PanelEvent::Action(kind));
        }
        Some(Click::Copy(copy)) => copy.run(),
        None => {}
    }
}

/// Focus entering panel `id` (not a dialog): remembers where it came from.
pub(crate) fn on_focus_in(id: u32, e: &Event) {
    let from = e.unchecked_ref::<FocusEvent>().related_target();
    let Some(from) = from.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return;
    };
    with(|r| {
        if let Some(o) = r.find(id) {
            if !o.p.panel.contains(Some(&from)) {
                o.came_from = Some(from);
            }
        }
    });
}

fn is_escape(key: &str) -> bool {
    matches!(key, "Escape" | "Esc")
}

/// A key pressed inside toast `id`: Esc closes it.
pub(crate) fn on_toast_key(id: u32, e: &Event) {
    if dom::key(e).is_some_and(|k| is_escape(&k)) {
        e.stop_propagation();
        dismiss(id);
    }
}

/// Keyboard handling while a dialog is open: Esc closes it, Tab stays inside it.
pub(crate) fn on_modal_key(_: u32, e: &Event) {
    let Some(key) = dom::key(e) else {
        return;
    };
    let dialog = with(|r| {
        let id = r.modal.as_ref()?.id;
        let o = r.find(id)?;
        Some((id, o.p.root.clone(), o.p.panel.clone()))
    });
    let Some((id, root, panel)) = dialog.flatten() else {
        return;
    };
    if !panel.is_connected() {
        // The page removed the dialog itself; give the page back and leave its key alone.
        dismiss(id);
        return;
    }
    if is_escape(&key) {
        e.prevent_default();
        e.stop_propagation();
        dismiss(id);
    } else if key == "Tab" && focus::trap_tab(&root, &panel, dom::shift_key(e)) {
        // The trap moves focus itself only at the ends; the browser handles the rest.
        e.prevent_default();
    }
}

/// A tick of panel `id`'s countdown.
///
/// # Design
/// The time is read from the clock, not counted in ticks: background tabs throttle timers.
/// Once the wait is over the countdown is dropped, which stops its timer from inside its own
/// call (see [`crate::render::listen::every`]). The words come from the owner's `Wait::text`
/// while the registry is borrowed; should that ever call back into the render layer, the call
/// finds the registry busy and does nothing.
pub(crate) fn on_tick(id: u32) {
    with(|r| {
        let o = r.find(id)?;
        let p = &mut o.p;
        let w = p.wait.as_mut()?;
        let wait = p.content.actions[w.action].wait.as_ref()?;
        let secs = ((w.deadline - js_sys::Date::now()).max(0.0) / 1000.0).ceil() as u64;
        if secs == 0 {
            unset(&w.control, "aria-disabled");
            unset(&w.control, "data-wait");
            unset(&w.control, "aria-describedby");
            set_text(&w.left, "");
            set_text(&w.status, &wait.ready);
            p.wait = None;
            return Some(());
        }
        let text = (wait.text)(secs);
        set_text(&w.left, &text);
        set(&w.control, "data-wait", &crate::catalog::digits(secs));
        if !w.announced {
            w.announced = true;
            set_text(&w.status, &text);
        }
        Some(())
    });
}
