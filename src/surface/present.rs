//! Presenting a diagnosis: the public diagnosis object, the locale, the integrator callbacks
//! and the panel content with its actions wired to the options.

use crate::catalog::{reload_is_safe, ActionKind, Explanation, Format};
use crate::diagnose::Diagnosis;
use crate::intercept::Config;
use crate::render::{
    self, ActionTarget, Mode, PanelAction, PanelContent, PanelEvent, Placement, Wait,
};
use js_sys::{Array, Function, Object, Reflect};
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// The locale: the `locale` option (or the script's data-locale), then `<html lang>`, then
/// `navigator.languages`, then English.
pub fn locale(config: &Config) -> String {
    let mut candidates: Vec<String> = config.locale.iter().cloned().collect();
    if let Some(w) = web_sys::window() {
        if let Some(lang) = w
            .document()
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
        {
            candidates.push(lang);
        }
        candidates.extend(
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string()),
        );
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
pub fn honest_actions(config: &Config, d: &Diagnosis, e: &mut Explanation) {
    if config.on_retry.is_some() {
        return;
    }
    if !reload_is_safe(d) {
        e.actions.retain(|a| a.kind != ActionKind::Retry);
        return;
    }
    let reload = config.catalog.ui(&e.locale).reload;
    for a in e.actions.iter_mut().filter(|a| a.kind == ActionKind::Retry) {
        a.label = reload.clone();
    }
}

/// A plain object with `pairs` as its properties, in order.
fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// A string, or `null` for `None`.
fn text(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from_str)
}

/// The diagnosis object handed to the app (`diagnose`, `handle`, callbacks).
///
/// # Design
/// The object is built with `Reflect::set` rather than a `Serialize` derive: serde's generic
/// struct serializers cost ~5 KB of wasm for this one shape. Absent fields are `null`, as the
/// typings (`src/js/explain402.d.ts`) promise; the steps go through serde-wasm-bindgen.
pub fn report(d: &Diagnosis, e: &Explanation) -> JsValue {
    let det = &d.details;
    let actions: Array = e
        .actions
        .iter()
        .map(|a| {
            object(&[
                ("kind", a.kind.as_str().into()),
                ("label", a.label.as_str().into()),
            ])
        })
        .collect();
    let links: Array = det
        .links
        .iter()
        .map(|l| {
            object(&[
                ("rel", l.rel.as_str().into()),
                ("url", l.url.as_str().into()),
            ])
        })
        .collect();
    let amount = det.amount.as_ref().map_or(JsValue::NULL, |a| {
        let value = crate::catalog::atomic_to_decimal(&a.atomic, a.decimals);
        object(&[
            // Exact decimal text, for example "0.01".
            ("value", text(value.as_deref())),
            ("atomic", a.atomic.as_str().into()),
            ("decimals", a.decimals.into()),
            ("asset", text(a.asset.as_deref())),
            ("network", text(a.network.as_deref())),
        ])
    });
    let retry_after = det
        .retry_after
        .map_or(JsValue::NULL, |s| JsValue::from_f64(s as f64));
    let details = object(&[
        ("code", text(det.code.as_deref())),
        ("declineCode", text(det.decline_code.as_deref())),
        ("amount", amount),
        ("resource", text(det.resource.as_deref())),
        ("retryAfter", retry_after),
        ("links", links.into()),
    ]);
    if let Some(p) = &det.payment {
        if let Ok(parsed) = js_sys::JSON::parse(&p.json) {
            let _ = Reflect::set(&details, &"payment".into(), &parsed);
            let _ = Reflect::set(&details, &"paymentProtocol".into(), &p.protocol.into());
        }
    }
    object(&[
        ("cause", d.cause.as_str().into()),
        ("party", d.party.as_str().into()),
        ("source", d.source.as_str().into()),
        ("status", d.status.into()),
        ("locale", e.locale.as_str().into()),
        ("title", e.title.as_str().into()),
        ("explanation", e.explanation.as_str().into()),
        (
            "steps",
            serde_wasm_bindgen::to_value(&e.steps).unwrap_or(JsValue::UNDEFINED),
        ),
        ("actions", actions.into()),
        ("details", details),
        ("reference", text(det.reference.as_deref())),
    ])
}

