// The playground: a pasted response (raw HTTP, `curl -i` or `curl -v` output, or JSON with
// status, headers and body) becomes a response-like object that the widget diagnoses and shows
// inline, in Indonesian and English. It all happens in this page: nothing pasted leaves it.

/** Examples for the picker: the three input formats. */
const EXAMPLES = {
  curl: `$ curl -i https://api.stripe.com/v1/payment_intents/pi_3Q/confirm
HTTP/2 402
content-type: application/json
request-id: req_Q1w2E3r4T5y6U7
stripe-version: 2024-06-20

{
  "error": {
    "code": "expired_card",
    "decline_code": "expired_card",
    "doc_url": "https://stripe.com/docs/error-codes/expired-card",
    "message": "Your card has expired.",
    "param": "exp_month",
    "type": "card_error"
  }
}`,
  json: JSON.stringify(
    {
      status: 402,
      headers: { "Content-Type": "application/json" },
      body: {
        x402Version: 1,
        error: "X-PAYMENT header is required",
        accepts: [
          {
            scheme: "exact",
            network: "base-sepolia",
            maxAmountRequired: "10000",
            resource: "https://api.example.com/premium/report",
            description: "Premium report",
            mimeType: "application/json",
            payTo: "0x209693Bc6afc0C5328bA36FaF03C514EF312287C",
            maxTimeoutSeconds: 60,
            asset: "0x036CbD53842c5426634e7929541eC2318f3dCF7e",
            extra: { name: "USDC", version: "2" },
          },
        ],
      },
    },
    null,
    2
  ),
  raw: `HTTP/1.1 429 Too Many Requests
Content-Type: application/json
Retry-After: 30
X-Request-Id: 7f3c2a9e

{"error":{"message":"Rate limit reached. Please try again in 30s.","type":"rate_limit_error"}}`,
};

/**
 * Parses pasted text into `{ status, headers, body }`, or throws an Error that says what is
 * wrong. JSON first (the fixture format too: `body_base64`); otherwise the last HTTP status
 * line and its headers (curl -i prints one block per response, curl -v prefixes them with "< ").
 */
function parse(text) {
  const trimmed = text.trim();
  if (!trimmed) throw new Error("Paste a response first.");
  if (trimmed.startsWith("{")) {
    let v;
    try {
      v = JSON.parse(trimmed);
    } catch (e) {
      throw new Error("This looks like JSON but does not parse: " + e.message);
    }
    const status = Number(v.status);
    if (!Number.isInteger(status) || status < 100 || status > 599) throw new Error("The JSON needs a numeric \"status\" (100 to 599).");
    let body = v.body_base64 != null ? Uint8Array.from(atob(v.body_base64), (c) => c.charCodeAt(0)) : v.body != null ? v.body : v.data;
    if (body != null && typeof body === "object" && !(body instanceof Uint8Array)) body = JSON.stringify(body);
    return { status, headers: v.headers || {}, body: body == null ? "" : body };
  }
  const lines = trimmed.split(/\r?\n/).map((l) => l.replace(/^< ?/, ""));
  let start = -1;
  lines.forEach((l, i) => {
    if (/^HTTP\/[\d.]+ \d{3}\b/.test(l)) start = i;
  });
  if (start < 0) throw new Error("No status line found: raw HTTP starts with a line like \"HTTP/1.1 402 Payment Required\", JSON with \"{\".");
  // curl -i's earlier blocks (100 Continue, a proxy's 200) end before the last status line.
  const status = Number(lines[start].split(" ")[1]);
  const headers = {};
  let i = start + 1;
  for (; i < lines.length && lines[i].trim() !== ""; i++) {
    const at = lines[i].indexOf(":");
    if (at <= 0) continue;
    const name = lines[i].slice(0, at).trim();
    const value = lines[i].slice(at + 1).trim();
    headers[name] = name in headers ? [].concat(headers[name], value) : value;
  }
  // The body keeps the pasted text's own lines (and the prefix curl -v put on none of them).
  const body = trimmed.split(/\r?\n/).slice(i + 1).join("\n");
  return { status, headers, body };
}

const $ = (id) => document.getElementById(id);

function summary(r) {
  const names = Object.keys(r.headers);
  const size = typeof r.body === "string" ? new TextEncoder().encode(r.body).length : r.body.length;
  return `Status ${r.status}, ${names.length} header${names.length === 1 ? "" : "s"}${names.length ? " (" + names.join(", ") + ")" : ""}, ${size} bytes of body.`;
}

async function explain() {
  const error = $("parse-error");
  let response;
  try {
    response = parse($("response").value);
    error.hidden = true;
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
    return;
  }
  $("read-summary").textContent = summary(response);
  Explain402.dismiss();
  for (const locale of ["id", "en"]) {
    const container = $("panel-" + locale);
    // A fresh response-like object per call: the widget may read a body only once.
    const d = await Explain402.handle({ ...response }, { locale, mode: "inline", container, onRetry() {} });
    $("diagnosis-" + locale).textContent = JSON.stringify(d, null, 2);
  }
  document.documentElement.dataset.explained = String(Number(document.documentElement.dataset.explained || 0) + 1);
}

$("example").addEventListener("change", (e) => {
  if (!EXAMPLES[e.target.value]) return;
  $("response").value = EXAMPLES[e.target.value];
  explain();
});
$("playground").addEventListener("submit", (e) => {
  e.preventDefault();
  explain();
});

Explain402.init().then(() => {
  const status = $("widget-status");
  status.textContent = "Widget loaded (version " + Explain402.version + "). Paste a response, or pick an example.";
  $("response").value = EXAMPLES.curl;
  explain();
  document.documentElement.dataset.ready = "true";
});
