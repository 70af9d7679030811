//! Panic paths snipped: the body of every Rust panic entry point becomes a single `unreachable`
//! (a trap), found by name in the wasm's `name` section, before `wasm-opt -Oz` runs.
//!
//! With `-Cpanic=immediate-abort` (the pinned nightly) a panic is already a trap. Stable Rust
//! has no such flag: even with `panic = "abort"`, std's panic machinery stays in the module (the
//! panic handler, the hook caller and the default hook, the payloads, the `core::fmt` reached
//! from panic messages). Once its entry points trap, wasm-opt drops what only they reached; the
//! behaviour is that of the nightly build: a panic traps at once, and a hook set with
//! `std::panic::set_hook` is never called. What the call sites left in static data stays:
//! messages, `Location`s, and the formatting functions their vtables point to, which the
//! function table keeps alive. Measured on 2026-12-06: the stable build loses 1.4 KB brotli to
//! first panel (105.5 -> 104.0 KB), 6.0 KB above the nightly's 98.0 KB; the nightly build comes
//! out byte for byte the same (its entry points already trap).
//!
//! Only functions that run once a panic has started are snipped: the entry points below, each
//! diverging (`-> !`). As a cheap check (not a proof), a pattern that matches a function
//! returning a value fails the build, as does a module without a `name` section (rustc with
//! `strip = false` and wasm-bindgen keep it; wasm-opt, after this pass, strips it). `core::fmt`,
//! `std::panicking::set_hook` and `panic_count` are deliberately absent: they also run when
//! nothing panics, and wasm-opt drops whatever only panics reached.

use super::imports::{
    function_names, imported_functions, read_leb, rewrite_section, sections, take, write_leb,
};
use crate::Result;

/// The panic entry points, as names without crate hashes (`core[c5930c85a12de822]::x` and
/// legacy `x::h0123456789abcdef` are both `x`). A pattern matches its item, an instance of it
/// (`…::<usize, usize>`) and what is defined inside it (`…::{closure#0}`); `*` stands for any
/// characters but `:`.
pub const PANIC_ENTRY_POINTS: &[&str] = &[
    // core's panics: every function of `core::panicking` is `-> !` (`panic`, `panic_fmt`,
    // `panic_bounds_check`, `panic_nounwind*`, `assert_failed*`, `panic_const_*`, ...).
    "core::panicking::*",
    "core::panicking::panic_const::*",
    // The cold `-> !` helpers behind `unwrap`, `expect`, indexing, slicing, `RefCell`, lazy
    // cells: each is the panic of its caller, called only once its check has failed.
    "core::option::unwrap_failed",
    "core::option::expect_failed",
    "core::result::unwrap_failed",
    "core::slice::index::*_fail",
    "core::slice::copy_from_slice_impl::len_mismatch_fail",
    "core::str::slice_error_fail*",
    "core::cell::panic_already_borrowed",
    "core::cell::panic_already_mutably_borrowed",
    "core::cell::lazy::panic_poisoned",
    "std::thread::local::panic_access_error",
    "<alloc::vec::Vec<_, _>>::*::assert_failed",
    // Allocation failures: capacity overflow and out of memory, both `-> !`.
    "alloc::raw_vec::capacity_overflow",
    "alloc::raw_vec::handle_error",
    "alloc::alloc::handle_alloc_error",
    "std::alloc::rust_oom",
    "__rustc::__rust_alloc_error_handler",
    "__rust_alloc_error_handler",
    "__rg_oom",
    // std's side: `panic!` with a non-format payload, the `#[panic_handler]` (its name has
    // changed across versions), the hook caller, and the runtime's start of the panic.
    // (`__rust_start_panic`, called by `rust_panic` only, is typed `-> u32`: left to wasm-opt.)
    "std::panicking::begin_panic",
    "std::panicking::begin_panic_handler",
    "std::panicking::panic_handler",
    "std::panicking::rust_panic_with_hook",
    "std::panicking::panic_with_hook",
    "std::panicking::rust_panic_without_hook",
    "std::panicking::rust_panic",
    "__rustc::rust_begin_unwind",
    "__rustc::rust_panic",
    "rust_begin_unwind",
    "rust_panic",
];

