//! Integrator texts from the `messages` option, read and checked once, at configure time.
//!
//! The shape, keyed by locale tag (`id`, `en`, or any added one such as `ms` or `pt-BR`):
//!
//! ```json
//! { "id": {
//!     "card_expired": { "title": "…", "explanation": "…", "steps": ["…"],
//!                       "actions": ["update_payment", "retry"],
//!                       "labels": { "update_payment": "Ganti kartu" } },
//!     "credits_exhausted": { "site": { "title": "…", "steps": ["…"],
//!                                      "actions": ["contact_support"] } },
//!     "upgrade_plan": { "title": "…", "explanation": "…" },
//!     "ui": { "close": "Tutup" },
//!     "actions": { "retry": "Ulangi" } } }
//! ```
//!
//! Inside a locale, the keys [`RESERVED`] (`ui`, `actions`) hold the chrome strings and the
//! action labels; every other key is a cause label, built-in or custom, so no custom cause can
//! be named `ui` or `actions`. Every field is optional and overrides only itself. A cause's
//! `site` object has the same fields and overrides the text shown when only the site's team can
//! act (`Party::Site`); the cause's own fields are the text for the visitor (`Party::User`).
//!
//! # Design
//! Malformed input never fails and never blanks the panel: each problem adds one warning
//! (`messages.id.card_expired.title: …`) and the field keeps its default. A list (`steps`,
//! `actions`) is used whole or not at all, except that steps beyond [`MAX_STEPS`] are dropped.

use super::actions::{ActionKind, ACTION_COUNT};
use super::format::digits;
use super::template::{check, PLACEHOLDERS};
use super::ui::{placeholders_for, UI_KEYS, UI_LEN};
use crate::diagnose::strip_controls;
use crate::json::Value;
use std::collections::BTreeMap;

/// Longest title, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest explanation, in characters.
pub const MAX_EXPLANATION: usize = 1000;
/// Longest step, in characters.
pub const MAX_STEP: usize = 500;
/// Most steps shown; further ones are dropped with a warning.
pub const MAX_STEPS: usize = 8;
/// Longest action label or chrome string, in characters.
pub const MAX_LABEL: usize = 200;
/// Longest custom cause label.
const MAX_CAUSE_LABEL: usize = 64;
/// Longest locale tag.
const MAX_TAG: usize = 35;

/// Keys of a locale object that are not cause labels.
pub const RESERVED: [&str; 2] = ["ui", "actions"];

/// Integrator texts for one cause in one locale.
#[derive(Clone, Debug, Default)]
pub(super) struct CauseTexts {
    pub title: Option<String>,
    pub explanation: Option<String>,
    pub steps: Option<Vec<String>>,
    pub actions: Option<Vec<ActionKind>>,
    pub labels: [Option<String>; ACTION_COUNT],
    /// The texts for a site diagnosis (`messages.<locale>.<cause>.site`).
    pub site: Option<Box<CauseTexts>>,
}

/// Integrator texts for one locale (empty for a built-in locale nobody customized).
#[derive(Clone, Debug)]
pub(super) struct LocaleTexts {
    pub tag: String,
    /// The packed built-in texts of the locale (`packed.rs`); empty for an added locale.
    pub builtin: &'static str,
    pub causes: BTreeMap<String, CauseTexts>,
    pub labels: [Option<String>; ACTION_COUNT],
    pub ui: [Option<String>; UI_LEN],
}

impl LocaleTexts {
    pub fn new(tag: String, builtin: &'static str) -> LocaleTexts {
        LocaleTexts {
            tag,
            builtin,
            causes: BTreeMap::new(),
            labels: Default::default(),
            ui: Default::default(),
        }
    }
}

/// A locale tag in the catalog's form: lowercase, `-` separated, `in` read as `id`.
/// `None` unless it looks like a BCP 47 tag (`id`, `en-GB`, `zh-Hant-TW`).
pub(super) fn normalize_tag(tag: &str) -> Option<String> {
    let t = tag.trim().replace('_', "-").to_ascii_lowercase();
    if t.len() > MAX_TAG {
        return None;
    }
    let mut parts = t.split('-');
    let lang = parts.next()?;
    let ok = (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_lowercase())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    match lang {
        _ if !ok => None,
        "in" => Some(["id", t.get(2..).unwrap_or("")].concat()),
        _ => Some(t),
    }
}

