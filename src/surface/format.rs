//! Locale-aware numbers, amounts and durations through the browser's `Intl.NumberFormat`.

use crate::catalog::{digits, duration_parts, Format};
use js_sys::{Array, Intl::NumberFormat, Object};
use wasm_bindgen::{JsCast, JsValue};

/// Formats with `Intl.NumberFormat`; exact decimal strings are passed as strings, so no digit
/// goes through a float.
pub struct IntlFormat;

/// `value` formatted for `locale` with the `Intl.NumberFormat` options in `options` (JSON text);
/// empty when the browser refuses (an unknown currency or unit, say).
///
/// # Design
/// The options object is parsed from JSON text rather than assembled property by property
/// across the JS boundary: one call instead of one per property.
fn format(locale: &str, options: &str, value: &str) -> String {
    let Ok(opts) = js_sys::JSON::parse(options) else {
        return String::new();
    };
    let nf = NumberFormat::new(
        &Array::of1(&JsValue::from_str(locale)),
        opts.unchecked_ref::<Object>(),
    );
    nf.format()
        .call1(&nf, &JsValue::from_str(value))
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
        // Never round an amount due: "150000.5" IDR stays Rp150.000,5, not Rp150.001.
        let mut options = String::from(r#"{"maximumFractionDigits":20"#);
        if let Some(c) = currency {
            options.push_str(r#","style":"currency","currency":"#);
            crate::json::write_string(c, &mut options);
        }
        options.push('}');
        match format(locale, &options, value) {
            s if s.is_empty() => value.to_owned(),
            // ICU writes "Rp 150.000" (a no-break space); PUEBI and Indonesian shops write
            // Rp150.000, and so does PlainFormat.
            s if currency == Some("IDR") && indonesian(locale) => s.replacen("Rp\u{a0}", "Rp", 1),
            s => s,
        }
    }

    fn duration(&self, locale: &str, seconds: u64) -> String {
        let (n, unit) = duration_parts(seconds);
        let options = [
            r#"{"style":"unit","unitDisplay":"long","unit":""#,
            unit.as_str(),
            r#""}"#,
        ]
        .concat();
        // The count as digits: a string keeps every digit of a huge wait exact.
        format(locale, &options, &digits(n))
    }

    fn integer(&self, locale: &str, n: u64) -> String {
        format(locale, "{}", &digits(n))
    }
}
