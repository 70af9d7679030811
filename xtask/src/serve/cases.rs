//! `/api/cases`: the fixtures in `tests/fixtures/*.json`, listed and replayed byte for byte.
//!
//! A fixture is `{name, status, headers, body | body_base64, expected_cause, title?, ...}`; a
//! header value is a string or an array of strings (sent as repeated header lines). Fixtures are
//! read at request time, so a new file shows up without a restart.

use super::http::Reply;
use super::Ctx;
use serde_json::{json, Value};
use std::path::Path;

/// Lists every readable fixture as `{name, status, expected_cause, title?}`, sorted by name.
pub fn list(ctx: &Ctx) -> Reply {
    let mut cases: Vec<Value> = load_all(&ctx.fixtures)
        .into_iter()
        .map(|(name, fixture)| {
            let mut case = json!({
                "name": name,
                "status": fixture.get("status").cloned().unwrap_or(Value::Null),
                "expected_cause": fixture.get("expected_cause").cloned().unwrap_or(Value::Null),
            });
            if let (Some(title), Some(obj)) = (
                fixture.get("title").filter(|t| t.is_string()),
                case.as_object_mut(),
            ) {
                obj.insert("title".into(), title.clone());
            }
            case
        })
        .collect();
    cases.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
    Reply::json(200, &Value::Array(cases))
}

/// Replays the fixture called `name`: its status, headers and exact body bytes.
pub fn replay(name: &str, ctx: &Ctx) -> Reply {
    let Some(fixture) = find(&ctx.fixtures, name) else {
        return Reply::json(
            404,
            &json!({ "error": format!("no fixture named {name:?}") }),
        );
    };
    match response_of(&fixture) {
        Ok(reply) if reply.has_header("Cache-Control") => reply,
        Ok(reply) => reply.set_header("Cache-Control", "no-store"),
        Err(problem) => Reply::json(
            500,
            &json!({ "error": format!("fixture {name:?}: {problem}") }),
        ),
    }
}

/// The response a fixture describes. `Access-Control-*` headers are left out: the server sets
/// CORS itself, so that `?expose=1` is the only thing that exposes headers.
fn response_of(fixture: &Value) -> Result<Reply, String> {
    let status = fixture
        .get("status")
        .and_then(Value::as_u64)
        .and_then(|s| u16::try_from(s).ok())
        .filter(|s| (200..=599).contains(s))
        .ok_or("status must be a number from 200 to 599")?;
    let mut headers = Vec::new();
    if let Some(map) = fixture.get("headers").and_then(Value::as_object) {
        for (name, value) in map {
            if name.to_ascii_lowercase().starts_with("access-control-") {
                continue;
            }
            let values = match value {
                Value::String(s) => vec![s.as_str()],
                Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            headers.extend(values.into_iter().map(|v| (name.clone(), v.to_string())));
        }
    }
    let body = match (fixture.get("body_base64"), fixture.get("body")) {
        (Some(Value::String(b64)), _) => {
            decode_base64(b64).ok_or("body_base64 is not valid base64")?
        }
        (_, Some(Value::String(text))) => text.clone().into_bytes(),
        _ => Vec::new(),
    };
    Ok(Reply::Full {
        status,
        headers,
        body,
    })
}

/// Every parsable `*.json` in `dir` with its name (the `name` field, else the file stem).
fn load_all(dir: &Path) -> Vec<(String, Value)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| {
            let fixture: Value = serde_json::from_slice(&std::fs::read(&p).ok()?).ok()?;
            let stem = p.file_stem()?.to_str()?.to_string();
            let name = fixture
                .get("name")
                .and_then(Value::as_str)
                .map_or(stem, str::to_string);
            Some((name, fixture))
        })
        .collect()
}

/// The fixture named `name`: `<name>.json` if its name matches, else any file whose `name` does.
fn find(dir: &Path, name: &str) -> Option<Value> {
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return None;
    }
    let direct = std::fs::read(dir.join(format!("{name}.json"))).ok();
    let direct = direct.and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok());
    match direct {
        Some(f)
            if f.get("name")
                .and_then(Value::as_str)
                .is_none_or(|n| n == name) =>
        {
            Some(f)
        }
        _ => load_all(dir)
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, f)| f),
    }
}

/// The same base64 reader the widget uses for x402 headers and fixtures.
pub use explain402::diagnose::decode_base64;

/// Standard base64 with padding.
pub fn encode_base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= group.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{decode_base64, encode_base64};

    #[test]
    fn base64_round_trips() {
        for bytes in [&b""[..], b"f", b"fo", b"foo", b"\xff\x00\x01\x02\xfe"] {
            assert_eq!(decode_base64(&encode_base64(bytes)).as_deref(), Some(bytes));
        }
        assert_eq!(encode_base64(b"fo"), "Zm8=");
        assert_eq!(decode_base64("Zm8"), Some(b"fo".to_vec()));
        assert_eq!(decode_base64("Z!"), None);
    }
}