/// Reads `messages` into `locales`, merging into a locale already there.
pub(super) fn parse(messages: &Value, locales: &mut Vec<LocaleTexts>, warnings: &mut Vec<String>) {
    let Some(entries) = messages.as_object() else {
        if *messages != Value::Null {
            warnings.push(
                [
                    "messages: expected an object keyed by locale, found ",
                    found(messages),
                    "; ignored",
                ]
                .concat(),
            );
        }
        return;
    };
    for (key, v) in entries {
        let path = ["messages.", key].concat();
        let Some(tag) = normalize_tag(key) else {
            warnings.push(
                [
                    &path,
                    ": not a locale tag such as \"id\" or \"pt-BR\"; ignored",
                ]
                .concat(),
            );
            continue;
        };
        let Some(fields) = v.as_object() else {
            warnings.push(not_an_object(&path, v));
            continue;
        };
        let i = match locales.iter().position(|l| l.tag == tag) {
            Some(i) => i,
            None => {
                locales.push(LocaleTexts::new(tag, ""));
                locales.len() - 1
            }
        };
        if let Some(locale) = locales.get_mut(i) {
            parse_locale(fields, &path, locale, warnings);
        }
    }
}

fn parse_locale(
    fields: &[(String, Value)],
    path: &str,
    locale: &mut LocaleTexts,
    warnings: &mut Vec<String>,
) {
    for (key, v) in fields {
        let path = [path, ".", key].concat();
        match key.as_str() {
            "ui" => parse_ui(v, &path, &mut locale.ui, warnings),
            "actions" => parse_labels(v, &path, &mut locale.labels, warnings),
            label if is_cause_label(label) => {
                let texts = locale.causes.entry(label.to_owned()).or_default();
                parse_cause(v, &path, texts, true, warnings);
            }
            _ => warnings.push(
                [
                    &path,
                    ": not a cause label (letters, digits, '_', '-', '.' or ':', at most ",
                    &digits(MAX_CAUSE_LABEL as u64),
                    "); ignored",
                ]
                .concat(),
            ),
        }
    }
}

fn is_cause_label(s: &str) -> bool {
    (1..=MAX_CAUSE_LABEL).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':'))
}

/// Reads one cause's texts; `site` says whether a nested `site` object is allowed (not inside
/// a `site` object itself).
fn parse_cause(
    v: &Value,
    path: &str,
    texts: &mut CauseTexts,
    site: bool,
    warnings: &mut Vec<String>,
) {
    let Some(fields) = v.as_object() else {
        warnings.push(not_an_object(path, v));
        return;
    };
    for (key, v) in fields {
        let path = [path, ".", key].concat();
        let fallback = |problem: String| default_used(&path, &problem);
        match key.as_str() {
            "title" => match text(v, MAX_TITLE, PLACEHOLDERS) {
                Ok(s) => texts.title = Some(s),
                Err(e) => warnings.push(fallback(e)),
            },
            "explanation" => match text(v, MAX_EXPLANATION, PLACEHOLDERS) {
                Ok(s) => texts.explanation = Some(s),
                Err(e) => warnings.push(fallback(e)),
            },
            "steps" => {
                if v.as_array().is_some_and(|a| a.len() > MAX_STEPS) {
                    warnings.push(
                        [
                            &path,
                            ": more than ",
                            &digits(MAX_STEPS as u64),
                            " steps; the rest are dropped",
                        ]
                        .concat(),
                    );
                }
                match steps(v) {
                    Ok(s) => texts.steps = Some(s),
                    Err(e) => warnings.push(fallback(e)),
                }
            }
            "actions" => match actions(v) {
                Ok(a) => texts.actions = Some(a),
                Err(e) => warnings.push(fallback(e)),
            },
            "labels" => parse_labels(v, &path, &mut texts.labels, warnings),
            "site" if site => {
                let nested = texts.site.get_or_insert_with(Box::default);
                parse_cause(v, &path, nested, false, warnings);
            }
            _ => warnings.push(
                [
                    path.as_str(),
                    if site {
                        ": unknown field (expected title, explanation, steps, actions, labels or site); ignored"
                    } else {
                        ": unknown field (expected title, explanation, steps, actions or labels); ignored"
                    },
                ]
                .concat(),
            ),
        }
    }
}

/// The first [`MAX_STEPS`] steps, all well formed, or what is wrong with one of them.
fn steps(v: &Value) -> Result<Vec<String>, String> {
    let items = v
        .as_array()
        .ok_or_else(|| ["expected an array of strings, found ", found(v)].concat())?;
    items
        .iter()
        .take(MAX_STEPS)
        .enumerate()
        .map(|(i, s)| {
            text(s, MAX_STEP, PLACEHOLDERS)
                .map_err(|e| ["step ", &digits(i as u64), ": ", &e].concat())
        })
        .collect()
}

