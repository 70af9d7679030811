//! The fallback: what a response that no pack and no protocol recognized still says.
//!
//! It reads the usual places for a code and a message at any depth of a JSON body (`code`,
//! `error.code`, `errors[].code`, `error.status`, `reason`, `type`, `message`, `detail`,
//! `title`, `error_description`, …, and a list under a plural key as its items under the
//! singular one), error headers such as `x-amzn-ErrorType`, or the visible text of a page, and
//! weighs them against the cause signals of `knowledge/lexicon.toml` (whose `markup` words are
//! looked for in a page's markup, and in the links a JSON rejection gives, and whose `headers`
//! entries name the headers by which an edge says it challenged the request).
//!
//! # Design
//! Evidence is weighed, not matched first-come: a code naming a cause counts four, a phrase in
//! a message two, and the status being usual for that cause one; the highest total wins, the
//! earlier (more specific) signal on a tie. So a Gemini quota error whose message also says
//! "billing" is a quota, because its code and its main phrase say so. The status alone never
//! decides here (the status fallback after this does), and a 2xx body is read only when it
//! says the payment failed (an outcome field, failure wording, an error's message, or a GraphQL
//! error list), or when a header says an edge challenged the request. A lost, stolen or fraud
//! code anywhere makes a plain decline.

use super::details::Source;
use super::engine::{any_phrase, is_sensitive, message_link, sensitive_anywhere};
use super::input::{all_bytes, digit, find, fold, has, is_code, listed, Found, Input};
use super::Cause;
use crate::json::{uint, Value};
use crate::knowledge::bin::{strings as list, Node};
use crate::knowledge::lexicon;
use crate::knowledge::norm::{normalize, MAX_CODE};

/// Keys (normalized) whose short values are codes, most specific first: a decline or failure
/// code says more than an error code, which says more than a status or a type. Every table of
/// words here is one string, each word followed by `|` (a string costs less WebAssembly than a
/// slice of them).
const CODE_KEYS: [&str; 3] = [
    concat!(
        "decline_code|",
        "failure_code|",
        "failure_reason|",
        "refusal_reason|",
        "reason|",
        "sub_code|",
        "subcode|",
        "error_code|",
        "errorcode|",
        "err_code|",
        "issue|",
        "error_key|",
        "fault_code|",
    ),
    concat!(
        "code|",
        "error|",
        "error_type|",
        "errortype|",
        "type|",
        "name|",
        "kind|",
    ),
    concat!(
        "status|",
        "result_code|",
        "error_id|",
        "id|",
        "transaction_status|",
        "fraud_status|",
        "payment_status|",
        "transaction_state|",
    ),
];
/// Keys (normalized) whose values are human text.
const MESSAGE_KEYS: &str = concat!(
    "message|",
    "msg|",
    "detail|",
    "details|",
    "title|",
    "error_description|",
    "description|",
    "status_message|",
    "error_message|",
    "errormessage|",
    "error_summary|",
    "faultstring|",
    "response_summary|",
    "reason|",
    "error|",
    "errors|",
    "error_messages|",
    "messages|",
    "hint|",
    "user_message|",
    "localized_message|",
    "failure_message|",
    "status_description|",
    "response_message|",
    "response_desc|",
    "resp_desc|",
    "result_msg|",
    "result_message|",
    "status_desc|",
    "error_desc|",
    "error_detail|",
    "reason_message|",
    "respon_message|",
    "keterangan|",
);
/// Keys whose numeric value, in a 2xx body, is an error status when it is 400 to 599 (a
/// gateway's own status inside a successful HTTP response).
const STATUS_KEYS: &str = concat!("status_code|", "code|", "response_code|", "status|",);
/// Keys whose value says whether a payment in a 2xx body failed, and the values that say so.
const OUTCOME_KEYS: &str = concat!(
    "status|",
    "transaction_status|",
    "result|",
    "state|",
    "outcome|",
    "approved|",
    "success|",
    "payment_status|",
    "result_code|",
);
const FAILED: &str = concat!(
    "failed|",
    "failure|",
    "declined|",
    "deny|",
    "denied|",
    "rejected|",
    "refused|",
    "error|",
    "expired|",
    "expire|",
    "false|",
    "cancelled|",
    "canceled|",
    "void|",
    "voided|",
    "gagal|",
);
/// Words of a message that, in a 2xx body, say a payment failed (a gateway's own result code
/// beside text such as "Insufficient funds" or "Transaksi gagal").
const FAILED_WORDS: &str = concat!(
    "fail|",
    "declin|",
    "reject|",
    "denied|",
    "insufficient|",
    "expired|",
    "not found|",
    "invalid|",
    "blocked|",
    "error|",
    "malfunction|",
    "busy|",
    "timeout|",
    "disturbance|",
    "not authorized|",
    "unauthorized|",
    "violation|",
    "incorrect|",
    "not enabled|",
    "not allowed|",
    "gagal|",
    "ditolak|",
    "tidak cukup|",
    "kedaluwarsa|",
    "tidak valid|",
    "diblokir|",
);
/// Words that put a message in a payment's context rather than an API account's.
const PAYMENT_WORDS: &str = concat!(
    "card|",
    "payment|",
    "charge|",
    "transaction|",
    "decline|",
    "bank|",
    "wallet|",
    "kartu|",
    "pembayaran|",
    "transaksi|",
    "rekening|",
    "dompet|",
    "issuer|",
);
/// Words that make a sign-in error the visitor's own session rather than the site's key.
const SESSION_WORDS: &str = concat!(
    "session|",
    "log in|",
    "login|",
    "sign in|",
    "sign-in|",
    "signin|",
    "password|",
    "mfa|",
    "user|",
    "cookie|",
    "masuk|",
    "sesi|",
    "kata sandi|",
);
/// How deep and how much of a body is walked.
const MAX_DEPTH: usize = 8;
const MAX_NODES: usize = 512;
/// Weights of the wording: a phrase, and the status being usual for its cause.
const PHRASE: u32 = 2;
const PRIOR: u32 = 1;

