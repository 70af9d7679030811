//! Admitting a new panel: repeats of an open panel update it, a second dialog waits in a queue,
//! an inline panel replaces the one already in its container.

use web_sys::{Document, Element};

use super::{OnEvent, Registry};
use crate::render::dom::set_text;
use crate::render::{Mode, PanelContent, Theme};

/// Dialogs waiting behind the open one; beyond this a new dialog is dismissed at once.
const MAX_QUEUED: usize = 8;

/// A dialog waiting for the open one to close.
pub(super) struct Queued {
    pub(super) content: PanelContent,
    pub(super) theme: Theme,
    pub(super) count: u32,
    pub(super) on_event: OnEvent,
}

/// The outcome of checking a new panel against the open and queued ones.
#[allow(clippy::large_enum_variant)] // Moved once, right away; a box would cost an allocation.
pub(super) enum Admit {
    Done,
    Rejected(OnEvent),
    /// Open it, after dismissing the panels listed (those in the same container).
    Open(PanelContent, OnEvent, Vec<u32>),
}

impl Registry {
    pub(super) fn admit(
        &mut self,
        doc: &Document,
        content: PanelContent,
        mode: Mode,
        theme: Theme,
        container: Option<&Element>,
        on_event: OnEvent,
    ) -> Admit {
        let inline = mode == Mode::Inline;
        let mut replace = Vec::new();
        for open in &mut self.open {
            let same_place = if inline {
                open.container.as_ref() == container
            } else {
                open.mode != Mode::Inline
            };
            if !same_place {
                continue;
            }
            if open.p.content.key != content.key {
                if inline {
                    replace.push(open.id);
                }
                continue;
            }
            open.count = open.count.saturating_add(1);
            open.on_event = on_event;
            let badge = open.p.set_count(open.count);
            if open.mode == Mode::Toast {
                // The stack says it again, with the count ("Happened 2 times").
                if let Some(stack) = &self.stack {
                    set_text(&stack.live, &[&*content.title, " ", &badge].concat());
                }
            }
            open.p.refresh(doc, content);
            return Admit::Done;
        }
        if mode == Mode::Dialog && self.open.iter().any(|o| o.mode == Mode::Dialog) {
            if let Some(queued) = self.queue.iter_mut().find(|q| q.content.key == content.key) {
                queued.count = queued.count.saturating_add(1);
                queued.content = content;
                queued.on_event = on_event;
                return Admit::Done;
            }
            if self.queue.len() >= MAX_QUEUED {
                return Admit::Rejected(on_event);
            }
            self.queue.push(Queued {
                content,
                theme,
                count: 1,
                on_event,
            });
            return Admit::Done;
        }
        Admit::Open(content, on_event, replace)
    }
}