/// What the pass did: the names of the functions it replaced, and how many matched functions
/// were already a bare `unreachable` (as in the nightly build).
pub struct Snipped {
    pub replaced: Vec<String>,
    pub already_trapping: usize,
}

/// Replaces the body of every function matching [`PANIC_ENTRY_POINTS`] with `unreachable`.
pub fn snip_panics(wasm: &[u8]) -> Result<(Vec<u8>, Snipped)> {
    snip(wasm, |name| {
        let name = plain(name);
        PANIC_ENTRY_POINTS.iter().any(|p| matches(p, &name))
    })
}

/// The body of a function that traps: no locals, `unreachable`, `end`.
const TRAP: [u8; 3] = [0x00, 0x00, 0x0b];

/// Replaces the body of every defined function whose name `pick` accepts with [`TRAP`]; fails
/// when one of them returns a value (it would not be a panic entry point).
fn snip(wasm: &[u8], pick: impl Fn(&str) -> bool) -> Result<(Vec<u8>, Snipped)> {
    let sections = sections(wasm)?;
    let names = function_names(&sections)?
        .ok_or("wasm: no `name` section, so the panic entry points cannot be found")?;
    let imported = imported_functions(&sections)?;
    let results = result_counts(&sections)?;
    let types = function_types(&sections)?;
    let mut done = Snipped {
        replaced: Vec::new(),
        already_trapping: 0,
    };
    let out = rewrite_section(wasm, &sections, 10, |body| {
        let mut at = 0;
        let count = read_leb(body, &mut at)?;
        let mut code = Vec::with_capacity(body.len());
        write_leb(count, &mut code);
        for i in 0..count {
            let len = read_leb(body, &mut at)? as usize;
            let old = take(body, &mut at, len)?;
            let name = names.get(&(imported + i)).filter(|n| pick(n));
            let Some(name) = name else {
                write_leb(len as u32, &mut code);
                code.extend_from_slice(old);
                continue;
            };
            let ty = *types
                .get(i as usize)
                .ok_or("wasm: more bodies than functions")?;
            if results.get(ty as usize).copied().unwrap_or(0) != 0 {
                return Err(format!(
                    "snip: `{name}` returns a value, so it is not a panic entry point: fix PANIC_ENTRY_POINTS"
                ));
            }
            if old == TRAP {
                done.already_trapping += 1;
            } else {
                done.replaced.push(name.clone());
            }
            write_leb(TRAP.len() as u32, &mut code);
            code.extend_from_slice(&TRAP);
        }
        if at != body.len() {
            return Err("wasm: trailing bytes in the code section".into());
        }
        Ok(code)
    })?;
    Ok((out, done))
}

/// The type index of each defined function (the function section).
fn function_types(sections: &[(u8, &[u8])]) -> Result<Vec<u32>> {
    let mut types = Vec::new();
    if let Some((_, b)) = sections.iter().find(|(id, _)| *id == 3) {
        let mut at = 0;
        for _ in 0..read_leb(b, &mut at)? {
            types.push(read_leb(b, &mut at)?);
        }
    }
    Ok(types)
}

/// How many results each function type of the type section has.
fn result_counts(sections: &[(u8, &[u8])]) -> Result<Vec<u32>> {
    let mut counts = Vec::new();
    if let Some((_, b)) = sections.iter().find(|(id, _)| *id == 1) {
        let mut at = 0;
        for _ in 0..read_leb(b, &mut at)? {
            if take(b, &mut at, 1)?[0] != 0x60 {
                return Err("wasm: a type that is not a plain function type".into());
            }
            for _ in 0..read_leb(b, &mut at)? {
                skip_value_type(b, &mut at)?;
            }
            let results = read_leb(b, &mut at)?;
            for _ in 0..results {
                skip_value_type(b, &mut at)?;
            }
            counts.push(results);
        }
    }
    Ok(counts)
}

