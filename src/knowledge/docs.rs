//! README's generated tables: the detected causes (with the titles of both parties) and the
//! recognized sources (one row per pack). `cargo xtask readme` writes them between the
//! `<!-- name:start -->` and `<!-- name:end -->` markers; `tests/knowledge.rs` fails when
//! README.md and the packs disagree.

use crate::catalog::{Catalog, PlainFormat};
use crate::diagnose::{Cause, Details, Diagnosis, Party, Source};
use crate::json::Value;

/// The full knowledge (sources, names and families included).
fn full() -> Value {
    Value::parse(super::FULL).unwrap_or(Value::Null)
}

fn title(catalog: &Catalog, cause: &Cause, party: Party, locale: &str) -> String {
    let d = Diagnosis {
        cause: cause.clone(),
        party,
        source: Source::Status,
        status: 402,
        details: Details::default(),
    };
    catalog.explain(&d, locale, &PlainFormat).title
}

/// The "Detected causes" table. `seen` lists, for each fixture, its cause and the source it was
/// read from; the last column names every source seen for the cause.
pub fn causes_table(seen: &[(String, String)]) -> String {
    let catalog = Catalog::builtin();
    let mut out = String::from(
        "| cause | English title | Indonesian title | party | read from |\n|---|---|---|---|---|\n",
    );
    for cause in Cause::ALL {
        let mut sources: Vec<&str> = seen
            .iter()
            .filter(|(c, _)| c == cause.as_str())
            .map(|(_, s)| s.as_str())
            .collect();
        sources.sort_unstable();
        sources.dedup();
        let both = |locale: &str| {
            let user = title(&catalog, cause, Party::User, locale);
            let site = title(&catalog, cause, Party::Site, locale);
            if cause.has_site_variant() && site != user {
                [&user, "<br>*site:* ", &site].concat()
            } else {
                title(&catalog, cause, cause.default_party(), locale)
            }
        };
        let party = if cause.has_site_variant() {
            "user or site"
        } else {
            cause.default_party().as_str()
        };
        out.push_str(
            &[
                "| `",
                cause.as_str(),
                "` | ",
                &both("en"),
                " | ",
                &both("id"),
                " | ",
                party,
                " | ",
                &sources.join(", "),
                " |\n",
            ]
            .concat(),
        );
    }
    out
}

/// The "Recognized sources" table: one row per pack, grouped by family.
pub fn sources_table() -> String {
    let full = full();
    let packs = full.get("packs").and_then(Value::as_array).unwrap_or(&[]);
    let mut rows: Vec<(String, String)> = packs
        .iter()
        .map(|p| {
            let s = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or("");
            let entries = p
                .get("entry")
                .and_then(Value::as_array)
                .map_or(0, |e| e.len());
            let first = p
                .get("sources")
                .and_then(Value::as_array)
                .and_then(|a| a.first())
                .and_then(Value::as_str)
                .unwrap_or("");
            let row = [
                "| ",
                s("family"),
                " | ",
                s("name"),
                " | `",
                s("id"),
                "` | ",
                &crate::catalog::digits(entries as u64),
                " | ",
                first,
                " |\n",
            ]
            .concat();
            ([s("family"), s("name")].concat(), row)
        })
        .collect();
    rows.sort();
    let mut out =
        String::from("| family | vendor | pack | entries | source |\n|---|---|---|---:|---|\n");
    for (_, row) in rows {
        out.push_str(&row);
    }
    out
}

/// `text` with the part between the markers of `name` replaced by `table`; `None` when the
/// markers are missing.
pub fn splice(text: &str, name: &str, table: &str) -> Option<String> {
    let start = ["<!-- ", name, ":start -->\n"].concat();
    let end = ["<!-- ", name, ":end -->"].concat();
    let a = text.find(&start)? + start.len();
    let b = a + text.get(a..)?.find(&end)?;
    Some([text.get(..a)?, table, text.get(b..)?].concat())
}
