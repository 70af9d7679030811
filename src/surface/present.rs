//! Presenting a diagnosis: the public diagnosis object, the locale, the integrator callbacks
//! and the panel content with its actions wired to the options.

use super::format::IntlFormat;
use crate::catalog::{
    atomic_to_decimal, digits, reload_is_safe, ActionKind, Explanation, Format, Ui,
};
use crate::diagnose::Diagnosis;
use crate::intercept::{Callback, Config};
use crate::json::write_string;
use crate::render::{
    self, ActionTarget, Mode, PanelAction, PanelContent, PanelEvent, PanelLabels, Placement, Wait,
};
use js_sys::{Array, Reflect};
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// The locale: the `locale` option (or the script's data-locale), then `<html lang>`, then
/// `navigator.languages`, then English.
pub fn locale(config: &Config) -> String {
    let mut candidates: Vec<String> = config.locale.iter().cloned().collect();
    if let Some(w) = web_sys::window() {
        let html = w.document().and_then(|d| d.document_element());
        candidates.extend(html.and_then(|e| e.get_attribute("lang")));
        for l in w.navigator().languages().iter() {
            candidates.extend(l.as_string());
        }
    }
    let refs: Vec<&str> = candidates.iter().map(String::as_str).collect();
    config.catalog.negotiate(&refs)
}

/// Makes the retry action say what it does.
///
/// # Design
/// With `onRetry` the integrator retries the request, so the button keeps "Try again". Without
/// it the button reloads the page, so it says "Reload page" (`ui.reload`), and it is dropped
/// where a reload is not safe ([`reload_is_safe`]): after a payment challenge, where it fetches
/// a new one (a path to paying twice), and on a payment form, where it wipes what was typed.
/// Both the panel and the diagnosis object handed to the app get the result.
pub fn honest_actions(config: &Config, d: &Diagnosis, e: &mut Explanation, ui: &Ui) {
    if config.callback(Callback::Retry).is_some() {
        return;
    }
    if !reload_is_safe(d) {
        e.actions.retain(|a| a.kind != ActionKind::Retry);
        return;
    }
    for a in e.actions.iter_mut() {
        if a.kind == ActionKind::Retry {
            a.label = ui.reload.clone();
        }
    }
}

/// JSON text of an object, member by member.
struct Object(String);

impl Object {
    fn new() -> Object {
        Object(String::from("{"))
    }

    fn key(&mut self, key: &str) -> &mut String {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        write_string(key, &mut self.0);
        self.0.push(':');
        &mut self.0
    }

    /// A string member, `null` for `None`.
    fn text(&mut self, key: &str, value: Option<&str>) {
        let out = self.key(key);
        match value {
            Some(v) => write_string(v, out),
            None => out.push_str("null"),
        }
    }

    /// A member whose value is JSON text already.
    fn raw(&mut self, key: &str, json: &str) {
        self.key(key).push_str(json);
    }

