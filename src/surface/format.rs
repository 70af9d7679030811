//! Locale-aware numbers, amounts and durations through the browser's `Intl.NumberFormat`.

use crate::catalog::{duration_parts, Format};
use js_sys::{Array, Intl::NumberFormat, Object, Reflect};
use wasm_bindgen::JsValue;

/// Formats with `Intl.NumberFormat`; exact decimal strings are passed as strings, so no digit
/// goes through a float.
pub struct IntlFormat;

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn format(locale: &str, opts: Object, value: JsValue) -> String {
    let locales = Array::of1(&JsValue::from_str(locale));
    let nf = NumberFormat::new(&locales, &opts);
    nf.format()
        .call1(&nf, &value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Whether `locale` is Indonesian (`id`, `id-ID`, ...).
fn indonesian(locale: &str) -> bool {
    locale
        .split(['-', '_'])
        .next()
        .is_some_and(|l| l.eq_ignore_ascii_case("id"))
}

impl Format for IntlFormat {
    fn decimal(&self, locale: &str, value: &str, currency: Option<&str>) -> String {
        let opts = match currency {
            // Never round an amount due: "150000.5" IDR stays Rp150.000,5, not Rp150.001.
            Some(c) => options(&[
                ("style", "currency".into()),
                ("currency", c.into()),
                ("maximumFractionDigits", 20.into()),
            ]),
            None => options(&[("maximumFractionDigits", 20.into())]),
        };
        match format(locale, opts, value.into()) {
            s if s.is_empty() => value.to_owned(),
            // ICU writes "Rp 150.000" (a no-break space); PUEBI and Indonesian shops write
            // Rp150.000, and so does PlainFormat.
            s if currency == Some("IDR") && indonesian(locale) => s.replacen("Rp\u{a0}", "Rp", 1),
            s => s,
        }
    }

    fn duration(&self, locale: &str, seconds: u64) -> String {
        let (n, unit) = duration_parts(seconds);
        let opts = options(&[
            ("style", "unit".into()),
            ("unit", unit.as_str().into()),
            ("unitDisplay", "long".into()),
        ]);
        // The count as digits: a string keeps every digit of a huge wait exact.
        format(locale, opts, JsValue::from_str(&crate::catalog::digits(n)))
    }

    fn integer(&self, locale: &str, n: u64) -> String {
        format(
            locale,
            Object::new(),
            JsValue::from_str(&crate::catalog::digits(n)),
        )
    }
}
