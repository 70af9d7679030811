//! Modal behaviour: making the page behind a dialog inert, trapping Tab inside the dialog, and
//! giving focus back to where it was.

use wasm_bindgen::JsCast;

use super::listen::Listener;
use web_sys::{Document, Element, HtmlElement, ShadowRoot};

/// What can take focus inside a panel, in tab order (panels never use a positive `tabindex`).
const FOCUSABLE: &str = "a[href], button:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";

/// The page's state behind a dialog: restores every `inert` attribute it added when dropped.
///
/// # Design
///
/// Only the attributes this guard added are removed again, so an element the page had already
/// made inert stays inert, with its original attribute value, after the dialog closes.
#[must_use = "the page becomes interactive again as soon as this value is dropped"]
pub(crate) struct InertGuard {
    added: Vec<Element>,
}

impl InertGuard {
    /// Marks every child element of `<body>` except `keep` inert.
    pub(crate) fn apply(doc: &Document, keep: &Element) -> Self {
        let mut guard = InertGuard { added: Vec::new() };
        if let Some(body) = doc.body() {
            let children = body.children();
            for i in 0..children.length() {
                if let Some(child) = children.item(i) {
                    if &child != keep {
                        guard.add(&child);
                    }
                }
            }
        }
        guard
    }

    /// Makes one more element inert (for example the toast stack, created while a dialog is open).
    pub(crate) fn add(&mut self, el: &Element) {
        if !el.has_attribute("inert") && el.set_attribute("inert", "").is_ok() {
            self.added.push(el.clone());
        }
    }
}

impl Drop for InertGuard {
    fn drop(&mut self) {
        for el in self.added.drain(..) {
            let _ = el.remove_attribute("inert");
        }
    }
}

/// What an open dialog changed on the page, undone by [`Modal::release`].
pub(crate) struct Modal {
    pub(crate) id: u32,
    pub(crate) inert: InertGuard,
    previous: Option<Element>,
    _keys: Listener,
}

impl Modal {
    /// Records dialog `id`'s hold on the page: its inert guard, the element to refocus when it
    /// closes, and its document-level key listener.
    pub(crate) fn new(
        id: u32,
        inert: InertGuard,
        previous: Option<Element>,
        keys: Listener,
    ) -> Self {
        Modal {
            id,
            inert,
            previous,
            _keys: keys,
        }
    }

    /// Gives the page back: removes the key listener and the `inert` attributes, then returns
    /// focus to where it was before the dialog opened.
    pub(crate) fn release(self) {
        let Modal {
            inert,
            previous,
            _keys,
            ..
        } = self;
        drop(_keys);
        // The page must be interactive again before focus can go back to it.
        drop(inert);
        restore(previous);
    }
}

/// The element that really has focus, looking inside open shadow roots.
pub(crate) fn deep_active_element(doc: &Document) -> Option<Element> {
    let mut el = doc.active_element()?;
    while let Some(inner) = el.shadow_root().and_then(|r| r.active_element()) {
        el = inner;
    }
    Some(el)
}

/// Moves focus to `el` if it is still in the document.
pub(crate) fn restore(el: Option<Element>) {
    if let Some(el) = el.filter(|e| e.is_connected()) {
        // `focus` exists on HTML and SVG elements alike; the binding calls it by name.
        let _ = el.unchecked_ref::<HtmlElement>().focus();
    }
}

/// The focusable controls inside `root`, skipping those hidden in a closed `<details>`.
pub(crate) fn focusables(root: &ShadowRoot) -> Vec<HtmlElement> {
    let mut out = Vec::new();
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return out;
    };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let hidden =
            el.tag_name() != "SUMMARY" && matches!(el.closest("details:not([open])"), Ok(Some(_)));
        if !hidden {
            if let Ok(el) = el.dyn_into::<HtmlElement>() {
                out.push(el);
            }
        }
    }
    out
}

/// Keeps a Tab press inside `root`. Returns `true` when it moved focus itself (the caller then
/// prevents the browser's default move); in the middle of the list the browser moves focus.
pub(crate) fn trap_tab(root: &ShadowRoot, panel: &HtmlElement, backwards: bool) -> bool {
    let items = focusables(root);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        let _ = panel.focus();
        return true;
    };
    let active = root.active_element();
    let at = active
        .as_ref()
        .and_then(|a| items.iter().position(|i| a == i.unchecked_ref::<Element>()));
    let target = match (backwards, at) {
        // From outside the controls (the panel itself, or the page): enter at the near end.
        (true, None) => last,
        (false, None) => first,
        (true, Some(0)) => last,
        (false, Some(i)) if i + 1 == items.len() => first,
        _ => return false,
    };
    let _ = target.focus();
    true
}
