// In-page half of tests/e2e/hostile.test.mjs. `installHostile` runs inside the page (through
// `page.evaluate`), so it is self-contained: it sets the XSS trap, builds hostile responses as
// real `Response` objects, hands them to `Explain402.handle` one at a time and inspects every
// panel it draws. Nothing here throws on a finding; findings come back as `violations`.

export function installHostile() {
  // The trap: every payload that could run script sets __pwned or calls one of these.
  window.__pwned = 0;
  const trap = () => {
    window.__pwned++;
  };
  Object.assign(window, { alert: trap, confirm: trap, prompt: trap, print: trap });

  /** Elements that have no business in a panel: they run script, load things or restyle. */
  const BAD_TAGS = new Set([
    "script", "iframe", "frame", "frameset", "object", "embed", "style", "link", "meta", "base",
    "img", "svg", "math", "form", "input", "textarea", "template", "video", "audio", "source",
    "marquee", "noscript",
  ]);
  const LINK_SCHEMES = ["https:", "http:", "mailto:"];
  const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
  const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
  /** Attributes that load or run something, or restyle: a panel needs none of them. */
  const ACTIVE_ATTRIBUTE = /^(on|src|srcdoc|srcset|action|formaction|data$|poster|background|xlink:href|style$|http-equiv)/i;
  /** Upper bounds on what a panel shows, in characters. */
  const MAX = { title: 300, explanation: 1_100, step: 600, row: 300, total: 12_000 };

  // Dangerous elements added to the page itself (outside any shadow root).
  const lightDom = [];
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) if (n.nodeType === 1 && BAD_TAGS.has(n.localName)) lightDom.push(n.localName);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  const panels = () => [...document.querySelectorAll("[data-explain402]")];
  const hosts = () => [...document.querySelectorAll("[data-explain402], [data-explain402-stack]")];

  /** Everything wrong with the panels now in the page; `label` names the case. */
  function inspect(label) {
    const v = [];
    const bad = (what) => v.push(`${label}: ${what}`);
    const clip = (s) => JSON.stringify(s.length > 60 ? s.slice(0, 60) + "…" : s);
    const checkAttributes = (el) => {
      for (const a of el.attributes) {
        if (ACTIVE_ATTRIBUTE.test(a.name)) bad(`<${el.localName} ${a.name}=${clip(a.value)}>`);
      }
    };
    for (const host of hosts()) {
      checkAttributes(host);
      const root = host.shadowRoot;
      if (!root) {
        bad("a panel host without a shadow root");
        continue;
      }
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.nodeType === Node.TEXT_NODE) {
          if (BIDI.test(n.data)) bad(`bidi control in text ${clip(n.data)}`);
          if (CONTROL.test(n.data)) bad(`control character in text ${clip(n.data)}`);
          continue;
        }
        if (BAD_TAGS.has(n.localName)) bad(`<${n.localName}> in the shadow DOM`);
        checkAttributes(n);
        if (n.localName === "a" && n.hasAttribute("href")) {
          let scheme = "unparsable:";
          try {
            scheme = new URL(n.href).protocol;
          } catch (e) {}
          if (!LINK_SCHEMES.includes(scheme)) bad(`link with scheme ${scheme} (${clip(n.getAttribute("href"))})`);
          const rel = (n.getAttribute("rel") || "").split(/\s+/);
          if (!rel.includes("noopener") || !rel.includes("noreferrer")) bad(`link rel=${clip(rel.join(" "))}`);
        }
      }
      const len = (sel, max, what) => {
        for (const el of root.querySelectorAll(sel)) {
          if (el.textContent.length > max) bad(`${what} of ${el.textContent.length} characters`);
        }
      };
      len("h2", MAX.title, "title");
      len(".explanation", MAX.explanation, "explanation");
      len("li", MAX.step, "step");
      len("dd, dt, a, button", MAX.row, "row or label");
      if (root.textContent.length > MAX.total) bad(`panel text of ${root.textContent.length} characters`);
    }
    for (const tag of lightDom.splice(0)) bad(`<${tag}> added to the page`);
    if ({}.polluted !== undefined || Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")) {
      bad("Object.prototype was polluted");
    }
    return v;
  }

  /** Resolves when `ready()` holds (checked on every DOM change), or false after `ms`. */
  const until = (ready, ms = 5_000) =>
    new Promise((resolve) => {
      if (ready()) return resolve(true);
      const mo = new MutationObserver(() => ready() && done(true));
      const timer = setTimeout(() => done(false), ms);
      const done = (ok) => {
        mo.disconnect();
        clearTimeout(timer);
        resolve(ok);
      };
      mo.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    });

  async function dismissAll() {
    window.Explain402.dismiss();
    return until(() => panels().length === 0);
  }

  /** UTF-8 bytes of `s` as a binary string (what a header carrying UTF-8 looks like to fetch). */
  const utf8Binary = (s) => {
    const bytes = new TextEncoder().encode(s);
    let out = "";
    for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return out;
  };
  const b64 = (s) => btoa(utf8Binary(s));
  /** A header value as a hostile server could send it: UTF-8 bytes, minus what HTTP forbids. */
  const header = (s) => utf8Binary(s).replace(/[\0\r\n]/g, "");
  const json = (status, body, headers = {}, type = "application/json") => ({
    status,
    headers: { "content-type": type, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

  const x402v1 = (edit) => {
    const a = {
      scheme: "exact", network: "base-sepolia", maxAmountRequired: "10000",
      resource: "https://api.example.com/premium-data", description: "Access to premium market data",
      mimeType: "application/json", payTo: "0x209693Bc6afc0C5328bA36FaF03C514EF312287C", maxTimeoutSeconds: 60,
      asset: "0x036CbD53842c5426634e7929541eC2318f3dCF7e", extra: { name: "USDC", version: "2" },
    };
    const body = { x402Version: 1, error: "X-PAYMENT header is required", accepts: [a] };
    edit(a, body);
    return json(402, body);
  };
  const x402v2 = (edit) => {
    const req = {
      x402Version: 2, error: "Payment required",
      resource: { url: "https://api.example.com/premium-data", description: "Premium data", mimeType: "application/json" },
      accepts: [{
        scheme: "exact", network: "eip155:84532", amount: "10000", asset: "0x036CbD53842c5426634e7929541eC2318f3dCF7e",
        payTo: "0x209693Bc6afc0C5328bA36FaF03C514EF312287C", maxTimeoutSeconds: 60, extra: { name: "USDC", version: "2" },
      }],
    };
    edit(req);
    return json(402, {}, { "payment-required": b64(JSON.stringify(req)) });
  };
  const stripe = (edit, headers) => {
    const error = {
      type: "card_error", code: "expired_card", decline_code: "expired_card", message: "Your card has expired.",
      doc_url: "https://stripe.com/docs/error-codes/expired-card", param: "exp_month",
    };
    edit(error);
    return json(402, { error }, headers);
  };
  const problem = (edit) => {
    const p = { type: "https://example.com/probs/out-of-credit", title: "You do not have enough credit.", status: 402, detail: "Your balance is 30, but that costs 50.", instance: "/account/12345/msgs/abc" };
    edit(p);
    return json(402, p, {}, "application/problem+json");
  };
  const stripeHeaders = (h) => stripe(() => {}, h);

  /** Response fields the widget reads: [group, [field, (payload) => response]]. */
  const FIELDS = {
    "x402 v1 body": [
      ["description", (p) => x402v1((a) => (a.description = p))],
      ["resource", (p) => x402v1((a) => (a.resource = p))],
      ["asset", (p) => x402v1((a) => (a.asset = p))],
      ["network", (p) => x402v1((a) => (a.network = p))],
      ["extra.name", (p) => x402v1((a) => (a.extra.name = p))],
      ["maxAmountRequired", (p) => x402v1((a) => (a.maxAmountRequired = p))],
      ["error", (p) => x402v1((a, b) => (b.error = p))],
    ],
    "x402 v2 PAYMENT-REQUIRED header (base64)": [
      ["resource.url", (p) => x402v2((r) => (r.resource.url = p))],
      ["resource.description", (p) => x402v2((r) => (r.resource.description = p))],
      ["accepts[0].extra.name", (p) => x402v2((r) => (r.accepts[0].extra.name = p))],
      ["accepts[0].network", (p) => x402v2((r) => (r.accepts[0].network = p))],
      ["error", (p) => x402v2((r) => (r.error = p))],
      ["PAYMENT-RESPONSE errorReason", (p) => json(402, {}, { "payment-response": b64(JSON.stringify({ success: false, errorReason: p, network: "base" })) })],
    ],
    "problem+json": [
      ["title", (p) => problem((x) => (x.title = p))],
      ["detail", (p) => problem((x) => (x.detail = p))],
      ["type", (p) => problem((x) => (x.type = p))],
      ["instance", (p) => problem((x) => (x.instance = p))],
    ],
    "Stripe error": [
      ["message", (p) => stripe((e) => (e.message = p))],
      ["doc_url", (p) => stripe((e) => (e.doc_url = p))],
      ["code", (p) => stripe((e) => (e.code = p))],
      ["decline_code", (p) => stripe((e) => (e.decline_code = p))],
      ["hosted_invoice_url (trusted origin)", (p) => stripe((e) => (e.hosted_invoice_url = p))],
      ["request_id", (p) => stripe((e) => (e.request_id = p))],
    ],
    "Midtrans and Xendit": [
      ["Midtrans status_message", (p) => json(402, { status_code: "402", status_message: p, id: "b7a9f3e2" })],
      ["Midtrans transaction_id", (p) => json(200, { status_code: "202", status_message: "Deny by FDS", transaction_id: p, transaction_status: "deny", fraud_status: "deny" })],
      ["Xendit message", (p) => json(400, { error_code: "INSUFFICIENT_BALANCE", message: p })],
      ["Xendit error_code", (p) => json(400, { error_code: p, message: "Saldo tidak mencukupi." })],
    ],
    "headers": [
      ["Request-Id", (p) => stripeHeaders({ "request-id": header(p) })],
      ["X-Request-Id", (p) => stripeHeaders({ "x-request-id": header(p) })],
      ["CF-Ray", (p) => stripeHeaders({ "cf-ray": header(p) })],
      ["Retry-After", (p) => json(429, { error: "rate_limited" }, { "retry-after": header(p) })],
      ["WWW-Authenticate Bearer", (p) => json(401, {}, { "www-authenticate": header(`Bearer realm="${p}", error="invalid_token", error_description="${p}"`) })],
      ["WWW-Authenticate Payment", (p) => json(402, {}, { "www-authenticate": header(`Payment id="${p}", realm="${p}", method="lightning", intent="charge", request="${b64(JSON.stringify({ amount: "2100", currency: "sat", description: p }))}"`) })],
      ["WWW-Authenticate L402", (p) => json(402, {}, { "www-authenticate": header(`L402 macaroon="${p}", invoice="${p}"`) })],
    ],
    "prototype keys": [
      ["body __proto__ and constructor keys", (p) => json(402, `{"__proto__":{"polluted":${JSON.stringify(p)}},"constructor":{"prototype":{"polluted":1}},"error":{"type":"card_error","code":"expired_card","message":${JSON.stringify(p)},"__proto__":{"message":${JSON.stringify(p)}}}}`)],
    ],
  };

  /** The standard options of the response-field cases: every link action available. */
  const OPTIONS = {
    locale: "en",
    supportUrl: "mailto:help@example.com",
    paymentUrl: "https://pay.example.com/update",
    signInUrl: "https://app.example.com/login",
    trustedLinkOrigins: ["https://stripe.com", "https://evil.example"],
  };
  const expired = () => stripe(() => {});

  /** Integrator options carrying the payload: [field, (payload) => options]. */
  const OPTION_FIELDS = [
    ["messages title", (p) => ({ messages: { en: { card_expired: { title: p } } } })],
    ["messages explanation", (p) => ({ messages: { en: { card_expired: { explanation: p } } } })],
    ["messages steps", (p) => ({ messages: { en: { card_expired: { steps: [p, p] } } } })],
    ["messages labels", (p) => ({ messages: { en: { card_expired: { labels: { update_payment: p, contact_support: p } }, actions: { copy_reference: p } } } })],
    ["messages ui", (p) => ({ messages: { en: { ui: { close: p, details: p, copy: p, repeated: p, status: p, reference: p } } } })],
    ["messages under __proto__", (p) => ({ messages: JSON.parse(`{"__proto__":{"en":{"card_expired":{"title":${JSON.stringify(p)}}}},"en":{"__proto__":{"title":${JSON.stringify(p)}}}}`) })],
    ["supportUrl", (p) => ({ supportUrl: p })],
    ["paymentUrl", (p) => ({ paymentUrl: p })],
    ["signInUrl", (p) => ({ signInUrl: p, paymentUrl: undefined })],
    ["locale", (p) => ({ locale: p })],
  ];

  /** Hands each case to `Explain402.handle`, inspects the result and dismisses it. */
  async function run(cases) {
    const out = { cases: cases.length, shown: 0, skipped: [], violations: [] };
    for (const c of cases) {
      let res;
      try {
        const r = c.response();
        res = new Response(r.body, { status: r.status, headers: r.headers });
      } catch (e) {
        out.skipped.push(`${c.name}: ${e.message}`); // the browser refuses this response
        continue;
      }
      const report = await window.Explain402.handle(res, c.options);
      const shown = panels().length;
      out.violations.push(...inspect(c.name));
      if (report && shown !== 1) out.violations.push(`${c.name}: a diagnosis but ${shown} panels`);
      if (!report && shown !== 0) out.violations.push(`${c.name}: no diagnosis but ${shown} panels`);
      if (report) {
        out.shown++;
        for (const k of ["title", "explanation"]) {
          if (typeof report[k] !== "string" || BIDI.test(report[k]) || report[k].length > MAX[k]) {
            out.violations.push(`${c.name}: report.${k} ${JSON.stringify(String(report[k]).slice(0, 60))}`);
          }
        }
      }
      if (!(await dismissAll())) out.violations.push(`${c.name}: the panel did not go away`);
    }
    return out;
  }

  /** Malformed bodies and headers: [name, status, headers, body bytes]. */
  function malformed() {
    const enc = (s) => new TextEncoder().encode(s);
    const cat = (...parts) => {
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let i = 0;
      for (const p of parts) {
        out.set(p, i);
        i += p.length;
      }
      return out;
    };
    const stripe = '{"error":{"type":"card_error","code":"expired_card","message":"Your card has expired."}}';
    const json = { "content-type": "application/json" };
    const utf16 = (s) => {
      const out = new Uint8Array(2 + s.length * 2);
      out.set([0xff, 0xfe]);
      for (let i = 0; i < s.length; i++) out.set([s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8], 2 + i * 2);
      return out;
    };
    const challenges = (n, make) => Array.from({ length: n }, (_, i) => make(i)).join(", ");
    return [
      ["truncated JSON", 402, json, enc('{"error":{"type":"card_error","code":"expired_')],
      ["invalid JSON (single quotes, trailing comma)", 402, json, enc("{error: 'card_declined',}")],
      ["invalid JSON (missing value)", 402, json, enc('{"error":}')],
      ["invalid JSON (closers only)", 402, json, enc("]]]]}}}}")],
      ["two JSON documents", 402, json, enc(stripe + stripe)],
      ["number out of range", 402, json, enc('{"amount":1e999999,"error":{"code":-0.0e-99999}}')],
      ["JSON served as text/html", 402, { "content-type": "text/html" }, enc(stripe)],
      ["HTML served as JSON", 402, json, enc("<!doctype html><title>402</title><script>window.__pwned=1</script>")],
      ["binary served as image/png", 402, { "content-type": "image/png" }, new Uint8Array(4096).map((_, i) => (i * 151) & 255)],
      ["no content type", 402, {}, enc(stripe)],
      ["JSON claiming UTF-16", 402, { "content-type": "application/json; charset=utf-16" }, enc(stripe)],
      ["UTF-8 BOM before JSON", 402, json, cat(new Uint8Array([0xef, 0xbb, 0xbf]), enc(stripe))],
      ["UTF-16LE with BOM", 402, json, utf16(stripe)],
      ["double BOM", 402, json, cat(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), enc(stripe))],
      ["invalid UTF-8 inside strings", 402, json, cat(enc('{"error":{"type":"card_error","code":"expired_card","message":"'), new Uint8Array([0xc3, 0x28, 0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf4, 0x90]), enc('"}}'))],
      ["invalid UTF-8 at the end", 402, json, cat(enc(stripe), new Uint8Array([0xe2, 0x82]))],
      ["only NUL bytes", 402, json, new Uint8Array(70_000)],
      ["only whitespace", 402, json, enc(" \n\t\r ".repeat(20_000))],
      ["empty JSON body", 402, json, new Uint8Array(0)],
      ["100,000 nested arrays", 402, json, enc("[".repeat(100_000))],
      ["50,000 nested objects", 402, json, enc('{"a":'.repeat(50_000))],
      ["nested arrays, closed", 402, json, enc("[".repeat(5_000) + "]".repeat(5_000))],
      ["a 200 KB string value", 402, json, enc('{"error":{"code":"' + "x".repeat(200_000) + '"}}')],
      ["5,000 Bearer challenges", 401, { "www-authenticate": challenges(5_000, (i) => `Bearer realm="r${i}", error="invalid_token"`) }, new Uint8Array(0)],
      ["5,000 Payment challenges", 402, { "www-authenticate": challenges(5_000, (i) => `Payment id="${i}", method="lightning", intent="charge", request="e30"`) }, new Uint8Array(0)],
      ["5,000 L402 challenges", 402, { "www-authenticate": challenges(5_000, () => 'L402 macaroon="AGIAJEem", invoice="lnbc1500n1"') }, new Uint8Array(0)],
      ["20,000 unterminated quotes", 401, { "www-authenticate": 'Bearer realm="' + '\\"'.repeat(20_000) }, new Uint8Array(0)],
      ["1,000 extra headers", 402, Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`x-h-${i}`, "v".repeat(100)])), enc(stripe)],
      ["Retry-After far in the future", 429, { "retry-after": "99999999999999999999999" }, new Uint8Array(0)],
      ["Retry-After negative", 429, { "retry-after": "-5" }, new Uint8Array(0)],
      ["PAYMENT-REQUIRED not base64", 402, { "payment-required": "%%%%not-base64%%%%" }, new Uint8Array(0)],
      ["PAYMENT-REQUIRED base64 of nested arrays", 402, { "payment-required": btoa("[".repeat(50_000)) }, new Uint8Array(0)],
    ];
  }

  window.__hostile = {
    groups: () => Object.keys(FIELDS),
    /** Every payload in every field of `group`, with the standard options. */
    responseFields(group, payloads) {
      const cases = [];
      for (const [field, make] of FIELDS[group]) {
        for (const p of payloads) cases.push({ name: `${field} ← ${p.name}`, response: () => make(p.value), options: OPTIONS });
      }
      return run(cases);
    },
    /** Every payload in every integrator option, on a Stripe expired card and a 401. */
    optionFields(payloads) {
      const cases = [];
      const unauthorized = () => json(401, {}, { "www-authenticate": 'Bearer error="invalid_token"' });
      for (const [field, make] of OPTION_FIELDS) {
        for (const p of payloads) {
          for (const response of [expired, unauthorized]) {
            cases.push({ name: `${field} ← ${p.name}`, response, options: { ...OPTIONS, ...make(p.value) } });
          }
        }
      }
      return run(cases);
    },
    run,
    inspect,
    until,
    dismissAll,
    panels,
    header,
    b64,
    stripeExpired: expired,
    malformed,
  };
}