/// Calls an integrator callback; an exception becomes a warning, never the app's problem.
pub fn callback(f: &Option<Function>, args: &[&JsValue]) -> Option<JsValue> {
    let f = f.as_ref()?;
    let args: js_sys::Array = args.iter().copied().collect();
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
    let trusted = |rels: &[&str]| {
        d.details
            .links
            .iter()
            .find(|l| {
                rels.contains(&l.rel.as_str())
                    && links.trusted_origins.iter().any(|o| same_origin(&l.url, o))
            })
            .map(|l| l.url.clone())
    };
    Some(match kind {
        ActionKind::UpdatePayment => ActionTarget::Link(
            links
                .payment
                .clone()
                .or_else(|| trusted(&["billing", "pay"]))?,
        ),
        ActionKind::SignIn => ActionTarget::Link(links.sign_in.clone()?),
        ActionKind::ContactSupport => {
            ActionTarget::Link(support_link(links.support.as_deref()?, e))
        }
        ActionKind::CopyReference => ActionTarget::Copy(e.reference.clone()?),
        ActionKind::Retry => ActionTarget::Callback,
        ActionKind::Pay => {
            config.on_pay.as_ref()?;
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
    if !url.to_ascii_lowercase().starts_with("mailto:")
        || url.to_ascii_lowercase().contains("subject=")
    {
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
pub fn show(config: &Config, d: &Diagnosis, e: Explanation, report: JsValue) {
    let ui = config.catalog.ui(&e.locale);
    let wait = retry_wait(d, &ui);
    let actions = e
        .actions
        .iter()
        .filter_map(|a| {
            Some(PanelAction {
                kind: a.kind.as_str().to_owned(),
                label: a.label.clone(),
                target: target(config, d, &e, a.kind)?,
                wait: (a.kind == ActionKind::Retry)
                    .then(|| wait.clone())
                    .flatten(),
            })
        })
        .collect();
    let mut support = vec![(ui.status.clone(), crate::catalog::digits(d.status.into()))];
    if let Some(code) = &d.details.code {
        support.push((ui.code.clone(), code.clone()));
    }
    if let Some(r) = &e.reference {
        support.push((ui.reference.clone(), r.clone()));
    }
    let auto = if d.cause.is_transient() {
        Mode::Toast
    } else {
        Mode::Dialog
    };
    let mode = match config.mode {
        Some(Mode::Inline) if config.container.is_none() => auto,
        Some(m) => m,
        None => auto,
    };
    let content = PanelContent {
        key: d.cause.as_str().to_owned(),
        cause: d.cause.as_str().to_owned(),
        locale: e.locale.clone(),
        title: e.title,
        explanation: e.explanation,
        steps: e.steps,
        actions,
        support,
        reference: e.reference,
        labels: render::PanelLabels {
            close: ui.close.clone(),
            details: ui.details.clone(),
            copy: ui.copy.clone(),
            copied: ui.copied.clone(),
            copy_failed: ui.copy_failed.clone(),
            repeated: ui.repeated.clone(),
            notifications: ui.notifications.clone(),
        },
    };
    let placement = Placement {
        mode,
        theme: config.theme,
        container: config.container.clone(),
    };
    let (on_action, on_dismiss, on_retry, on_pay) = (
        config.on_action.clone(),
        config.on_dismiss.clone(),
        config.on_retry.clone(),
        config.on_pay.clone(),
    );
    let payment = report_field(&report, "details", "payment");
    let on_event = Rc::new(move |event: PanelEvent| match event {
        PanelEvent::Action(kind) => {
            callback(&on_action, &[&JsValue::from_str(&kind), &report]);
            match kind.as_str() {
                "retry" => {
                    render::dismiss_all();
                    if on_retry.is_some() {
                        callback(&on_retry, &[&report]);
                    } else if let Some(w) = web_sys::window() {
                        let _ = w.location().reload();
                    }
                }
                "pay" => {
                    callback(&on_pay, &[&payment, &report]);
                }
                _ => {}
            }
        }
        PanelEvent::Dismissed => {
            callback(&on_dismiss, &[&report]);
        }
    });
    if let Err(err) = render::show(content, placement, on_event) {
        super::warn_once(vec![["could not show the panel: ", &message(&err)].concat()]);
    }
}

/// The wait of the retry button when the server said how long to wait (`Retry-After`).
fn retry_wait(d: &Diagnosis, ui: &crate::catalog::Ui) -> Option<Wait> {
    let seconds = d.details.retry_after.filter(|s| *s > 0)?;
    let (template, locale) = (ui.wait.clone(), ui.locale.clone());
    Some(Wait {
        seconds,
        text: Rc::new(move |s| {
            template.replace("{time}", &super::format::IntlFormat.duration(&locale, s))
        }),
        ready: ui.ready.clone(),
    })
}

fn report_field(report: &JsValue, a: &str, b: &str) -> JsValue {
    Reflect::get(report, &a.into())
        .and_then(|v| Reflect::get(&v, &b.into()))
        .unwrap_or(JsValue::UNDEFINED)
}
