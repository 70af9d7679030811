//! `cargo xtask readme`: rewrites README's generated tables (the detected causes and the
//! recognized sources) from the packs, the catalog and the fixtures.

use crate::{root, Result};
use explain402::diagnose::diagnose;
use explain402::knowledge::docs;

pub fn run(_args: &[String]) -> Result {
    let seen: Vec<(String, String)> = crate::accuracy::corpus()?
        .iter()
        .filter_map(|c| diagnose(&c.ex))
        .map(|d| (d.cause.as_str().to_owned(), d.source.as_str().to_owned()))
        .collect();
    let path = root().join("README.md");
    let mut text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    for (name, table) in [
        ("causes", docs::causes_table(&seen)),
        ("sources", docs::sources_table()),
    ] {
        text = docs::splice(&text, name, &table)
            .ok_or_else(|| format!("README.md has no <!-- {name}:start --> marker"))?;
    }
    std::fs::write(&path, text).map_err(|e| e.to_string())?;
    println!("README.md: tables rewritten");
    Ok(())
}
