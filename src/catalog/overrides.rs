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

use super::actions::ActionKind;
use super::format::digits;
use super::packed::{ACTIONS, EXPLANATION, LABEL, STEPS, TITLE, US};
use super::template::{check, PLACEHOLDERS};
use super::ui::{placeholders_for, UI_LEN};
use crate::diagnose::strip_controls;
use crate::json::Value;

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

/// The field, without text, that says a cause has a `site` object. The fields before it are
/// those of a packed cause text (`packed.rs`), [`ACTIONS`] included; the steps ([`STEPS`])
/// are one field, separated by [`US`].
pub(super) const SITE_GIVEN: usize = STEPS + 1;
/// Added to a field of a cause text for the same field of its `site` text.
pub(super) const SITE: usize = STEPS + 2;

/// The action kinds integrators may name, for warnings.
const KINDS: &str = "update_payment, retry, sign_in, contact_support, copy_reference, pay";
/// The chrome string keys ([`UI_KEYS`](super::UI_KEYS)), for warnings and to look them up.
const KEYS: &str = "close, details, status, code, reference, copy, copied, copyFailed, repeated, \
notifications, amount, network, resource, cause, learnMore, reload, wait, ready";

/// One integrator text.
#[derive(Clone, Debug)]
pub(super) struct Custom {
    /// The cause label; empty for the chrome strings and the action labels of the locale,
    /// whose fields are those of the first record of a packed locale.
    pub cause: String,
    pub field: usize,
    pub text: String,
}

/// Integrator texts for one locale (none for a built-in locale nobody customized).
#[derive(Clone, Debug)]
pub(super) struct LocaleTexts {
    pub tag: String,
    /// The packed built-in texts of the locale (`packed.rs`); empty for an added locale.
    pub builtin: &'static str,
    /// In the order given: a later text for the same field wins.
    pub texts: Vec<Custom>,
}

impl LocaleTexts {
    pub fn new(tag: String, builtin: &'static str) -> LocaleTexts {
        LocaleTexts {
            tag,
            builtin,
            texts: Vec::new(),
        }
    }

    /// The integrator's text for `field` of `cause` (empty for the locale's own fields).
    pub fn get(&self, cause: &str, field: usize) -> Option<&str> {
        let found = self.texts.iter().rev();
        let mut found = found.filter(|t| t.field == field && t.cause == cause);
        found.next().map(|t| t.text.as_str())
    }
}

/// A locale tag in the catalog's form: lowercase, `-` separated, `in` read as `id`.
/// `None` unless it looks like a BCP 47 tag (`id`, `en-GB`, `zh-Hant-TW`): a language of two
/// or three letters, then subtags of one to eight letters or digits.
pub(super) fn normalize_tag(tag: &str) -> Option<String> {
    let mut t = tag.trim().as_bytes().to_ascii_lowercase();
    if t.len() > MAX_TAG {
        return None;
    }
    // The length of the subtag so far, and the longest it may be: 3 for the language.
    let (mut len, mut max) = (0, 3);
    for b in t.iter_mut() {
        if *b == b'_' {
            *b = b'-';
        }
        if *b == b'-' {
            if len < 1 || (max == 3 && len < 2) {
                return None;
            }
            (len, max) = (0, 8);
        } else if b.is_ascii_lowercase() || (max == 8 && b.is_ascii_digit()) {
            len += 1;
            if len > max {
                return None;
            }
        } else {
            return None;
        }
    }
    if len < 1 || (max == 3 && len < 2) {
        return None;
    }
    if t.starts_with(b"in") && t.get(2).is_none_or(|&b| b == b'-') {
        t[1] = b'd';
    }
    String::from_utf8(t).ok()
}

