//! Modal behaviour: making the page behind a dialog inert, trapping Tab inside the dialog, and
//! giving focus back to where it was.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, ShadowRoot};

use super::dom::{active_element, focus, matches, same, select_all, set, unset};
use super::listen::Listener;

/// What can take focus inside a panel, in tab order (panels never use a positive `tabindex`):
/// links, enabled buttons and other tabbable elements, except inside a closed `<details>`, and
/// every `<summary>`.
const FOCUSABLE: &str = ":is(a[href],button:not([disabled]),[tabindex]:not([tabindex='-1'])):not(details:not([open]) *),summary";

/// What an open dialog changed on the page. Dropping it removes the key listener and every
/// `inert` attribute it added; [`Modal::previous`] is where focus goes back afterwards.
///
/// # Design
///
/// Only the attributes this dialog added are removed again, so an element the page had already
/// made inert stays inert, with its original attribute value, after the dialog closes.
pub(crate) struct Modal {
    pub(crate) id: u32,
    /// The elements this dialog made inert.
    pub(crate) inert: Vec<Element>,
    /// The element that had focus before the dialog opened.
    pub(crate) previous: Option<Element>,
    pub(crate) _keys: Listener,
}

impl Drop for Modal {
    fn drop(&mut self) {
        for el in &self.inert {
            unset(el, "inert");
        }
    }
}

/// Makes every child element of `body` except `keep` inert; returns those it changed.
pub(crate) fn inert_except(body: &Element, keep: &Element) -> Vec<Element> {
    let mut added = Vec::new();
    let children = select_all(body, ":scope>*");
    for i in 0..children.length() {
        if let Some(child) = children.item(i).filter(|c| !same(c, keep)) {
            make_inert(&mut added, child.unchecked_into());
        }
    }
    added
}

/// Makes `el` inert unless it already is, and records it in `added` if it was not.
pub(crate) fn make_inert(added: &mut Vec<Element>, el: Element) {
    if el.get_attribute("inert").is_none() {
        set(&el, "inert", "");
        added.push(el);
    }
}

/// The element that really has focus, looking inside open shadow roots.
pub(crate) fn deep_active_element(doc: &Document) -> Option<Element> {
    let mut el = active_element(doc)?;
    while let Some(inner) = el.shadow_root().and_then(|r| active_element(&r)) {
        el = inner;
    }
    Some(el)
}

/// Moves focus to `el` if it is still in the document.
pub(crate) fn restore(el: Option<Element>) {
    if let Some(el) = el.filter(|e| e.is_connected()) {
        focus(&el);
    }
}

/// Keeps a Tab press inside `root`. Returns `true` when it moved focus itself (the caller then
/// prevents the browser's default move); in the middle of the list the browser moves focus.
pub(crate) fn trap_tab(root: &ShadowRoot, panel: &Element, backwards: bool) -> bool {
    let items = select_all(root, FOCUSABLE);
    let n = items.length();
    let (Some(first), Some(last)) = (items.item(0), items.item(n.wrapping_sub(1))) else {
        focus(panel);
        return true;
    };
    // From outside the controls (the panel itself, or the page), enter at the near end; from
    // an end, wrap to the other.
    let (end, target) = if backwards {
        (first, last)
    } else {
        (last, first)
    };
    if let Some(active) = active_element(root) {
        if matches(&active, FOCUSABLE) && !same(&active, &end) {
            return false;
        }
    }
    focus(&target);
    true
}
