//! `cargo xtask serve` and `cargo xtask demo`: the demo and test server, on two origins.
//!
//! Both origins serve the same routes. The second origin exists so pages can make cross-origin
//! requests and see what CORS hides from the widget.
//!
//! ```text
//! /...                  www/ (index.html for folders); pages under /csp/ get a strict CSP
//! /dist/...             dist/ (also readable cross-origin, as from a CDN)
//! /csp-nowasm/...       www/csp-nowasm/ under the strict CSP minus 'wasm-unsafe-eval'
//! /broken-dist/explain402.js   the loader alone: its glue and WASM answer 404
//! /bench/sweetalert2.all.min.js   node_modules/sweetalert2/dist/…, the benchmark's comparison
//! /api/cases            [{name, status, expected_cause, title?}] for tests/fixtures/*.json
//! /api/cases/<name>     replays that fixture: status, headers, exact body
//! /api/ok               200 {"ok":true}
//! /api/echo             200 with the request's method, headers and body
//! /api/origins          {"origins": [first, second]}
//! /api/status/<code>    that status with {"error": "<reason>"}
//! /api/slow?status=402&bytes=N&chunk=65536&delay_ms=M    a big JSON body, trickled
//! /api/endless?status=402&chunk=1024                     a body that never ends
//! /api/stream           200 text in five chunks, 50 ms apart
//! ```
//!
//! Every `/api` response allows any origin and answers preflights; `?expose=1` adds
//! `Access-Control-Expose-Headers` with the headers the widget reads. For the tests of
//! `cargo xtask check`, `?cors=0` leaves every CORS header out and `?cache=VALUE` sets
//! `Cache-Control`.
//!
//! # Design
//!
//! tiny_http parses requests on its own connection threads; every request then gets a thread of
//! its own, so a slow or endless response never delays another request. Streaming responses are
//! written by hand on the raw connection (`Request::into_writer`) because tiny_http buffers a
//! streamed body into 8 KiB chunks and flushes it only at the end.
//!
//! Every reply is written that way, with `Connection: close`. tiny_http 0.12 hands connections to
//! a thread pool that can lose a wake-up: when connections arrive faster than the idle threads it
//! just woke start running (a browser opening several at once for a page), one stays queued
//! until a pool thread is free, and a kept-alive connection keeps its thread until the browser
//! closes it. A page's request then went unanswered, and its `load` event never came, for as
//! long as the browser kept its other connections (the e2e test of `/csp-nowasm/`). A connection
//! per request frees each thread as soon as its reply is sent, so a queued one waits
//! milliseconds; tiny_http does not let a reply carry `Connection`, hence the hand-written ones.

mod api;
mod cases;
mod files;
mod http;

use crate::Result;
use http::Reply;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU16, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Instant;

/// The port `cargo xtask serve` and `cargo xtask demo` listen on; the second origin is the next one.
const DEFAULT_PORT: u16 = 8402;

/// A running server on two origins; dropping it stops both.
pub struct Server {
    origins: Vec<Origin>,
    ctx: Arc<Ctx>,
}

struct Origin {
    http: Arc<tiny_http::Server>,
    port: u16,
    thread: Option<JoinHandle<()>>,
}

/// What every request handler may look at.
struct Ctx {
    /// Served at `/`.
    www: PathBuf,
    /// Served at `/dist/`.
    dist: PathBuf,
    /// `*.json` fixtures replayed under `/api/cases/`.
    fixtures: PathBuf,
    /// The npm dev dependencies, of which `/bench/` serves a few named files.
    node_modules: PathBuf,
    /// Log one line per request.
    verbose: bool,
    /// Set when the server is dropped; streaming responses stop at their next chunk.
    stop: AtomicBool,
    /// Streaming responses currently being written (so tests can see endless ones end).
    streams: AtomicUsize,
    /// The ports of both origins once listening, for `/api/origins`.
    ports: [AtomicU16; 2],
}

impl Server {
    /// The first origin, e.g. `http://127.0.0.1:8402`.
    pub fn url(&self) -> String {
        self.origin_url(0)
    }

    /// The second origin, e.g. `http://127.0.0.1:8403`.
    pub fn second_url(&self) -> String {
        self.origin_url(1)
    }

    fn origin_url(&self, i: usize) -> String {
        let port = self.origins.get(i).map_or(0, |o| o.port);
        format!("http://127.0.0.1:{port}")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.ctx.stop.store(true, Ordering::SeqCst);
        for origin in &mut self.origins {
            origin.http.unblock();
            if let Some(thread) = origin.thread.take() {
                let _ = thread.join();
            }
        }
    }
}

/// Starts serving the repository's `www/`, `dist/` and `tests/fixtures/` on 127.0.0.1 in
/// background threads. A port of 0 picks a free one (see [`Server::url`]).
pub fn start(port: u16, second_port: u16) -> Result<Server> {
    start_with(Ctx::for_repository(false), port, second_port)
}

/// `cargo xtask serve [--port N] [--verbose]`: serves on N and N+1 until Ctrl-C.
pub fn run(args: &[String]) -> Result {
    serve_forever(args, "serve")
}

/// `cargo xtask demo [--port N] [--verbose]`: installs what is missing, builds, then serves.
pub fn demo(args: &[String]) -> Result {
    crate::setup::ensure_build_tools()?;
    crate::build::build_dist()?;
    serve_forever(args, "demo")
}

