//! Static files: `www/` at `/` and `dist/` at `/dist/`, typed, uncached, never outside their folder.
//!
//! Two test fixtures live here too: pages under `/csp-nowasm/` get a policy that blocks
//! WebAssembly, and `/broken-dist/` holds only the loader, so its glue and WASM answer 404.
//! `/bench/` holds the few files of `node_modules/` the benchmarks compare against, one route each.

use super::http::{Reply, Target};
use super::Ctx;
use std::path::{Path, PathBuf};

/// The policy of every page under `/csp/`: the strictest one a page embedding the widget can have.
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
    require-trusted-types-for 'script'; trusted-types 'none'";

/// The same policy without `'wasm-unsafe-eval'`: the widget's WASM cannot compile.
pub const CSP_NO_WASM: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    require-trusted-types-for 'script'; trusted-types 'none'";

/// Which pages get which policy, by path prefix.
const POLICIES: &[(&str, &str)] = &[("/csp/", CSP), ("/csp-nowasm/", CSP_NO_WASM)];

/// The one file under `/broken-dist/`: the loader without its glue and WASM.
const BROKEN_DIST_LOADER: &str = "/broken-dist/explain402.js";

/// The files under `/bench/`: route and path inside `node_modules/`. Nothing else there is served.
const BENCH_FILES: &[(&str, &str)] = &[(
    "/bench/sweetalert2.all.min.js",
    "sweetalert2/dist/sweetalert2.all.min.js",
)];

/// Content types by file-name ending; the first match wins, so longer endings come first.
const TYPES: &[(&str, &str)] = &[
    (".d.ts", "text/plain; charset=utf-8"),
    (".wasm", "application/wasm"),
    (".mjs", "text/javascript; charset=utf-8"),
    (".js", "text/javascript; charset=utf-8"),
    (".css", "text/css; charset=utf-8"),
    (".html", "text/html; charset=utf-8"),
    (".json", "application/json"),
    (".map", "application/json"),
    (".svg", "image/svg+xml"),
    (".png", "image/png"),
    (".jpg", "image/jpeg"),
    (".webp", "image/webp"),
    (".ico", "image/x-icon"),
    (".txt", "text/plain; charset=utf-8"),
    (".md", "text/plain; charset=utf-8"),
];

/// Serves a file for a GET or HEAD of `target`.
pub fn serve(target: &Target, ctx: &Ctx) -> Reply {
    let (base, rel) = match target.path.strip_prefix("/dist/") {
        Some(rest) => (&ctx.dist, rest),
        None if target.path == "/dist" => return redirect(target),
        None if target.path == BROKEN_DIST_LOADER => (&ctx.dist, "explain402.js"),
        None if target.path.starts_with("/broken-dist/") => return not_found(target, ctx),
        None if target.path.starts_with("/bench/") => {
            match BENCH_FILES.iter().find(|(route, _)| target.path == *route) {
                Some((_, file)) => (&ctx.node_modules, *file),
                None => return not_found(target, ctx),
            }
        }
        None => (&ctx.www, target.path.trim_start_matches('/')),
    };
    let Some(path) = safe_join(base, rel) else {
        return Reply::new(400, "text/plain; charset=utf-8", "bad path\n");
    };
    let path = if path.is_dir() {
        if !target.path.ends_with('/') {
            return redirect(target);
        }
        path.join("index.html")
    } else {
        path
    };
    if !inside(base, &path) {
        return not_found(target, ctx);
    }
    let Ok(body) = std::fs::read(&path) else {
        return not_found(target, ctx);
    };
    let mut reply =
        Reply::new(200, content_type(&path), body).set_header("Cache-Control", "no-store");
    if let Some((_, policy)) = POLICIES.iter().find(|(p, _)| target.path.starts_with(p)) {
        reply = reply.set_header("Content-Security-Policy", policy);
    }
    if target.path.starts_with("/dist/") {
        // Lets a page on the other origin load the widget as a module, as from a CDN.
        reply = reply.set_header("Access-Control-Allow-Origin", "*");
    }
    reply
}

/// `base` joined with a request path, or `None` if any segment could step outside `base`
/// (`..`, `.`-files, backslashes, drive letters).
pub fn safe_join(base: &Path, rel: &str) -> Option<PathBuf> {
    let mut path = base.to_path_buf();
    for segment in rel.split('/').filter(|s| !s.is_empty()) {
        if segment.starts_with('.') || segment.contains(['\\', ':', '\0']) {
            return None;
        }
        path.push(segment);
    }
    Some(path)
}

/// Whether `path` resolves (following links) to a file inside `base`.
fn inside(base: &Path, path: &Path) -> bool {
    match (base.canonicalize(), path.canonicalize()) {
        (Ok(base), Ok(path)) => path.starts_with(base),
        _ => false,
    }
}

pub fn content_type(path: &Path) -> &'static str {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    TYPES
        .iter()
        .find(|(end, _)| name.ends_with(end))
        .map_or("application/octet-stream", |(_, t)| t)
}

fn redirect(target: &Target) -> Reply {
    let mut location = encode_path(&target.path);
    location.push('/');
    if !target.query.is_empty() {
        let pairs: Vec<String> = target
            .query
            .iter()
            .map(|(k, v)| format!("{}={}", encode_path(k), encode_path(v)))
            .collect();
        location.push('?');
        location.push_str(&pairs.join("&"));
    }
    Reply::new(301, "text/plain; charset=utf-8", "moved\n").set_header("Location", &location)
}

/// Percent-encodes everything but unreserved characters and `/`.
fn encode_path(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn not_found(target: &Target, ctx: &Ctx) -> Reply {
    let hint = if target.path.starts_with("/dist/") && !ctx.dist.is_dir() {
        "dist/ is not built yet: run `cargo xtask build`\n"
    } else {
        "not found\n"
    };
    Reply::new(404, "text/plain; charset=utf-8", hint).set_header("Cache-Control", "no-store")
}

#[cfg(test)]
mod tests {
    use super::safe_join;
    use std::path::Path;

    #[test]
    fn paths_cannot_step_outside_their_folder() {
        let base = Path::new("/srv/www");
        assert_eq!(
            safe_join(base, "e2e//x.html"),
            Some(base.join("e2e/x.html"))
        );
        for bad in [
            "../x",
            "a/../../x",
            ".git/config",
            "a/.env",
            "a\\..\\x",
            "C:/x",
            "a\0b",
        ] {
            assert_eq!(safe_join(base, bad), None, "{bad:?}");
        }
    }
}
