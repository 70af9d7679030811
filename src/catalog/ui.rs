//! The chrome strings around an explanation: close, copy, the support details, the toast region.

use super::format::Format;

/// Declares [`Ui`] and [`UI_KEYS`] from one table, so the struct fields, the keys integrators
/// write under `messages.<locale>.ui` and the order of the per-locale tables cannot disagree.
macro_rules! ui_strings {
    ($($field:ident = $key:literal, #[doc = $doc:literal])*) => {
        /// The chrome strings of one locale, with integrator overrides and fallbacks applied.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Ui {
            /// The locale the strings were looked up for.
            pub locale: String,
            $(#[doc = $doc] pub $field: String,)*
        }

        /// The keys of the chrome strings, in the order of the per-locale tables.
        pub const UI_KEYS: [&str; UI_LEN] = [$($key,)*];

        /// Number of chrome strings.
        pub const UI_LEN: usize = [$($key,)*].len();

        impl Ui {
            /// The strings `text(i)` for each key `i` of [`UI_KEYS`].
            pub(super) fn from_fn(locale: String, text: impl Fn(usize) -> String) -> Ui {
                let mut i = 0;
                $(let $field = text(i); i += 1;)*
                debug_assert_eq!(i, UI_LEN);
                Ui { locale, $($field,)* }
            }
        }
    };
}

ui_strings! {
    close = "close", #[doc = "The close button (\"Tutup\")."]
    details = "details", #[doc = "The summary of the collapsible support details."]
    status = "status", #[doc = "Label of the HTTP status in the support details."]
    code = "code", #[doc = "Label of the vendor's error code in the support details."]
    reference = "reference", #[doc = "Label of the support reference."]
    copy = "copy", #[doc = "The copy button beside the reference."]
    copied = "copied", #[doc = "Said after a successful copy."]
    copy_failed = "copyFailed", #[doc = "Said when the clipboard refused."]
    repeated = "repeated", #[doc = "How often the same problem happened; `{count}` is the number."]
    notifications = "notifications", #[doc = "Accessible name of the toast region."]
    amount = "amount", #[doc = "Label of the amount in the support details."]
    network = "network", #[doc = "Label of the payment network in the support details."]
    resource = "resource", #[doc = "Label of the payable resource in the support details."]
    cause = "cause", #[doc = "Label of the cause label in the support details."]
    learn_more = "learnMore", #[doc = "Text of a link to the server's documentation."]
    reload = "reload", #[doc = "The retry button when the integrator gave no `onRetry`: it reloads the page."]
    wait = "wait", #[doc = "Beside a retry button that waits for `Retry-After`; `{time}` is the time left."]
    ready = "ready", #[doc = "Announced when a waiting retry button becomes usable."]
}

/// The placeholders a chrome string may use: `repeated` has `{count}`, `wait` has `{time}`.
pub fn placeholders_for(key: &str) -> &'static [&'static str] {
    match key {
        "repeated" => &["count"],
        "wait" => &["time"],
        _ => &[],
    }
}

impl Ui {
    /// The `repeated` text for `count`, for example "Terjadi 3 kali".
    pub fn repeated_count(&self, count: u64, fmt: &dyn Format) -> String {
        self.repeated
            .replace("{count}", &fmt.integer(&self.locale, count))
    }

    /// The `wait` text for `seconds` left, for example "Tunggu 30 detik".
    pub fn wait_for(&self, seconds: u64, fmt: &dyn Format) -> String {
        self.wait
            .replace("{time}", &fmt.duration(&self.locale, seconds))
    }
}
