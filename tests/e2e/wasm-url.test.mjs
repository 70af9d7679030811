// Where the WASM comes from: `data-wasm-url` on the script tag and the `wasmUrl` option replace
// the default URL; a URL that answers 404 (or an HTML page) leaves the page's fetch working and
// logs exactly one warning that names `wasmUrl`. (The bundler matrix, tests/bundlers/, covers
// the ES module with esbuild, which needs the option.)

import { after, test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, appFetch, closeBrowser, hostErrors, newPage, readPanels, until, waitForPanel, waitForWidget } from "./harness.mjs";

after(closeBrowser);

const EXPIRED = "/api/cases/stripe_expired_card";
const widgetWarnings = (p) => p.warnings().filter((w) => w.startsWith("explain402:"));
const wasmRequests = (p) => p.requests.filter((u) => new URL(u).pathname.endsWith(".wasm"));

test("data-wasm-url: the widget fetches the WASM from the attribute's URL, and only from there", async () => {
  const p = await newPage("/e2e/wasm-url.html");
  try {
    await waitForWidget(p.page);
    const res = await appFetch(p.page, EXPIRED, { read: "json" });
    assert.equal(res.status, 402);
    await waitForPanel(p.page, "card_expired");
    assert.deepEqual(wasmRequests(p), [`${BASE_URL}/dist/explain402_core_bg.wasm?from=data-wasm-url`]);
    assert.deepEqual(widgetWarnings(p), []);
    assert.deepEqual(await hostErrors(p.page), []);
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("a data-wasm-url that answers 404: the page's fetch keeps working, one warning names wasmUrl, and init({ wasmUrl }) recovers", async () => {
  const p = await newPage("/e2e/wasm-url-missing.html");
  try {
    await waitForWidget(p.page);
    const res = await appFetch(p.page, EXPIRED, { read: "json" });
    assert.equal(res.status, 402);
    assert.equal(res.body.error.code, "expired_card", "the app reads its response");
    await until(() => widgetWarnings(p).length > 0, { what: "the widget's warning" });
    await p.page.waitForTimeout(300);
    const warnings = widgetWarnings(p);
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.match(warnings[0], /no WASM at http:\/\/[^ ]+\/e2e\/nowhere\/explain402_core_bg\.wasm \(404/);
    assert.match(warnings[0], /`wasmUrl`/);
    assert.deepEqual(await readPanels(p.page), []);
    assert.deepEqual(await hostErrors(p.page), []);
    // The integrator fixes the URL: the next init() loads again, and the next 402 is explained.
    await p.page.evaluate(() => window.Explain402.init({ wasmUrl: "/dist/explain402_core_bg.wasm" }));
    await appFetch(p.page, EXPIRED, { read: "json" });
    await waitForPanel(p.page, "card_expired");
    assert.equal(widgetWarnings(p).length, 1, "no further warning");
    // The only error is Chromium's own line for the 404 itself.
    assert.deepEqual(p.errors.map((e) => e.replace(/ \(http.*$/, "")), ["Failed to load resource: the server responded with a status of 404 (Not Found)"]);
  } finally {
    await p.close();
  }
});

test("a WASM URL that answers with an HTML page (a dev server's fallback): one warning that says so and names wasmUrl", async () => {
  const p = await newPage("/e2e/wasm-url-html.html");
  try {
    await waitForWidget(p.page);
    const res = await appFetch(p.page, EXPIRED, { read: "json" });
    assert.equal(res.status, 402);
    await until(() => widgetWarnings(p).length > 0, { what: "the widget's warning" });
    await p.page.waitForTimeout(300);
    const warnings = widgetWarnings(p);
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.match(warnings[0], /no WASM at http:\/\/[^ ]+\/e2e\/blank\.html \(200 text\/html/);
    assert.match(warnings[0], /`wasmUrl`/);
    assert.deepEqual(await readPanels(p.page), []);
    assert.deepEqual(await hostErrors(p.page), []);
    p.assertClean();
  } finally {
    await p.close();
  }
});
