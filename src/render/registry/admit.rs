//! Admitting a new panel: repeats of an open panel update it, a second dialog waits in a queue,
//! an inline panel replaces the one already in its container.

use web_sys::{Document, Element};

use super::{OnEvent, Open, Registry};
use crate::render::panel;
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
pub(super) enum Admit {
    Done,
    Rejected(OnEvent),
    Open {
        content: Box<PanelContent>,
        on_event: OnEvent,
        replace: Vec<u32>,
    },
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
        let same = |o: &&mut Open| {
            o.key == content.key
                && match mode {
                    Mode::Inline => o.mode == Mode::Inline && o.container.as_ref() == container,
                    _ => o.mode != Mode::Inline,
                }
        };
        if let Some(open) = self.open.iter_mut().find(same) {
            open.count = open.count.saturating_add(1);
            open.on_event = on_event;
            let _ = panel::set_count(&mut open.parts, &open.repeated, open.count);
            panel::refresh_support(doc, &open.parts, &content);
            if open.mode == Mode::Toast {
                // The stack says it again, with the count ("Happened 2 times").
                let words = [
                    content.title.as_str(),
                    &open
                        .repeated
                        .replace("{count}", &crate::catalog::digits(open.count.into())),
                ]
                .join(" ");
                if let Some(stack) = &self.stack {
                    let _ = crate::render::toast::announce(stack, words, false);
                }
            }
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
        let replace = match (mode, container) {
            (Mode::Inline, Some(c)) => self
                .open
                .iter()
                .filter(|o| o.container.as_ref() == Some(c))
                .map(|o| o.id)
                .collect(),
            _ => Vec::new(),
        };
        Admit::Open {
            content: Box::new(content),
            on_event,
            replace,
        }
    }
}
