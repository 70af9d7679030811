//! Tests of the demo server over real sockets: static files, fixture replay, CORS, streaming, shutdown.

use super::cases::decode_base64;
use super::{start_with, Ctx, Server};
use client::{addr, get, send, Resp};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

mod client;

/// A server on free ports over a fresh folder holding www/, dist/, fixtures/ and a secret beside them.
fn server() -> (Server, PathBuf) {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "explain402-serve-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let files: &[(&str, &[u8])] = &[
        ("secret.txt", b"SECRET"),
        ("www/index.html", b"<!doctype html><title>home</title>"),
        ("www/app.wasm", b"\0asm"),
        ("www/e2e/index.html", b"e2e"),
        ("www/csp/index.html", b"csp"),
        ("www/csp-nowasm/index.html", b"nowasm"),
        ("dist/explain402.js", b"/* widget */"),
        ("dist/explain402.d.ts", b"export {};"),
        (
            "node_modules/sweetalert2/dist/sweetalert2.all.min.js",
            b"/* swal */",
        ),
        ("node_modules/sweetalert2/dist/sweetalert2.js", b"/* other */"),
        ("node_modules/sweetalert2/package.json", b"{}"),
        (
            "fixtures/multi.json",
            br#"{"name":"multi","status":402,"expected_cause":"payment_required","title":"Multi",
                 "headers":{"X-Multi":["one","two"],"Content-Type":"application/octet-stream",
                 "Access-Control-Allow-Origin":"https://elsewhere.example","Content-Length":"0",
                 "WWW-Authenticate":"L402 macaroon=\"m\""},
                 "body_base64":"/wABAv4=","body":"ignored"}"#,
        ),
        ("fixtures/plain.json", br#"{"name":"plain","status":429,"expected_cause":"rate_limited","headers":{"Retry-After":"5"},"body":"slow down"}"#),
        ("fixtures/broken.json", b"{not json"),
    ];
    for (path, bytes) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let ctx = Ctx::new(
        dir.join("www"),
        dir.join("dist"),
        dir.join("fixtures"),
        dir.join("node_modules"),
        false,
    );
    (start_with(ctx, 0, 0).expect("the server starts"), dir)
}

#[test]
fn traversal_over_http_never_reaches_the_secret() {
    let (server, _dir) = server();
    for target in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/dist/..%2fsecret.txt",
        "/e2e/%2e%2e/%2E%2E/secret.txt",
        "/dist/../../secret.txt",
        "/..%5csecret.txt",
    ] {
        let r = get(&server.url(), target);
        assert_ne!(r.status, 200, "{target}");
        assert!(
            !String::from_utf8_lossy(&r.body).contains("SECRET"),
            "{target}"
        );
    }
}

#[test]
fn static_files_are_typed_uncached_and_csp_pages_get_the_policy() {
    let (server, _dir) = server();
    let url = server.url();
    let home = get(&url, "/");
    assert_eq!(
        (home.status, home.header("Content-Type")),
        (200, Some("text/html; charset=utf-8"))
    );
    assert_eq!(home.header("Cache-Control"), Some("no-store"));
    assert_eq!(home.header("Content-Security-Policy"), None);
    assert_eq!(
        get(&url, "/app.wasm").header("Content-Type"),
        Some("application/wasm")
    );
    let js = get(&url, "/dist/explain402.js");
    assert_eq!(
        (js.status, js.header("Content-Type")),
        (200, Some("text/javascript; charset=utf-8"))
    );
    assert_eq!(js.header("Access-Control-Allow-Origin"), Some("*"));
    assert_eq!(
        get(&url, "/dist/explain402.d.ts").header("Content-Type"),
        Some("text/plain; charset=utf-8")
    );
    let moved = get(&url, "/e2e?x=1");
    assert_eq!(
        (moved.status, moved.header("Location")),
        (301, Some("/e2e/?x=1"))
    );
    assert_eq!(get(&url, "/e2e/").body, b"e2e");
    let csp = get(&url, "/csp/");
    assert!(csp
        .header("Content-Security-Policy")
        .unwrap()
        .contains("trusted-types"));
    let nowasm = get(&url, "/csp-nowasm/");
    let policy = nowasm.header("Content-Security-Policy").unwrap();
    assert!(policy.contains("trusted-types") && !policy.contains("wasm-unsafe-eval"));
    let broken = get(&url, "/broken-dist/explain402.js");
    assert_eq!(
        (broken.status, &broken.body[..]),
        (200, &b"/* widget */"[..])
    );
    assert_eq!(get(&url, "/broken-dist/explain402.d.ts").status, 404);
    assert_eq!(get(&url, "/missing.html").status, 404);
    assert_eq!(send(&url, "POST", "/", &[], b"x").status, 405);
    assert_eq!(send(&url, "HEAD", "/", &[], b"").body, b"");
}

