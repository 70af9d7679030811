//! HTTP plumbing for the server: request targets, replies, CORS, and hand-written replies.

use super::Ctx;
use std::io::{self, Write};
use std::sync::atomic::Ordering;
use std::time::Duration;

/// Headers the server computes itself; copies from a fixture or handler are dropped.
const HOP_BY_HOP: &[&str] = &[
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "upgrade",
    "trailer",
];

/// What `Access-Control-Expose-Headers` lists when a request asks for it with `?expose=1`.
const EXPOSED: &str = "WWW-Authenticate, PAYMENT-REQUIRED, PAYMENT-RESPONSE, X-PAYMENT-RESPONSE, Retry-After, \
    Request-Id, X-Request-Id, CF-Ray, cf-mitigated, X-RateLimit-Remaining, X-RateLimit-Reset, crawler-price";

/// The longest single sleep in a stream, so that a stopping server is noticed quickly.
const SLEEP_SLICE: Duration = Duration::from_millis(100);

/// A request target split into a percent-decoded path and decoded query pairs.
#[derive(Debug, PartialEq)]
pub struct Target {
    pub path: String,
    pub query: Vec<(String, String)>,
}

impl Target {
    /// `None` for anything that is not an origin-form target with a UTF-8 path free of NUL.
    pub fn parse(url: &str) -> Option<Target> {
        if !url.starts_with('/') {
            return None;
        }
        let url = url.split('#').next().unwrap_or_default();
        let (raw_path, raw_query) = url.split_once('?').unwrap_or((url, ""));
        let path = percent_decode(raw_path, false)?;
        if path.contains('\0') {
            return None;
        }
        let query = raw_query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .filter_map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                Some((percent_decode(k, true)?, percent_decode(v, true)?))
            })
            .collect();
        Some(Target { path, query })
    }

    /// The first value given for `key`.
    pub fn query(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn query_is(&self, key: &str, value: &str) -> bool {
        self.query(key) == Some(value)
    }

    /// A numeric query parameter within `max`, or `default` when absent.
    pub fn query_u64(&self, key: &str, default: u64, max: u64) -> Result<u64, String> {
        match self.query(key) {
            None | Some("") => Ok(default),
            Some(v) => match v.parse::<u64>() {
                Ok(n) if n <= max => Ok(n),
                _ => Err(format!("{key} must be a whole number up to {max}")),
            },
        }
    }
}

/// Decodes `%XX` escapes (and `+` as a space in query strings); `None` if the result is not UTF-8.
pub fn percent_decode(s: &str, plus_is_space: bool) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|c| (*c as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b'+', _, _) if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// What a handler answers: a whole body, or a body written piece by piece.
pub enum Reply {
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    Stream(Stream),
}

/// A response streamed with chunked transfer encoding, one flushed chunk per [`Part::Bytes`].
pub struct Stream {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub parts: Box<dyn Iterator<Item = Part> + Send>,
}

pub enum Part {
    Bytes(Vec<u8>),
    Wait(Duration),
}

impl Reply {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Full {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    pub fn json(status: u16, value: &serde_json::Value) -> Reply {
        Reply::new(status, "application/json", value.to_string())
    }

    pub fn status(&self) -> u16 {
        match self {
            Reply::Full { status, .. } | Reply::Stream(Stream { status, .. }) => *status,
        }
    }

    fn headers_mut(&mut self) -> &mut Vec<(String, String)> {
        match self {
            Reply::Full { headers, .. } | Reply::Stream(Stream { headers, .. }) => headers,
        }
    }

    /// Sets a header, replacing any others of the same name.
    pub fn set_header(mut self, name: &str, value: &str) -> Reply {
        let headers = self.headers_mut();
        headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        headers.push((name.into(), value.into()));
        self
    }

    pub fn has_header(&self, name: &str) -> bool {
        match self {
            Reply::Full { headers, .. } | Reply::Stream(Stream { headers, .. }) => {
                headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
            }
        }
    }

    /// The CORS headers every `/api` response carries; exposed headers only when asked.
    pub fn with_cors(self, expose: bool) -> Reply {
        let reply = self.set_header("Access-Control-Allow-Origin", "*");
        if expose {
            reply.set_header("Access-Control-Expose-Headers", EXPOSED)
        } else {
            reply
        }
    }

