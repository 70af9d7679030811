//! Integrator rules: "this response of my API means that cause", checked before the built-ins.
//!
//! A rule is written in the language of the knowledge packs (README "Knowledge packs and
//! rules"): the conditions of an entry (`status`, `host`, `header`, `has`, `match`, `code`,
//! `message`, `body`) and what they mean (`cause`, `party`). It goes through the same engine
//! as a built-in pack: a rule is a one-entry pack that wins.
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
//! Without `codes`, a rule's `code` is compared with the usual code fields (`CODE_FIELDS`);
//! without `messages`, its `message` with the usual message fields. Codes are compared
//! normalized (`TRIAL_OVER` = `trial-over` = `TrialOver`).
//!
//! # Design
//! Malformed rules never throw: each bad rule is skipped with one warning, so a typo cannot
//! break the host page. Unknown keys skip the rule too, because a misspelled condition
//! (`"stauts"`) would otherwise silently make the rule match more than intended.

use super::details::Source;
use super::engine::{decide, found, Fields};
use super::input::{Found, Input};
use super::money::u64_text;
use super::Party;
use crate::json::Value;
use crate::knowledge::bin::{self, encode, Node};
use crate::knowledge::check;
use crate::knowledge::norm::normalize;

/// Most rules read; the rest are ignored with a warning.
const MAX_RULES: usize = 100;

/// Where the usual codes live, when a rule does not say, each path followed by `|`.
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
    "status_code|",
    "errors.*.code|",
    "reason|",
);
/// Where the usual messages live, when a rule does not say, each path followed by `|`.
const MESSAGE_FIELDS: &str = concat!(
    "message|",
    "error|",
    "error.message|",
    "detail|",
    "title|",
    "error_description|",
    "errors.*.message|",
    "errors.*.detail|",
);

/// Integrator rules, in the order given, and the page-wide party. `Rules::default()` has none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    /// Each rule as a one-entry pack, `{"codes", "messages", "entry": [rule]}`, compiled to
    /// the form the engine reads (`knowledge::bin`).
    packs: Vec<Vec<u8>>,
    /// The `party` option: every diagnosis gets this party (apps whose users bring their own
    /// API keys make the upstream account errors the user's).
    pub party: Option<Party>,
}

impl Rules {
    /// Reads rules from their JSON form (the `rules` option). Every rule that cannot be used
    /// is skipped with one message in `warnings`, such as `rules[2]: unknown key "stauts"`.
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
        let mut packs = Vec::new();
        for (i, item) in items.iter().take(MAX_RULES).enumerate() {
            let problems = check::rule(item);
            if let Some(p) = problems.first() {
                let p = p.strip_prefix("rule: ").unwrap_or(p);
                warnings.push(["rules[", &u64_text(i as u64), "]: ", p].concat());
                continue;
            }
            packs.push(compile(item));
        }
        Rules { packs, party: None }
    }

    pub fn len(&self) -> usize {
        self.packs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.packs.is_empty()
    }

    /// What the first matching rule says.
    pub(crate) fn find(&self, input: &Input) -> Option<Found> {
        self.packs.iter().find_map(|bytes| {
            let pack = Node::root(bytes);
            let fields = Fields::of(pack, input);
            let (_, entry, on) = decide(pack.get("entry")?, input, &fields)?;
            Some(found(pack, entry, on, &fields, input, Source::Rule))
        })
    }
}

/// A rule as a one-entry pack, compiled: `{"codes", "messages", "entry": [rule]}` with its own
/// `codes`/`messages` paths or the usual ones, its `code` values normalized, `bodyIncludes`
/// (0.1) read as `body`. Written straight into the compiled form, without a tree between.
fn compile(rule: &Value) -> Vec<u8> {
    let mut out = vec![bin::OBJECT];
    for (key, default) in [("codes", CODE_FIELDS), ("messages", MESSAGE_FIELDS)] {
        bin::key(key, &mut out);
        match rule.get(key) {
            Some(Value::String(s)) => {
                out.push(bin::ARRAY);
                bin::string(s, &mut out);
                out.push(bin::ARRAY_END);
            }
            Some(v @ Value::Array(_)) => encode(v, &mut out),
            _ => {
                out.push(bin::ARRAY);
                for p in default.split_terminator('|') {
                    bin::string(p, &mut out);
                }
                out.push(bin::ARRAY_END);
            }
        }
    }
    bin::key("entry", &mut out);
    out.push(bin::ARRAY);
    out.push(bin::OBJECT);
    for (k, v) in rule.as_object().unwrap_or(&[]) {
        let k = if k == "bodyIncludes" { "body" } else { k };
        if k == "codes" || k == "messages" {
            continue;
        }
        bin::key(k, &mut out);
        match (k, v) {
            ("code", Value::String(s)) => bin::string(&normalize(s), &mut out),
            ("code", Value::Array(a)) => {
                out.push(bin::ARRAY);
                for s in a {
                    if let Some(s) = s.as_str() {
                        bin::string(&normalize(s), &mut out);
                    }
                }
                out.push(bin::ARRAY_END);
            }
            (_, v) => encode(v, &mut out),
        }
    }
    out.push(bin::OBJECT_END);
    out.push(bin::ARRAY_END);
    out.push(bin::OBJECT_END);
    out
}
