// The other ways in: the app's own handler (with a message override), the ES module, and a page
// under the strictest Content Security Policy.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { newPage, waitForWidget, waitForPanel, fixture, closeBrowser } from "./harness.mjs";

after(closeBrowser);

const EXPIRED = "/api/cases/stripe_expired_card";

test("the app's own handler gets the diagnosis and keeps the body", async () => {
  const p = await newPage("/e2e/handler.html");
  try {
    await waitForWidget(p.page);
    const res = await p.page.evaluate((url) => window.appLoad(url), EXPIRED);
    assert.equal(res.status, 402);
    assert.equal(res.body, fixture("stripe_expired_card").body);
    assert.equal(res.diagnosis.cause, "card_expired");
    assert.equal(res.diagnosis.locale, "en");
    const panel = await waitForPanel(p.page, "card_expired");
    assert.equal(panel.title, res.diagnosis.title);
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("a custom message replaces the built-in title", async () => {
  const p = await newPage("/e2e/handler.html");
  try {
    await waitForWidget(p.page);
    const title = "Kartu ini tidak berlaku lagi (uji)";
    await p.page.evaluate((title) => window.Explain402.init({ locale: "id", messages: { id: { card_expired: { title } } } }), title);
    const res = await p.page.evaluate((url) => window.appLoad(url), EXPIRED);
    assert.equal(res.diagnosis.title, title);
    assert.equal((await waitForPanel(p.page, "card_expired")).title, title);
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("the ES module imports, initialises and explains", async () => {
  const p = await newPage("/e2e/esm.html");
  try {
    await p.page.waitForSelector("html[data-ready=true]", { timeout: 10_000 });
    const version = await p.page.evaluate(() => window.esm.version);
    assert.match(version, /^\d+\.\d+\.\d+/);
    const same = await p.page.evaluate(() => window.esm.Explain402.handle === window.esm.handle);
    assert.ok(same, "the default export carries the named functions");
    const res = await p.page.evaluate((url) => window.appLoad(url), "/api/cases/x402_v1_payment_required");
    assert.equal(res.status, 402);
    assert.equal(res.diagnosis.cause, "payment_required_onchain");
    await waitForPanel(p.page, "payment_required_onchain");
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("under a strict CSP with Trusted Types the script tag still explains, with no violation", async () => {
  const p = await newPage("/csp/");
  try {
    await waitForWidget(p.page);
    await p.page.click("#load");
    const panel = await waitForPanel(p.page, "card_expired");
    assert.ok(panel.title.length > 0);
    await p.page.waitForSelector("#result:not(:empty)");
    assert.match(await p.page.textContent("#result"), /^402 /);
    assert.deepEqual(await p.page.evaluate(() => window.cspViolations), []);
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("under a strict CSP with Trusted Types a dialog and a toast both show, with no violation", async () => {
  const p = await newPage("/csp/");
  try {
    await waitForWidget(p.page);
    for (const mode of ["dialog", "toast"]) {
      await p.page.evaluate((mode) => window.Explain402.init({ mode }), mode);
      await p.page.evaluate((url) => window.appLoad(url), "/api/cases/stripe_expired_card");
      const panel = await waitForPanel(p.page, "card_expired");
      assert.equal(panel.mode, mode);
      assert.equal(panel.role, mode === "dialog" ? "alertdialog" : null);
      assert.ok(panel.visible && panel.title.length > 0, `the ${mode} shows its title`);
      await p.page.evaluate(() => window.Explain402.dismiss());
      await p.page.waitForSelector("[data-explain402]", { state: "detached", timeout: 10_000 });
    }
    assert.deepEqual(await p.page.evaluate(() => window.cspViolations), []);
    p.assertClean();
    // The policy is really enforced: an HTML sink refuses a plain string (this logs a violation).
    const refused = await p.page.evaluate(() => {
      try {
        document.createElement("div").innerHTML = "<b>x</b>";
        return false;
      } catch (e) {
        return e instanceof TypeError;
      }
    });
    assert.ok(refused, "Trusted Types are enforced on this page");
  } finally {
    await p.close();
  }
});
