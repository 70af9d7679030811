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
