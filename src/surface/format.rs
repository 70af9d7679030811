//! Locale-aware numbers, amounts and durations through the browser's `Intl.NumberFormat`.

use crate::catalog::Format;
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

impl Format for IntlFormat {
    fn decimal(&self, locale: &str, value: &str, currency: Option<&str>) -> String {
        let opts = match currency {
            // Never round an amount due: "150000.5" IDR stays Rp 150.000,5, not Rp 150.001.
            Some(c) => options(&[
                ("style", "currency".into()),
                ("currency", c.into()),
                ("maximumFractionDigits", 20.into()),
            ]),
            None => options(&[("maximumFractionDigits", 20.into())]),
        };
        match format(locale, opts, value.into()) {
            s if s.is_empty() => value.to_owned(),
            s => s,
        }
    }

    fn duration(&self, locale: &str, seconds: u64) -> String {
        let (n, unit) = match seconds {
            0..=59 => (seconds, "second"),
            60..=3599 => (seconds.div_ceil(60), "minute"),
            _ => (seconds.div_ceil(3600), "hour"),
        };
        let opts = options(&[
            ("style", "unit".into()),
            ("unit", unit.into()),
            ("unitDisplay", "long".into()),
        ]);
        format(locale, opts, (n as u32).into())
    }

    fn integer(&self, locale: &str, n: u64) -> String {
        format(
            locale,
            Object::new(),
            JsValue::from_str(&crate::catalog::digits(n)),
        )
    }
}
