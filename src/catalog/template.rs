//! Text templates: `{placeholder}` values and `[[ ... ]]` segments kept only when filled.
//!
//! # Design
//! Built-in and integrator texts use one mechanism. `{name}` is replaced by a detail of the
//! diagnosis (see [`PLACEHOLDERS`]). A segment between `[[` and `]]` is kept only when every
//! placeholder inside it has a value; otherwise the whole segment is dropped, together with the
//! space before it. So one text reads well with or without the detail:
//!
//! ```
//! use explain402::catalog::fill;
//!
//! let t = "Wait a moment, then try again[[ in {retryAfter}]].";
//! let with = fill(t, &|n| (n == "retryAfter").then(|| "30 seconds".to_owned()));
//! assert_eq!(with.as_deref(), Some("Wait a moment, then try again in 30 seconds."));
//! assert_eq!(fill(t, &|_| None).as_deref(), Some("Wait a moment, then try again."));
//! ```
//!
//! A placeholder outside any segment is required: when its value is missing the text cannot be
//! used ([`fill`] returns `None`) and the catalog falls back to the next text in line. Built-in
//! texts put every placeholder inside a segment. Segments do not nest. A `{`, `[` or `]` that
//! does not form a placeholder or a segment mark is plain text. Filled values are never scanned
//! again, so a value containing `{amount}` or `]]` stays as it is.

/// The placeholders a cause text or an action label may use.
pub const PLACEHOLDERS: &[&str] = &["amount", "network", "retryAfter", "reference", "resource"];

/// Longest placeholder name recognized; longer `{...}` runs are plain text.
const MAX_NAME: usize = 32;

enum Piece<'a> {
    Text(&'a str),
    Slot(&'a str),
    Open,
    Close,
}

/// The first piece of `s` and the rest.
fn split(s: &str) -> Option<(Piece<'_>, &str)> {
    let b = s.as_bytes();
    let first = *b.first()?;
    if b.get(1) == Some(&first) && (first == b'[' || first == b']') {
        let piece = if first == b'[' {
            Piece::Open
        } else {
            Piece::Close
        };
        return Some((piece, s.get(2..)?));
    }
    if first == b'{' {
        if let Some(end) = b.iter().position(|&c| c == b'}') {
            let name = s.get(1..end)?;
            if !name.is_empty()
                && name.len() <= MAX_NAME
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            {
                return Some((Piece::Slot(name), s.get(end + 1..)?));
            }
        }
    }
    // Plain text runs up to the next byte that may start a piece (never the first one, which
    // did not start one; the bytes of a longer character are never ASCII).
    let end = b
        .iter()
        .skip(1)
        .position(|c| matches!(c, b'[' | b']' | b'{'));
    let (text, rest) = s.split_at(end.map_or(s.len(), |i| i + 1));
    Some((Piece::Text(text), rest))
}

/// Fills `template` with `value(name)` for each placeholder, dropping segments whose
/// placeholders are not all known. `None` when a placeholder outside a segment has no value.
/// The result is trimmed.
pub fn fill(template: &str, value: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::with_capacity(template.len() + 16);
    // Where the open segment starts in `out`, and whether all its placeholders had values.
    let mut segment: Option<(usize, bool)> = None;
    let mut rest = template;
    while let Some((piece, r)) = split(rest) {
        rest = r;
        match piece {
            Piece::Open if segment.is_none() => segment = Some((out.len(), true)),
            Piece::Open => out.push_str("[["),
            Piece::Close => match segment.take() {
                Some((_, true)) => {}
                // The segment goes, with the space before it.
                Some((start, false)) => {
                    out.truncate(start);
                    out.truncate(out.trim_end().len());
                }
                None => out.push_str("]]"),
            },
            Piece::Slot(name) => match (value(name), &mut segment) {
                (Some(v), _) => out.push_str(&v),
                (None, Some((_, ok))) => *ok = false,
                (None, None) => return None,
            },
            Piece::Text(t) => out.push_str(t),
        }
    }
    // An unclosed segment is treated as if it were closed at the end.
    if let Some((start, false)) = segment {
        out.truncate(start);
    }
    Some(out.trim().to_owned())
}

/// The placeholder names in `template`, in order of appearance (repeats included).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some((piece, r)) = split(rest) {
        rest = r;
        if let Piece::Slot(name) = piece {
            out.push(name);
        }
    }
    out
}

/// Checks that `template` is well formed: segments balanced and not nested, and every
/// placeholder one of `allowed`. The error says what is wrong, for a warning.
pub fn check(template: &str, allowed: &[&str]) -> Result<(), String> {
    let mut open = false;
    let mut rest = template;
    while let Some((piece, r)) = split(rest) {
        rest = r;
        match piece {
            Piece::Open if open => return Err("a \"[[\" inside \"[[ ]]\"".into()),
            Piece::Open => open = true,
            Piece::Close if !open => return Err("a \"]]\" without \"[[\"".into()),
            Piece::Close => open = false,
            Piece::Slot(name) if !allowed.contains(&name) => {
                return Err(["unknown placeholder {", name, "}"].concat());
            }
            Piece::Slot(_) | Piece::Text(_) => {}
        }
    }
    if open {
        Err("a \"[[\" without \"]]\"".into())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{check, fill, placeholders};

    fn values(name: &str) -> Option<String> {
        match name {
            "amount" => Some("0,01 USDC".into()),
            "reference" => Some("{amount} ]] [[".into()),
            _ => None,
        }
    }

    #[test]
    fn segments_are_kept_or_dropped_with_their_space() {
        let t = "Pay[[ {amount}]][[ on {network}]]. Ref[[ {reference}]].";
        assert_eq!(
            fill(t, &values).unwrap(),
            "Pay 0,01 USDC. Ref {amount} ]] [[."
        );
        assert_eq!(fill("[[Price {network}.]] Go.", &values).unwrap(), "Go.");
        assert_eq!(fill("A [[b {network}]] c", &values).unwrap(), "A c");
        assert_eq!(fill("Need {network}.", &values), None);
        assert_eq!(
            fill("{ x } [x] {} {no space}", &values).unwrap(),
            "{ x } [x] {} {no space}"
        );
        assert_eq!(
            fill("open [[ {amount}", &values).unwrap(),
            "open  0,01 USDC"
        );
    }

    #[test]
    fn check_reports_the_problem() {
        let allowed = &["amount"];
        assert!(check("Pay[[ {amount}]].", allowed).is_ok());
        assert!(check("{ not a placeholder }", allowed).is_ok());
        assert!(check("{amount} and {secret}", allowed)
            .unwrap_err()
            .contains("{secret}"));
        assert!(check("[[a [[b]] c]]", allowed).is_err());
        assert!(check("a ]]", allowed).is_err());
        assert!(check("[[a", allowed).is_err());
        assert_eq!(placeholders("[[{a}]] {b} {a}"), ["a", "b", "a"]);
    }
}
