//! Integrator rules: "this response of my API means that cause", checked before the built-ins.
//!
//! ```
//! use explain402::diagnose::{diagnose_with, rules::Rules, Cause, Exchange, Source};
//! use explain402::json::Value;
//!
//! let json = Value::parse(r#"[{"status":402,"code":"TRIAL_OVER","cause":"upgrade_plan"}]"#).unwrap();
//! let mut warnings = Vec::new();
//! let rules = Rules::parse(&json, &mut warnings);
//! assert!(warnings.is_empty());
//!
//! let ex = Exchange { status: 402, body: br#"{"code":"TRIAL_OVER"}"#.to_vec(), ..Exchange::default() };
//! let d = diagnose_with(&ex, &rules).unwrap();
//! assert_eq!((d.cause, d.source), (Cause::Custom("upgrade_plan".into()), Source::Rule));
//! ```
//!
//! Conditions: `status` (a number or an array), `code` (equal to any usual code field, see
//! `CODE_FIELDS`), `match` (dotted JSON paths to exact string or number text), `header` (name to
//! a substring of its value) and `bodyIncludes` (a substring of the body). Substring matches
//! ignore ASCII case. Every condition present must hold; the first matching rule wins.
//!
//! # Design
//! Malformed rules never throw: each bad rule is skipped with one warning, so a typo cannot
//! break the host page. Unknown keys skip the rule too, because a misspelled condition
//! (`"stauts"`) would otherwise silently make the rule match more than intended.

use super::input::Input;
use super::money::u64_text;
use super::Cause;
use crate::json::Value;
use std::cell::OnceCell;

/// Most rules read; the rest are ignored with a warning.
const MAX_RULES: usize = 100;
/// Longest custom cause label.
const MAX_LABEL: usize = 64;

/// Where the usual vendor codes live (dotted paths, joined by `|`); `code` conditions compare
/// against each.
const CODE_FIELDS: &str = concat!(
    "code|",
    "error_code|",
    "errorCode|",
    "error.code|",
    "error.type|",
    "error|",
    "type|",
    "decline_code|",
    "error.decline_code|",
    "status_code",
);

/// Integrator rules, in the order given. `Rules::default()` has none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    rules: Vec<Rule>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Rule {
    status: Vec<u16>,
    code: Option<String>,
    matches: Vec<(String, String)>,
    /// Header name (lowercase) and a lowercase substring of its value.
    headers: Vec<(String, String)>,
    body_includes: Option<String>,
    cause: Cause,
}

