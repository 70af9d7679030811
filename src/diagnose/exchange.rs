//! What the widget could read of one HTTP response: status, headers and a bounded body.

use super::base64;
use crate::json::Value;

/// Response headers, compared case-insensitively. Names are stored lowercased; a repeated
/// header is joined with `", "` as fetch's `Headers.get` does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Headers(Vec<(String, String)>);

impl Headers {
    pub fn new() -> Headers {
        Headers::default()
    }

    /// Adds a header; a name already present gets the value appended after `", "`.
    pub fn append(&mut self, name: &str, value: &str) {
        let name = name.trim().to_ascii_lowercase();
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => {
                v.push_str(", ");
                v.push_str(value);
            }
            None => self.0.push((name, value.to_owned())),
        }
    }

    /// The value of `name` (any casing).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }
}

impl<N: AsRef<str>, V: AsRef<str>> FromIterator<(N, V)> for Headers {
    fn from_iter<I: IntoIterator<Item = (N, V)>>(iter: I) -> Headers {
        let mut h = Headers::new();
        for (n, v) in iter {
            h.append(n.as_ref(), v.as_ref());
        }
        h
    }
}

/// What the widget could read of one HTTP response.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Exchange {
    pub status: u16,
    pub headers: Headers,
    /// The body bytes read, possibly cut at the read limit and possibly not UTF-8.
    pub body: Vec<u8>,
    /// True when the body was cut at the read limit or the read timed out.
    pub truncated: bool,
    /// The media type, when known (normally the `Content-Type` header).
    pub content_type: Option<String>,
    /// The response URL (`Response.url`), when known. Only its host is read, as evidence of
    /// which vendor answered; it never appears in a diagnosis.
    pub url: Option<String>,
    /// The host of the page that made the request, when known (the browser's `location`):
    /// a response from another site is a third party's.
    pub page_host: Option<String>,
}

impl Exchange {
    /// Reads a fixture file: a JSON object with `status`, `headers` (values are strings or
    /// arrays of strings, joined with `", "`), `body` (text) or `body_base64` (exact bytes,
    /// which wins), and optionally `truncated`, `url` (the response URL) and `page` (the URL of
    /// the page that asked). Other members (`name`, `expected_cause`, `notes`, ...) are ignored. `content_type` comes from the `Content-Type` header.
    ///
    /// ```
    /// use explain402::diagnose::Exchange;
    /// let ex = Exchange::from_fixture(r#"{"status":402,"headers":{"Content-Type":"text/plain"},"body":"pay"}"#).unwrap();
    /// assert_eq!((ex.status, ex.body.as_slice()), (402, &b"pay"[..]));
    /// assert_eq!(ex.content_type.as_deref(), Some("text/plain"));
    /// ```
    pub fn from_fixture(text: &str) -> Result<Exchange, String> {
        let v = Value::parse(text).ok_or("the fixture is not valid JSON")?;
        if v.as_object().is_none() {
            return Err("the fixture must be a JSON object".into());
        }
        let status = match v.get("status") {
            Some(Value::Number(n)) => n.parse::<u16>().map_err(|_| ["bad status ", n].concat())?,
            _ => return Err("\"status\" must be a number".into()),
        };
        let mut headers = Headers::new();
        match v.get("headers") {
            None | Some(Value::Null) => {}
            Some(Value::Object(m)) => {
                for (name, value) in m {
                    match value {
                        Value::String(s) => headers.append(name, s),
                        Value::Array(items) => {
                            for item in items {
                                let s = item
                                    .as_str()
                                    .ok_or_else(|| ["header ", name, ": not a string"].concat())?;
                                headers.append(name, s);
                            }
                        }
                        _ => return Err(["header ", name, ": not a string or array"].concat()),
                    }
                }
            }
            Some(_) => return Err("\"headers\" must be an object".into()),
        }
        let body = match (v.get("body_base64"), v.get("body")) {
            (Some(Value::String(b64)), _) => {
                base64::decode(b64).ok_or("\"body_base64\" is not valid base64")?
            }
            (Some(_), _) => return Err("\"body_base64\" must be a string".into()),
            (None, Some(Value::String(s))) => s.clone().into_bytes(),
            (None, None | Some(Value::Null)) => Vec::new(),
            (None, Some(_)) => return Err("\"body\" must be a string".into()),
        };
        let truncated = v.get("truncated").and_then(Value::as_bool).unwrap_or(false);
        let content_type = headers.get("content-type").map(str::to_owned);
        let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        Ok(Exchange {
            status,
            headers,
            body,
            truncated,
            content_type,
            url: text("url"),
            page_host: text("page").as_deref().and_then(super::input::host_of),
        })
    }
}
