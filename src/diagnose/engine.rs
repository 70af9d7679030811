//! The one engine that reads knowledge: a vendor pack, or an integrator rule, applied to one
//! response. Packs and rules are trees in the language of `knowledge/README.md`, compiled to the
//! form of `knowledge::bin`; this file is its interpreter.
//!
//! # Design
//! The engine reads the compiled trees in place instead of building typed structures first:
//! the same code reads the built-in packs (compiled from TOML by build.rs) and the
//! integrator's rules (compiled when configured), nothing is parsed or allocated up front, and
//! a malformed part of either only fails to match (rules are checked with warnings by
//! `knowledge::check` before they are compiled).

use super::details::{Amount, Link, Source};
use super::extract::{first_url, reference_text};
use super::input::{code_token, fold, has_folded, index, Found, Input};
use super::money::{currency_code, decimal, digits, fiat, stripe_decimals};
use super::{Cause, Party};
use crate::json::Value;
use crate::knowledge::bin::{strings as list, Node};
use crate::knowledge::norm::{glob, normalize, MAX_CODE};
use std::cell::OnceCell;

/// Most values a path may yield (a hostile body can hold thousands of array elements).
const MAX_VALUES: usize = 32;

/// Parts of a normalized code that reveal a lost, stolen or fraud-flagged card. Such a decline
/// is shown as a plain one, and its code never leaves `diagnose` (PayMongo and Stripe advise
/// merchants the same).
const SENSITIVE: &[&str] = &[
    "fraud",
    "stolen",
    "lost_card",
    "card_lost",
    "lost_or_stolen",
    "pickup",
    "pick_up",
    "blacklist",
    "blocklist",
    "highest_risk",
    "security_violation",
    "restricted_card",
];

/// Whether a code reveals a lost, stolen or fraud-flagged card.
pub fn is_sensitive(code: &str) -> bool {
    let n = normalize(code);
    SENSITIVE.iter().any(|p| n.contains(p))
}

/// Whether any code-like value of the body (a short string without spaces, under any key, at
/// any depth) reveals a lost, stolen or fraud-flagged card: such a response is a plain decline
/// whichever field the vendor used.
pub fn sensitive_anywhere(input: &Input) -> bool {
    fn any(v: &Value, depth: usize, budget: &mut usize) -> bool {
        if depth > 16 || *budget == 0 {
            return false;
        }
        *budget -= 1;
        match v {
            Value::String(s) => s.len() <= MAX_CODE && !s.contains(' ') && is_sensitive(s),
            Value::Array(a) => a.iter().any(|x| any(x, depth + 1, budget)),
            Value::Object(m) => m.iter().any(|(_, x)| any(x, depth + 1, budget)),
            _ => false,
        }
    }
    let mut budget = 2048;
    input.json.as_ref().is_some_and(|j| any(j, 0, &mut budget))
}

/// The text of a scalar: a string, a number's source text, `true` or `false`.
fn text(v: &Value) -> Option<&str> {
    match v {
        Value::Bool(true) => Some("true"),
        Value::Bool(false) => Some("false"),
        v => v.as_text(),
    }
}

/// The values at a dotted path: numeric segments index arrays, `*` is every element of an
/// array (or member of an object); `header:Name` is a response header.
pub fn values<'v>(input: &'v Input, path: &str, out: &mut Vec<&'v str>) {
    if let Some(name) = path.strip_prefix("header:") {
        out.extend(input.header(name));
        return;
    }
    let Some(json) = &input.json else { return };
    let mut found = Vec::new();
    walk(json, path, &mut found);
    out.extend(found.into_iter().filter_map(text));
}

/// The JSON values at a dotted path (see [`values`]).
pub fn walk<'v>(v: &'v Value, path: &str, out: &mut Vec<&'v Value>) {
    if out.len() >= MAX_VALUES {
        return;
    }
    let (seg, rest) = match path.split_once('.') {
        Some((s, r)) => (s, Some(r)),
        None => (path, None),
    };
    let next = |x: &'v Value, out: &mut Vec<&'v Value>| match rest {
        Some(r) => walk(x, r, out),
        None => {
            if !matches!(x, Value::Null) && out.len() < MAX_VALUES {
                out.push(x)
            }
        }
    };
    match (seg, v) {
        ("*", Value::Array(a)) => a.iter().for_each(|x| next(x, out)),
        ("*", Value::Object(m)) => m.iter().for_each(|(_, x)| next(x, out)),
        (s, Value::Array(a)) => {
            if let Some(x) = index(s).and_then(|i| a.get(i)) {
                next(x, out)
            }
        }
        (s, v) => {
            if let Some(x) = v.get(s) {
                next(x, out)
            }
        }
    }
}