/// Skips a value type: one byte, or `ref`/`ref null` (0x64/0x63) and a heap type.
fn skip_value_type(b: &[u8], at: &mut usize) -> Result {
    if let 0x63 | 0x64 = take(b, at, 1)?[0] {
        read_leb(b, at)?;
    }
    Ok(())
}

/// A symbol without its crate hashes (`core[c5930c85a12de822]::x`, v0) and without the hash of
/// the legacy scheme (`x::h0123456789abcdef`).
fn plain(name: &str) -> String {
    let name = crate::size::without_hashes(name);
    match name.rsplit_once("::h") {
        Some((path, hash)) if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) => {
            path.to_owned()
        }
        _ => name,
    }
}

/// Whether `name` is the item `pattern` names, an instance of it (`::<…>`) or inside it
/// (`::{…}`); `*` matches any run of characters but `:`.
fn matches(pattern: &str, name: &str) -> bool {
    fn glob(p: &[u8], n: &[u8]) -> bool {
        match p.split_first() {
            None => n.is_empty() || n.starts_with(b"::<") || n.starts_with(b"::{"),
            Some((b'*', rest)) => (0..=n.len())
                .take_while(|&i| i == 0 || n[i - 1] != b':')
                .any(|i| glob(rest, &n[i..])),
            Some((c, rest)) => n.first() == Some(c) && glob(rest, &n[1..]),
        }
    }
    glob(pattern.as_bytes(), name.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::imports::functions;

    fn section(id: u8, body: &[u8]) -> Vec<u8> {
        let mut s = vec![id];
        write_leb(body.len() as u32, &mut s);
        s.extend_from_slice(body);
        s
    }

    fn vec_of(items: &[Vec<u8>]) -> Vec<u8> {
        let mut v = Vec::new();
        write_leb(items.len() as u32, &mut v);
        for item in items {
            v.extend_from_slice(item);
        }
        v
    }

    fn name(s: &str) -> Vec<u8> {
        let mut v = Vec::new();
        write_leb(s.len() as u32, &mut v);
        v.extend_from_slice(s.as_bytes());
        v
    }

    /// One imported function (index 0), then defined functions named `names`, of type
    /// `() -> ()` (type 0) or `(i32) -> i32` (type 1), each with a local and a body that is not
    /// a trap; the function of type 1 is exported.
    fn module(funcs: &[(&str, u8)]) -> Vec<u8> {
        let types = vec_of(&[vec![0x60, 0, 0], vec![0x60, 1, 0x7f, 1, 0x7f]]);
        let import = [name("m"), name("f"), vec![0x00, 0x00]].concat();
        let function = vec_of(&funcs.iter().map(|(_, t)| vec![*t]).collect::<Vec<_>>());
        let bodies: Vec<Vec<u8>> = funcs
            .iter()
            .map(|(_, t)| {
                // One local i32; `call 0` (the import) or `local.get 0`; end.
                let code: &[u8] = if *t == 0 {
                    &[1, 1, 0x7f, 0x10, 0x00, 0x0b]
                } else {
                    &[1, 1, 0x7f, 0x20, 0x00, 0x0b]
                };
                [vec![code.len() as u8], code.to_vec()].concat()
            })
            .collect();
        let exported = funcs.iter().position(|(_, t)| *t == 1).unwrap_or(0) as u8 + 1;
        let export = [name("g"), vec![0x00, exported]].concat();
        let entries: Vec<Vec<u8>> = std::iter::once((0u8, "m::f"))
            .chain(
                funcs
                    .iter()
                    .enumerate()
                    .map(|(i, (n, _))| (i as u8 + 1, *n)),
            )
            .map(|(i, n)| [vec![i], name(n)].concat())
            .collect();
        let map = vec_of(&entries);
        let names = [name("name"), vec![1], {
            let mut len = Vec::new();
            write_leb(map.len() as u32, &mut len);
            len
        }]
        .concat();
        let names = [names, map].concat();
        [
            b"\0asm\x01\0\0\0".to_vec(),
            section(1, &types),
            section(2, &vec_of(&[import])),
            section(3, &function),
            section(7, &vec_of(&[export])),
            section(10, &vec_of(&bodies)),
            section(0, &names),
        ]
        .concat()
    }

    fn bodies(wasm: &[u8]) -> Vec<Vec<u8>> {
        let (_, b) = *sections(wasm)
            .unwrap()
            .iter()
            .find(|(id, _)| *id == 10)
            .unwrap();
        let mut at = 0;
        (0..read_leb(b, &mut at).unwrap())
            .map(|_| {
                let len = read_leb(b, &mut at).unwrap() as usize;
                take(b, &mut at, len).unwrap().to_vec()
            })
            .collect()
    }

    #[test]
    fn replaces_panic_entry_points_only() {
        let funcs = [
            ("core[c5930c85a12de822]::panicking::panic_fmt", 0),
            ("explain402::surface::handle::h0123456789abcdef", 1),
            ("core[c5930c85a12de822]::fmt::write", 0),
            ("core::option::unwrap_failed::h0123456789abcdef", 0),
            ("std[a543996e6e7dbf1e]::panicking::set_hook", 0),
        ];
        let before = module(&funcs);
        let (after, done) = snip_panics(&before).unwrap();
        assert_eq!(
            done.replaced,
            [funcs[0].0, funcs[3].0],
            "the two panic entry points, in order"
        );
        assert_eq!(done.already_trapping, 0);
        let (old, new) = (bodies(&before), bodies(&after));
        assert_eq!(new[0], TRAP);
        assert_eq!(new[3], TRAP);
        for i in [1, 2, 4] {
            assert_eq!(new[i], old[i], "function {i} untouched");
        }
        // Still a well-formed module: the same sections in the same order, every other section
        // byte for byte, the names where they were.
        let (s0, s1) = (sections(&before).unwrap(), sections(&after).unwrap());
        assert_eq!(s0.len(), s1.len());
        for ((id0, b0), (id1, b1)) in s0.iter().zip(&s1) {
            assert_eq!(id0, id1);
            if *id0 != 10 {
                assert_eq!(b0, b1);
            }
        }
        let listed: Vec<(String, usize)> = functions(&after).unwrap();
        assert_eq!(listed[0], (funcs[0].0.to_owned(), 3));
        assert_eq!(listed[1], (funcs[1].0.to_owned(), 6));
        // A second pass finds the bodies already trapping and changes nothing.
        let (again, done) = snip_panics(&after).unwrap();
        assert_eq!(again, after);
        assert!(done.replaced.is_empty());
        assert_eq!(done.already_trapping, 2);
        validate(&after);
    }

    /// Binaryen's validator (wasm-opt refuses an invalid module), when `npm ci` has installed it.
    fn validate(wasm: &[u8]) {
        let wasm_opt = crate::root().join("node_modules/.bin/wasm-opt");
        if !wasm_opt.exists() {
            eprintln!("wasm-opt not installed: validation skipped");
            return;
        }
        let dir = std::env::temp_dir();
        let input = dir.join(format!("xtask-snip-{}.wasm", std::process::id()));
        let output = input.with_extension("out.wasm");
        std::fs::write(&input, wasm).unwrap();
        let status = std::process::Command::new(wasm_opt)
            .arg(&input)
            .args(["-q", "-o"])
            .arg(&output)
            .status()
            .unwrap();
        let _ = std::fs::remove_file(&input);
        let _ = std::fs::remove_file(&output);
        assert!(status.success(), "wasm-opt refuses the snipped module");
    }

    #[test]
    fn refuses_a_match_that_returns_a_value() {
        let wasm = module(&[("core::panicking::panic", 1)]);
        let e = snip_panics(&wasm).err().unwrap();
        assert!(e.contains("returns a value"), "{e}");
    }

    #[test]
    fn refuses_a_module_without_names() {
        let wasm = module(&[("core::panicking::panic", 0)]);
        let named = sections(&wasm).unwrap();
        let unnamed: Vec<u8> = std::iter::once(b"\0asm\x01\0\0\0".to_vec())
            .chain(
                named
                    .iter()
                    .filter(|(id, _)| *id != 0)
                    .map(|(id, b)| section(*id, b)),
            )
            .flatten()
            .collect();
        assert!(snip_panics(&unnamed).err().unwrap().contains("`name`"));
    }

    /// Names as rustc 1.95 (v0 with crate hashes) and the legacy scheme write them.
    #[test]
    fn patterns_pick_panic_entry_points_and_nothing_else() {
        let pick = |n: &str| PANIC_ENTRY_POINTS.iter().any(|p| matches(p, &plain(n)));
        for snipped in [
            "core[c5930c85a12de822]::panicking::panic",
            "core[c5930c85a12de822]::panicking::panic_fmt",
            "core[c5930c85a12de822]::panicking::assert_failed::<usize, usize>",
            "core[c5930c85a12de822]::panicking::panic_const::panic_const_add_overflow",
            "core::panicking::panic_bounds_check::h0123456789abcdef",
            "core[c5930c85a12de822]::slice::index::slice_index_fail",
            "core[c5930c85a12de822]::slice::index::slice_end_index_len_fail",
            "core[c5930c85a12de822]::str::slice_error_fail_rt",
            "<alloc[3ca501edff3f0c7c]::vec::Vec<_, _>>::remove::assert_failed",
            "std[a543996e6e7dbf1e]::panicking::panic_handler::{closure#0}",
            "std[a543996e6e7dbf1e]::panicking::begin_panic::<&str>",
            "std[a543996e6e7dbf1e]::alloc::rust_oom::{closure#0}",
            "__rustc[b7974e8690430dd9]::rust_begin_unwind",
            "rust_begin_unwind",
        ] {
            assert!(pick(snipped), "{snipped} should be snipped");
        }
        for kept in [
            "std[a543996e6e7dbf1e]::panicking::set_hook",
            "std[a543996e6e7dbf1e]::panicking::take_hook",
            "std[a543996e6e7dbf1e]::panicking::panic_count::is_zero_slow_path",
            "std[a543996e6e7dbf1e]::panicking::panic_count::increase",
            "<std[a543996e6e7dbf1e]::panicking::panic_handler::StaticStrPayload as core[c5930c85a12de822]::fmt::Display>::fmt",
            "core[c5930c85a12de822]::fmt::write",
            "<core[c5930c85a12de822]::panic::location::Location>::file",
            "core[c5930c85a12de822]::slice::index::range::<core[c5930c85a12de822]::ops::range::Range<usize>>",
            "core[c5930c85a12de822]::option::unwrap_failed_x",
            "core[c5930c85a12de822]::str::from_utf8",
            "alloc[3ca501edff3f0c7c]::raw_vec::finish_grow",
            "wasm_bindgen::__rt::borrow_fail::h697316aa49fc4237",
            "__rustc[b7974e8690430dd9]::__rust_abort",
            "__rustc[b7974e8690430dd9]::__rust_start_panic",
            "__rustc[b7974e8690430dd9]::__rust_alloc",
            "explain402::surface::start::{{closure}}",
            "rust_panic_hook_installer",
        ] {
            assert!(!pick(kept), "{kept} must not be snipped");
        }
    }
}
