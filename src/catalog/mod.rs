//! Catalog: a diagnosis in, localized words an end user can act on out.
//!
//! Every built-in cause has a title, an explanation, two to four steps and a list of actions in
//! English (`en.rs`) and Indonesian (`id.rs`); GLOSSARY.md keeps the terms consistent.
//! Integrators change any word through the `messages` option (see `overrides.rs` for the shape)
//! and may add locales and custom causes.
//!
//! ```
//! use explain402::catalog::{Catalog, PlainFormat};
//! use explain402::diagnose::{Cause, Details, Diagnosis, Party, Source};
//!
//! let d = Diagnosis {
//!     cause: Cause::RateLimited,
//!     party: Party::User,
//!     source: Source::Status,
//!     status: 429,
//!     details: Details { retry_after: Some(30), ..Details::default() },
//! };
//! let e = Catalog::builtin().explain(&d, "id-ID", &PlainFormat);
//! assert_eq!(e.steps[0], "Coba lagi nanti, sekitar 30 detik lagi.");
//!
//! // The same limit hit by the site's own upstream account: not the visitor's doing.
//! let site = Diagnosis { party: Party::Site, ..d };
//! let e = Catalog::builtin().explain(&site, "en", &PlainFormat);
//! assert_eq!(e.title, "This site is busy right now");
//! ```
//!
//! # Design
//! **Text lookup never fails.** Each field is looked up on its own, first filled text wins:
//! integrator text in the locale, built-in text in the locale, then the same for the language
//! without its region, then English. A custom cause looks for its own texts (locale, then
//! English) before those of its fallback cause: the cause for the status (`payment_required`
//! for 402 and for statuses without one). Action labels prefer the integrator's, then a
//! cause's own built-in label ("Top up credits"), then the label of the kind.
//!
//! **Party.** When only the site's team can act (`Party::Site`), each locale of the chain is
//! searched in the order integrator `site` text, built-in site text, integrator text, built-in
//! text, so the visitor reads their language first and is told to top up or upgrade only if no
//! text for the site exists at all. A site text brings its own actions
//! ([`site_actions`]): "Tell the site owner" instead of "Top up credits".

mod actions;
mod en;
mod en_site;
mod format;
mod id;
mod id_site;
mod overrides;
mod packed;
mod template;
mod ui;

pub use actions::{
    builtin_actions, reload_is_safe, site_actions, Action, ActionKind, ACTION_COUNT,
};
pub use format::{
    atomic_to_decimal, digits, duration_parts, format_amount, network_name, Format, PlainFormat,
    TimeUnit,
};
pub use overrides::{MAX_EXPLANATION, MAX_LABEL, MAX_STEP, MAX_STEPS, MAX_TITLE, RESERVED};
pub use template::{check, fill, placeholders, PLACEHOLDERS};
pub use ui::{placeholders_for, Ui, UI_KEYS, UI_LEN};

use crate::diagnose::{Cause, Diagnosis, Party};
use crate::json::Value;
use overrides::{normalize_tag, LocaleTexts};
use packed::{ACTIONS, EXPLANATION, LABEL, STEPS, TITLE};

/// Number of built-in causes; every built-in locale has one [`Text`] for each.
pub const CAUSE_COUNT: usize = Cause::ALL.len();

/// Number of built-in causes with a site text ([`Cause::has_site_variant`]); every built-in
/// locale has one for each.
pub const SITE_COUNT: usize = 5;

/// The built-in texts of one cause in one locale. Placeholders appear only inside `[[ ]]`.
#[derive(Debug)]
pub struct Text {
    /// The cause label, as a check on the table order.
    pub cause: &'static str,
    pub title: &'static str,
    pub explanation: &'static str,
    pub steps: &'static [&'static str],
    /// Labels this cause gives some of its actions instead of the locale's label for the kind.
    pub labels: &'static [(ActionKind, &'static str)],
}

