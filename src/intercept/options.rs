//! The integrator's options, read once per `init` and merged field by field over defaults.
//!
//! Broken options never throw: each problem becomes one warning and the default is used.
//!
//! # Design
//! One table of keys and one loop read every option; each key's arm says what it accepts. The
//! JSON-able options (`messages`, `rules`) are read with the crate's own JSON reader; functions and
//! the container element are read as they are.

use crate::catalog::Catalog;
use crate::diagnose::rules::Rules;
use crate::diagnose::safe_url;
use crate::diagnose::Party;
use crate::json::Value;
use crate::render::{Mode, Theme};
use js_sys::{Array, Function, Reflect};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// Bytes of a response copy read at most (the loader reads the copy with the same default,
/// ceiling and timeout; see `limit` in src/js/core.js).
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// The hard ceiling on `maxBodyBytes`, whatever the integrator asks.
const MAX_BODY_BYTES_CEILING: f64 = 1024.0 * 1024.0;

/// The integrator callbacks, in the order of [`KEYS`] from `onShow`.
#[derive(Clone, Copy)]
pub enum Callback {
    Show,
    Action,
    Dismiss,
    Retry,
    Pay,
}

/// Where the panel's link actions lead.
#[derive(Clone, Default)]
pub struct LinkTargets {
    pub support: Option<String>,
    pub payment: Option<String>,
    pub sign_in: Option<String>,
    /// Origins (`https://pay.example.com`) whose server-offered links may become actions.
    pub trusted_origins: Vec<String>,
}

/// Everything `handle` and `diagnose` need, parsed from the options object.
#[derive(Clone)]
pub struct Config {
    pub locale: Option<String>,
    /// `None` = auto (dialog for blocking causes, toast for transient ones).
    pub mode: Option<Mode>,
    pub theme: Theme,
    pub container: Option<web_sys::Element>,
    pub catalog: Rc<Catalog>,
    pub rules: Rc<Rules>,
    pub links: LinkTargets,
    pub max_body_bytes: usize,
    /// `onShow`, `onAction`, `onDismiss`, `onRetry`, `onPay` (see [`Callback`]).
    pub callbacks: [Option<Function>; 5],
}

impl Default for Config {
    fn default() -> Config {
        Config {
            locale: None,
            mode: None,
            theme: Theme::Auto,
            container: None,
            catalog: Rc::new(Catalog::builtin()),
            rules: Rc::default(),
            links: LinkTargets::default(),
            max_body_bytes: MAX_BODY_BYTES,
            callbacks: Default::default(),
        }
    }
}

/// Every option the WASM reads, in the order of the arms in [`Config::apply`].
const KEYS: [&str; 19] = [
    "locale",
    "mode",
    "theme",
    "party",
    "supportUrl",
    "paymentUrl",
    "signInUrl",
    "maxBodyBytes",
    "readTimeoutMs",
    "container",
    "messages",
    "rules",
    "statuses",
    "trustedLinkOrigins",
    "onShow",
    "onAction",
    "onDismiss",
    "onRetry",
    "onPay",
];

/// The choices of `mode`, `theme` and `party`, in the order of their enums' handling below.
const MODES: [&str; 4] = ["auto", "dialog", "toast", "inline"];
const THEMES: [&str; 3] = ["auto", "light", "dark"];
const PARTIES: [&str; 2] = ["user", "site"];

impl Config {
    /// The callback `which`, if the integrator gave one.
    pub fn callback(&self, which: Callback) -> Option<&Function> {
        self.callbacks[which as usize].as_ref()
    }

    /// Applies `options` over `self`, pushing one warning per problem.
    pub fn apply(&self, options: &JsValue, warnings: &mut Vec<String>) -> Config {
        let mut c = self.clone();
        if !options.is_object() {
            if !options.is_undefined() && !options.is_null() {
                warnings.push("options must be an object; using the defaults".into());
            }
            return c;
        }
        for (i, key) in KEYS.iter().enumerate() {
            match Reflect::get(options, &JsValue::from_str(key)) {
                Ok(v) if !v.is_undefined() && !v.is_null() => c.set(i, key, v, warnings),
                _ => {}
            }
        }
        c
    }

