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
use super::input::{code_token, find_ci, fold, has, has_folded, index, starts_ci, Found, Input};
use super::money::{decimal, digits, fiat, is_currency, stripe_decimals};
use super::{Cause, Party};
use crate::json::Value;
use crate::knowledge::bin::{strings as list, Node};
use crate::knowledge::norm::{glob, normalize, MAX_CODE};
use std::cell::OnceCell;

/// Most values a path may yield (a hostile body can hold thousands of array elements).
const MAX_VALUES: usize = 32;

/// Parts of a normalized code that reveal a lost, stolen or fraud-flagged card, each followed
/// by `|`. Such a decline is shown as a plain one, and its code never leaves `diagnose`
/// (PayMongo and Stripe advise merchants the same).
const SENSITIVE: &str = concat!(
    "fraud|",
    "stolen|",
    "lost_card|",
    "card_lost|",
    "lost_or_stolen|",
    "pickup|",
    "pick_up|",
    "blacklist|",
    "blocklist|",
    "highest_risk|",
    "security_violation|",
    "restricted_card|",
);

/// Whether a code reveals a lost, stolen or fraud-flagged card.
pub fn is_sensitive(code: &str) -> bool {
    let n = normalize(code);
    for part in SENSITIVE.split_terminator('|') {
        if has(&n, part) {
            return true;
        }
    }
    false
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
        let items = match v {
            Value::String(s) => {
                return s.len() <= MAX_CODE && !s.as_bytes().contains(&b' ') && is_sensitive(s)
            }
            Value::Array(a) => a.as_slice(),
            Value::Object(m) => {
                for (_, x) in m {
                    if any(x, depth + 1, budget) {
                        return true;
                    }
                }
                return false;
            }
            _ => return false,
        };
        for x in items {
            if any(x, depth + 1, budget) {
                return true;
            }
        }
        false
    }
    let mut budget = 2048;
    match &input.json {
        Some(j) => any(j, 0, &mut budget),
        None => false,
    }
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
        if let Some(v) = input.header(name) {
            out.push(v);
        }
        return;
    }
    let Some(json) = &input.json else { return };
    let mut found = Vec::new();
    walk(json, path, &mut found);
    for v in found {
        if let Some(t) = text(v) {
            out.push(t);
        }
    }
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
    match (seg, v) {
        ("*", Value::Array(a)) => {
            for x in a {
                step(x, rest, out);
            }
        }
        ("*", Value::Object(m)) => {
            for (_, x) in m {
                step(x, rest, out);
            }
        }
        (s, Value::Array(a)) => {
            if let Some(x) = index(s).and_then(|i| a.get(i)) {
                step(x, rest, out)
            }
        }
        (s, v) => {
            if let Some(x) = v.get(s) {
                step(x, rest, out)
            }
        }
    }
}