/// The built-in texts of one locale, as written. The catalog reads them packed into one
/// string at compile time (`packed.rs`), so the wasm carries no table of pointers; these
/// tables are the source, and what the tests check.
#[derive(Debug)]
pub struct Builtin {
    pub tag: &'static str,
    /// The chrome strings, in the order of [`UI_KEYS`].
    pub ui: [&'static str; UI_LEN],
    /// The action labels, in the order of [`ActionKind::ALL`].
    pub labels: [&'static str; ACTION_COUNT],
    /// One entry per cause, in the order of [`Cause::ALL`].
    pub causes: &'static [Text; CAUSE_COUNT],
    /// The texts for [`Party::Site`], one per cause with a site variant, in the same order.
    pub site: &'static [Text; SITE_COUNT],
}

/// The built-in locales, English first.
pub static BUILTIN: [&Builtin; 2] = [&en::EN, &id::ID];

/// The built-in texts of `tag` (exactly `en` or `id`).
pub fn builtin(tag: &str) -> Option<&'static Builtin> {
    BUILTIN.iter().copied().find(|b| b.tag == tag)
}

/// What the panel says about one diagnosis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The catalog locale the texts were looked up for (`id`, `en`, or an added one).
    pub locale: String,
    pub cause: String,
    /// Whose texts these are: the diagnosis's party.
    pub party: Party,
    pub title: String,
    pub explanation: String,
    pub steps: Vec<String>,
    /// Most useful first; `copy_reference` only when there is a reference.
    pub actions: Vec<Action>,
    pub reference: Option<String>,
}

/// The built-in texts plus the integrator's.
#[derive(Clone, Debug)]
pub struct Catalog {
    /// `en`, `id`, then added locales, each with its integrator texts (maybe none).
    locales: Vec<LocaleTexts>,
}

impl Default for Catalog {
    fn default() -> Catalog {
        Catalog::builtin()
    }
}

/// Where the texts of one cause may come from in one locale, most specific first.
struct Layer<'a> {
    locale: &'a LocaleTexts,
    /// The cause label the integrator's texts are under.
    key: &'a str,
    /// The packed built-in text of the cause in this locale, when there is one.
    builtin: Option<&'static str>,
    /// The texts for the site's party, with their own actions: [`overrides::SITE`], else 0
    /// (added to the field of an integrator's text).
    site: usize,
}

impl Catalog {
    /// The built-in texts only.
    pub fn builtin() -> Catalog {
        Catalog {
            locales: vec![
                LocaleTexts::new("en".to_owned(), packed::EN),
                LocaleTexts::new("id".to_owned(), packed::ID),
            ],
        }
    }

    /// The built-in texts with the `messages` option over them. Each problem in `messages`
    /// adds one warning; the affected field keeps its default.
    pub fn with_messages(messages: &Value, warnings: &mut Vec<String>) -> Catalog {
        let mut catalog = Catalog::builtin();
        overrides::parse(messages, &mut catalog.locales, warnings);
        catalog
    }

    /// The locale tags: `en`, `id`, then added ones (lowercase).
    pub fn locales(&self) -> Vec<&str> {
        self.locales.iter().map(|l| l.tag.as_str()).collect()
    }

    /// The first candidate that names a locale of the catalog, trying the full tag
    /// (case-insensitive, `_` = `-`) and then its language; `in` counts as `id`. Else `en`.
    pub fn negotiate(&self, candidates: &[&str]) -> String {
        for candidate in candidates {
            let Some(tag) = normalize_tag(candidate) else {
                continue;
            };
            let lang = tag.split('-').next().unwrap_or("");
            if let Some(l) = self.find(&tag).or_else(|| self.find(lang)) {
                return l.tag.clone();
            }
        }
        "en".to_owned()
    }