/// Known action kinds without repeats, or the first unknown one.
fn actions(v: &Value) -> Result<Vec<ActionKind>, String> {
    let items = v
        .as_array()
        .ok_or_else(|| ["expected an array of action kinds, found ", found(v)].concat())?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let kind = item.as_str().and_then(ActionKind::parse).ok_or_else(|| {
            [
                "unknown action kind ",
                &item.to_json(),
                " (expected ",
                &kinds(),
                ")",
            ]
            .concat()
        })?;
        if !out.contains(&kind) {
            out.push(kind);
        }
    }
    Ok(out)
}

fn kinds() -> String {
    ActionKind::ALL.map(ActionKind::as_str).join(", ")
}

fn parse_labels(
    v: &Value,
    path: &str,
    labels: &mut [Option<String>; ACTION_COUNT],
    warnings: &mut Vec<String>,
) {
    let Some(fields) = v.as_object() else {
        warnings.push(
            [
                path,
                ": expected an object keyed by action kind, found ",
                found(v),
                "; ignored",
            ]
            .concat(),
        );
        return;
    };
    for (key, v) in fields {
        let slot = ActionKind::parse(key).and_then(|k| labels.get_mut(k.index()));
        match (slot, text(v, MAX_LABEL, PLACEHOLDERS)) {
            (Some(slot), Ok(s)) => *slot = Some(s),
            (Some(_), Err(e)) => warnings.push(default_used(&[path, ".", key].concat(), &e)),
            (None, _) => warnings.push(
                [
                    path,
                    ".",
                    key,
                    ": unknown action kind (expected ",
                    &kinds(),
                    "); ignored",
                ]
                .concat(),
            ),
        }
    }
}

fn parse_ui(v: &Value, path: &str, ui: &mut [Option<String>; UI_LEN], warnings: &mut Vec<String>) {
    let Some(fields) = v.as_object() else {
        warnings.push(not_an_object(path, v));
        return;
    };
    for (key, v) in fields {
        let Some(i) = UI_KEYS.iter().position(|k| k == key) else {
            warnings.push(
                [
                    path,
                    ".",
                    key,
                    ": unknown key (expected ",
                    &UI_KEYS.join(", "),
                    "); ignored",
                ]
                .concat(),
            );
            continue;
        };
        let checked = text(v, MAX_LABEL, placeholders_for(key)).and_then(|s| {
            if s.contains("[[") || s.contains("]]") {
                Err("\"[[ ]]\" segments are not supported in UI strings".to_owned())
            } else {
                Ok(s)
            }
        });
        match (checked, ui.get_mut(i)) {
            (Ok(s), Some(slot)) => *slot = Some(s),
            (Err(e), _) => warnings.push(default_used(&[path, ".", key].concat(), &e)),
            (Ok(_), None) => {}
        }
    }
}

/// A non-empty string of at most `max` characters that is a well-formed template, with
/// control characters and bidi overrides removed ([`strip_controls`]).
fn text(v: &Value, max: usize, allowed: &[&str]) -> Result<String, String> {
    let s = strip_controls(
        v.as_str()
            .ok_or_else(|| ["expected a string, found ", found(v)].concat())?,
    );
    if s.trim().is_empty() {
        return Err("expected a non-empty string".into());
    }
    if s.chars().count() > max {
        return Err(["longer than ", &digits(max as u64), " characters"].concat());
    }
    check(&s, allowed)?;
    Ok(s.trim().to_owned())
}

/// "`path`: expected an object, found …; ignored".
fn not_an_object(path: &str, v: &Value) -> String {
    [path, ": expected an object, found ", found(v), "; ignored"].concat()
}

/// "`path`: `problem`; using the default".
fn default_used(path: &str, problem: &str) -> String {
    [path, ": ", problem, "; using the default"].concat()
}

/// What kind of JSON value `v` is, for a warning.
fn found(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_tag;

    #[test]
    fn normalizes_tags() {
        assert_eq!(normalize_tag(" pt_BR ").as_deref(), Some("pt-br"));
        assert_eq!(normalize_tag("in").as_deref(), Some("id"));
        assert_eq!(normalize_tag("in-ID").as_deref(), Some("id-id"));
        assert_eq!(normalize_tag("zh-Hant-TW").as_deref(), Some("zh-hant-tw"));
        for bad in [
            "",
            "*",
            "e",
            "english",
            "en--gb",
            "en-toolongsubtag",
            "1d",
            "en gb",
        ] {
            assert_eq!(normalize_tag(bad), None, "{bad}");
        }
    }
}