/// Whether `phrase` occurs in `hay` (folded: lowercase); `a&b` needs every part, in any
/// order.
pub fn phrase_in(hay: &str, phrase: &str) -> bool {
    for part in phrase.split('&') {
        let part = part.trim();
        if part.is_empty() || !has_folded(hay, part) {
            return false;
        }
    }
    true
}

/// What a pack (or rule) reads of a response: its codes, declines first, and its messages.
pub struct Read<'a> {
    /// (as sent, normalized), declines first.
    pub codes: Vec<(&'a str, String)>,
    /// How many of `codes` are decline codes.
    pub declines: usize,
    /// The message fields, folded.
    pub message: String,
    /// The message fields as sent (for a link they name).
    pub raw: String,
}

/// A pack's fields of one response, read on first use: most packs are ruled out by their
/// `[[when]]` blocks (a host, a header, a field that is absent) before any code is read.
pub struct Fields<'p, 'a> {
    pack: Node<'p>,
    input: &'a Input<'a>,
    read: OnceCell<Read<'a>>,
}

impl<'p, 'a> Fields<'p, 'a> {
    /// The fields named by a pack's `declines`, `codes` and `messages` paths (not read yet).
    pub fn of(pack: Node<'p>, input: &'a Input<'a>) -> Fields<'p, 'a> {
        Fields {
            pack,
            input,
            read: OnceCell::new(),
        }
    }

    /// The fields, read now if they were not yet.
    pub fn get(&self) -> &Read<'a> {
        self.read.get_or_init(|| {
            let (pack, input) = (self.pack, self.input);
            let read = |key: &str| {
                let mut out = Vec::new();
                for p in list(pack.get(key)) {
                    values(input, p, &mut out);
                }
                out
            };
            let code = |s: &'a str| (s.len() <= MAX_CODE).then(|| (s, normalize(s)));
            let declines: Vec<_> = read("declines").into_iter().filter_map(code).collect();
            let n = declines.len();
            let mut codes = declines;
            codes.extend(read("codes").into_iter().filter_map(code));
            codes.retain(|(_, n)| !n.is_empty());
            let raw = read("messages").join(" ");
            Read {
                codes,
                declines: n,
                message: fold(&raw),
                raw,
            }
        })
    }
}

/// Whether every condition of `cond` holds (`skip_code`: the `code` condition was checked by
/// the caller against one value).
pub fn holds(cond: Node, input: &Input, fields: &Fields, skip_code: bool) -> bool {
    cond.members().all(|(key, want)| match key {
        "status" => {
            let status = Some(u64::from(input.status()));
            match want.is_array() {
                true => want.items().any(|s| s.as_u64() == status),
                false => want.as_u64() == status,
            }
        }
        "host" => input.host.as_deref().is_some_and(|h| {
            list(Some(want)).any(|w| {
                let w = w.to_ascii_lowercase();
                h == w || h.strip_suffix(w.as_str()).is_some_and(|p| p.ends_with('.'))
            })
        }),
        "header" => want.members().all(|(name, sub)| {
            let sub = sub.as_str().unwrap_or("").to_ascii_lowercase();
            let has = |v: &str| v.to_ascii_lowercase().contains(&sub);
            match name.strip_suffix('*') {
                Some(prefix) => {
                    let prefix = prefix.to_ascii_lowercase();
                    input
                        .ex
                        .headers
                        .iter()
                        .any(|(n, v)| n.starts_with(&prefix) && has(v))
                }
                None => input.header(name).is_some_and(has),
            }
        }),
        "has" => list(Some(want)).all(|p| {
            let mut found = Vec::new();
            if let Some(name) = p.strip_prefix("header:") {
                return input.header(name).is_some();
            }
            input.json.as_ref().is_some_and(|j| {
                walk(j, p, &mut found);
                !found.is_empty()
            })
        }),
        "match" => want.members().all(|(p, wanted)| {
            let mut got = Vec::new();
            values(input, p, &mut got);
            fn one(w: Node<'_>) -> Option<&str> {
                match w.as_bool() {
                    Some(true) => Some("true"),
                    Some(false) => Some("false"),
                    None => w.as_text(),
                }
            }
            // Exact: a vendor's casing is part of its shape (Xendit `FAILED`, Omise `failed`).
            let wanted = |g: &str| match wanted.is_array() {
                true => wanted.items().any(|w| one(w) == Some(g)),
                false => one(wanted) == Some(g),
            };
            got.iter().any(|g| wanted(g.trim()))
        }),
        "code" => skip_code || fields.get().codes.iter().any(|(_, n)| names(want, n)),
        "message" => list(Some(want)).any(|p| phrase_in(&fields.get().message, p)),
        "body" | "bodyIncludes" => list(Some(want))
            .any(|p| phrase_in(input.page_text(), p) || phrase_in(input.raw_text(), p)),
        // Not conditions: what an entry means, and where a rule reads.
        _ => true,
    })
}

