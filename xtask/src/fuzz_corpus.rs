//! `cargo xtask fuzz-corpus [DIR]`: every fixture of tests/fixtures/ written into DIR (by
//! default `target/fuzz-corpus`) in the input layout of `fuzz/fuzz_targets/diagnose.rs`, to seed
//! a fuzzing run with real responses:
//!
//! ```text
//! cargo xtask fuzz-corpus
//! cd fuzz && cargo +nightly fuzz run diagnose ../target/fuzz-corpus corpus/diagnose -- -max_total_time=1800
//! ```
//!
//! Layout: two bytes of status (big endian), `name: value` header lines, a NUL, the body; the
//! number of bytes after the status is odd exactly when the fixture's body was truncated (a
//! newline before the NUL evens it out when needed).

use crate::Result;

pub fn run(args: &[String]) -> Result {
    let dir = match args.first() {
        Some(d) => std::path::PathBuf::from(d),
        None => crate::target_dir().join("fuzz-corpus"),
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let cases = crate::accuracy::corpus()?;
    for case in &cases {
        let path = dir.join(&case.name);
        std::fs::write(&path, encode(&case.ex)).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!("fuzz-corpus: {} inputs in {}", cases.len(), dir.display());
    Ok(())
}

/// One exchange in the fuzz target's input layout.
fn encode(ex: &explain402::diagnose::Exchange) -> Vec<u8> {
    let mut head = Vec::new();
    for (name, value) in ex.headers.iter() {
        head.extend_from_slice(name.as_bytes());
        head.extend_from_slice(b": ");
        head.extend_from_slice(value.as_bytes());
        head.push(b'\n');
    }
    if ((head.len() + 1 + ex.body.len()) % 2 == 1) != ex.truncated {
        head.push(b'\n');
    }
    let mut out = ex.status.to_be_bytes().to_vec();
    out.extend_from_slice(&head);
    out.push(0);
    out.extend_from_slice(&ex.body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use explain402::diagnose::{Exchange, Headers};

    #[test]
    fn layout_keeps_status_headers_body_and_truncation() {
        for truncated in [false, true] {
            let ex = Exchange {
                status: 402,
                headers: [("Content-Type", "application/json")]
                    .into_iter()
                    .collect::<Headers>(),
                body: br#"{"a":1}"#.to_vec(),
                truncated,
                content_type: None,
                url: None,
                page_host: None,
            };
            let bytes = encode(&ex);
            assert_eq!(&bytes[..2], &402u16.to_be_bytes());
            let rest = &bytes[2..];
            assert_eq!(rest.len() % 2 == 1, truncated);
            let nul = rest.iter().position(|&b| b == 0).unwrap();
            assert!(std::str::from_utf8(&rest[..nul])
                .unwrap()
                .starts_with("content-type: application/json\n"));
            assert_eq!(&rest[nul + 1..], br#"{"a":1}"#);
        }
    }
}