#[test]
fn bench_serves_its_named_files_from_node_modules_and_nothing_else() {
    let (server, _dir) = server();
    let url = server.url();
    let swal = get(&url, "/bench/sweetalert2.all.min.js");
    assert_eq!(
        (swal.status, swal.header("Content-Type"), &swal.body[..]),
        (
            200,
            Some("text/javascript; charset=utf-8"),
            &b"/* swal */"[..]
        )
    );
    assert_eq!(swal.header("Cache-Control"), Some("no-store"));
    assert_eq!(swal.header("Access-Control-Allow-Origin"), None);
    for other in [
        "/bench/sweetalert2.js",
        "/bench/sweetalert2/dist/sweetalert2.js",
        "/bench/sweetalert2/package.json",
        "/bench/../node_modules/sweetalert2/package.json",
        "/bench/%2e%2e/secret.txt",
        "/bench/",
        "/node_modules/sweetalert2/dist/sweetalert2.all.min.js",
    ] {
        let r = get(&url, other);
        assert_ne!(r.status, 200, "{other}");
        assert!(
            !String::from_utf8_lossy(&r.body).contains("other"),
            "{other}"
        );
    }
    assert_eq!(
        send(&url, "POST", "/bench/sweetalert2.all.min.js", &[], b"x").status,
        405
    );
}

#[test]
fn fixtures_replay_status_headers_and_exact_bytes() {
    let (server, _dir) = server();
    let r = get(&server.second_url(), "/api/cases/multi");
    assert_eq!(r.status, 402);
    assert_eq!(r.body, [0xff, 0x00, 0x01, 0x02, 0xfe]);
    assert_eq!(r.all("X-Multi"), ["one", "two"]);
    assert_eq!(r.all("Content-Type"), ["application/octet-stream"]);
    assert_eq!(r.all("Content-Length"), ["5"]);
    assert_eq!(r.all("Access-Control-Allow-Origin"), ["*"]);
    assert_eq!(r.header("WWW-Authenticate"), Some("L402 macaroon=\"m\""));
    assert_eq!(r.header("Access-Control-Expose-Headers"), None);
    let exposed = send(
        &server.url(),
        "POST",
        "/api/cases/plain?expose=1",
        &[],
        b"{}",
    );
    assert_eq!(
        (exposed.status, exposed.body.as_slice()),
        (429, &b"slow down"[..])
    );
    assert_eq!(exposed.header("Retry-After"), Some("5"));
    assert!(exposed
        .header("Access-Control-Expose-Headers")
        .unwrap()
        .contains("PAYMENT-REQUIRED"));
    let unknown = get(&server.url(), "/api/cases/nope");
    assert_eq!(
        (
            unknown.status,
            unknown.header("Access-Control-Allow-Origin")
        ),
        (404, Some("*"))
    );
    assert!(unknown.json()["error"].as_str().unwrap().contains("nope"));
    assert_eq!(get(&server.url(), "/api/cases/..%2fsecret").status, 404);
    assert_eq!(
        send(&server.url(), "DELETE", "/api/cases/plain", &[], b"").status,
        405
    );
}

#[test]
fn the_case_list_is_read_at_request_time() {
    let (server, dir) = server();
    let names = |r: Resp| -> Vec<String> {
        r.json()
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_string())
            .collect()
    };
    let list = get(&server.url(), "/api/cases");
    assert_eq!(
        list.json()[0],
        serde_json::json!({"name":"multi","status":402,"expected_cause":"payment_required","title":"Multi"})
    );
    assert_eq!(names(list), ["multi", "plain"]);
    std::fs::write(
        dir.join("fixtures/added.json"),
        r#"{"status":402,"headers":{},"body":""}"#,
    )
    .unwrap();
    assert_eq!(
        names(get(&server.url(), "/api/cases")),
        ["added", "multi", "plain"]
    );
    assert_eq!(get(&server.url(), "/api/cases/added").status, 402);
}

#[test]
fn api_routes_answer_preflights_echo_and_statuses() {
    let (server, _dir) = server();
    let url = server.url();
    let pre = send(
        &url,
        "OPTIONS",
        "/api/echo",
        &[
            ("Origin", "http://x"),
            ("Access-Control-Request-Method", "PUT"),
            ("Access-Control-Request-Headers", "authorization, x-foo"),
        ],
        b"",
    );
    assert_eq!(pre.status, 204);
    assert_eq!(pre.header("Access-Control-Allow-Origin"), Some("*"));
    assert_eq!(
        pre.header("Access-Control-Allow-Headers"),
        Some("authorization, x-foo")
    );
    assert!(pre
        .header("Access-Control-Allow-Methods")
        .unwrap()
        .contains("PUT"));
    let echo = send(
        &url,
        "PUT",
        "/api/echo?a=b",
        &[
            ("X-Foo", "1"),
            ("X-Foo", "2"),
            ("Authorization", "Bearer t"),
        ],
        b"\xffbody",
    );
    let e = echo.json();
    assert_eq!(
        (e["method"].as_str(), e["query"]["a"].as_str()),
        (Some("PUT"), Some("b"))
    );
    assert_eq!(
        (
            e["headers"]["x-foo"].as_str(),
            e["headers"]["authorization"].as_str()
        ),
        (Some("1, 2"), Some("Bearer t"))
    );
    assert_eq!(
        decode_base64(e["body_base64"].as_str().unwrap()).unwrap(),
        b"\xffbody"
    );
    assert_eq!(get(&url, "/api/ok").json(), serde_json::json!({"ok": true}));
    let origins = get(&url, "/api/origins").json();
    assert_eq!(
        origins["origins"],
        serde_json::json!([server.url(), server.second_url()])
    );
    let s = get(&url, "/api/status/503");
    assert_eq!(
        (s.status, s.json()["error"].as_str()),
        (503, Some("Service Unavailable"))
    );
    assert_eq!(get(&url, "/api/status/99").status, 400);
    assert_eq!(get(&url, "/api/status/x").status, 400);
    assert_eq!(get(&url, "/api/nothing").status, 404);
}