/// Reads `messages` into `locales`, merging into a locale already there.
pub(super) fn parse(messages: &Value, locales: &mut Vec<LocaleTexts>, warnings: &mut Vec<String>) {
    let Some(entries) = messages.as_object() else {
        if *messages != Value::Null {
            not_an_object(warnings, "messages", " keyed by locale", messages);
        }
        return;
    };
    for (key, v) in entries {
        let path = ["messages.", key].concat();
        let Some(tag) = normalize_tag(key) else {
            warn(
                warnings,
                &[
                    &path,
                    ": not a locale tag such as \"id\" or \"pt-BR\"",
                    IGNORED,
                ],
            );
            continue;
        };
        let Some(fields) = v.as_object() else {
            not_an_object(warnings, &path, "", v);
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
            parse_locale(fields, &path, &mut locale.texts, warnings);
        }
    }
}

fn parse_locale(
    fields: &[(String, Value)],
    path: &str,
    out: &mut Vec<Custom>,
    warnings: &mut Vec<String>,
) {
    for (key, v) in fields {
        let path = [path, ".", key].concat();
        match key.as_str() {
            "ui" => parse_strings(v, &path, true, "", 0, out, warnings),
            "actions" => parse_strings(v, &path, false, "", UI_LEN, out, warnings),
            label if is_cause_label(label) => parse_cause(v, &path, label, 0, out, warnings),
            _ => warn(
                warnings,
                &[
                    &path,
                    ": not a cause label (letters, digits, '_', '-', '.' or ':', at most ",
                    &digits(MAX_CAUSE_LABEL as u64),
                    ")",
                    IGNORED,
                ],
            ),
        }
    }
}

fn is_cause_label(s: &str) -> bool {
    (1..=MAX_CAUSE_LABEL).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':'))
}

/// Reads the texts of `cause`; `site` is 0, or [`SITE`] inside its `site` object (where no
/// further `site` object is allowed).
fn parse_cause(
    v: &Value,
    path: &str,
    cause: &str,
    site: usize,
    out: &mut Vec<Custom>,
    warnings: &mut Vec<String>,
) {
    let Some(fields) = v.as_object() else {
        not_an_object(warnings, path, "", v);
        return;
    };
    for (key, v) in fields {
        let path = [path, ".", key].concat();
        let read = match key.as_str() {
            "title" => text(v, MAX_TITLE, PLACEHOLDERS).map(|s| (TITLE, s)),
            "explanation" => text(v, MAX_EXPLANATION, PLACEHOLDERS).map(|s| (EXPLANATION, s)),
            "steps" => {
                if v.as_array().is_some_and(|a| a.len() > MAX_STEPS) {
                    warn(
                        warnings,
                        &[
                            &path,
                            ": more than ",
                            &digits(MAX_STEPS as u64),
                            " steps; the rest are dropped",
                        ],
                    );
                }
                steps(v).map(|s| (STEPS, s))
            }
            "actions" => actions(v).map(|s| (ACTIONS, s)),
            "labels" => {
                parse_strings(v, &path, false, cause, LABEL + site, out, warnings);
                continue;
            }
            "site" if site == 0 => {
                push(out, cause, SITE_GIVEN, String::new());
                parse_cause(v, &path, cause, SITE, out, warnings);
                continue;
            }
            _ => {
                let rest = if site == 0 {
                    ", labels or site)"
                } else {
                    " or labels)"
                };
                let unknown = ": unknown field (expected title, explanation, steps, actions";
                warn(warnings, &[&path, unknown, rest, IGNORED]);
                continue;
            }
        };
        match read {
            Ok((field, s)) => push(out, cause, field + site, s),
            Err(e) => warn(warnings, &[&path, ": ", &e, DEFAULT_USED]),
        }
    }
}

fn push(out: &mut Vec<Custom>, cause: &str, field: usize, text: String) {
    out.push(Custom {
        cause: cause.to_owned(),
        field,
        text,
    });
}

