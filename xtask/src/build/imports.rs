//! Short import names: wasm-bindgen names each import after the JS it calls plus a 16-digit
//! hash (`__wbg_instanceof_ReadableStreamDefaultReader_2fe8bbe95ede87e3`), and every name is
//! written twice, in the wasm's import section and as a key of the glue's import object. The
//! hashes do not compress. This pass renames each import to `a`, `b`, ... `aa`, ... in both
//! files. Measured on 2026-11-25: -2.2 KB brotli of wasm and -1.5 KB of glue.
//!
//! It refuses to guess: a name that does not occur exactly once as a whole word in the glue is
//! an error, so a change in wasm-bindgen's output fails the build instead of shipping glue that
//! no longer matches the wasm.

use crate::Result;

/// Renames the imports of `wasm` and the matching keys of `glue`, and the exports wasm-bindgen
/// names after its closure shims (`wasm_bindgen_<hash>___convert__closures…`, about 100 bytes
/// each) and the glue's uses of them; returns both.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String)> {
    let mut names = Vec::new();
    let out = rewrite_imports(wasm, |old| {
        let new = short_name(names.len());
        names.push((old.to_owned(), new.clone()));
        new
    })?;
    let mut shims = 0;
    let out = rewrite_exports(&out, |old| {
        if !old.starts_with("wasm_bindgen_") {
            return old.to_owned();
        }
        // `_0`, `_1`, ...: no other export starts with `_` and a digit.
        let new = ["_", &shims.to_string()].concat();
        shims += 1;
        names.push((old.to_owned(), new.clone()));
        new
    })?;
    let mut glue = glue.to_owned();
    let imports = names.len() - shims;
    for (i, (old, new)) in names.iter().enumerate() {
        let at = whole_word_matches(&glue, old);
        // An import is one key of the import object; a shim may be called from a few places.
        let expected = if i < imports {
            at.len() == 1
        } else {
            !at.is_empty()
        };
        if !expected {
            return Err(format!(
                "`{old}` occurs {} times in the glue (expected {}): wasm-bindgen's output changed shape",
                at.len(),
                if i < imports { "once" } else { "at least once" }
            ));
        }
        for &start in at.iter().rev() {
            glue.replace_range(start..start + old.len(), new);
        }
    }
    Ok((out, glue))
}

/// `a`..`z`, `A`..`Z`, then two letters (a keyword such as `do` is a valid property name).
fn short_name(mut i: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut s = Vec::new();
    loop {
        s.push(LETTERS[i % LETTERS.len()]);
        i /= LETTERS.len();
        if i == 0 {
            break;
        }
        i -= 1;
    }
    s.reverse();
    String::from_utf8(s).expect("ASCII letters")
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// Byte offsets where `word` occurs in `text` not preceded or followed by an identifier byte.
fn whole_word_matches(text: &str, word: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    text.match_indices(word)
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = i.checked_sub(1).map(|j| bytes[j]);
            let after = bytes.get(i + word.len()).copied();
            !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
        })
        .collect()
}

pub(super) fn read_leb(b: &[u8], at: &mut usize) -> Result<u32> {
    let (mut value, mut shift) = (0u32, 0);
    loop {
        let byte = *b.get(*at).ok_or("wasm: truncated LEB128")?;
        *at += 1;
        value |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Ok(value);
        }
        shift += 7;
        if shift > 28 {
            return Err("wasm: LEB128 too long".into());
        }
    }
}

pub(super) fn write_leb(mut n: u32, out: &mut Vec<u8>) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

pub(super) fn take<'a>(b: &'a [u8], at: &mut usize, n: usize) -> Result<&'a [u8]> {
    let s = b.get(*at..*at + n).ok_or("wasm: truncated section")?;
    *at += n;
    Ok(s)
}

/// Skips resizable limits (a flags byte, the minimum, the maximum when flag bit 0 is set).
fn skip_limits(b: &[u8], at: &mut usize) -> Result {
    let flags = take(b, at, 1)?[0];
    read_leb(b, at)?;
    if flags & 1 == 1 {
        read_leb(b, at)?;
    }
    Ok(())
}

/// Skips an import's description; returns its kind (0 for a function).
fn skip_import_desc(b: &[u8], at: &mut usize) -> Result<u8> {
    let kind = take(b, at, 1)?[0];
    match kind {
        0 => {
            read_leb(b, at)?;
        }
        1 => {
            take(b, at, 1)?;
            skip_limits(b, at)?;
        }
        2 => skip_limits(b, at)?,
        3 => {
            take(b, at, 2)?;
        }
        4 => {
            take(b, at, 1)?;
            read_leb(b, at)?;
        }
        kind => return Err(format!("wasm: unknown import kind {kind}")),
    }
    Ok(kind)
}