    /// Sets option `key` (number `i` of `KEYS`) to `v`, or warns and keeps the field. Not
    /// inlined into `apply`: a page without options then never has the browser compile it.
    #[inline(never)]
    fn set(&mut self, i: usize, key: &str, v: JsValue, warnings: &mut Vec<String>) {
        let c = self;
        let text = v.as_string();
        let number = v.as_f64().filter(|n| *n >= 0.0);
        // What is wrong with the value, if anything; the field keeps its value then.
        let problem: Option<String> = match i {
            0..=6 if text.is_none() => Some("must be a string; ignored".into()),
            0 => {
                c.locale = text;
                None
            }
            1..=3 => {
                let t = text.unwrap_or_default();
                let choices: &[&str] = match i {
                    1 => &MODES,
                    2 => &THEMES,
                    _ => &PARTIES,
                };
                match choices.iter().position(|x| *x == t) {
                    Some(n) => {
                        match i {
                            1 => {
                                c.mode = [
                                    None,
                                    Some(Mode::Dialog),
                                    Some(Mode::Toast),
                                    Some(Mode::Inline),
                                ][n]
                            }
                            2 => c.theme = [Theme::Auto, Theme::Light, Theme::Dark][n],
                            _ => {
                                Rc::make_mut(&mut c.rules).party =
                                    Some([Party::User, Party::Site][n])
                            }
                        }
                        None
                    }
                    None => Some(["must be ", &one_of(choices), ", not ", &quoted(&t)].concat()),
                }
            }
            4..=6 => match checked_url(&text.unwrap_or_default()) {
                Some(u) => {
                    let slot = match i {
                        4 => &mut c.links.support,
                        5 => &mut c.links.payment,
                        _ => &mut c.links.sign_in,
                    };
                    *slot = Some(u);
                    None
                }
                None => Some("must be an https, http, mailto or relative URL; ignored".into()),
            },
            // The loader applies `readTimeoutMs`; it is checked here for the warning.
            7 | 8 => match number {
                Some(n) => {
                    if i == 7 {
                        c.max_body_bytes = n.min(MAX_BODY_BYTES_CEILING) as usize;
                    }
                    None
                }
                None => Some("must be a non-negative number; ignored".into()),
            },
            9 => match v.dyn_into::<web_sys::Element>() {
                Ok(el) => {
                    c.container = Some(el);
                    None
                }
                Err(_) => Some("must be an Element; ignored".into()),
            },
            10 => match json_of(&v) {
                Some(m) => {
                    c.catalog = Rc::new(Catalog::with_messages(&m, warnings));
                    None
                }
                None => Some("must be an object; ignored".into()),
            },
            11 => match json_of(&v) {
                Some(r) => {
                    let party = c.rules.party;
                    let mut rules = Rules::parse(&r, warnings);
                    rules.party = party;
                    c.rules = Rc::new(rules);
                    None
                }
                None => Some("must be an array; ignored".into()),
            },
            // The loader reads `statuses`; it is checked here so that a mistake gets a warning.
            12 => (!Array::is_array(&v)
                || !v
                    .unchecked_ref::<Array>()
                    .iter()
                    .all(|s| s.as_f64().is_some_and(|n| (100.0..600.0).contains(&n))))
            .then(|| "must be an array of HTTP statuses such as [402, 429]".into()),
            13 => match Array::is_array(&v) {
                true => {
                    let list = v.unchecked_ref::<Array>().iter();
                    c.links.trusted_origins = list.filter_map(|o| o.as_string()).collect();
                    None
                }
                false => Some("must be an array of origins; ignored".into()),
            },
            _ => match v.dyn_into::<Function>() {
                Ok(f) => {
                    c.callbacks[i - 14] = Some(f);
                    None
                }
                Err(_) => Some("must be a function; ignored".into()),
            },
        };
        if let Some(p) = problem {
            warnings.push(["option `", key, "` ", &p].concat());
        }
    }
}

/// "auto, dialog, toast or inline".
fn one_of(choices: &[&str]) -> String {
    let mut out = String::new();
    for (i, c) in choices.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == choices.len() { " or " } else { ", " });
        }
        out.push_str(c);
    }
    out
}

/// The options' JSON-able part, as the core's JSON value (functions and elements drop out).
fn json_of(v: &JsValue) -> Option<Value> {
    js_sys::JSON::stringify(v)
        .ok()?
        .as_string()
        .and_then(|s| Value::parse(&s))
}

/// `s` as a JSON string literal, to show a bad option value unambiguously.
fn quoted(s: &str) -> String {
    let mut out = String::new();
    crate::json::write_string(s, &mut out);
    out
}

/// An integrator URL: https or http (any host: the integrator chose it) or mailto. A relative
/// URL such as `/billing` is resolved against the page (`document.baseURI`) when the options
/// are applied.
fn checked_url(u: &str) -> Option<String> {
    let u = u.trim();
    let lower = u.to_ascii_lowercase();
    let scheme = u.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || b"+-.".contains(&c))
    });
    if !scheme {
        return resolve(u);
    }
    let clean = |ws: bool| {
        !u.chars()
            .any(|c| c.is_control() || (ws && c.is_whitespace()))
    };
    if (lower.starts_with("mailto:") && clean(false))
        || (lower.starts_with("http://") && clean(true))
    {
        return Some(u.to_owned());
    }
    safe_url(u)
}

/// A relative URL resolved against the page's base URL, kept only if that gives http or https
/// (the URL parser drops tabs and newlines, so `java\tscript:` is caught here).
fn resolve(u: &str) -> Option<String> {
    if u.is_empty() {
        return None;
    }
    let base = web_sys::window()?.document()?.base_uri().ok().flatten()?;
    let url = web_sys::Url::new_with_base(u, &base).ok()?;
    matches!(url.protocol().as_str(), "https:" | "http:").then(|| url.href())
}
