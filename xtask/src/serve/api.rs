//! The `/api/` routes: fixture replay, echo, plain statuses, and slow, endless and streamed bodies.

use super::cases;
use super::http::{Part, Reply, Stream, Target};
use super::Ctx;
use serde_json::{json, Map, Value};
use std::io::Read;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// The most of a request body `/api/echo` reads and returns.
const ECHO_MAX_BODY: u64 = 1 << 20;

/// The start of every slow and endless body: enough for the widget to diagnose a declined card.
const DECLINE_PREFIX: &str = r#"{"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds."},"padding":""#;

/// Closes a slow body so that the whole of it is valid JSON.
const DECLINE_SUFFIX: &str = "\"}";

/// Limits for `/api/slow`, so that a mistyped query cannot tie the machine up.
const SLOW_MAX_BYTES: u64 = 512 << 20;
const SLOW_MAX_CHUNK: u64 = 1 << 20;
const SLOW_MAX_DELAY_MS: u64 = 10_000;

/// `/api/endless` sends a chunk this often, until the client leaves or the cap is reached.
const ENDLESS_INTERVAL: Duration = Duration::from_millis(100);
const ENDLESS_CAP: Duration = Duration::from_secs(600);

/// `/api/stream` sends this many chunks, this far apart.
const STREAM_CHUNKS: usize = 5;
const STREAM_INTERVAL: Duration = Duration::from_millis(50);

/// Answers a non-OPTIONS request under `/api`.
pub fn route(request: &mut tiny_http::Request, method: &str, target: &Target, ctx: &Ctx) -> Reply {
    let path = target.path.trim_end_matches('/');
    let segments: Vec<&str> = path.split('/').skip(2).collect();
    let result = match segments.as_slice() {
        ["ok"] => Ok(Reply::json(200, &json!({ "ok": true }))),
        ["echo"] => Ok(echo(request, method, target)),
        ["origins"] => Ok(origins(ctx)),
        ["cases"] => Ok(cases::list(ctx)),
        ["cases", name] if matches!(method, "GET" | "HEAD" | "POST") => {
            Ok(cases::replay(name, ctx))
        }
        ["cases", _] => Ok(Reply::json(
            405,
            &json!({ "error": "fixtures answer GET, HEAD and POST" }),
        )),
        ["slow"] => slow(target),
        ["endless"] => endless(target),
        ["stream"] => Ok(stream()),
        ["status", code] => status(code),
        _ => Ok(Reply::json(
            404,
            &json!({ "error": format!("no route {}", target.path) }),
        )),
    };
    let reply = result.unwrap_or_else(|problem| Reply::json(400, &json!({ "error": problem })));
    if reply.has_header("Cache-Control") {
        reply
    } else {
        reply.set_header("Cache-Control", "no-store")
    }
}

/// The request as the server saw it: method, target, headers (lower-cased names, repeated
/// values joined with ", ") and body (as text, and as base64 for exact bytes).
fn echo(request: &mut tiny_http::Request, method: &str, target: &Target) -> Reply {
    let mut headers = Map::new();
    for h in request.headers() {
        let name = h.field.as_str().as_str().to_ascii_lowercase();
        let value = match headers.get(&name).and_then(Value::as_str) {
            Some(before) => format!("{before}, {}", h.value),
            None => h.value.to_string(),
        };
        headers.insert(name, Value::String(value));
    }
    let mut body = Vec::new();
    let read = request
        .as_reader()
        .take(ECHO_MAX_BODY)
        .read_to_end(&mut body);
    let query: Map<String, Value> = target
        .query
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    Reply::json(
        200,
        &json!({
            "method": method,
            "path": target.path,
            "query": query,
            "headers": headers,
            "body": String::from_utf8_lossy(&body),
            "body_base64": cases::encode_base64(&body),
            "body_length": body.len(),
            "body_complete": read.is_ok(),
        }),
    )
}