/// One value a path segment reached: walked on with the rest of the path, or collected.
fn step<'v>(x: &'v Value, rest: Option<&str>, out: &mut Vec<&'v Value>) {
    match rest {
        Some(r) => walk(x, r, out),
        None => {
            if !matches!(x, Value::Null) && out.len() < MAX_VALUES {
                out.push(x)
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

/// Whether one of the phrases of `want` (a string or a list) occurs in `hay`.
pub fn any_phrase(want: Option<Node>, hay: &str) -> bool {
    for p in list(want) {
        if phrase_in(hay, p) {
            return true;
        }
    }
    false
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
        self.read.get_or_init(|| read(self.pack, self.input))
    }
}

/// The values at the paths a pack lists under `key`.
fn read_paths<'a>(pack: Node, key: &str, input: &'a Input<'a>) -> Vec<&'a str> {
    let mut out = Vec::new();
    for p in list(pack.get(key)) {
        values(input, p, &mut out);
    }
    out
}

/// Reads a pack's fields (see [`Fields`]).
fn read<'a>(pack: Node, input: &'a Input<'a>) -> Read<'a> {
    let mut codes = Vec::new();
    let mut declines = 0;
    for key in ["declines", "codes"] {
        for s in read_paths(pack, key, input) {
            if s.len() <= MAX_CODE {
                // Decline codes are counted before those empty once normalized are left out,
                // as the engine always has.
                declines += usize::from(key == "declines");
                let n = normalize(s);
                if !n.is_empty() {
                    codes.push((s, n));
                }
            }
        }
    }
    let raw = read_paths(pack, "messages", input).join(" ");
    Read {
        codes,
        declines,
        message: fold(&raw),
        raw,
    }
}

/// The alternatives of a condition's value: the elements of a list, or the value itself.
fn one_of(want: Node, hit: impl Fn(Node) -> bool) -> bool {
    if !want.is_array() {
        return hit(want);
    }
    for w in want.items() {
        if hit(w) {
            return true;
        }
    }
    false
}

/// The text a `match` value stands for: a string, a number's text, `true` or `false`.
fn scalar(w: Node<'_>) -> Option<&str> {
    match w.as_bool() {
        Some(true) => Some("true"),
        Some(false) => Some("false"),
        None => w.as_text(),
    }
}

/// Whether one condition (`key`, `want`) holds.
fn holds_one(key: &str, want: Node, input: &Input, fields: &Fields, skip_code: bool) -> bool {
    match key {
        "status" => {
            let status = Some(u64::from(input.status()));
            one_of(want, |w| w.as_u64() == status)
        }
        "host" => {
            let Some(h) = input.host.as_deref() else {
                return false;
            };
            for w in want.strings() {
                // The host itself or a subdomain of it (`h` is lowercase).
                let Some(cut) = h.len().checked_sub(w.len()) else {
                    continue;
                };
                if h.get(cut..).is_some_and(|end| end.eq_ignore_ascii_case(w))
                    && (cut == 0 || h.as_bytes()[cut - 1] == b'.')
                {
                    return true;
                }
            }
            false
        }
        "header" => {
            for (name, sub) in want.members() {
                let sub = sub.as_str().unwrap_or("");
                let has = |v: &str| find_ci(v, sub).is_some();
                let found = match name.strip_suffix('*') {
                    Some(prefix) => {
                        let mut any = false;
                        for (n, v) in input.ex.headers.iter() {
                            if starts_ci(n, prefix) && has(v) {
                                any = true;
                                break;
                            }
                        }
                        any
                    }
                    None => input.header(name).is_some_and(has),
                };
                if !found {
                    return false;
                }
            }
            true
        }
        "has" => {
            for p in want.strings() {
                let present = match p.strip_prefix("header:") {
                    Some(name) => input.header(name).is_some(),
                    None => {
                        let mut found = Vec::new();
                        if let Some(j) = &input.json {
                            walk(j, p, &mut found);
                        }
                        !found.is_empty()
                    }
                };
                if !present {
                    return false;
                }
            }
            true
        }
        "match" => {
            for (p, wanted) in want.members() {
                let mut got = Vec::new();
                values(input, p, &mut got);
                // Exact: a vendor's casing is part of its shape (Xendit `FAILED`, Omise `failed`).
                let mut any = false;
                for g in got {
                    let g = g.trim();
                    if one_of(wanted, |w| scalar(w) == Some(g)) {
                        any = true;
                        break;
                    }
                }
                if !any {
                    return false;
                }
            }
            true
        }
        "code" => {
            if skip_code {
                return true;
            }
            for (_, n) in &fields.get().codes {
                if names(want, n) {
                    return true;
                }
            }
            false
        }
        "message" => any_phrase(Some(want), &fields.get().message),
        "body" | "bodyIncludes" => {
            any_phrase(Some(want), input.page_text()) || any_phrase(Some(want), input.raw_text())
        }
        // Not conditions: what an entry means, and where a rule reads.
        _ => true,
    }
}

/// Whether every condition of `cond` holds (`skip_code`: the `code` condition was checked by
/// the caller against one value).
pub fn holds(cond: Node, input: &Input, fields: &Fields, skip_code: bool) -> bool {
    for (key, want) in cond.members() {
        if !holds_one(key, want, input, fields, skip_code) {
            return false;
        }
    }
    true
}

/// Whether a `code` condition (a code or a list, `*` and `?` wildcards) names the normalized
/// code `norm`.
fn names(want: Node, norm: &str) -> bool {
    for p in want.strings() {
        if glob(p, norm) {
            return true;
        }
    }
    false
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
    let read = fields.get();
    let mut sensitive = entry.get("sensitive").and_then(Node::as_bool) == Some(true);
    for (c, _) in &read.codes {
        sensitive = sensitive || is_sensitive(c);
    }
    let sensitive = sensitive || sensitive_anywhere(input);
    let cause = if sensitive {
        Cause::CardDeclined
    } else {
        Cause::parse(entry.get("cause").and_then(Node::as_str).unwrap_or(""))
    };
    let mut f = Found::new(cause, source);
    f.sensitive = sensitive;
    f.party = entry
        .get("party")
        .or(pack.get("party"))
        .and_then(Node::as_str)
        .and_then(Party::parse);
    // The code reported is the one that decided, or the first that is not a decline code
    // (a decline code is reported as such).
    let at = match decided_on {
        Some(i) if i >= read.declines => i,
        _ => read.declines,
    };
    let token = |i: usize| read.codes.get(i).and_then(|(c, _)| code_token(c));
    f.details.code = token(at);
    if read.declines > 0 {
        f.details.decline_code = token(0);
    }
    for r in read_paths(pack, "references", input) {
        if let Some(r) = reference_text(r) {
            f.details.reference = Some(r);
            break;
        }
    }
    if let Some(a) = pack.get("amount") {
        f.details.amount = amount(a, input);
    }
    if let Some(link) = message_link(&f.cause, &read.raw) {
        f.details.links.push(link);
    }
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

/// The first value at the path an `amount` spec names under `key`.
fn first<'a>(spec: Node, key: &str, input: &'a Input<'a>) -> Option<&'a str> {
    let mut out = Vec::new();
    values(input, spec.get(key)?.as_str()?, &mut out);
    out.first().copied()
}

/// A pack's `amount`: `{ value, currency, unit }` or `{ text }` ("USD 0.01").
fn amount(spec: Node, input: &Input) -> Option<Amount> {
    if let Some(t) = first(spec, "text", input) {
        let (a, b) = t.trim().split_once(' ')?;
        let (code, value) = if is_currency(a) { (a, b) } else { (b, a) };
        let (atomic, decimals) = decimal(value.trim())?;
        if !is_currency(code) {
            return None;
        }
        return Some(fiat(atomic, decimals, code));
    }
    let value = first(spec, "value", input)?;
    let literal = spec
        .get("currency")
        .and_then(Node::as_str)
        .filter(|c| is_currency(c) && c.len() == 3);
    let currency = first(spec, "currency", input).or(literal)?;
    if !is_currency(currency) {
        return None;
    }
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
/// others in file order; each pack's fields are read once, and only if it applies. The pack
/// `skip` (by id) is left out.
pub fn run<'a>(skip: Option<&str>, input: &'a Input<'a>) -> Option<Found> {
    let mut by_shape = Vec::new();
    for pack in crate::knowledge::packs() {
        if skip.is_some_and(|s| s == crate::knowledge::id(pack)) {
            continue;
        }
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
    for f in &by_shape {
        if let Some(found) = apply(f.pack, input, f) {
            return Some(found);
        }
    }
    None
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
