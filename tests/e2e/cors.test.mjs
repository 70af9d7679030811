// Cross-origin requests: the page on one origin calls the API on the other. What the widget can
// explain depends on which headers the server exposes, and the app's requests pass untouched.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { newPage, waitForWidget, waitForPanel, appFetch, closeBrowser, SECOND_URL } from "./harness.mjs";

after(closeBrowser);

const X402_V2 = `${SECOND_URL}/api/cases/x402_v2_payment_required_header`;

test("a hidden PAYMENT-REQUIRED header leaves a plain payment_required", async () => {
  const p = await newPage("/e2e/script-tag-en.html");
  try {
    await waitForWidget(p.page);
    const res = await appFetch(p.page, X402_V2, { read: "json" });
    assert.equal(res.status, 402);
    assert.equal(res.headers["payment-required"], undefined, "the header is not exposed");
    await waitForPanel(p.page, "payment_required");
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("an exposed PAYMENT-REQUIRED header is read", async () => {
  const p = await newPage("/e2e/script-tag-en.html");
  try {
    await waitForWidget(p.page);
    const res = await appFetch(p.page, `${X402_V2}?expose=1`, { read: "json" });
    assert.ok(res.headers["payment-required"], "the header is exposed");
    await waitForPanel(p.page, "payment_required_onchain");
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("the app's method, headers and body reach the other origin untouched", async () => {
  const p = await newPage("/e2e/script-tag-en.html");
  try {
    await waitForWidget(p.page);
    const body = JSON.stringify({ amount: "10000.00", note: "ümlaut ✓" });
    const init = { method: "POST", headers: { "Content-Type": "application/json", "X-Custom": "kept", Authorization: "Bearer t0k" }, body };
    const res = await appFetch(p.page, `${SECOND_URL}/api/echo`, { read: "json", init });
    assert.equal(res.status, 200);
    assert.equal(res.body.method, "POST");
    assert.equal(res.body.headers["x-custom"], "kept");
    assert.equal(res.body.headers.authorization, "Bearer t0k");
    assert.equal(res.body.body, body);
    p.assertClean();
  } finally {
    await p.close();
  }
});

/** Fetches `url` from the page and diagnoses it, returning what the page can see of the headers. */
async function diagnoseFrom(page, url, header) {
  return page.evaluate(
    async ({ url, header }) => {
      const res = await fetch(url);
      const diagnosis = await window.Explain402.diagnose(res);
      return { status: res.status, header: res.headers.get(header), diagnosis };
    },
    { url, header }
  );
}

test("a 429's Retry-After: hidden, the wait goes unmentioned; exposed, it is read", async () => {
  const p = await newPage("/e2e/script-tag-en.html");
  try {
    await waitForWidget(p.page);
    const url = `${SECOND_URL}/api/cases/ratelimit_429_retry_after_30`;
    const hidden = await diagnoseFrom(p.page, url, "retry-after");
    assert.equal(hidden.status, 429);
    assert.equal(hidden.header, null, "Retry-After is not exposed");
    assert.equal(hidden.diagnosis.cause, "rate_limited");
    assert.equal(hidden.diagnosis.details.retryAfter ?? null, null, "no wait is made up");
    assert.doesNotMatch(hidden.diagnosis.explanation + hidden.diagnosis.steps.join(" "), /30/);

    const exposed = await diagnoseFrom(p.page, `${url}?expose=1`, "retry-after");
    assert.equal(exposed.header, "30");
    assert.equal(exposed.diagnosis.cause, "rate_limited");
    assert.equal(exposed.diagnosis.details.retryAfter, 30);
    assert.match(exposed.diagnosis.explanation + exposed.diagnosis.steps.join(" "), /30/);
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("a Stripe Request-Id: hidden, no reference; exposed, it is the reference", async () => {
  const p = await newPage("/e2e/script-tag-en.html");
  try {
    await waitForWidget(p.page);
    const url = `${SECOND_URL}/api/cases/stripe_incorrect_cvc`;
    const hidden = await diagnoseFrom(p.page, url, "request-id");
    assert.equal(hidden.header, null, "Request-Id is not exposed");
    assert.equal(hidden.diagnosis.cause, "card_incorrect_cvc", "the body alone names the cause");
    assert.equal(hidden.diagnosis.reference, null);

    const exposed = await diagnoseFrom(p.page, `${url}?expose=1`, "request-id");
    assert.equal(exposed.header, "req_cvc0000000001");
    assert.equal(exposed.diagnosis.cause, "card_incorrect_cvc");
    assert.equal(exposed.diagnosis.reference, "req_cvc0000000001");
    p.assertClean();
  } finally {
    await p.close();
  }
});
