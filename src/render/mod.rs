//! Render: the only code that touches the Document. It draws an explanation as a panel (a modal
//! dialog, a toast or an inline block) inside an open shadow root.
//!
//! The render layer receives plain strings, already localized and sanitized, and writes them
//! only as text. It never parses responses.
//!
//! ```no_run
//! use std::rc::Rc;
//! use explain402::render::*;
//!
//! # fn content() -> PanelContent { unimplemented!() }
//! let placement = Placement { mode: Mode::Toast, theme: Theme::Auto, container: None };
//! show(content(), placement, Rc::new(|event| web_sys::console::log_1(&format!("{event:?}").into())))
//!     .ok();
//! assert_eq!(open_count(), 1);
//! dismiss_all();
//! assert_eq!(listener_count(), 0);
//! ```
//!
//! Invariants:
//! - **Untrusted text stays text.** Strings reach the DOM through `textContent` only; links must
//!   resolve to `https:`, `http:` or `mailto:` or they are dropped.
//! - **The panel never fights the host page.** Markup and styles live in a shadow root, styled by
//!   one adopted stylesheet; nothing is injected into the page's own styles.
//! - **Dismissing leaves nothing behind.** The host element, every listener, the page's `inert`
//!   attributes and its focus are all restored.

mod copy;
mod dom;
mod focus;
mod listen;
mod panel;
mod registry;
mod style;
mod toast;

use std::rc::Rc;

use wasm_bindgen::JsValue;

/// Where and how a panel appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// A modal alert dialog: focus moves in and is trapped, the page behind is inert.
    #[default]
    Dialog,
    /// A non-blocking notice stacked at the bottom corner, announced politely.
    Toast,
    /// A block inside the integrator's container element.
    Inline,
}

impl Mode {
    /// The value of the host's `data-mode` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Dialog => "dialog",
            Mode::Toast => "toast",
            Mode::Inline => "inline",
        }
    }
}

/// Colour theme; `Auto` follows `prefers-color-scheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    Auto,
}

impl Theme {
    /// The value of the host's `data-theme` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// What an action control does when activated. Every activation is also reported as
/// [`PanelEvent::Action`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionTarget {
    /// A link (`https:`, `http:` or `mailto:`; anything else is dropped), opened with
    /// `rel="noopener noreferrer"`, in a new tab except for `mailto:`.
    Link(String),
    /// A button that only reports the event.
    Callback,
    /// A button that copies the text to the clipboard and says whether that worked.
    Copy(String),
}

/// One action control; the first shown is styled as the primary one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelAction {
    pub kind: String,
    pub label: String,
    pub target: ActionTarget,
    /// A wait before the control can be used (a `Retry-After`), or `None`.
    pub wait: Option<Wait>,
}

/// A control that waits: it shows the time left beside it, is `aria-disabled` (and ignores
/// clicks) until the time is up, and then says so through a polite status.
///
/// # Design
/// The time left is visible and is the control's description, but it is not a live region:
/// a screen reader hears it once when the wait starts and once more when the control becomes
/// usable, not every second.
#[derive(Clone)]
pub struct Wait {
    /// Seconds left when the panel opens.
    pub seconds: u64,
    /// The words for a number of seconds left, for example "Tunggu 30 detik".
    pub text: Rc<dyn Fn(u64) -> String>,
    /// Said when the wait is over, for example "Sekarang Anda bisa mencoba lagi."
    pub ready: String,
}

impl std::fmt::Debug for Wait {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Wait")
            .field("seconds", &self.seconds)
            .field("ready", &self.ready)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Wait {
    fn eq(&self, other: &Wait) -> bool {
        self.seconds == other.seconds
            && self.ready == other.ready
            && (self.text)(self.seconds) == (other.text)(other.seconds)
    }
}

impl Eq for Wait {}

/// The panel's own words, in the panel's locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelLabels {
    /// Accessible name of the × button.
    pub close: String,
    /// Summary of the collapsed support section.
    pub details: String,
    pub copy: String,
    pub copied: String,
    pub copy_failed: String,
    /// The repeat badge; `{count}` is replaced by the number of occurrences.
    pub repeated: String,
    /// Accessible name of the toast region.
    pub notifications: String,
}

/// Everything a panel shows; all strings are plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelContent {
    /// Deduplication key (the cause label).
    pub key: String,
    /// Goes to the host's `data-cause`.
    pub cause: String,
    /// The panel's `lang`.
    pub locale: String,
    pub title: String,
    pub explanation: String,
    /// Shown as a numbered list.
    pub steps: Vec<String>,
    /// In order; the first is the primary action.
    pub actions: Vec<PanelAction>,
    /// Label/value rows of the collapsed "details for support" section.
    pub support: Vec<(String, String)>,
    /// If present, the support section offers a button that copies it.
    pub reference: Option<String>,
    pub labels: PanelLabels,
}

/// Where a panel goes and how it looks.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    pub mode: Mode,
    pub theme: Theme,
    /// Required for [`Mode::Inline`]; without it an inline panel is shown as a dialog.
    pub container: Option<web_sys::Element>,
}

/// What a panel reports back to its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanelEvent {
    /// An action control was activated; carries its `kind`.
    Action(String),
    /// The panel went away (closed by the user, replaced, trimmed or dismissed by code).
    Dismissed,
}

/// Shows (or updates) a panel. `on_event` is called for every action click and once on
/// dismissal.
///
/// # Repeats
///
/// A panel whose key is already open (for inline panels: in the same container) is not shown a
/// second time: the open one counts the repeat ("Happened 3 times", `data-count` on the host),
/// takes the newer support rows and reference, and from then on reports to the newer
/// `on_event`. At most one dialog is open; further dialogs wait in a queue (deduplicated by key
/// too) and appear when it is dismissed. At most three toasts are visible; the oldest goes
/// first.
///
/// # Errors
///
/// Fails when there is no document body or the browser lacks constructable stylesheets; nothing
/// is left in the page in that case.
pub fn show(
    content: PanelContent,
    placement: Placement,
    on_event: Rc<dyn Fn(PanelEvent)>,
) -> Result<(), JsValue> {
    registry::show(content, placement, on_event)
}

/// Dismisses every open panel and queued panel (each reports Dismissed).
pub fn dismiss_all() {
    registry::dismiss_all()
}

/// Number of panels currently in the DOM (for tests and benchmarks).
pub fn open_count() -> usize {
    registry::open_count()
}

/// Number of event listeners currently registered by the render layer (for leak tests).
pub fn listener_count() -> usize {
    listen::live()
}
