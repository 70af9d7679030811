// The playground (www/playground/): a pasted response in each input format (curl -i, curl -v,
// raw HTTP, JSON, the fixture format) gives the diagnosis and the inline panel in Indonesian and
// English; bad input says why; and the page sends nothing anywhere: its only requests are its
// own files and the widget's.

import { after, test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, closeBrowser, fixture, newPage, readPanels, until } from "./harness.mjs";

after(closeBrowser);

/** The files the playground may load; anything else would be the page sending something. */
const OWN = /^\/(playground\/(playground\.(js|css))?|demo\.css|favicon\.svg|dist\/explain402(\.js|_core\.js|_core_bg\.wasm))$/;

/** Pastes `text`, presses Explain and waits for the panels of `cause` in both languages. */
async function explain(page, text, cause) {
  const before = Number(await page.evaluate(() => document.documentElement.dataset.explained || 0));
  await page.fill("#response", text);
  await page.click("button[type=submit]");
  await page.waitForFunction((n) => Number(document.documentElement.dataset.explained || 0) > n, before, { timeout: 10_000 });
  const panels = await readPanels(page);
  assert.deepEqual(panels.map((p) => [p.cause, p.lang, p.mode]), [[cause, "id", "inline"], [cause, "en", "inline"]]);
  const d = await page.evaluate(() => ["id", "en"].map((l) => JSON.parse(document.getElementById("diagnosis-" + l).textContent)));
  assert.deepEqual(d.map((x) => [x.cause, x.locale]), [[cause, "id"], [cause, "en"]]);
  assert.notEqual(d[0].title, d[1].title, "two languages");
  assert.equal(panels[0].title, d[0].title);
  assert.equal(panels[1].title, d[1].title);
  return d;
}

async function onPlayground(body) {
  const p = await newPage("/playground/");
  try {
    await p.page.waitForSelector("html[data-ready=true]", { timeout: 10_000 });
    await body(p);
    const foreign = p.requests.map((u) => new URL(u)).filter((u) => u.origin !== BASE_URL || !OWN.test(u.pathname));
    assert.deepEqual(foreign.map(String), [], "the playground loads only its own files and sends nothing");
    assert.deepEqual(p.warnings().filter((w) => w.startsWith("explain402:")), []);
    p.assertClean();
  } finally {
    await p.close();
  }
}

test("playground: the curl -i example explains itself on load, in both languages", async () => {
  await onPlayground(async (p) => {
    await until(async () => (await readPanels(p.page)).length === 2, { what: "two panels" });
    const panels = await readPanels(p.page);
    assert.deepEqual(panels.map((x) => [x.cause, x.lang]), [["card_expired", "id"], ["card_expired", "en"]]);
    const d = JSON.parse(await p.page.textContent("#diagnosis-en"));
    assert.equal(d.reference, "req_Q1w2E3r4T5y6U7", "headers were read from the curl output");
    assert.match(await p.page.textContent("#read-summary"), /^Status 402, 3 headers/);
  });
});

test("playground: raw HTTP, curl -v, JSON and the fixture format", async () => {
  await onPlayground(async (p) => {
    // Raw HTTP with CRLF line ends and a Retry-After.
    const raw = "HTTP/1.1 429 Too Many Requests\r\nContent-Type: text/plain\r\nRetry-After: 30\r\n\r\nslow down";
    const [rate] = await explain(p.page, raw, "rate_limited");
    assert.equal(rate.details.retryAfter, 30);

    // curl -v: "< " prefixes, and a 100 Continue block before the real response.
    const verbose = [
      "> POST /v1/charges HTTP/1.1", "> Host: api.example.com", ">",
      "< HTTP/1.1 100 Continue", "<",
      "< HTTP/1.1 402 Payment Required", "< Content-Type: application/json", "< Request-Id: req_verbose_1", "<",
      '{"error":{"type":"card_error","code":"expired_card","message":"Your card has expired."}}',
    ].join("\n");
    const [expired] = await explain(p.page, verbose, "card_expired");
    assert.equal(expired.reference, "req_verbose_1");

    // JSON with a parsed body and repeated headers as arrays.
    const json = JSON.stringify({ status: 402, headers: { "Content-Type": ["application/json"] }, body: { error: { type: "card_error", code: "expired_card" } } });
    await explain(p.page, json, "card_expired");

    // The repository's own fixture format, pasted as it is.
    const f = fixture("x402_v1_payment_required");
    const [x402] = await explain(p.page, JSON.stringify(f), f.expected_cause);
    assert.equal(x402.source, "x402");
  });
});

test("playground: input it cannot read says why, and the last panels stay", async () => {
  await onPlayground(async (p) => {
    await until(async () => (await readPanels(p.page)).length === 2, { what: "two panels" });
    for (const [text, why] of [
      ["", /Paste a response/],
      ["hello there", /No status line/],
      ['{"status": 402,', /does not parse/],
      ['{"status": "soon"}', /numeric "status"/],
    ]) {
      await p.page.fill("#response", text);
      await p.page.click("button[type=submit]");
      await p.page.waitForSelector("#parse-error:not([hidden])");
      assert.match(await p.page.textContent("#parse-error"), why);
    }
    assert.equal((await readPanels(p.page)).length, 2);
    // An example from the picker clears the error.
    await p.page.selectOption("#example", "raw");
    await until(async () => (await readPanels(p.page)).every((x) => x.cause === "rate_limited"), { what: "the 429 panels" });
    assert.equal(await p.page.isHidden("#parse-error"), true);
  });
});