/// Every function defined in `wasm` (not imported), with its name from the `name` section (or
/// `function[i]`) and the size of its body in bytes.
pub fn functions(wasm: &[u8]) -> Result<Vec<(String, usize)>> {
    let sections = sections(wasm)?;
    let imported = imported_functions(&sections)?;
    let mut sizes = Vec::new();
    if let Some((_, b)) = sections.iter().find(|(id, _)| *id == 10) {
        let mut at = 0;
        for _ in 0..read_leb(b, &mut at)? {
            let len = read_leb(b, &mut at)? as usize;
            take(b, &mut at, len)?;
            sizes.push(len);
        }
    }
    let mut names = function_names(&sections)?.unwrap_or_default();
    Ok(sizes
        .into_iter()
        .enumerate()
        .map(|(i, size)| {
            let index = imported + i as u32;
            let name = names
                .remove(&index)
                .unwrap_or_else(|| format!("function[{index}]"));
            (name, size)
        })
        .collect())
}

/// How many functions the module imports: the index of its first defined function.
pub(super) fn imported_functions(sections: &[(u8, &[u8])]) -> Result<u32> {
    let mut imported = 0;
    if let Some((_, b)) = sections.iter().find(|(id, _)| *id == 2) {
        let mut at = 0;
        for _ in 0..read_leb(b, &mut at)? {
            for _ in 0..2 {
                let len = read_leb(b, &mut at)? as usize;
                take(b, &mut at, len)?;
            }
            if skip_import_desc(b, &mut at)? == 0 {
                imported += 1;
            }
        }
    }
    Ok(imported)
}

/// The function names of the `name` custom section (subsection 1), by function index; `None`
/// when the module has no `name` section.
pub(super) fn function_names(
    sections: &[(u8, &[u8])],
) -> Result<Option<std::collections::HashMap<u32, String>>> {
    let mut found = None;
    for (_, b) in sections.iter().filter(|(id, _)| *id == 0) {
        let mut at = 0;
        let len = read_leb(b, &mut at)? as usize;
        if take(b, &mut at, len)? != b"name" {
            continue;
        }
        let names = found.get_or_insert_with(std::collections::HashMap::new);
        while at < b.len() {
            let sub = take(b, &mut at, 1)?[0];
            let len = read_leb(b, &mut at)? as usize;
            let body = take(b, &mut at, len)?;
            if sub != 1 {
                continue;
            }
            let mut i = 0;
            for _ in 0..read_leb(body, &mut i)? {
                let index = read_leb(body, &mut i)?;
                let len = read_leb(body, &mut i)? as usize;
                let name = String::from_utf8_lossy(take(body, &mut i, len)?).into_owned();
                names.insert(index, name);
            }
        }
    }
    Ok(found)
}

/// The sections of a version-1 wasm module, in order: (id, contents).
pub fn sections(wasm: &[u8]) -> Result<Vec<(u8, &[u8])>> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return Err("wasm: not a version-1 module".into());
    }
    let mut out = Vec::new();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let len = read_leb(wasm, &mut at)? as usize;
        out.push((id, take(wasm, &mut at, len)?));
    }
    Ok(out)
}

/// Copies the sections of `wasm` (whose parsed form is `sections`), the section of `id` as
/// `rewrite` returns it and the others as they are.
pub fn rewrite_section(
    wasm: &[u8],
    sections: &[(u8, &[u8])],
    id: u8,
    mut rewrite: impl FnMut(&[u8]) -> Result<Vec<u8>>,
) -> Result<Vec<u8>> {
    let mut out = wasm[..8.min(wasm.len())].to_vec();
    for &(i, body) in sections {
        let body = if i == id {
            rewrite(body)?
        } else {
            body.to_vec()
        };
        out.push(i);
        write_leb(body.len() as u32, &mut out);
        out.extend_from_slice(&body);
    }
    Ok(out)
}

/// Copies `wasm`, passing each import's field name through `rename`.
fn rewrite_imports(wasm: &[u8], mut rename: impl FnMut(&str) -> String) -> Result<Vec<u8>> {
    rewrite_section(wasm, &sections(wasm)?, 2, |body| {
        rewrite_import_section(body, &mut rename)
    })
}

