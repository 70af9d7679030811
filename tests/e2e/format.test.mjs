// Numbers in the panel come from the browser's Intl for the panel's locale: rupiah without
// rounding, token amounts exact from atomic units, and durations in words.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { newPage, waitForWidget, closeBrowser } from "./harness.mjs";

after(closeBrowser);

/** Diagnoses a Response built in the page and returns the diagnosis (no panel). */
async function diagnoseIn(page, locale, { status, headers = {}, body = "" }) {
  return page.evaluate(
    ([locale, status, headers, body]) =>
      window.Explain402.diagnose(new Response(body, { status, headers }), { locale }),
    [locale, status, headers, body]
  );
}

const midtrans = (grossAmount) => ({
  status: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({
    status_code: "202",
    status_message: "Deny by Bank [BNI] with code [51] and message [Insufficient funds]",
    transaction_status: "deny",
    channel_response_code: "51",
    gross_amount: grossAmount,
    currency: "IDR",
    payment_type: "credit_card",
  }),
});

test("rupiah amounts follow the locale and are never rounded", async () => {
  const p = await newPage("/e2e/blank.html");
  try {
    await p.page.addScriptTag({ url: "/dist/explain402.js" });
    await waitForWidget(p.page);
    const id = await diagnoseIn(p.page, "id", midtrans("150000.00"));
    assert.equal(id.cause, "insufficient_funds");
    assert.match(id.explanation, /Rp150\.000(?!\d|,\d)/, id.explanation);
    const en = await diagnoseIn(p.page, "en", midtrans("150000.00"));
    assert.match(en.explanation, /IDR\s150,000(?!\d|\.\d)/, en.explanation);
    const half = await diagnoseIn(p.page, "id", midtrans("150000.50"));
    assert.match(half.explanation, /Rp150\.000,5\b/, half.explanation);
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("x402 atomic amounts are exact and durations are words", async () => {
  const p = await newPage("/e2e/blank.html");
  try {
    await p.page.addScriptTag({ url: "/dist/explain402.js" });
    await waitForWidget(p.page);
    // 2^70 + 1 atomic units of a 6-decimal token: far beyond f64's exact integers.
    const x402 = {
      status: 402,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        x402Version: 1,
        error: "X-PAYMENT header is required",
        accepts: [{ scheme: "exact", network: "base", maxAmountRequired: "1180591620717411303425",
          resource: "https://api.example.com/r", description: "d", mimeType: "application/json",
          payTo: "0x209693Bc6afc0C5328bA36FaF03C514EF312287C", maxTimeoutSeconds: 60,
          asset: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", extra: { name: "USDC", version: "2" } }],
      }),
    };
    const en = await diagnoseIn(p.page, "en", x402);
    assert.equal(en.details.amount.value, "1180591620717411.303425");
    assert.match(en.explanation, /1,180,591,620,717,411\.303425 USDC/, en.explanation);
    const id = await diagnoseIn(p.page, "id", x402);
    assert.match(id.explanation, /1\.180\.591\.620\.717\.411,303425 USDC/, id.explanation);

    const limited = { status: 429, headers: { "retry-after": "30" }, body: "" };
    assert.match((await diagnoseIn(p.page, "id", limited)).steps.join(" "), /30 detik/);
    assert.match((await diagnoseIn(p.page, "en", limited)).steps.join(" "), /30 seconds/);
    const long = { status: 429, headers: { "retry-after": "120" }, body: "" };
    assert.match((await diagnoseIn(p.page, "id", long)).steps.join(" "), /2 menit/);
    // Hours to the nearest, and days from 48 hours on, in Intl's words for each locale; the
    // native PlainFormat says the same (tests/catalog.rs).
    const wait = async (locale, seconds) =>
      (await diagnoseIn(p.page, locale, { status: 429, headers: { "retry-after": String(seconds) }, body: "" })).steps[0];
    assert.equal(await wait("id", 3601), "Coba lagi nanti, sekitar 1 jam lagi.");
    assert.equal(await wait("en", 3 * 86400), "Try again later, in about 3 days.");
    assert.equal(await wait("id", 3 * 86400), "Coba lagi nanti, sekitar 3 hari lagi.");
    assert.equal(await wait("en", 5 * 86400 + 7200), "Try again later, in about 5 days.");
    // A maximum (x402 "upto") reads "up to" in both languages, exact.
    const upto = JSON.parse(x402.body);
    upto.accepts[0].scheme = "upto";
    upto.accepts[0].maxAmountRequired = "10000";
    const max = { ...x402, body: JSON.stringify(upto) };
    assert.match((await diagnoseIn(p.page, "en", max)).explanation, /up to 0\.01 USDC/);
    assert.match((await diagnoseIn(p.page, "id", max)).explanation, /maksimal 0,01 USDC/);
    p.assertClean();
  } finally {
    await p.close();
  }
});