    /// The words for `d` in the catalog locale closest to `locale`.
    pub fn explain(&self, d: &Diagnosis, locale: &str, fmt: &dyn Format) -> Explanation {
        let tag = self.negotiate(&[locale]);
        // Each text is filled in the locale it is written in, so an English fallback inside an
        // added locale reads "30 seconds", not a mix of languages.
        let values = Values { d, fmt };
        let base = match &d.cause {
            Cause::Custom(_) => Cause::for_status(d.status).unwrap_or(Cause::PaymentRequired),
            c => c.clone(),
        };
        let label = d.cause.as_str();
        let keys: &[&str] = if base.as_str() == label {
            &[label]
        } else {
            &[label, base.as_str()]
        };
        let layers = self.layers(&tag, keys, d.party == Party::Site);

        let title = first_filled(&layers, TITLE, &values).unwrap_or_default();
        let explanation = first_filled(&layers, EXPLANATION, &values).unwrap_or_default();

        // The first layer with steps gives all of them; plain loops keep the wasm small.
        let mut steps = Vec::new();
        if let Some((l, given)) = first_given(&layers, STEPS) {
            for s in given.split(packed::US) {
                if let Some(s) = fill(s, &|n| values.get(n, &l.locale.tag)) {
                    if !s.is_empty() {
                        steps.push(s);
                    }
                }
            }
        }

        let kinds = first_given(&layers, ACTIONS).map_or("", |(_, k)| k);
        let reference = d.details.reference.clone().filter(|r| !r.trim().is_empty());
        let mut actions = Vec::new();
        for kind in packed::kinds(kinds) {
            if reference.is_some() || kind != ActionKind::CopyReference {
                actions.push(Action {
                    kind,
                    label: first_filled(&layers, LABEL + kind.index(), &values)
                        .unwrap_or_else(|| kind.as_str().to_owned()),
                });
            }
        }

        Explanation {
            locale: tag,
            cause: label.to_owned(),
            party: d.party,
            title,
            explanation,
            steps,
            actions,
            reference,
        }
    }

    /// The chrome strings for the catalog locale closest to `locale`.
    pub fn ui(&self, locale: &str) -> Ui {
        let tag = self.negotiate(&[locale]);
        let chain = self.chain(&tag);
        Ui::from_fn(tag, |i| {
            for l in chain.iter().flatten() {
                let custom = l.get("", i);
                if let Some(s) = custom.or_else(|| packed::field(packed::record(l.builtin, 0), i)) {
                    return s.to_owned();
                }
            }
            String::new()
        })
    }

    fn find(&self, tag: &str) -> Option<&LocaleTexts> {
        self.locales.iter().find(|l| l.tag == tag)
    }

    /// The locales to look in for `tag`: itself, its language, English (each once).
    fn chain(&self, tag: &str) -> [Option<&LocaleTexts>; 3] {
        let lang = tag.split('-').next().unwrap_or(tag);
        let mut out = [None; 3];
        for (i, t) in [tag, lang, "en"].into_iter().enumerate() {
            if !out.iter().flatten().any(|o: &&LocaleTexts| o.tag == t) {
                out[i] = self.find(t);
            }
        }
        out
    }