/// Copies `wasm`, passing each export's name through `rename`.
fn rewrite_exports(wasm: &[u8], mut rename: impl FnMut(&str) -> String) -> Result<Vec<u8>> {
    rewrite_section(wasm, &sections(wasm)?, 7, |b| {
        let mut at = 0;
        let count = read_leb(b, &mut at)?;
        let mut body = Vec::with_capacity(b.len());
        write_leb(count, &mut body);
        for _ in 0..count {
            let len = read_leb(b, &mut at)? as usize;
            let name = std::str::from_utf8(take(b, &mut at, len)?)
                .map_err(|_| "wasm: export name is not UTF-8")?;
            let new = rename(name);
            write_leb(new.len() as u32, &mut body);
            body.extend_from_slice(new.as_bytes());
            let desc_start = at;
            take(b, &mut at, 1)?;
            read_leb(b, &mut at)?;
            body.extend_from_slice(&b[desc_start..at]);
        }
        if at != b.len() {
            return Err("wasm: trailing bytes in the export section".into());
        }
        Ok(body)
    })
}

fn rewrite_import_section(b: &[u8], rename: &mut impl FnMut(&str) -> String) -> Result<Vec<u8>> {
    let mut at = 0;
    let count = read_leb(b, &mut at)?;
    let mut out = Vec::with_capacity(b.len());
    write_leb(count, &mut out);
    for _ in 0..count {
        let module_len = read_leb(b, &mut at)? as usize;
        let module = take(b, &mut at, module_len)?;
        let field_len = read_leb(b, &mut at)? as usize;
        let field = std::str::from_utf8(take(b, &mut at, field_len)?)
            .map_err(|_| "wasm: import name is not UTF-8")?;
        let desc_start = at;
        skip_import_desc(b, &mut at)?;
        let new = rename(field);
        write_leb(module_len as u32, &mut out);
        out.extend_from_slice(module);
        write_leb(new.len() as u32, &mut out);
        out.extend_from_slice(new.as_bytes());
        out.extend_from_slice(&b[desc_start..at]);
    }
    if at != b.len() {
        return Err("wasm: trailing bytes in the import section".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing `./m.js::long_name_1` (a function) and `./m.js::long_name_2` (a
    /// memory with a maximum), with one type and nothing else.
    fn module() -> Vec<u8> {
        let mut imports = vec![2];
        for (name, desc) in [
            ("long_name_1", vec![0u8, 0]),
            ("long_name_2", vec![2u8, 1, 1, 2]),
        ] {
            imports.push(6);
            imports.extend_from_slice(b"./m.js");
            imports.push(name.len() as u8);
            imports.extend_from_slice(name.as_bytes());
            imports.extend(desc);
        }
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend([1, 4, 1, 0x60, 0, 0]); // type section: () -> ()
        m.push(2);
        m.push(imports.len() as u8);
        m.extend(imports);
        m
    }

    #[test]
    fn renames_imports_in_both_files() {
        let glue = "const i={long_name_1:function(){},long_name_2:x};f(long_name_10)";
        let (wasm, glue) = shorten(&module(), glue).unwrap();
        assert_eq!(glue, "const i={a:function(){},b:x};f(long_name_10)");
        let mut seen = Vec::new();
        rewrite_imports(&wasm, |n| {
            seen.push(n.to_owned());
            n.to_owned()
        })
        .unwrap();
        assert_eq!(seen, ["a", "b"]);
    }

    #[test]
    fn renames_closure_shim_exports_in_both_files() {
        let mut m = module();
        let mut exports = vec![2];
        for name in ["wasm_bindgen_abc___invoke", "handle"] {
            exports.push(name.len() as u8);
            exports.extend_from_slice(name.as_bytes());
            exports.extend([0, 0]); // function 0 (the import)
        }
        m.push(7);
        m.push(exports.len() as u8);
        m.extend(exports);
        let glue = "const i={long_name_1:function(){},long_name_2:x};i.wasm_bindgen_abc___invoke();i.handle()";
        let (wasm, glue) = shorten(&m, glue).unwrap();
        assert_eq!(glue, "const i={a:function(){},b:x};i._0();i.handle()");
        let mut seen = Vec::new();
        rewrite_exports(&wasm, |n| {
            seen.push(n.to_owned());
            n.to_owned()
        })
        .unwrap();
        assert_eq!(seen, ["_0", "handle"]);
    }

    #[test]
    fn refuses_a_glue_that_does_not_match() {
        let missing = shorten(&module(), "long_name_2");
        assert!(missing.unwrap_err().contains("long_name_1"));
        let twice = shorten(&module(), "long_name_1 long_name_1 long_name_2");
        assert!(twice.unwrap_err().contains("2 times"));
    }

    #[test]
    fn names_are_short_and_distinct() {
        let names: Vec<String> = (0..2000).map(short_name).collect();
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(names[52], "aa");
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        assert!(names.iter().all(|n| n.len() <= 2));
    }
}