/// The first [`MAX_STEPS`] steps, all well formed and separated by [`US`], or what is wrong
/// with one of them.
fn steps(v: &Value) -> Result<String, String> {
    let items = v
        .as_array()
        .ok_or_else(|| ["expected an array of strings, found ", found(v)].concat())?;
    let mut out = String::new();
    for (i, s) in items.iter().take(MAX_STEPS).enumerate() {
        let s = text(s, MAX_STEP, PLACEHOLDERS)
            .map_err(|e| ["step ", &digits(i as u64), ": ", &e].concat())?;
        if i > 0 {
            out.push(US);
        }
        out.push_str(&s);
    }
    Ok(out)
}

/// Known action kinds without repeats, one digit each, or the first unknown one.
fn actions(v: &Value) -> Result<String, String> {
    let items = v
        .as_array()
        .ok_or_else(|| ["expected an array of action kinds, found ", found(v)].concat())?;
    let mut out = String::new();
    for item in items {
        let Some(kind) = item.as_str().and_then(ActionKind::parse) else {
            return Err([
                "unknown action kind ",
                &item.to_json(),
                " (expected ",
                KINDS,
                ")",
            ]
            .concat());
        };
        let digit = char::from(b'0' + kind.index() as u8);
        if !out.contains(digit) {
            out.push(digit);
        }
    }
    Ok(out)
}

/// Reads an object of chrome strings (`ui`) or of action labels (`actions`, `labels`) into
/// the fields from `first` on, in the order of [`UI_KEYS`] or of `ActionKind::ALL`.
fn parse_strings(
    v: &Value,
    path: &str,
    ui: bool,
    cause: &str,
    first: usize,
    out: &mut Vec<Custom>,
    warnings: &mut Vec<String>,
) {
    let Some(fields) = v.as_object() else {
        let keyed = if ui { "" } else { " keyed by action kind" };
        not_an_object(warnings, path, keyed, v);
        return;
    };
    for (key, v) in fields {
        let path = [path, ".", key].concat();
        let i = if ui {
            KEYS.split(',').position(|k| k.trim_start() == key)
        } else {
            ActionKind::parse(key).map(ActionKind::index)
        };
        let Some(i) = i else {
            let (what, expected) = if ui {
                ("key", KEYS)
            } else {
                ("action kind", KINDS)
            };
            warn(
                warnings,
                &[
                    &path,
                    ": unknown ",
                    what,
                    " (expected ",
                    expected,
                    ")",
                    IGNORED,
                ],
            );
            continue;
        };
        let allowed = if ui {
            placeholders_for(key)
        } else {
            PLACEHOLDERS
        };
        let checked = text(v, MAX_LABEL, allowed).and_then(|s| {
            if ui && (s.contains("[[") || s.contains("]]")) {
                Err("\"[[ ]]\" segments are not supported in UI strings".to_owned())
            } else {
                Ok(s)
            }
        });
        match checked {
            Ok(s) => push(out, cause, first + i, s),
            Err(e) => warn(warnings, &[&path, ": ", &e, DEFAULT_USED]),
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

/// The end of a warning about something left out.
const IGNORED: &str = "; ignored";
/// The end of a warning about a field that keeps its default.
const DEFAULT_USED: &str = "; using the default";

/// Adds the warning made of `parts`.
fn warn(warnings: &mut Vec<String>, parts: &[&str]) {
    warnings.push(parts.concat());
}

/// "`path`: expected an object`keyed`, found …; ignored".
fn not_an_object(warnings: &mut Vec<String>, path: &str, keyed: &str, v: &Value) {
    let found = found(v);
    warn(
        warnings,
        &[
            path,
            ": expected an object",
            keyed,
            ", found ",
            found,
            IGNORED,
        ],
    );
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
    use super::{normalize_tag, KEYS, KINDS};
    use crate::catalog::{ActionKind, UI_KEYS};

    #[test]
    fn warnings_list_every_key() {
        assert_eq!(KINDS, ActionKind::ALL.map(ActionKind::as_str).join(", "));
        assert_eq!(KEYS, UI_KEYS.join(", "));
    }

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
