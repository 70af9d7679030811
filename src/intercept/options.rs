//! The integrator's options, read once per `init` and merged field by field over defaults.
//!
//! Broken options never throw: each problem becomes one warning and the default is used.

use crate::catalog::Catalog;
use crate::diagnose::rules::Rules;
use crate::diagnose::safe_url;
use crate::diagnose::Party;
use crate::json::Value;
use crate::render::{Mode, Theme};
use js_sys::{Array, Function, Reflect};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// Bytes of a response copy read at most.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// Milliseconds after which reading the copy stops.
pub const READ_TIMEOUT_MS: u32 = 1_500;
/// The hard ceiling on `maxBodyBytes`, whatever the integrator asks.
const MAX_BODY_BYTES_CEILING: usize = 1024 * 1024;

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
    pub read_timeout_ms: u32,
    pub on_show: Option<Function>,
    pub on_action: Option<Function>,
    pub on_dismiss: Option<Function>,
    pub on_retry: Option<Function>,
    pub on_pay: Option<Function>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            locale: None,
            mode: None,
            theme: Theme::Auto,
            container: None,
            catalog: Rc::new(Catalog::builtin()),
            rules: Rc::new(Rules::default()),
            links: LinkTargets::default(),
            max_body_bytes: MAX_BODY_BYTES,
            read_timeout_ms: READ_TIMEOUT_MS,
            on_show: None,
            on_action: None,
            on_dismiss: None,
            on_retry: None,
            on_pay: None,
        }
    }
}

fn get(o: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(o, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// The options' JSON-able part, as the core's JSON value (functions and elements drop out).
fn json_of(v: &JsValue) -> Option<Value> {
    js_sys::JSON::stringify(v)
        .ok()?
        .as_string()
        .and_then(|s| Value::parse(&s))
}

impl Config {
    /// Applies `options` over `self`, pushing one warning per problem.
    pub fn apply(&self, options: &JsValue, warnings: &mut Vec<String>) -> Config {
        let mut c = self.clone();
        if !options.is_object() {
            if !options.is_undefined() && !options.is_null() {
                warnings.push("options must be an object; using the defaults".into());
            }
            return c;
        }
        let string = |key: &str, warnings: &mut Vec<String>| -> Option<String> {
            let v = get(options, key)?;
            let s = v.as_string();
            if s.is_none() {
                warnings.push(["option `", key, "` must be a string; ignored"].concat());
            }
            s
        };
        if let Some(l) = string("locale", warnings) {
            c.locale = Some(l);
        }
        if let Some(m) = string("mode", warnings) {
            c.mode = match m.as_str() {
                "auto" => None,
                "dialog" => Some(Mode::Dialog),
                "toast" => Some(Mode::Toast),
                "inline" => Some(Mode::Inline),
                _ => {
                    warnings.push(
                        [
                            "option `mode` must be auto, dialog, toast or inline, not ",
                            &quoted(&m),
                        ]
                        .concat(),
                    );
                    c.mode
                }
            };
        }
        if let Some(t) = string("theme", warnings) {
            c.theme = match t.as_str() {
                "auto" => Theme::Auto,
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                _ => {
                    warnings.push(
                        [
                            "option `theme` must be auto, light or dark, not ",
                            &quoted(&t),
                        ]
                        .concat(),
                    );
                    c.theme
                }
            };
        }
        if let Some(el) = get(options, "container") {
            match el.dyn_into::<web_sys::Element>() {
                Ok(el) => c.container = Some(el),
                Err(_) => warnings.push("option `container` must be an Element; ignored".into()),
            }
        }
        if let Some(m) = get(options, "messages") {
            match json_of(&m) {
                Some(v) => c.catalog = Rc::new(Catalog::with_messages(&v, warnings)),
                None => warnings.push("option `messages` must be an object; ignored".into()),
            }
        }
        if let Some(r) = get(options, "rules") {
            match json_of(&r) {
                Some(v) => {
                    let party = c.rules.party;
                    let mut rules = Rules::parse(&v, warnings);
                    rules.party = party;
                    c.rules = Rc::new(rules);
                }
                None => warnings.push("option `rules` must be an array; ignored".into()),
            }
        }
        if let Some(p) = string("party", warnings) {
            match Party::parse(&p) {
                Some(p) => Rc::make_mut(&mut c.rules).party = Some(p),
                None => warnings
                    .push(["option `party` must be user or site, not ", &quoted(&p)].concat()),
            }
        }
        for (key, slot) in [
            ("supportUrl", &mut c.links.support),
            ("paymentUrl", &mut c.links.payment),
            ("signInUrl", &mut c.links.sign_in),
        ] {
            if let Some(u) = string(key, warnings) {
                match checked_url(&u) {
                    Some(u) => *slot = Some(u),
                    None => warnings.push(
                        [
                            "option `",
                            key,
                            "` must be an https, http, mailto or relative URL; ignored",
                        ]
                        .concat(),
                    ),
                }
            }
        }
        if let Some(list) = get(options, "statuses") {
            // The loader reads this option; it is checked here so that a mistake gets a warning.
            let valid = list.dyn_ref::<Array>().is_some_and(|a| {
                a.iter()
                    .all(|v| v.as_f64().is_some_and(|n| (100.0..600.0).contains(&n)))
            });
            if !valid {
                warnings.push(
                    "option `statuses` must be an array of HTTP statuses such as [402, 429]".into(),
                );
            }
        }
        if let Some(list) = get(options, "trustedLinkOrigins") {
            match list.dyn_ref::<Array>() {
                Some(a) => {
                    c.links.trusted_origins = a.iter().filter_map(|o| o.as_string()).collect()
                }
                None => warnings.push(
                    "option `trustedLinkOrigins` must be an array of origins; ignored".into(),
                ),
            }
        }
        if let Some(n) = get(options, "maxBodyBytes") {
            match n.as_f64().filter(|n| *n >= 0.0) {
                Some(n) => c.max_body_bytes = (n as usize).min(MAX_BODY_BYTES_CEILING),
                None => warnings
                    .push("option `maxBodyBytes` must be a non-negative number; ignored".into()),
            }
        }
        if let Some(n) = get(options, "readTimeoutMs") {
            match n.as_f64().filter(|n| *n >= 0.0) {
                Some(n) => c.read_timeout_ms = n.min(60_000.0) as u32,
                None => warnings
                    .push("option `readTimeoutMs` must be a non-negative number; ignored".into()),
            }
        }
        for (key, slot) in [
            ("onShow", &mut c.on_show),
            ("onAction", &mut c.on_action),
            ("onDismiss", &mut c.on_dismiss),
            ("onRetry", &mut c.on_retry),
            ("onPay", &mut c.on_pay),
        ] {
            if let Some(f) = get(options, key) {
                match f.dyn_into::<Function>() {
                    Ok(f) => *slot = Some(f),
                    Err(_) => {
                        warnings.push(["option `", key, "` must be a function; ignored"].concat())
                    }
                }
            }
        }
        c
    }
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
    if !has_scheme(u) {
        return resolve(u);
    }
    let lower = u.to_ascii_lowercase();
    if lower.starts_with("mailto:") && !u.chars().any(char::is_control) {
        return Some(u.to_owned());
    }
    if lower.starts_with("http://") && !u.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Some(u.to_owned());
    }
    safe_url(u)
}

/// Whether `u` starts with a URL scheme (`https:`, `mailto:`, `javascript:`, ...).
fn has_scheme(u: &str) -> bool {
    u.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
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
