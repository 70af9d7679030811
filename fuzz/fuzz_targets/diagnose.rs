//! Fuzz target: any bytes become an `Exchange` (and, when they parse, integrator rules), and go
//! through the whole engine: protocols, every vendor pack, the fallback, the status.
//!
//! Input layout: two bytes of status (big endian), then header lines `name: value` up to the
//! first NUL byte, then the body. An odd number of bytes after the status marks the body as
//! truncated. Besides "never panic", it checks that every rejection status gets a cause.

#![no_main]

use explain402::diagnose::{diagnose_at, diagnose_with, trace, Exchange, Headers, Rules};
use explain402::json::Value;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((status, rest)) = data.split_first_chunk::<2>() else {
        return;
    };
    let status = u16::from_be_bytes(*status);
    let (head, body) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (&rest[..0], rest),
    };
    let mut headers = Headers::new();
    for line in String::from_utf8_lossy(head).lines() {
        if let Some((name, value)) = line.split_once(':') {
            headers.append(name, value.trim_start());
        }
    }
    let content_type = headers.get("content-type").map(str::to_owned);
    let ex = Exchange {
        status,
        headers,
        body: body.to_vec(),
        truncated: rest.len() % 2 == 1,
        content_type,
        // Every third input comes from a vendor's host, so host-matched packs are reached too.
        url: (status % 3 == 0).then(|| "https://api.stripe.com/v1/charges".to_owned()),
        page_host: None,
    };

    let mut warnings = Vec::new();
    let rules = match Value::parse(&String::from_utf8_lossy(body)) {
        Some(v) => Rules::parse(&v, &mut warnings),
        None => Rules::default(),
    };
    let plain = diagnose_with(&ex, &Rules::default());
    if matches!(status, 401 | 402 | 403 | 407 | 429) {
        assert!(plain.is_some(), "status {status} without a cause");
    }
    let _ = diagnose_with(&ex, &rules);
    let _ = diagnose_at(&ex, &rules, Some(1_777_636_800));
    // Each pack switched off in turn reaches the fallback for its own vendor's shapes.
    let _ = trace(&ex, &Rules::default(), None, Some("stripe"));
});
