// The demo site: a visitor can trigger every built-in cause from the recorded responses, and the
// locale, theme and mode switches change the next panel.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { newPage, waitForWidget, PANEL_TIMEOUT_MS, BASE_URL, closeBrowser, fixture } from "./harness.mjs";

after(closeBrowser);

/** The built-in cause labels, read from the enum in src/diagnose/cause.rs. */
const CAUSES = [
  ...readFileSync(fileURLToPath(new URL("../../src/diagnose/cause.rs", import.meta.url)), "utf8").matchAll(
    /^\s+[A-Z][A-Za-z0-9]* = "([a-z0-9_]+)",$/gm
  ),
].map((m) => m[1]);

/** The recorded responses the server lists, by name. */
async function cases() {
  const res = await fetch(`${BASE_URL}/api/cases`);
  assert.equal(res.status, 200);
  return new Map((await res.json()).map((c) => [c.name, c]));
}

/** Opens the demo page and waits until its case buttons are listed and the widget is loaded. */
async function demo() {
  const p = await newPage("/");
  await waitForWidget(p.page);
  await p.page.waitForSelector("button.case");
  await p.page.waitForSelector("#widget-status:has-text('loaded')");
  return p;
}

/** Picks a radio button of the demo's option form. */
function choose(page, name, value) {
  return page.check(`#controls input[name="${name}"][value="${value}"]`);
}

/** Waits for a panel whose host matches `selector` (extra attribute conditions) and reads it. */
async function nextPanel(page, selector) {
  const host = `[data-explain402]${selector}`;
  await page.waitForSelector(host, { state: "attached", timeout: PANEL_TIMEOUT_MS });
  return page.evaluate((host) => {
    const el = document.querySelector(host);
    return {
      cause: el.dataset.cause,
      mode: el.dataset.mode,
      theme: el.dataset.theme,
      lang: el.getAttribute("lang"),
      inSlot: el.parentElement && el.parentElement.id === "inline-slot",
      title: el.shadowRoot.querySelector("h2").textContent,
    };
  }, host);
}

test("the cause list is read from the source", () => {
  assert.ok(CAUSES.length >= 31, `only ${CAUSES.length} causes parsed from cause.rs`);
  assert.ok(CAUSES.includes("card_expired") && CAUSES.includes("proxy_auth_required"));
});

test("the demo lists a button for every built-in cause", async () => {
  const all = await cases();
  const p = await demo();
  try {
    const names = await p.page.$$eval("button.case", (bs) => bs.map((b) => b.dataset.case));
    assert.equal(new Set(names).size, names.length, "no case is listed twice");
    for (const name of names) assert.ok(all.has(name), `the button ${name} names a recorded case`);
    const covered = new Set(names.map((n) => all.get(n).expected_cause));
    const missing = CAUSES.filter((c) => !covered.has(c));
    assert.deepEqual(missing, [], "causes without a button");
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("each cause's button shows that cause", async () => {
  const all = await cases();
  const p = await demo();
  try {
    // Toasts leave the page interactive, so one button after another can be pressed.
    await choose(p.page, "mode", "toast");
    for (const cause of CAUSES) {
      // A case the demo's fetch watches (www/demo.js: every refusal status but 404; some vendors
      // refuse under a 200 or 202, which only `handle` in the app's own code explains).
      // And one recorded from the page's own origin: a fixture with a vendor's `url` is read by
      // its host too, which a replay from the demo server does not have.
      const watched = (c) => c.status >= 400 && c.status !== 404 && !fixture(c.name).url;
      const name = [...all.values()].find((c) => c.expected_cause === cause && watched(c)).name;
      await p.page.click(`button.case[data-case="${name}"]`);
      const panel = await nextPanel(p.page, `[data-cause="${cause}"]`);
      assert.equal(panel.mode, "toast", cause);
      assert.ok(panel.title.length > 0, `${cause} has a title`);
    }
    // Chromium refuses a 407 from a server that is not a proxy, and logs it; the demo then
    // explains a 407 built in the page (see explainProxyRefusal in www/demo.js).
    const refused = p.errors.filter((e) => e.includes("net::ERR_UNEXPECTED_PROXY_AUTH"));
    p.errors.splice(0, p.errors.length, ...p.errors.filter((e) => !refused.includes(e)));
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("switching locale, theme and mode changes the next panel", async () => {
  const p = await demo();
  const expired = 'button.case[data-case="stripe_expired_card"]';
  try {
    await choose(p.page, "locale", "en");
    await choose(p.page, "theme", "dark");
    await choose(p.page, "mode", "toast");
    await p.page.click(expired);
    let panel = await nextPanel(p.page, '[data-cause="card_expired"][data-mode="toast"]');
    assert.deepEqual([panel.lang, panel.theme, panel.mode], ["en", "dark", "toast"]);
    assert.match(panel.title, /expired/i);

    await choose(p.page, "locale", "id");
    await choose(p.page, "theme", "light");
    await choose(p.page, "mode", "dialog");
    await p.page.click(expired);
    panel = await nextPanel(p.page, '[data-cause="card_expired"][data-mode="dialog"]');
    assert.deepEqual([panel.lang, panel.theme, panel.mode], ["id", "light", "dialog"]);
    assert.match(panel.title, /kedaluwarsa/i);
    // The dialog makes the page inert; Esc gives it back.
    await p.page.keyboard.press("Escape");
    await p.page.waitForSelector("[data-explain402]", { state: "detached" });

    await choose(p.page, "theme", "auto");
    await choose(p.page, "mode", "inline");
    await p.page.click(expired);
    panel = await nextPanel(p.page, '[data-cause="card_expired"][data-mode="inline"]');
    assert.deepEqual([panel.lang, panel.theme, panel.mode], ["id", "auto", "inline"]);
    assert.ok(panel.inSlot, "the inline panel is in the page's slot");
    p.assertClean();
  } finally {
    await p.close();
  }
});