/// `{"origins": [first, second]}`: lets a page find the other origin.
fn origins(ctx: &Ctx) -> Reply {
    let urls: Vec<String> = ctx
        .ports
        .iter()
        .map(|p| format!("http://127.0.0.1:{}", p.load(Ordering::SeqCst)))
        .collect();
    Reply::json(200, &json!({ "origins": urls }))
}

/// `?status=402&bytes=N&chunk=65536&delay_ms=M`: a diagnosable JSON prefix, N bytes of padding
/// in chunks M ms apart, then the closing `"}`.
fn slow(target: &Target) -> Result<Reply, String> {
    let status = status_param(target)?;
    let bytes = target.query_u64("bytes", 1 << 20, SLOW_MAX_BYTES)?;
    let chunk = target.query_u64("chunk", 65536, SLOW_MAX_CHUNK)?.max(1);
    let delay = Duration::from_millis(target.query_u64("delay_ms", 20, SLOW_MAX_DELAY_MS)?);
    let padding = (0..bytes.div_ceil(chunk)).flat_map(move |i| {
        let len = chunk.min(bytes - i * chunk) as usize;
        [Part::Wait(delay), Part::Bytes(vec![b'x'; len])]
    });
    let parts = std::iter::once(Part::Bytes(DECLINE_PREFIX.into()))
        .chain(padding)
        .chain(std::iter::once(Part::Bytes(DECLINE_SUFFIX.into())));
    Ok(streamed(status, "application/json", parts))
}

/// `?status=402&chunk=1024`: a diagnosable JSON prefix, then a chunk of padding every 100 ms
/// until the client disconnects (or ten minutes pass).
fn endless(target: &Target) -> Result<Reply, String> {
    let status = status_param(target)?;
    let chunk = target.query_u64("chunk", 1024, SLOW_MAX_CHUNK)?.max(1) as usize;
    let deadline = Instant::now() + ENDLESS_CAP;
    let padding = std::iter::repeat_with(move || {
        [Part::Wait(ENDLESS_INTERVAL), Part::Bytes(vec![b'x'; chunk])]
    })
    .take_while(move |_| Instant::now() < deadline)
    .flatten();
    let parts = std::iter::once(Part::Bytes(DECLINE_PREFIX.into())).chain(padding);
    Ok(streamed(status, "application/json", parts))
}

/// Five lines of text, 50 ms apart: shows that streaming passes through the widget.
fn stream() -> Reply {
    let parts = (1..=STREAM_CHUNKS).flat_map(|i| {
        let wait = if i == 1 {
            Duration::ZERO
        } else {
            STREAM_INTERVAL
        };
        [
            Part::Wait(wait),
            Part::Bytes(format!("chunk {i} of {STREAM_CHUNKS}\n").into_bytes()),
        ]
    });
    streamed(200, "text/plain; charset=utf-8", parts)
}

/// `/api/status/<code>`: that status with `{"error": "<reason>"}`.
fn status(code: &str) -> Result<Reply, String> {
    let code = code
        .parse::<u16>()
        .ok()
        .filter(|c| (200..=599).contains(c))
        .ok_or("status must be 200 to 599")?;
    if code == 204 || code == 304 {
        return Ok(Reply::Full {
            status: code,
            headers: Vec::new(),
            body: Vec::new(),
        });
    }
    let reason = tiny_http::StatusCode(code).default_reason_phrase();
    Ok(Reply::json(code, &json!({ "error": reason })))
}

fn status_param(target: &Target) -> Result<u16, String> {
    let status = target.query_u64("status", 402, 599)?;
    u16::try_from(status)
        .ok()
        .filter(|s| *s >= 200)
        .ok_or_else(|| "status must be 200 to 599".to_string())
}

fn streamed(
    status: u16,
    content_type: &str,
    parts: impl Iterator<Item = Part> + Send + 'static,
) -> Reply {
    Reply::Stream(Stream {
        status,
        headers: vec![("Content-Type".into(), content_type.into())],
        parts: Box::new(parts),
    })
}