    fn end(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

/// A JSON array of objects, one per item.
fn array<T>(items: &[T], each: &dyn Fn(&mut Object, &T)) -> String {
    let mut out = String::from("[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let mut o = Object::new();
        each(&mut o, item);
        out.push_str(&o.end());
    }
    out.push(']');
    out
}

/// The diagnosis object handed to the app (`diagnose`, `handle`, callbacks).
///
/// # Design
/// The object is written as JSON text and parsed once by the browser (`JSON.parse`): smaller
/// than setting each property through the JS boundary. Absent fields are `null`, as the typings
/// (`src/js/explain402.d.ts`) promise; the steps go through serde-wasm-bindgen.
pub fn report(d: &Diagnosis, e: &Explanation) -> JsValue {
    let det = &d.details;
    let mut o = Object::new();
    o.text("cause", Some(d.cause.as_str()));
    o.text("party", Some(d.party.as_str()));
    o.text("source", Some(d.source.as_str()));
    o.raw("status", &digits(d.status.into()));
    o.text("locale", Some(&e.locale));
    o.text("title", Some(&e.title));
    o.text("explanation", Some(&e.explanation));
    // Filled below, in its place among the members.
    o.raw("steps", "null");
    o.raw(
        "actions",
        &array(&e.actions, &|o, a| {
            o.text("kind", Some(a.kind.as_str()));
            o.text("label", Some(&a.label));
        }),
    );
    let mut details = Object::new();
    details.text("code", det.code.as_deref());
    details.text("declineCode", det.decline_code.as_deref());
    let amount = det.amount.as_ref().map(|a| {
        let mut m = Object::new();
        // Exact decimal text, for example "0.01".
        m.text("value", atomic_to_decimal(&a.atomic, a.decimals).as_deref());
        m.text("atomic", Some(&a.atomic));
        m.raw("decimals", &digits(a.decimals.into()));
        m.text("asset", a.asset.as_deref());
        m.text("network", a.network.as_deref());
        m.end()
    });
    details.raw("amount", amount.as_deref().unwrap_or("null"));
    details.text("resource", det.resource.as_deref());
    let wait = det.retry_after.map(digits);
    details.raw("retryAfter", wait.as_deref().unwrap_or("null"));
    details.raw(
        "links",
        &array(&det.links, &|o, l| {
            o.text("rel", Some(&l.rel));
            o.text("url", Some(&l.url));
        }),
    );
    if let Some(p) = det
        .payment
        .as_ref()
        .filter(|p| crate::json::Value::parse(&p.json).is_some())
    {
        details.raw("payment", &p.json);
        details.text("paymentProtocol", Some(p.protocol));
    }
    o.raw("details", &details.end());
    o.text("reference", det.reference.as_deref());
    let report = js_sys::JSON::parse(&o.end()).unwrap_or(JsValue::NULL);
    let steps = serde_wasm_bindgen::to_value(&e.steps).unwrap_or(JsValue::NULL);
    let _ = Reflect::set(&report, &"steps".into(), &steps);
    report
}

/// Calls an integrator callback with the report (after `first`, if given); an exception becomes
/// a warning, never the app's problem.
pub fn call(
    config: &Config,
    which: Callback,
    report: &JsValue,
    first: Option<&JsValue>,
) -> Option<JsValue> {
    let f = config.callback(which)?;
    let args = Array::new();
    if let Some(first) = first {
        args.push(first);
    }
    args.push(report);
    match f.apply(&JsValue::UNDEFINED, &args) {
        Ok(v) => Some(v),
        Err(e) => {
            super::warn_once(vec![["a callback threw: ", &message(&e)].concat()]);
            None
        }
    }
}

/// An Error's message (JSON.stringify gives "{}" for one), or a thrown string.
fn message(e: &JsValue) -> String {
    Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_default()
}

/// The link for an action kind, if the options (or a trusted server link) provide one.
fn target(
    config: &Config,
    d: &Diagnosis,
    e: &Explanation,
    kind: ActionKind,
) -> Option<ActionTarget> {
    let links = &config.links;
    Some(match kind {
        ActionKind::UpdatePayment => ActionTarget::Link(match &links.payment {
            Some(p) => p.clone(),
            // A link the server offered, on an origin the integrator trusts.
            None => d
                .details
                .links
                .iter()
                .find(|l| {
                    (l.rel == "billing" || l.rel == "pay")
                        && links.trusted_origins.iter().any(|o| same_origin(&l.url, o))
                })?
                .url
                .clone(),
        }),
        ActionKind::SignIn => ActionTarget::Link(links.sign_in.clone()?),
        ActionKind::ContactSupport => {
            ActionTarget::Link(support_link(links.support.as_deref()?, e))
        }
        ActionKind::CopyReference => ActionTarget::Copy(e.reference.clone()?),
        ActionKind::Retry => ActionTarget::Callback,
        ActionKind::Pay => {
            config.callback(Callback::Pay)?;
            d.details.payment.as_ref()?;
            ActionTarget::Callback
        }
    })
}

/// `url` is on `origin` (scheme, host and port equal; no prefix tricks such as
/// `https://pay.example.com.evil.test`).
fn same_origin(url: &str, origin: &str) -> bool {
    let origin = origin.trim_end_matches('/');
    url.strip_prefix(origin)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
}

/// A `mailto:` support link gets a subject naming the reference; other links are kept.
fn support_link(url: &str, e: &Explanation) -> String {
    let lower = url.to_ascii_lowercase();
    if !lower.starts_with("mailto:") || lower.contains("subject=") {
        return url.to_owned();
    }
    let subject = match &e.reference {
        Some(r) => [&e.title, " (", r, ")"].concat(),
        None => e.title.clone(),
    };
    let sep = if url.contains('?') { "&" } else { "?" };
    let subject = String::from(js_sys::encode_uri_component(&subject));
    [url, sep, "subject=", &subject].concat()
}

/// Shows the panel for `d`, wiring its actions to the integrator's options and callbacks.
pub fn show(config: Rc<Config>, d: &Diagnosis, e: Explanation, ui: Ui, report: JsValue) {
    let mut actions = Vec::with_capacity(e.actions.len());
    for a in &e.actions {
        let Some(target) = target(&config, d, &e, a.kind) else {
            continue;
        };
        // The retry button waits when the server said how long to (`Retry-After`).
        let wait = match d.details.retry_after {
            Some(seconds) if seconds > 0 && a.kind == ActionKind::Retry => {
                let (template, locale) = (ui.wait.clone(), ui.locale.clone());
                Some(Wait {
                    seconds,
                    text: Rc::new(move |s| {
                        template.replace("{time}", &IntlFormat.duration(&locale, s))
                    }),
                    ready: ui.ready.clone(),
                })
            }
            _ => None,
        };
        actions.push(PanelAction {
            kind: a.kind.as_str().to_owned(),
            label: a.label.clone(),
            target,
            wait,
        });
    }
    let mut support = vec![(ui.status.clone(), digits(d.status.into()))];
    if let Some(code) = &d.details.code {
        support.push((ui.code.clone(), code.clone()));
    }
    if let Some(r) = &e.reference {
        support.push((ui.reference.clone(), r.clone()));
    }
    let auto = match d.cause.is_transient() {
        true => Mode::Toast,
        false => Mode::Dialog,
    };
    let mode = match config.mode {
        Some(Mode::Inline) if config.container.is_none() => auto,
        m => m.unwrap_or(auto),
    };
    let cause = d.cause.as_str().to_owned();
    let content = PanelContent {
        key: cause.clone(),
        cause,
        locale: e.locale,
        title: e.title,
        explanation: e.explanation,
        steps: e.steps,
        actions,
        support,
        reference: e.reference,
        labels: PanelLabels {
            close: ui.close,
            details: ui.details,
            copy: ui.copy,
            copied: ui.copied,
            copy_failed: ui.copy_failed,
            repeated: ui.repeated,
            notifications: ui.notifications,
        },
    };
    let placement = Placement {
        mode,
        theme: config.theme,
        container: config.container.clone(),
    };
    let on_event = Rc::new(move |event: PanelEvent| match event {
        PanelEvent::Action(kind) => {
            call(
                &config,
                Callback::Action,
                &report,
                Some(&JsValue::from_str(&kind)),
            );
            if kind == "retry" {
                render::dismiss_all();
                if config.callback(Callback::Retry).is_some() {
                    call(&config, Callback::Retry, &report, None);
                } else if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            } else if kind == "pay" {
                let details = Reflect::get(&report, &"details".into()).unwrap_or_default();
                let payment = Reflect::get(&details, &"payment".into()).unwrap_or_default();
                call(&config, Callback::Pay, &report, Some(&payment));
            }
        }
        PanelEvent::Dismissed => {
            call(&config, Callback::Dismiss, &report, None);
        }
    });
    if let Err(err) = render::show(content, placement, on_event) {
        super::warn_once(vec![["could not show the panel: ", &message(&err)].concat()]);
    }
}