/// Whether a `code` condition (a code or a list, `*` and `?` wildcards) names the normalized
/// code `norm`.
fn names(want: Node, norm: &str) -> bool {
    want.strings().any(|p| glob(p, norm))
}

/// Whether the pack applies to `input`: `Some(true)` when a `[[when]]` block naming a host
/// holds (the URL says which vendor answered), `Some(false)` for any other block.
pub fn recognize(pack: Node, input: &Input, fields: &Fields) -> Option<bool> {
    let mut by_shape = false;
    for b in pack.get("when")?.items() {
        if holds(b, input, fields, false) {
            if b.get("host").is_some() {
                return Some(true);
            }
            by_shape = true;
        }
    }
    by_shape.then_some(false)
}

/// The entry of a recognized pack (or the rule list) that decides, with the code it decided
/// on: code fields in order, then message entries, then defaults (knowledge/README.md).
pub fn decide<'p>(
    entries: Node<'p>,
    input: &Input,
    fields: &Fields,
) -> Option<(usize, Node<'p>, Option<usize>)> {
    for (ci, (_, norm)) in fields.get().codes.iter().enumerate() {
        for (i, e) in entries.items().enumerate() {
            let Some(want) = e.get("code") else { continue };
            if names(want, norm) && holds(e, input, fields, true) {
                return Some((i, e, Some(ci)));
            }
        }
    }
    // Then the entries with a message and no code, then those with neither.
    for with_message in [true, false] {
        for (i, e) in entries.items().enumerate() {
            if e.get("code").is_none()
                && e.get("message").is_some() == with_message
                && holds(e, input, fields, false)
            {
                return Some((i, e, None));
            }
        }
    }
    None
}

/// What an entry decided, as a finding: cause, party, the codes it read, the amount and the
/// reference its pack knows where to find.
pub fn found(
    pack: Node,
    entry: Node,
    decided_on: Option<usize>,
    fields: &Fields,
    input: &Input,
    source: Source,
) -> Found {
    let cause = Cause::parse(entry.get("cause").and_then(Node::as_str).unwrap_or(""));
    let party = entry
        .get("party")
        .or(pack.get("party"))
        .and_then(Node::as_str)
        .and_then(Party::parse);
    let sensitive = entry.get("sensitive").and_then(Node::as_bool) == Some(true)
        || fields.get().codes.iter().any(|(c, _)| is_sensitive(c))
        || sensitive_anywhere(input);
    let mut f = Found::new(
        if sensitive {
            Cause::CardDeclined
        } else {
            cause
        },
        source,
    );
    f.sensitive = sensitive;
    f.party = party;
    // The code reported is the one that decided, or the first that is not a decline code
    // (a decline code is reported as such).
    let code = match decided_on {
        Some(i) if i >= fields.get().declines => fields.get().codes.get(i),
        _ => None,
    }
    .or(fields.get().codes.get(fields.get().declines));
    f.details.code = code.and_then(|(c, _)| code_token(c));
    if fields.get().declines > 0 {
        f.details.decline_code = fields.get().codes.first().and_then(|(c, _)| code_token(c));
    }
    let mut refs = Vec::new();
    for p in list(pack.get("references")) {
        values(input, p, &mut refs);
    }
    f.details.reference = refs.into_iter().find_map(reference_text);
    f.details.amount = pack.get("amount").and_then(|a| amount(a, input));
    f.details
        .links
        .extend(message_link(&f.cause, &fields.get().raw));
    f
}