#[test]
fn slow_bodies_are_chunked_valid_json() {
    let (server, _dir) = server();
    let r = get(
        &server.url(),
        "/api/slow?status=402&bytes=100000&chunk=30000&delay_ms=1",
    );
    assert_eq!(
        (r.status, r.header("Transfer-Encoding")),
        (402, Some("chunked"))
    );
    let v = r.json();
    assert_eq!(v["error"]["decline_code"], "insufficient_funds");
    assert_eq!(v["padding"].as_str().unwrap().len(), 100000);
    assert_eq!(get(&server.url(), "/api/slow?bytes=-1").status, 400);
    assert_eq!(get(&server.url(), "/api/slow?status=700").status, 400);
}

#[test]
fn streams_do_not_starve_each_other_and_endless_ones_end_with_the_client() {
    let (server, _dir) = server();
    let url = server.url();
    let mut endless = TcpStream::connect(addr(&url)).unwrap();
    endless
        .write_all(b"GET /api/endless HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut first = [0u8; 256];
    endless.read_exact(&mut first).unwrap();
    assert!(String::from_utf8_lossy(&first).contains("card_declined"));
    assert_eq!(server.ctx.streams.load(Ordering::SeqCst), 1);

    let started = Instant::now();
    let clients: Vec<_> = (0..100)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || get(&url, "/api/stream"))
        })
        .collect();
    for c in clients {
        let r = c.join().unwrap();
        assert_eq!((r.status, r.body.split(|b| *b == b'\n').count()), (200, 6));
    }
    // One after another they would take 100 × 200 ms.
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );

    drop(endless);
    let deadline = Instant::now() + Duration::from_secs(5);
    while server.ctx.streams.load(Ordering::SeqCst) > 0 {
        assert!(
            Instant::now() < deadline,
            "the endless stream outlived its client"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn dropping_the_server_closes_both_origins() {
    let (server, _dir) = server();
    let (a, b) = (server.url(), server.second_url());
    assert_ne!(a, b);
    assert_eq!(get(&b, "/api/ok").status, 200);
    drop(server);
    let deadline = Instant::now() + Duration::from_secs(5);
    while TcpStream::connect(addr(&a)).is_ok() || TcpStream::connect(addr(&b)).is_ok() {
        assert!(Instant::now() < deadline, "still listening after drop");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Browsers open several connections at once and keep them open between requests. Every one
/// must be answered: tiny_http's connection pool can lose the wake-up of a connection that
/// arrives while a thread it just woke has not yet run, and a kept-alive connection held that
/// thread until the browser closed it (a page's `load` then waited, as in the e2e tests).
#[test]
fn bursts_of_connections_are_all_answered_while_others_stay_open() {
    let (server, _dir) = server();
    let url = server.url();
    /// Sends a keep-alive GET and reads the answer; the stream stays open unless the server
    /// said `Connection: close`, as a browser's connection pool would do.
    fn ask(url: &str) -> Result<Option<TcpStream>, String> {
        let mut s = TcpStream::connect(addr(url)).map_err(|e| e.to_string())?;
        s.set_read_timeout(Some(Duration::from_secs(3))).unwrap();
        s.write_all(b"GET /api/ok HTTP/1.1\r\nHost: x\r\n\r\n")
            .map_err(|e| e.to_string())?;
        let mut seen = Vec::new();
        let mut buf = [0u8; 1024];
        while !String::from_utf8_lossy(&seen).contains(r#"{"ok":true}"#) {
            match s.read(&mut buf) {
                Ok(0) => return Err("closed before the answer".into()),
                Ok(n) => seen.extend_from_slice(&buf[..n]),
                Err(e) => return Err(format!("no answer within 3 s ({e})")),
            }
        }
        let close = String::from_utf8_lossy(&seen)
            .to_ascii_lowercase()
            .contains("connection: close");
        Ok((!close).then_some(s))
    }
    for round in 0..300 {
        let mut open: Vec<TcpStream> = (0..round % 6)
            .filter_map(|_| ask(&url).expect("a held connection is answered"))
            .collect();
        let start = std::sync::Arc::new(std::sync::Barrier::new(6));
        let burst: Vec<_> = (0..6)
            .map(|_| {
                let (url, start) = (url.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    ask(&url)
                })
            })
            .collect();
        for b in burst {
            match b.join().unwrap() {
                Ok(kept) => open.extend(kept),
                Err(e) => panic!("round {round}: a request of a burst was never read: {e}"),
            }
        }
    }
}