/// Suffixes of keys that hold human text (`channel_response_message`).
const MESSAGE_SUFFIXES: &str = "message|_msg|_desc|description|_text|summary|";

/// Whether one of the `|`-terminated words of `table` occurs in `hay`.
#[inline(never)]
fn any_in(table: &str, hay: &str) -> bool {
    for w in table.split_terminator('|') {
        if has(hay, w) {
            return true;
        }
    }
    false
}

/// What the walk of a body collected.
#[derive(Default)]
struct Evidence<'a> {
    /// (rank of the key, as sent, normalized).
    codes: Vec<(usize, &'a str, String)>,
    /// The normalized keys and short values seen: whether this is a payment's context.
    context: String,
    messages: Vec<&'a str>,
    /// The links and paths among the values (`"url": "https://…/captcha/?…"`), for the
    /// markup words: a rejection that points at a captcha is a bot check.
    links: String,
    failed: bool,
    nodes: usize,
}

impl<'a> Evidence<'a> {
    fn walk(&mut self, v: &'a Value, depth: usize) {
        if depth > MAX_DEPTH || self.nodes > MAX_NODES {
            return;
        }
        self.nodes += 1;
        match v {
            Value::Array(items) => {
                for x in items {
                    self.walk(x, depth + 1);
                }
            }
            Value::Object(members) => {
                for (k, x) in members {
                    let key = normalize(k);
                    self.note(&key);
                    self.member(&key, x);
                    self.walk(x, depth + 1);
                }
            }
            _ => {}
        }
    }

    /// Adds a normalized key or value to the context.
    fn note(&mut self, word: &str) {
        if self.context.len() < 4096 {
            self.context.push_str(word);
            self.context.push(' ');
        }
    }

    fn member(&mut self, key: &str, v: &'a Value) {
        let message_key = is_message_key(key);
        let outcome_key = listed(OUTCOME_KEYS, key);
        if let Value::Bool(false) = v {
            self.failed |= outcome_key;
        }
        if listed(STATUS_KEYS, key)
            && v.as_text()
                .and_then(|t| uint(t.trim()))
                .is_some_and(|n| (400..600).contains(&n))
        {
            self.failed = true;
        }
        if let Value::String(t) = v {
            self.text(key, t, message_key, outcome_key);
        }
        if let Value::Array(items) = v {
            // A list under a plural key is read as each item would be under the singular one:
            // `"error_codes": ["card_expired"]` holds codes, `"errors": ["…"]` codes or text.
            let one = key.strip_suffix('s').unwrap_or(key);
            let message_key = message_key || is_message_key(one);
            let mut taken = 0;
            for x in items {
                if taken == 16 {
                    break;
                }
                if let Some(t) = x.as_str() {
                    self.text(one, t, message_key, false);
                    taken += 1;
                }
            }
        }
    }

