//! The built-in texts as the wasm carries them: each locale's tables (`en.rs`, `id.rs`) packed
//! into one string at compile time, and the lookups into it.
//!
//! # Design
//! A table of `&'static str` costs eight bytes of pointer and length for every text, and those
//! bytes compress badly; the tables of two locales came to a few kilobytes. Packed, a text
//! costs one separator byte and is found by counting separators, which for a few hundred texts
//! is as fast as anyone needs. The tables in `en.rs` and `id.rs` stay the source (they are
//! `const`, so the wasm keeps only the packed form), and the tests read them directly.
//!
//! A packed locale is records separated by [`RS`], each made of fields separated by [`US`]:
//!
//! - record 0: the chrome strings in the order of [`UI_KEYS`](super::UI_KEYS), then the action
//!   labels in the order of [`ActionKind::ALL`](super::ActionKind::ALL);
//! - record `1 + i`: the text of cause `i` of `Cause::ALL`: [`TITLE`], [`EXPLANATION`], one
//!   label for each action kind from [`LABEL`] on (empty where the cause has no label of its
//!   own), its [`ACTIONS`] (`builtin_actions`, one digit per kind: its index in
//!   `ActionKind::ALL`), then from [`STEPS`] on the steps;
//! - record `1 + CAUSE_COUNT + i`: the site text of cause `i` in the same shape (with
//!   `site_actions`), or nothing.
//!
//! The separators are control characters, which no text may contain (packing fails to compile
//! otherwise) and which integrator texts lose when they are read.

use super::{
    builtin_actions, site_actions, ActionKind, Builtin, Text, ACTION_COUNT, CAUSE_COUNT, UI_LEN,
};
use crate::diagnose::Cause;

/// Separates the records of a packed locale.
pub(super) const RS: char = '\x1e';
/// Separates the fields of a record.
pub(super) const US: char = '\x1f';

/// The field of a cause text that holds its title.
pub(super) const TITLE: usize = 0;
/// The field of a cause text that holds its explanation.
pub(super) const EXPLANATION: usize = 1;
/// The field of a cause text that holds its label for the first action kind; the other kinds
/// follow in the order of `ActionKind::ALL`.
pub(super) const LABEL: usize = 2;
/// The field of a cause text that holds its actions, most useful first.
pub(super) const ACTIONS: usize = LABEL + ACTION_COUNT;
/// The field of a cause text from which on the steps follow.
pub(super) const STEPS: usize = ACTIONS + 1;

/// The record of the site text of the first cause.
pub(super) const SITE: usize = 1 + CAUSE_COUNT;

/// English, packed.
pub(super) static EN: &str = packed(&EN_BYTES);
/// Indonesian, packed.
pub(super) static ID: &str = packed(&ID_BYTES);

const EN_BYTES: [u8; pack::<0>(&super::en::EN).1] = pack(&super::en::EN).0;
const ID_BYTES: [u8; pack::<0>(&super::id::ID).1] = pack(&super::id::ID).0;

const fn packed(bytes: &'static [u8]) -> &'static str {
    match core::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(_) => panic!("the packed texts are UTF-8"),
    }
}

/// Packs `b` into the first `N` bytes; also returns the length of the whole (so `N = 0` only
/// measures).
const fn pack<const N: usize>(b: &Builtin) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    let mut at = 0;
    macro_rules! byte {
        ($b:expr) => {{
            if at < N {
                out[at] = $b;
            }
            at += 1;
        }};
    }
    macro_rules! text {
        ($s:expr) => {{
            let s: &[u8] = $s.as_bytes();
            let mut j = 0;
            while j < s.len() {
                assert!(
                    s[j] != RS as u8 && s[j] != US as u8,
                    "a separator in a text"
                );
                byte!(s[j]);
                j += 1;
            }
        }};
    }
    let mut i = 0;
    while i < UI_LEN + ACTION_COUNT {
        if i > 0 {
            byte!(US as u8);
        }
        text!(if i < UI_LEN {
            b.ui[i]
        } else {
            b.labels[i - UI_LEN]
        });
        i += 1;
    }
    let mut r = 0;
    while r < 2 * CAUSE_COUNT {
        byte!(RS as u8);
        let (t, actions) = if r < CAUSE_COUNT {
            (Some(&b.causes[r]), Some(builtin_actions(&Cause::ALL[r])))
        } else {
            let cause = &Cause::ALL[r - CAUSE_COUNT];
            (
                site_text(b, b.causes[r - CAUSE_COUNT].cause),
                site_actions(cause),
            )
        };
        assert!(
            t.is_some() == actions.is_some(),
            "site texts and site actions disagree"
        );
        if let (Some(t), Some(actions)) = (t, actions) {
            text!(t.title);
            byte!(US as u8);
            text!(t.explanation);
            let mut k = 0;
            while k < ACTION_COUNT {
                byte!(US as u8);
                let mut l = 0;
                while l < t.labels.len() {
                    if t.labels[l].0 as usize == k {
                        text!(t.labels[l].1);
                    }
                    l += 1;
                }
                k += 1;
            }
            byte!(US as u8);
            assert!(!actions.is_empty(), "a cause without actions");
            let mut a = 0;
            while a < actions.len() {
                byte!(b'0' + actions[a] as u8);
                a += 1;
            }
            let mut s = 0;
            while s < t.steps.len() {
                byte!(US as u8);
                text!(t.steps[s]);
                s += 1;
            }
        }
        r += 1;
    }
    (out, at)
}