fn serve_forever(args: &[String], what: &str) -> Result {
    let port = match crate::flag(args, "--port") {
        Some(p) => p
            .parse::<u16>()
            .map_err(|_| format!("--port {p}: not a port number"))?,
        None => DEFAULT_PORT,
    };
    let second = match port {
        0 => 0,
        p => p
            .checked_add(1)
            .ok_or("--port: no room for the second origin")?,
    };
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let server = start_with(Ctx::for_repository(verbose), port, second)?;
    println!(
        "explain402 {what}: {}/  (second origin: {}/)",
        server.url(),
        server.second_url()
    );
    println!(
        "  end-to-end pages: {}/e2e/   strict CSP: {}/csp/",
        server.url(),
        server.url()
    );
    println!("  Ctrl-C to stop.");
    loop {
        std::thread::park();
    }
}

impl Ctx {
    fn for_repository(verbose: bool) -> Ctx {
        let root = crate::root();
        Ctx::new(
            root.join("www"),
            crate::dist_dir(),
            root.join("tests/fixtures"),
            root.join("node_modules"),
            verbose,
        )
    }

    fn new(
        www: PathBuf,
        dist: PathBuf,
        fixtures: PathBuf,
        node_modules: PathBuf,
        verbose: bool,
    ) -> Ctx {
        Ctx {
            www,
            dist,
            fixtures,
            node_modules,
            verbose,
            stop: AtomicBool::new(false),
            streams: AtomicUsize::new(0),
            ports: [AtomicU16::new(0), AtomicU16::new(0)],
        }
    }
}

fn start_with(ctx: Ctx, port: u16, second_port: u16) -> Result<Server> {
    let ctx = Arc::new(ctx);
    let mut server = Server {
        origins: Vec::new(),
        ctx: ctx.clone(),
    };
    for (i, p) in [port, second_port].into_iter().enumerate() {
        // On error, `server` drops here and stops the origin already started.
        let origin = listen(&ctx, p)?;
        if let Some(slot) = ctx.ports.get(i) {
            slot.store(origin.port, Ordering::SeqCst);
        }
        server.origins.push(origin);
    }
    Ok(server)
}

fn listen(ctx: &Arc<Ctx>, port: u16) -> Result<Origin> {
    let http = bind(port)
        .map_err(|e| e.to_string())
        .and_then(|l| tiny_http::Server::from_listener(l, None).map_err(|e| e.to_string()))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let port = http.server_addr().to_ip().map_or(port, |a| a.port());
    let http = Arc::new(http);
    let (h, c) = (http.clone(), ctx.clone());
    let thread = std::thread::Builder::new()
        .name(format!("serve-{port}"))
        .spawn(move || accept(&h, &c))
        .map_err(|e| format!("cannot start the server thread: {e}"))?;
    Ok(Origin {
        http,
        port,
        thread: Some(thread),
    })
}

/// A loopback listener whose connections send at once.
///
/// # Design
/// tiny_http writes through a small buffer, and with Nagle's algorithm on, every response over
/// about 1 KiB waited some 40 ms for the browser's delayed ACK. Linux hands `TCP_NODELAY` from
/// the listening socket to every accepted one, so it is set here, once.
fn bind(port: u16) -> std::io::Result<std::net::TcpListener> {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None)?;
    socket.set_tcp_nodelay(true)?;
    socket.set_reuse_address(true)?;
    socket.bind(&std::net::SocketAddr::from(([127, 0, 0, 1], port)).into())?;
    socket.listen(1024)?;
    Ok(socket.into())
}

/// Hands every request to a thread of its own until the server is dropped.
fn accept(http: &tiny_http::Server, ctx: &Arc<Ctx>) {
    while !ctx.stop.load(Ordering::SeqCst) {
        let Ok(request) = http.recv() else { continue };
        let ctx = ctx.clone();
        // If no thread can be spawned the request is dropped, which answers 500.
        let _ = std::thread::Builder::new().spawn(move || respond(request, &ctx));
    }
}

fn respond(mut request: tiny_http::Request, ctx: &Ctx) {
    let started = Instant::now();
    let line = format!("{} {}", request.method(), request.url());
    let reply = route(&mut request, ctx);
    let status = reply.status();
    // One line per request: a streamed reply is logged when it starts, since it may never end.
    if ctx.verbose && matches!(reply, Reply::Stream(_)) {
        eprintln!("{line} -> {status} streaming");
    }
    let full = matches!(reply, Reply::Full { .. });
    let sent = reply.send(request, ctx);
    if ctx.verbose && full {
        let ms = started.elapsed().as_millis();
        let gone = if sent.is_err() {
            " (client went away)"
        } else {
            ""
        };
        eprintln!("{line} -> {status} {ms} ms{gone}");
    }
}

/// Picks the handler for a request; never panics, whatever the request.
fn route(request: &mut tiny_http::Request, ctx: &Ctx) -> Reply {
    let Some(target) = http::Target::parse(request.url()) else {
        return Reply::json(400, &serde_json::json!({ "error": "bad request target" }));
    };
    let method = request.method().as_str().to_ascii_uppercase();
    if target.path == "/api" || target.path.starts_with("/api/") {
        let reply = if method == "OPTIONS" {
            http::preflight(request)
        } else {
            api::route(request, &method, &target, ctx)
        };
        // Cases built to fail `cargo xtask check`: `?cors=0` sends no CORS headers at all,
        // `?cache=VALUE` replaces `Cache-Control`.
        let reply = match target.query("cache") {
            Some(value) => reply.set_header("Cache-Control", value),
            None => reply,
        };
        if target.query_is("cors", "0") {
            return reply;
        }
        return reply.with_cors(target.query_is("expose", "1"));
    }
    if method != "GET" && method != "HEAD" {
        return Reply::json(
            405,
            &serde_json::json!({ "error": "static files answer GET and HEAD only" }),
        );
    }
    files::serve(&target, ctx)
}

#[cfg(test)]
mod tests;