    /// A string member: a code, human text, or an outcome, by its key and its shape.
    fn text(&mut self, key: &str, t: &'a str, message_key: bool, outcome_key: bool) {
        let t = t.trim();
        if (t.starts_with("http") || t.starts_with('/'))
            && !t.contains(' ')
            && self.links.len() + t.len() < 4096
        {
            self.links.push_str(t);
            self.links.push(' ');
        }
        // An error's message ("error_message": "You have exceeded …") says something failed,
        // whatever the status.
        self.failed |= message_key && key.contains("error") && t.contains(' ');
        let is_code = !t.is_empty()
            && t.len() <= MAX_CODE
            && !t.as_bytes().contains(&b' ')
            && !all_bytes(t, digit);
        let norm = if outcome_key || is_code {
            normalize(t)
        } else {
            String::new()
        };
        if outcome_key {
            for w in norm.split('_') {
                self.failed |= listed(FAILED, w);
            }
        }
        if is_code {
            // Every short value says something about the context ("PAYMENT_METHOD_ERROR").
            self.note(&norm);
        }
        // An UPPER_SNAKE message ("message": "TOKEN_EXPIRED") is a code too.
        let shouting = message_key
            && t.as_bytes().contains(&b'_')
            && all_bytes(t, |b| {
                b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'
            });
        let rank = match code_rank(key) {
            None if shouting => Some(1),
            rank => rank,
        };
        match rank {
            Some(rank) if is_code && self.codes.len() < 64 => self.codes.push((rank, t, norm)),
            // A code field holding a sentence ("refusalReason": "Expired Card") is wording.
            _ if (message_key || rank.is_some()) && self.messages.len() < 64 => {
                self.messages.push(t)
            }
            _ => {}
        }
    }
}

/// The rank of a code key: listed, or named like one (`refusal_reason`, `channel_response_code`).
fn code_rank(key: &str) -> Option<usize> {
    for (rank, keys) in CODE_KEYS.iter().enumerate() {
        if listed(keys, key) {
            return Some(rank);
        }
    }
    if key.ends_with("_reason") || key.ends_with("_error_code") {
        Some(0)
    } else if key.ends_with("_code") {
        Some(2)
    } else {
        None
    }
}

/// Whether a key holds human text: listed, or named like one (`channel_response_message`).
fn is_message_key(key: &str) -> bool {
    if listed(MESSAGE_KEYS, key) {
        return true;
    }
    for s in MESSAGE_SUFFIXES.split_terminator('|') {
        if key.ends_with(s) {
            return true;
        }
    }
    false
}

/// Whether a normalized code contains the signal's words on word boundaries (a final `*`
/// makes the last word a prefix).
fn code_has(code: &str, signal: &str) -> bool {
    let (words, prefix) = match signal.strip_suffix('*') {
        Some(s) => (s.trim_end_matches('_'), true),
        None => (signal, false),
    };
    let b = code.as_bytes();
    let mut from = 0;
    while let Some(at) = code.get(from..).and_then(|rest| find(rest, words)) {
        let start = from + at;
        let end = start + words.len();
        let before = start == 0 || b[start - 1] == b'_';
        let after = prefix || end == b.len() || b[end] == b'_';
        if before && after {
            return true;
        }
        from = start + 1;
    }
    false
}

/// The cause a signal names, in a payment's context or an API account's.
fn cause_of(signal: Node, payment: bool) -> Option<Cause> {
    let account = signal.get("account").and_then(Node::as_str);
    let label = match account {
        Some(a) if !payment => a,
        _ => signal.get("cause").and_then(Node::as_str)?,
    };
    Cause::builtin(label)
}

/// The cause the codes name: the most specific code that names one (by the rank of its key,
/// then a specific cause before a generic one, then in body order), and the first signal it
/// names.
fn by_code<'a>(codes: &[(usize, &'a str, String)], payment: bool) -> Option<(Cause, &'a str)> {
    // Rank by rank rather than a sort: the ranks are few, and a sort costs kilobytes of wasm.
    // Within a rank, a code naming a specific cause comes before one that only says "refused"
    // (`"reason": "forbidden"` beside `"reason": "API_KEY_SERVICE_BLOCKED"`).
    let mut generic = None;
    for rank in 0..CODE_KEYS.len() {
        for (r, sent, norm) in codes {
            if *r != rank {
                continue;
            }
            // The longest signal word in the code says the most: `token_expired` is a sign-in
            // before `expired` is a payment's time running out.
            let mut best: Option<(usize, Node)> = None;
            for s in lexicon() {
                let mut len = 0;
                for c in list(s.get("codes")) {
                    if code_has(norm, c) {
                        len = len.max(c.len() + 1);
                    }
                }
                if len > 0 && best.is_none_or(|(b, _)| len > b) {
                    best = Some((len, s));
                }
            }
            if let Some(c) = best.and_then(|(_, s)| cause_of(s, payment)) {
                if !is_generic(&c) {
                    return Some((c, *sent));
                }
                if generic.is_none() {
                    generic = Some((c, *sent));
                }
            }
        }
        if generic.is_some() {
            return generic;
        }
    }
    None
}

