// The knowledge in the browser: vendor packs decide real responses replayed by the demo server,
// the loader hands the response URL's host to the engine (packs and rules may match on it),
// integrator rules speak the packs' language, and the `party` option overrides the party.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { newPage, waitForWidget, closeBrowser, BASE_URL } from "./harness.mjs";

after(closeBrowser);

/** The diagnosis of `url` with per-call `options`, without showing a panel. */
function diagnose(page, url, options) {
  return page.evaluate(
    async ({ url, options }) => window.Explain402.diagnose(await fetch(url), options),
    { url, options }
  );
}

async function page() {
  const p = await newPage("/e2e/handler.html");
  await waitForWidget(p.page);
  return p;
}

test("vendor packs decide real responses of vendors the 0.1 detectors never knew", async () => {
  const p = await page();
  for (const [name, cause, source] of [
    ["square_400_cvv_failure", "card_incorrect_cvc", "square"],
    ["snap_403_dana_insufficient_funds", "insufficient_funds", "snap"],
    ["google_rpc_429_gemini_free_tier_quota", "quota_exceeded", "google_rpc"],
    ["adyen_200_refused_expired_card", "card_expired", "adyen"],
  ]) {
    const d = await diagnose(p.page, `/api/cases/${name}`);
    assert.equal(d && d.cause, cause, name);
    assert.equal(d.source, source, name);
    assert.ok(d.party === "user" || d.party === "site", `${name}: party ${d.party}`);
  }
  p.assertClean();
});

test("an upstream AI API's credit error is the site's; `party` overrides it for the whole page", async () => {
  const p = await page();
  const url = "/api/cases/anthropic_400_credit_balance_too_low";
  const d = await diagnose(p.page, url);
  assert.equal(d.cause, "credits_exhausted");
  assert.equal(d.party, "site");
  const byok = await diagnose(p.page, url, { party: "user" });
  assert.equal(byok.party, "user");
  p.assertClean();
});

test("rules speak the packs' language and may match on the response's host", async () => {
  const p = await page();
  const host = new URL(BASE_URL).hostname;
  const rules = [
    // The loader passes Response.url: only its host is read.
    { host, status: 402, message: "payment&required", cause: "upgrade_plan", party: "site" },
  ];
  const d = await diagnose(p.page, "/api/status/402", { rules });
  assert.equal(d.cause, "upgrade_plan");
  assert.equal(d.source, "rule");
  assert.equal(d.party, "site");
  assert.ok(!JSON.stringify(d).includes("/api/status/402"), "the URL never appears in a diagnosis");
  // Another host: the rule does not apply.
  const other = await diagnose(p.page, "/api/status/402", { rules: [{ ...rules[0], host: "api.example.com" }] });
  assert.equal(other.cause, "payment_required");
  // A typo skips the rule with one warning naming it; the page is unharmed.
  const typo = await diagnose(p.page, "/api/status/402", { rules: [{ stauts: 402, cause: "x" }] });
  assert.equal(typo.cause, "payment_required");
  assert.ok(p.warnings().some((w) => w.includes('rules[0]: unknown key "stauts"')), p.warnings().join("\n"));
  p.assertClean();
});