impl Rules {
    /// Reads rules from their JSON form (the `rules` option). Every rule that cannot be used
    /// is skipped with one message in `warnings`, such as
    /// `rules[2]: "status" must be a number or an array of numbers`.
    pub fn parse(v: &Value, warnings: &mut Vec<String>) -> Rules {
        let items = match v {
            Value::Null => return Rules::default(),
            Value::Array(items) => items,
            _ => {
                warnings.push("rules: must be an array of rule objects".into());
                return Rules::default();
            }
        };
        if items.len() > MAX_RULES {
            warnings.push("rules: only the first 100 rules are used".into());
        }
        let rules = items
            .iter()
            .take(MAX_RULES)
            .enumerate()
            .filter_map(|(i, item)| {
                Rule::parse(item)
                    .map_err(|e| warnings.push(["rules[", &u64_text(i as u64), "]: ", &e].concat()))
                    .ok()
            })
            .collect();
        Rules { rules }
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The cause of the first rule that matches.
    pub(crate) fn find(&self, input: &Input) -> Option<Cause> {
        let lower_body = OnceCell::new();
        self.rules
            .iter()
            .find(|r| r.matches(input, &lower_body))
            .map(|r| r.cause.clone())
    }
}

impl Rule {
    fn parse(v: &Value) -> Result<Rule, String> {
        let members = v.as_object().ok_or("must be an object")?;
        let known = ["status", "code", "match", "header", "bodyIncludes", "cause"];
        if let Some((k, _)) = members.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            return Err(["unknown key \"", k, "\""].concat());
        }
        let cause = match v.get("cause") {
            None => return Err("missing \"cause\"".into()),
            Some(c) => c
                .as_str()
                .and_then(label)
                .ok_or("\"cause\" must be a snake_case label")?,
        };
        let status = match v.get("status") {
            None => Some(Vec::new()),
            Some(Value::Array(a)) if !a.is_empty() => a.iter().map(status).collect::<Option<_>>(),
            Some(v) => status(v).map(|s| vec![s]),
        }
        .ok_or("\"status\" must be a number or an array of numbers")?;
        let code = match v.get("code") {
            None => None,
            Some(c) => Some(
                c.as_str()
                    .filter(|s| !s.is_empty())
                    .ok_or("\"code\" must be a string")?
                    .to_owned(),
            ),
        };
        let matches = pairs(v.get("match"), true).ok_or("\"match\" must map paths to strings")?;
        let headers =
            pairs(v.get("header"), false).ok_or("\"header\" must map names to strings")?;
        let headers = headers
            .into_iter()
            .map(|(n, v)| (n.to_ascii_lowercase(), v.to_ascii_lowercase()))
            .collect();
        let body_includes = match v.get("bodyIncludes") {
            None => None,
            Some(b) => Some(
                b.as_str()
                    .filter(|s| !s.is_empty())
                    .ok_or("\"bodyIncludes\" must be a string")?
                    .to_ascii_lowercase(),
            ),
        };
        let rule = Rule {
            status,
            code,
            matches,
            headers,
            body_includes,
            cause,
        };
        if rule.status.is_empty()
            && rule.code.is_none()
            && rule.matches.is_empty()
            && rule.headers.is_empty()
            && rule.body_includes.is_none()
        {
            return Err("needs a condition besides \"cause\"".into());
        }
        Ok(rule)
    }

    /// Whether every condition holds; `lower_body` caches the lowercased body across rules.
    fn matches(&self, input: &Input, lower_body: &OnceCell<String>) -> bool {
        let status_ok = self.status.is_empty() || self.status.contains(&input.status());
        let code_ok = self.code.as_deref().is_none_or(|want| {
            CODE_FIELDS
                .split('|')
                .any(|f| input.text_at(f) == Some(want))
        });
        let match_ok = self.matches.iter().all(|(p, want)| {
            input.at(p).is_some_and(|v| match v {
                Value::Bool(b) => want == if *b { "true" } else { "false" },
                v => v.as_text() == Some(want.as_str()),
            })
        });
        let header_ok = self.headers.iter().all(|(name, sub)| {
            input
                .header(name)
                .is_some_and(|v| v.to_ascii_lowercase().contains(sub.as_str()))
        });
        status_ok
            && code_ok
            && match_ok
            && header_ok
            && self.body_includes.as_deref().is_none_or(|sub| {
                lower_body
                    .get_or_init(|| input.text.to_ascii_lowercase())
                    .contains(sub)
            })
    }
}

/// A status code from 100 to 599.
fn status(v: &Value) -> Option<u16> {
    match v {
        Value::Number(n) => n.parse().ok().filter(|s| (100..=599).contains(s)),
        _ => None,
    }
}

/// A built-in label, or a custom one: lowercase letters, digits and `_`, starting with a letter.
fn label(s: &str) -> Option<Cause> {
    let ok = !s.is_empty()
        && s.len() <= MAX_LABEL
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    ok.then(|| Cause::parse(s))
}

/// The members of an object whose values are strings (or, when `numbers`, number text).
fn pairs(v: Option<&Value>, numbers: bool) -> Option<Vec<(String, String)>> {
    let Some(v) = v else { return Some(Vec::new()) };
    let obj = v.as_object()?;
    obj.iter()
        .map(|(k, v)| {
            let text = if numbers { v.as_text() } else { v.as_str() };
            Some((k.clone(), text?.to_owned()))
        })
        .collect()
}
