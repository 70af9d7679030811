//! What a pack, an entry or an integrator rule may say: the keys of each level and the type of
//! each value. The tests check every built-in pack with it; at run time it checks the
//! integrator's `rules`, so a typo is reported instead of silently matching more than meant.

use super::norm::normalize;
use crate::diagnose::{Cause, Party};
use crate::json::Value;

/// Condition keys, shared by `[[when]]` blocks, entries and rules.
pub const CONDITIONS: &[&str] = &[
    "status", "host", "header", "has", "match", "code", "message", "body",
];
/// Keys of an entry (or a rule) besides the conditions.
const ENTRY: &[&str] = &["cause", "party", "source", "sensitive", "notes"];
/// Keys only a rule may add: where its codes and messages are, and an alias from 0.1.
const RULE: &[&str] = &["codes", "messages", "bodyIncludes"];
/// Keys of a pack.
const PACK: &[&str] = &[
    "id",
    "name",
    "family",
    "party",
    "sources",
    "notes",
    "when",
    "declines",
    "codes",
    "messages",
    "references",
    "amount",
    "entry",
];
/// Families a pack may belong to.
pub const FAMILIES: &[&str] = &[
    "payments",
    "ai",
    "saas",
    "hosting",
    "gateway",
    "waf",
    "auth",
    "framework",
    "standard",
];

/// Whether `key` is in one of the `allowed` sets.
fn allowed_key(allowed: &[&[&str]], key: &str) -> bool {
    for set in allowed {
        for k in *set {
            if *k == key {
                return true;
            }
        }
    }
    false
}

/// The problems of one condition set (`where` names it in the messages).
fn conditions(v: &Value, allowed: &[&[&str]], at: &str, out: &mut Vec<String>) {
    let Some(members) = v.as_object() else {
        out.push([at, ": must be a table"].concat());
        return;
    };
    for (k, val) in members {
        let key = k.as_str();
        if !allowed_key(allowed, key) {
            out.push([at, ": unknown key \"", key, "\""].concat());
            continue;
        }
        let ok = match key {
            "status" => list_of(val, status),
            "host" | "has" | "code" | "message" | "body" | "codes" | "messages" => {
                list_of(val, text)
            }
            "bodyIncludes" | "source" | "notes" => text(val),
            "header" | "match" => match val.as_object() {
                Some(m) => {
                    let one = if key == "match" { scalar } else { is_str };
                    let mut all = true;
                    for (_, x) in m {
                        all = all
                            && if key == "match" {
                                list_of(x, one)
                            } else {
                                one(x)
                            };
                    }
                    all
                }
                None => false,
            },
            "cause" => val.as_str().is_some_and(label),
            "party" => val.as_str().and_then(Party::parse).is_some(),
            "sensitive" => val.as_bool().is_some(),
            _ => true,
        };
        if !ok {
            out.push([at, ": \"", key, "\" ", expectation(key)].concat());
        }
    }
}

fn expectation(key: &str) -> &'static str {
    match key {
        "status" => "must be a status from 100 to 599, or a list of them",
        "header" => "must map header names to text",
        "match" => "must map paths to a value or a list of values",
        "cause" => "must be a snake_case label",
        "party" => "must be \"user\" or \"site\"",
        "sensitive" => "must be true or false",
        "bodyIncludes" | "source" | "notes" => "must be a non-empty string",
        _ => "must be a string or a list of strings",
    }
}

/// One value that `one` accepts, or a non-empty list of them.
fn list_of(v: &Value, one: fn(&Value) -> bool) -> bool {
    match v {
        Value::Array(a) => {
            let mut all = !a.is_empty();
            for x in a {
                all = all && one(x);
            }
            all
        }
        v => one(v),
    }
}

/// A status from 100 to 599, as a number.
fn status(v: &Value) -> bool {
    matches!(v, Value::Number(_)) && v.as_u64().is_some_and(|s| (100..=599).contains(&s))
}

/// A non-empty string.
fn text(v: &Value) -> bool {
    v.as_str().is_some_and(|s| !s.is_empty())
}

/// A string.
fn is_str(v: &Value) -> bool {
    v.as_str().is_some()
}

/// A string, number or boolean.
fn scalar(v: &Value) -> bool {
    matches!(v, Value::String(_) | Value::Number(_) | Value::Bool(_))
}

/// A non-empty string or a non-empty list of non-empty strings.
fn strings(v: &Value) -> bool {
    list_of(v, text)
}