/// The site text of `b` for the cause labelled `cause`.
const fn site_text<'a>(b: &'a Builtin, cause: &str) -> Option<&'a Text> {
    let mut i = 0;
    while i < b.site.len() {
        if same(b.site[i].cause, cause) {
            return Some(&b.site[i]);
        }
        i += 1;
    }
    None
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// What follows the `n`th `sep` of `s` (`s` itself for 0).
fn skip(mut s: &str, sep: char, n: usize) -> Option<&str> {
    for _ in 0..n {
        s = s.split_once(sep)?.1;
    }
    Some(s)
}

/// `s` up to its first `sep`.
fn first(s: &str, sep: char) -> &str {
    s.split_once(sep).map_or(s, |(f, _)| f)
}

/// Record `r` of a packed locale; empty when there is none.
pub(super) fn record(text: &'static str, r: usize) -> &'static str {
    first(skip(text, RS, r).unwrap_or(""), RS)
}

/// Field `i` of a record; `None` when it is empty or missing.
pub(super) fn field(record: &'static str, i: usize) -> Option<&'static str> {
    skip(record, US, i)
        .map(|s| first(s, US))
        .filter(|s| !s.is_empty())
}

/// The steps of a cause text, separated by [`US`].
pub(super) fn steps(record: &'static str) -> &'static str {
    skip(record, US, STEPS).unwrap_or("")
}

/// The action kinds of [`ACTIONS`] digits.
pub(super) fn kinds(digits: &str) -> impl Iterator<Item = ActionKind> + '_ {
    let kinds = digits
        .bytes()
        .map(|b| ActionKind::ALL.get(usize::from(b.wrapping_sub(b'0'))));
    kinds.flatten().copied()
}

#[cfg(test)]
mod tests {
    use super::{field, kinds, record, steps, ACTIONS, EN, ID, LABEL, SITE, US};
    use crate::catalog::{builtin, builtin_actions, site_actions, ActionKind, CAUSE_COUNT, UI_LEN};
    use crate::diagnose::Cause;

    #[test]
    fn packed_texts_are_the_tables() {
        for (tag, packed) in [("en", EN), ("id", ID)] {
            let b = builtin(tag).unwrap();
            let chrome = record(packed, 0);
            for (i, s) in b.ui.iter().chain(b.labels.iter()).enumerate() {
                assert_eq!(field(chrome, i), Some(*s), "{tag} chrome {i}");
            }
            assert_eq!(field(chrome, UI_LEN + b.labels.len()), None);
            for (i, cause) in Cause::ALL.iter().enumerate() {
                let site = b.site.iter().find(|t| t.cause == cause.as_str());
                let actions = [Some(builtin_actions(cause)), site_actions(cause)];
                for ((r, t), actions) in [(1 + i, b.causes.get(i)), (SITE + i, site)]
                    .into_iter()
                    .zip(actions)
                {
                    let rec = record(packed, r);
                    let Some(t) = t else {
                        assert_eq!(rec, "", "{tag} {r}");
                        continue;
                    };
                    assert_eq!(field(rec, 0), Some(t.title));
                    assert_eq!(field(rec, 1), Some(t.explanation));
                    assert_eq!(steps(rec).split(US).collect::<Vec<_>>(), t.steps);
                    let packed: Vec<_> = kinds(field(rec, ACTIONS).unwrap()).collect();
                    assert_eq!(Some(&packed[..]), actions);
                    for kind in ActionKind::ALL {
                        let own = t.labels.iter().find(|(k, _)| *k == kind);
                        assert_eq!(field(rec, LABEL + kind.index()), own.map(|(_, s)| *s));
                    }
                }
            }
            assert_eq!(record(packed, SITE + CAUSE_COUNT), "");
        }
    }
}
