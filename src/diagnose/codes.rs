//! Compact `key → cause` tables for the protocols that stay code (x402, the `Payment` scheme,
//! Bearer challenges). Vendor knowledge lives in `knowledge/`, not here.

use super::input::find_ci;
use super::Cause;

/// A `key → cause` table stored compactly: the keys joined into one string, each followed by
/// `|`, and one byte per key for its cause's position in [`Cause::ALL`].
///
/// # Design
/// A `&[(&str, Cause)]` costs 20 bytes of pointers and padding per entry in the WebAssembly
/// module beside the key itself; this costs one. Build tables with [`table!`], which checks at
/// compile time that there is one cause per key (so no key may contain `|`).
pub struct Table {
    keys: &'static str,
    causes: &'static [u8],
}

impl Table {
    /// A table from joined keys and cause positions; fails to compile (in a `const`) when they
    /// do not pair up.
    pub const fn new(keys: &'static str, causes: &'static [u8]) -> Table {
        let bytes = keys.as_bytes();
        let mut count = 0;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'|' {
                count += 1;
            }
            i += 1;
        }
        assert!(count == causes.len(), "one cause per key");
        Table { keys, causes }
    }

    /// The cause of the entry whose key is exactly `key`.
    pub fn get(&self, key: Option<&str>) -> Option<Cause> {
        self.find(key?, true).map(|(_, c)| c)
    }

    /// The first entry whose key occurs in `hay`, in any ASCII casing; a key may join words
    /// with `&`, all of which must occur, in any order.
    pub fn within(&self, hay: &str) -> Option<(&'static str, Cause)> {
        self.find(hay, false)
    }

    #[inline(never)]
    fn find(&self, s: &str, exact: bool) -> Option<(&'static str, Cause)> {
        let mut rest = self.keys;
        let mut i = 0;
        while let Some((key, tail)) = rest.split_once('|') {
            let hit = if exact {
                key == s
            } else {
                key.split('&').all(|part| find_ci(s, part).is_some())
            };
            if hit {
                return Some((key, Cause::from_index(*self.causes.get(i)?)?));
            }
            rest = tail;
            i += 1;
        }
        None
    }
}

/// Builds a [`Table`]: `table! { "key" => CauseVariant, … }`.
macro_rules! table {
    ($($key:literal => $cause:ident,)*) => {
        $crate::diagnose::codes::Table::new(
            concat!($($key, "|",)*),
            &[$($crate::diagnose::cause::Id::$cause as u8,)*],
        )
    };
}
pub(crate) use table;