    /// Writes the reply with `Connection: close` (see the design notes in `serve.rs`); `Err`
    /// when the client went away before the end.
    pub fn send(self, request: tiny_http::Request, ctx: &Ctx) -> io::Result<()> {
        match self {
            Reply::Full {
                status,
                headers,
                body,
            } => {
                let head_only = *request.method() == tiny_http::Method::Head;
                // 1xx, 204 and 304 have no body, nor a length.
                let bodiless = matches!(status, 100..=199 | 204 | 304);
                let mut out = request.into_writer();
                let mut head = head(status, &headers);
                if !bodiless {
                    head.push_str(&format!("Content-Length: {}\r\n", body.len()));
                }
                head.push_str("Connection: close\r\n\r\n");
                out.write_all(head.as_bytes())?;
                if !head_only && !bodiless {
                    out.write_all(&body)?;
                }
                out.flush()
            }
            Reply::Stream(stream) => stream.send(request, ctx),
        }
    }
}

/// The status line and the headers of a reply written by hand, without the blank line.
fn head(status: u16, headers: &[(String, String)]) -> String {
    let reason = tiny_http::StatusCode(status).default_reason_phrase();
    let mut head = format!("HTTP/1.1 {status} {reason}\r\n");
    for (name, value) in headers {
        if to_header(name, value).is_some() {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    head
}

/// A tiny_http header, or `None` for hop-by-hop names and values that are not visible ASCII.
fn to_header(name: &str, value: &str) -> Option<tiny_http::Header> {
    let token = |c: u8| c.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&c);
    let visible = |c: u8| c == b'\t' || (b' '..=b'~').contains(&c);
    if name.is_empty()
        || !name.bytes().all(token)
        || !value.bytes().all(visible)
        || HOP_BY_HOP.iter().any(|h| name.eq_ignore_ascii_case(h))
    {
        return None;
    }
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

/// The answer to a CORS preflight: any method, any requested headers.
pub fn preflight(request: &tiny_http::Request) -> Reply {
    let asked = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Access-Control-Request-Headers"))
        .map_or("*", |h| h.value.as_str());
    Reply::Full {
        status: 204,
        headers: Vec::new(),
        body: Vec::new(),
    }
    .set_header(
        "Access-Control-Allow-Methods",
        "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
    )
    .set_header("Access-Control-Allow-Headers", asked)
    .set_header("Access-Control-Max-Age", "600")
}

impl Stream {
    fn send(self, request: tiny_http::Request, ctx: &Ctx) -> io::Result<()> {
        let head_only = *request.method() == tiny_http::Method::Head;
        let chunked = *request.http_version() != tiny_http::HTTPVersion(1, 0);
        let mut out = request.into_writer();
        let mut head = head(self.status, &self.headers);
        if chunked {
            head.push_str("Transfer-Encoding: chunked\r\n");
        }
        head.push_str("Connection: close\r\n\r\n");
        out.write_all(head.as_bytes())?;
        out.flush()?;
        if head_only {
            return Ok(());
        }
        let _active = ActiveStream::enter(ctx);
        for part in self.parts {
            if ctx.stop.load(Ordering::SeqCst) {
                break;
            }
            match part {
                Part::Wait(d) => sleep(d, ctx),
                Part::Bytes(b) if b.is_empty() => {}
                Part::Bytes(b) if chunked => {
                    out.write_all(format!("{:x}\r\n", b.len()).as_bytes())?;
                    out.write_all(&b)?;
                    out.write_all(b"\r\n")?;
                    out.flush()?;
                }
                Part::Bytes(b) => {
                    out.write_all(&b)?;
                    out.flush()?;
                }
            }
        }
        if chunked {
            out.write_all(b"0\r\n\r\n")?;
        }
        out.flush()
    }
}

fn sleep(total: Duration, ctx: &Ctx) {
    let mut left = total;
    while !left.is_zero() && !ctx.stop.load(Ordering::SeqCst) {
        let slice = left.min(SLEEP_SLICE);
        std::thread::sleep(slice);
        left -= slice;
    }
}

/// Counts a stream as active for as long as it lives.
struct ActiveStream<'a>(&'a Ctx);

impl<'a> ActiveStream<'a> {
    fn enter(ctx: &'a Ctx) -> ActiveStream<'a> {
        ctx.streams.fetch_add(1, Ordering::SeqCst);
        ActiveStream(ctx)
    }
}

impl Drop for ActiveStream<'_> {
    fn drop(&mut self) {
        self.0.streams.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::Target;

    #[test]
    fn targets_are_decoded_and_bad_ones_refused() {
        let t = Target::parse("/a%20b/c?x=1&y=a+b%21&z&&=v").unwrap();
        assert_eq!(t.path, "/a b/c");
        let query: Vec<(&str, &str)> = t
            .query
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(query, [("x", "1"), ("y", "a b!"), ("z", ""), ("", "v")]);
        assert!(t.query_is("x", "1") && !t.query_is("x", "2"));
        assert_eq!(t.query_u64("x", 9, 10), Ok(1));
        assert_eq!(t.query_u64("missing", 9, 10), Ok(9));
        assert!(t.query_u64("y", 9, 10).is_err());
        assert_eq!(Target::parse("/a+b").unwrap().path, "/a+b");
        assert_eq!(Target::parse("/100%").unwrap().path, "/100%");
        for bad in ["http://example.com/", "*", "", "/%ff", "/a%00b"] {
            assert_eq!(Target::parse(bad), None, "{bad:?}");
        }
    }
}