/// The cause the text names: a phrase counts two, the status being usual for the cause one;
/// the highest total wins, the earlier signal on a tie.
fn by_phrase(text: &str, status: u16, payment: bool) -> Option<Cause> {
    let mut best: Option<(u32, Cause)> = None;
    for signal in lexicon() {
        if !any_phrase(signal.get("phrases"), text) {
            continue;
        }
        let mut score = PHRASE;
        if let Some(usual) = signal.get("status") {
            for s in usual.items() {
                if s.as_u64() == Some(u64::from(status)) {
                    score = PHRASE + PRIOR;
                    break;
                }
            }
        }
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            if let Some(c) = cause_of(signal, payment) {
                best = Some((score, c));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// What the wording says: a bot check in a page's markup (or, in a JSON rejection, in the links
/// it gives), else the phrases of the text.
fn wording(input: &Input, text: &str, links: &str, payment: bool) -> Option<Cause> {
    let markup = match input.json {
        None => markers(input.raw_text()),
        Some(_) if input.status() >= 400 => markers(links),
        Some(_) => None,
    };
    markup.or_else(|| by_phrase(text, input.status(), payment))
}

/// Reads a response no pack recognized: a JSON body's codes and messages, error headers, or
/// a page's visible text.
pub fn detect(input: &Input) -> Option<Found> {
    let mut ev = Evidence::default();
    if let Some(json) = &input.json {
        ev.walk(json, 0);
    }
    for (name, value) in input.ex.headers.iter() {
        let error_header = name.ends_with("errortype")
            || name.ends_with("error-code")
            || name.ends_with("-error")
            || name == "x-error";
        if error_header && ev.codes.len() < 64 && is_code(value) {
            ev.codes.push((1, value, normalize(value)));
        }
    }
    // A header by which an edge says it challenged the request (`cf-mitigated: challenge`).
    let challenged = header_signal(input);
    let messages = ev.messages.join(" ");
    let folded = fold(&messages);
    // A 2xx body is a payment result an app handed over: explained only when it says it failed
    // (an outcome field, failure wording, or a GraphQL error list).
    if input.status() < 400
        && !ev.failed
        && !any_in(FAILED_WORDS, &folded)
        && !graphql_errors(input)
        && challenged.is_none()
    {
        return None;
    }
    let source = if input.json.is_some() {
        if is_problem(input) {
            Source::ProblemDetails
        } else {
            Source::Fields
        }
    } else {
        Source::Text
    };
    let mut sensitive = false;
    for (_, c, _) in &ev.codes {
        sensitive = sensitive || is_sensitive(c);
    }
    if sensitive || sensitive_anywhere(input) {
        let mut f = Found::new(Cause::CardDeclined, source);
        f.sensitive = true;
        return Some(f);
    }
    let text = match input.json {
        Some(_) => folded.as_str(),
        None => input.page_text(),
    };
    // The wording and the keys and short values seen, for the context of the words.
    let hay = [text, " ", ev.context.as_str()].concat();
    // The same words mean a shopper's card or wallet on a page or in a payment, and an API
    // account's prepaid credit in an API's error: "insufficient balance".
    let mut payment = input.json.is_none();
    for w in PAYMENT_WORDS.split_terminator('|') {
        payment = payment || has(&hay, w);
        for (_, _, n) in &ev.codes {
            payment = payment || has(n, w);
        }
    }
    // A header's challenge decides and names no code; else the codes, then the wording.
    let (cause, code) = if let Some(c) = challenged {
        (c, None)
    } else {
        match by_code(&ev.codes, payment) {
            // A generic code ("declined", "payment_required", "forbidden") says less than a
            // message naming a specific cause ("Expired Card", "requires more credits").
            Some((c, code)) if is_generic(&c) => match wording(input, text, &ev.links, payment) {
                Some(p) if refines(&c, &p) => (p, Some(code)),
                _ => (c, Some(code)),
            },
            Some((c, code)) => (c, Some(code)),
            None => match wording(input, text, &ev.links, payment)? {
                // A server error's page ("503 Service Temporarily Unavailable") is not a payment's
                // wording; a platform's suspension or quota page is.
                c if input.status() >= 500
                    && !matches!(c, Cause::ServiceSuspendedBilling | Cause::QuotaExceeded) =>
                {
                    return None
                }
                // "Access denied" on a 401 asks to sign in.
                Cause::Forbidden if input.status() == 401 => (Cause::AuthRequired, None),
                c => (c, None),
            },
        }
    };
    let code = code.or_else(|| ev.codes.first().map(|(_, c, _)| *c));
    let session = any_in(SESSION_WORDS, &hay);
    let cause = site_key(cause, input, session);
    let mut f = Found::coded(cause, source, code);
    if let Some(link) = message_link(&f.cause, &messages) {
        f.details.links.push(link);
    }
    Some(f)
}

/// A page calls another site's API with the site's own key: a 401 from there that says nothing
/// of the visitor's session is that key's problem, not a sign-in.
pub fn site_key(cause: Cause, input: &Input, session: bool) -> Cause {
    if cause == Cause::AuthRequired && input.status() == 401 && input.third_party() && !session {
        Cause::MerchantMisconfigured
    } else {
        cause
    }
}

/// Causes that only say a payment or an access was refused, and which a more specific
/// message refines.
fn is_generic(c: &Cause) -> bool {
    matches!(
        c,
        Cause::CardDeclined | Cause::PaymentRequired | Cause::Forbidden | Cause::AuthRequired
    )
}

/// Whether `specific` says more about the same thing as the generic `cause`: a refused payment
/// by what refused it, a refused access by whose it is.
fn refines(cause: &Cause, specific: &Cause) -> bool {
    use Cause::*;
    let access = matches!(
        specific,
        MerchantMisconfigured | BotChallenge | RateLimited | ServiceSuspendedBilling
    );
    match cause {
        CardDeclined | PaymentRequired => {
            !is_generic(specific) && !matches!(specific, AuthRequired)
        }
        Forbidden => {
            access
                || matches!(
                    specific,
                    QuotaExceeded | CreditsExhausted | SubscriptionPastDue
                )
        }
        AuthRequired => access,
        _ => false,
    }
}

/// The cause a response header names: a signal's `headers` entry `suffix=value` holds when a
/// header's name ends with `suffix` and its value is `value` (ASCII case ignored).
fn header_signal(input: &Input) -> Option<Cause> {
    for s in lexicon() {
        for h in list(s.get("headers")) {
            let Some((suffix, value)) = h.split_once('=') else {
                continue;
            };
            for (name, v) in input.ex.headers.iter() {
                if name.ends_with(suffix) && v.trim().eq_ignore_ascii_case(value) {
                    return cause_of(s, true);
                }
            }
        }
    }
    None
}

/// A bot check in a page's markup (a captcha widget's script or class), which the visible
/// text does not show: the `markup` words of the lexicon's signals.
fn markers(raw: &str) -> Option<Cause> {
    for s in lexicon() {
        for m in list(s.get("markup")) {
            if has(raw, m) {
                return cause_of(s, true);
            }
        }
    }
    None
}

/// A GraphQL response that reports errors: GraphQL over HTTP answers a failed operation with
/// status 200 and a top-level `errors` list, each entry an object with a `message` (the GraphQL
/// specification's "Response" section, "Errors": graphql/graphql-spec
/// `spec/Section 7 -- Response.md`).
fn graphql_errors(input: &Input) -> bool {
    input
        .json
        .as_ref()
        .and_then(|j| j.get("errors"))
        .and_then(Value::as_array)
        .and_then(<[Value]>::first)
        .and_then(|e| e.get("message"))
        .and_then(Value::as_str)
        .is_some()
}

/// RFC 9457: served as `application/problem+json`, or an object with a string `type` and a
/// `title` or `detail`.
fn is_problem(input: &Input) -> bool {
    let Some(json) = input.json.as_ref().filter(|j| j.as_object().is_some()) else {
        return false;
    };
    input.media_type_has("problem+json")
        || (json.get("type").and_then(Value::as_str).is_some()
            && json
                .get("title")
                .or(json.get("detail"))
                .and_then(Value::as_str)
                .is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_match_whole_words() {
        assert!(code_has(
            "card_insufficient_funds_error",
            "insufficient_funds"
        ));
        assert!(!code_has("insufficient_fundsx", "insufficient_funds"));
        assert!(code_has("request_throttled", "throttl*"));
        assert!(code_has("quota", "quota*"));
        assert!(!code_has("aquota", "quota*"));
        assert!(code_has("exceed_egress_quota", "quota*"));
    }
}