    /// For each cause key, for each locale of the chain: where a field may come from. With
    /// `site`, the site texts of a locale come before its other texts (and are left out where
    /// neither the integrator nor the built-in texts have any).
    fn layers<'a>(&'a self, tag: &str, keys: &[&'a str], site: bool) -> Vec<Layer<'a>> {
        let chain = self.chain(tag);
        let mut out = Vec::new();
        for key in keys {
            let index = Cause::ALL.iter().position(|c| c.as_str() == *key);
            // The packed record `first + index` of the locale, when the cause is built in.
            let builtin = |locale: &LocaleTexts, first: usize| {
                Some(packed::record(locale.builtin, first + index?)).filter(|t| !t.is_empty())
            };
            for &locale in chain.iter().flatten() {
                if site {
                    let custom = locale.get(key, overrides::SITE_GIVEN);
                    let builtin = builtin(locale, packed::SITE);
                    if custom.is_some() || builtin.is_some() {
                        out.push(Layer {
                            locale,
                            key,
                            builtin,
                            site: overrides::SITE,
                        });
                    }
                }
                out.push(Layer {
                    locale,
                    key,
                    builtin: builtin(locale, 1),
                    site: 0,
                });
            }
        }
        out
    }
}

/// The [`STEPS`] or the [`ACTIONS`] of the first layer with any, and that layer. A layer's
/// built-in text always has both.
fn first_given<'a>(layers: &'a [Layer<'a>], field: usize) -> Option<(&'a Layer<'a>, &'a str)> {
    for l in layers {
        let custom = l.locale.get(l.key, field + l.site);
        let builtin = l.builtin.map(|b| match field {
            STEPS => packed::steps(b),
            _ => packed::field(b, field).unwrap_or(""),
        });
        if let Some(s) = custom.or(builtin) {
            return Some((l, s));
        }
    }
    None
}

/// The first text for `field` (a [`TITLE`], an [`EXPLANATION`] or a label) that [`fill`] can
/// complete, layer by layer: integrator text for the cause, integrator text for the kind (a
/// label), built-in text for the cause, built-in text for the kind (a label of a built-in
/// cause). So a custom cause's own English label comes before the built-in label of the user's
/// locale.
fn first_filled(layers: &[Layer<'_>], field: usize, values: &Values<'_>) -> Option<String> {
    let kind = field.checked_sub(LABEL);
    for l in layers {
        let chrome = |i: usize| packed::field(packed::record(l.locale.builtin, 0), UI_LEN + i);
        let candidates = [
            l.locale.get(l.key, field + l.site),
            kind.and_then(|k| l.locale.get("", UI_LEN + k)),
            l.builtin.and_then(|text| packed::field(text, field)),
            // Only for a built-in cause: a custom cause's English label comes before it.
            l.builtin.and(kind).and_then(chrome),
        ];
        for t in candidates.into_iter().flatten() {
            if let Some(s) = fill(t, &|n| values.get(n, &l.locale.tag)) {
                return Some(s);
            }
        }
    }
    None
}

/// The placeholder values of one diagnosis, formatted once.
struct Values<'a> {
    d: &'a Diagnosis,
    fmt: &'a dyn Format,
}

impl Values<'_> {
    /// The value of placeholder `name`, formatted for `locale`; `None` when unknown or empty.
    fn get(&self, name: &str, locale: &str) -> Option<String> {
        let det = &self.d.details;
        let amount = det.amount.as_ref();
        let v = match name {
            "amount" => amount.and_then(|a| format_amount(a, locale, self.fmt)),
            "network" => amount
                .and_then(|a| a.network.as_deref())
                .map(|n| network_name(n).to_owned()),
            // A zero wait reads badly ("in 0 seconds"); the text without it says "a moment".
            "retryAfter" => det
                .retry_after
                .filter(|s| *s > 0)
                .map(|s| self.fmt.duration(locale, s)),
            "reference" => det.reference.clone(),
            "resource" => det.resource.clone(),
            _ => None,
        };
        v.filter(|s| !s.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::{Cause, BUILTIN};

    #[test]
    fn tables_follow_the_cause_order() {
        for b in BUILTIN {
            for (text, cause) in b.causes.iter().zip(Cause::ALL) {
                assert_eq!(text.cause, cause.as_str(), "{}", b.tag);
            }
            let with_site = Cause::ALL.iter().filter(|c| c.has_site_variant());
            for (text, cause) in b.site.iter().zip(with_site) {
                assert_eq!(text.cause, cause.as_str(), "{} site", b.tag);
            }
        }
        let n = Cause::ALL.iter().filter(|c| c.has_site_variant()).count();
        assert_eq!(n, super::SITE_COUNT);
    }
}