/// A link a message names ("Add more using https://openrouter.ai/credits"): where to pay for a
/// billing cause, more information otherwise.
pub fn message_link(cause: &Cause, message: &str) -> Option<Link> {
    let url = first_url(message)?;
    let billing = matches!(
        cause,
        Cause::CreditsExhausted
            | Cause::QuotaExceeded
            | Cause::SubscriptionPastDue
            | Cause::ServiceSuspendedBilling
    );
    let rel = if billing { "billing" } else { "more_info" };
    Some(Link {
        rel: rel.into(),
        url,
    })
}

/// A pack's `amount`: `{ value, currency, unit }` or `{ text }` ("USD 0.01").
fn amount(spec: Node, input: &Input) -> Option<Amount> {
    let first = |key: &str| {
        let mut out = Vec::new();
        values(input, spec.get(key)?.as_str()?, &mut out);
        out.first().copied()
    };
    if let Some(t) = first("text") {
        let (a, b) = t.trim().split_once(' ')?;
        let (code, value) = if currency_code(a).is_some() {
            (a, b)
        } else {
            (b, a)
        };
        let (atomic, decimals) = decimal(value.trim())?;
        currency_code(code)?;
        return Some(fiat(atomic, decimals, code));
    }
    let value = first("value")?;
    let literal = spec.get("currency").and_then(Node::as_str);
    let currency =
        first("currency").or(literal.filter(|c| currency_code(c).is_some() && c.len() == 3))?;
    currency_code(currency)?;
    if spec.get("unit").and_then(Node::as_str) == Some("minor") {
        let atomic = digits(value)?;
        Some(fiat(atomic, stripe_decimals(currency), currency))
    } else {
        let (atomic, decimals) = decimal(value)?;
        Some(fiat(atomic, decimals, currency))
    }
}

/// What the first pack that applies and has an entry for the response decides. Packs whose
/// `host` names the response's host come first (the URL says which vendor answered), then the
/// others in file order; each pack's fields are read once, and only if it applies.
pub fn run<'a>(packs: impl Iterator<Item = Node<'static>>, input: &'a Input<'a>) -> Option<Found> {
    let mut by_shape = Vec::new();
    for pack in packs {
        let fields = Fields::of(pack, input);
        match recognize(pack, input, &fields) {
            Some(true) => {
                if let Some(f) = apply(pack, input, &fields) {
                    return Some(f);
                }
            }
            Some(false) => by_shape.push(fields),
            None => {}
        }
    }
    by_shape.iter().find_map(|f| apply(f.pack, input, f))
}

/// The entry of a recognized pack that decides, as a finding.
fn apply(pack: Node<'static>, input: &Input, fields: &Fields) -> Option<Found> {
    let (index, entry, on) = decide(pack.get("entry")?, input, fields)?;
    let id = crate::knowledge::id(pack);
    let mut f = found(pack, entry, on, fields, input, Source::Pack(id));
    f.matched = Some((id, index));
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnose::Exchange;

    fn input(body: &str) -> Exchange {
        Exchange {
            status: 402,
            body: body.as_bytes().to_vec(),
            ..Exchange::default()
        }
    }

    #[test]
    fn paths_reach_into_arrays() {
        let ex = input(r#"{"errors":[{"code":"A"},{"code":"B"}],"x":{"y":true}}"#);
        let i = Input::new(&ex, None);
        let mut out = Vec::new();
        values(&i, "errors.*.code", &mut out);
        assert_eq!(out, ["A", "B"]);
        out.clear();
        values(&i, "errors.1.code", &mut out);
        assert_eq!(out, ["B"]);
        out.clear();
        values(&i, "x.y", &mut out);
        assert_eq!(out, ["true"]);
    }

    #[test]
    fn sensitive_codes() {
        for c in [
            "LOST_CARD",
            "stolen_card",
            "fraudulent",
            "pickup_card",
            "SuspectedFraud",
        ] {
            assert!(is_sensitive(c), "{c}");
        }
        assert!(!is_sensitive("insufficient_funds"));
        assert!(!is_sensitive("lost_connection"));
    }
}