/// A cause label: lowercase letters, digits and `_`, starting with a letter, at most 64.
pub fn label(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The problems of an integrator rule (empty when it can be used).
pub fn rule(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    conditions(v, &[CONDITIONS, ENTRY, RULE], "rule", &mut out);
    if out.is_empty() {
        if v.get("cause").is_none() {
            out.push("missing \"cause\"".into());
        } else if !CONDITIONS.iter().any(|k| v.get(k).is_some()) && v.get("bodyIncludes").is_none()
        {
            out.push("needs a condition besides \"cause\"".into());
        }
    }
    out
}

/// The problems of a built-in pack (the full form, with its sources): unknown keys, missing
/// required keys, causes that are not built-in, entries without a source.
pub fn pack(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let id = v.get("id").and_then(Value::as_str).unwrap_or("?");
    let at = |what: &str| [id, what].concat();
    let Some(members) = v.as_object() else {
        return vec!["a pack must be a table".into()];
    };
    for (k, _) in members {
        if !PACK.contains(&k.as_str()) {
            out.push([id, ": unknown key \"", k, "\""].concat());
        }
    }
    if !v.get("id").and_then(Value::as_str).is_some_and(|s| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    }) {
        out.push(at(": \"id\" must be [a-z0-9_]+"));
    }
    if v.get("name")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty)
    {
        out.push(at(": \"name\" is required"));
    }
    if !v
        .get("family")
        .and_then(Value::as_str)
        .is_some_and(|f| FAMILIES.contains(&f))
    {
        out.push(at(": \"family\" must be one of ") + &FAMILIES.join(", "));
    }
    if !v.get("sources").is_some_and(strings) {
        out.push(at(": \"sources\" must list where the shape comes from"));
    }
    if let Some(p) = v.get("party") {
        if p.as_str().and_then(Party::parse).is_none() {
            out.push(at(": \"party\" must be \"user\" or \"site\""));
        }
    }
    for k in ["declines", "codes", "messages", "references"] {
        if let Some(p) = v.get(k) {
            if !(strings(p) || p.as_array().is_some_and(|a| a.is_empty())) {
                out.push([id, ": \"", k, "\" must be a list of paths"].concat());
            }
        }
    }
    if let Some(a) = v.get("amount") {
        let ok = a.as_object().is_some_and(|m| {
            m.iter().all(|(k, x)| {
                ["value", "currency", "unit", "text"].contains(&k.as_str()) && x.as_str().is_some()
            })
        }) && (a.get("text").is_some() || a.get("value").is_some())
            && a.get("unit")
                .and_then(Value::as_str)
                .is_none_or(|u| u == "minor" || u == "major");
        if !ok {
            out.push(at(
                ": \"amount\" must be { value, currency, unit = minor|major } or { text }",
            ));
        }
    }
    match v.get("when").and_then(Value::as_array) {
        Some(blocks) if !blocks.is_empty() => {
            for (i, b) in blocks.iter().enumerate() {
                let where_ = [id, ": when[", &digits(i), "]"].concat();
                conditions(b, &[CONDITIONS], &where_, &mut out);
                if b.as_object().is_some_and(|m| m.is_empty()) {
                    out.push(where_ + ": is empty");
                }
            }
        }
        _ => out.push(at(": needs at least one [[when]] block")),
    }
    match v.get("entry").and_then(Value::as_array) {
        Some(entries) if !entries.is_empty() => {
            for (i, e) in entries.iter().enumerate() {
                let where_ = [id, ": entry[", &digits(i), "]"].concat();
                conditions(e, &[CONDITIONS, ENTRY], &where_, &mut out);
                match e.get("cause").and_then(Value::as_str) {
                    Some(c) if Cause::builtin(c).is_some() => {
                        if e.get("sensitive").and_then(Value::as_bool) == Some(true)
                            && c != "card_declined"
                        {
                            out.push(where_.clone() + ": a sensitive entry must be card_declined");
                        }
                    }
                    Some(c) => {
                        out.push([&where_, ": \"", c, "\" is not a built-in cause"].concat())
                    }
                    None => out.push(where_.clone() + ": missing \"cause\""),
                }
                if e.get("source")
                    .and_then(Value::as_str)
                    .is_none_or(str::is_empty)
                {
                    out.push(where_.clone() + ": missing \"source\"");
                }
                for c in list(e.get("code")) {
                    if normalize(c).is_empty() {
                        out.push(
                            [&where_, ": the code \"", c, "\" is empty once normalized"].concat(),
                        );
                    }
                }
            }
        }
        _ => out.push(at(": needs at least one [[entry]]")),
    }
    out
}

/// The strings of a string-or-list value.
pub fn list(v: Option<&Value>) -> impl Iterator<Item = &str> {
    let (one, many) = match v {
        Some(Value::String(s)) => (Some(s.as_str()), &[][..]),
        Some(Value::Array(a)) => (None, a.as_slice()),
        _ => (None, &[][..]),
    };
    one.into_iter().chain(many.iter().filter_map(Value::as_str))
}

fn digits(n: usize) -> String {
    crate::catalog::digits(n as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_report_typos() {
        let r = |s: &str| rule(&Value::parse(s).unwrap());
        assert!(r(r#"{"status":402,"code":"X","cause":"upgrade_plan"}"#).is_empty());
        assert_eq!(
            r(r#"{"stauts":402,"cause":"x"}"#),
            ["rule: unknown key \"stauts\""]
        );
        assert_eq!(
            r(r#"{"cause":"x"}"#),
            ["needs a condition besides \"cause\""]
        );
        assert_eq!(r(r#"{"status":402}"#), ["missing \"cause\""]);
        assert_eq!(
            r(r#"{"status":"402","cause":"x"}"#),
            ["rule: \"status\" must be a status from 100 to 599, or a list of them"]
        );
        assert!(r(r#"{"bodyIncludes":"plan","cause":"x","party":"site"}"#).is_empty());
        assert_eq!(
            r(r#"{"status":402,"cause":"x","party":"me"}"#),
            ["rule: \"party\" must be \"user\" or \"site\""]
        );
    }
}
