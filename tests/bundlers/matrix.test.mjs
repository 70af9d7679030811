// The bundler matrix in the browser: every app build.mjs made (www/e2e/bundlers/<row>/), served
// by the project's server and loaded in Chromium. A row passes when its build was clean, the
// app's own code ran and got its 402 unread, the panel showed the right cause, every request
// succeeded and the widget's WASM came from the app's own build. Test names carry the tool and
// its exact version.

import { after, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BASE_URL, closeBrowser, newPage, readPanels, until, waitForPanel } from "../e2e/harness.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const RESULTS = JSON.parse(readFileSync(join(ROOT, "www/e2e/bundlers/results.json"), "utf8"));

after(closeBrowser);

/** The row's build result; fails the test if the build failed. */
function built(name) {
  const row = RESULTS[name];
  assert.ok(row, `build.mjs recorded no ${name} row`);
  assert.ok(row.ok, `${name} failed to build:\n${row.error}`);
  return row;
}

const label = (name) => {
  const row = RESULTS[name] || { tool: name, version: "?" };
  return `${row.tool} ${row.version}${name === row.tool ? "" : ` (${name})`}`;
};

/** Waits for the host app's own code to have run and read its 402. */
async function appRan(page) {
  await page.waitForSelector("html[data-app=ran][data-status]", { timeout: 15_000 });
  return page.evaluate(() => ({ ...document.documentElement.dataset }));
}

const widgetWarnings = (p) => p.warnings().filter((w) => w.startsWith("explain402:"));

for (const name of ["vite", "webpack", "rollup", "esbuild", "parcel", "next"]) {
  test(`${label(name)}: the production build explains a real 402 and the app runs`, async () => {
    const row = built(name);
    assert.deepEqual(row.warnings, [], "the build printed no warning (webpack's size hints aside)");
    if (name !== "esbuild") assert.equal(row.wasm.length, 1, "the build emitted the WASM once, as its own asset");
    const p = await newPage(`/e2e/bundlers/${name}/`);
    try {
      const app = await appRan(p.page);
      assert.equal(app.status, "402");
      assert.equal(app.code, "expired_card", "the app read its own response body");
      assert.equal(app.failed, undefined);
      const shown = await waitForPanel(p.page, "card_expired");
      assert.equal(shown.lang, "en");
      assert.ok(shown.title.length > 0, "the panel has a title");
      const wasm = p.requests.filter((u) => u.endsWith(".wasm"));
      assert.deepEqual(wasm, [`${BASE_URL}/e2e/bundlers/${name}/${row.wasm[0]}`], "the WASM came from the app's build, once");
      const elsewhere = p.requests.filter((u) => !u.startsWith(`${BASE_URL}/e2e/bundlers/${name}/`) && !u.startsWith(`${BASE_URL}/api/`));
      assert.deepEqual(elsewhere, [], "nothing was loaded from outside the app's build");
      assert.deepEqual(widgetWarnings(p), [], "the widget warned about nothing");
      p.assertClean(); // no console error, no failed load, no uncaught exception
    } finally {
      await p.close();
    }
  });
}

test(`${label("esbuild-unplaced")}: a build without the WASM still runs the app, with one warning naming wasmUrl`, async () => {
  built("esbuild-unplaced");
  const p = await newPage("/e2e/bundlers/esbuild-unplaced/");
  try {
    const app = await appRan(p.page);
    assert.equal(app.status, "402");
    assert.equal(app.code, "expired_card", "the app read its own response body");
    await until(() => widgetWarnings(p).length > 0, { what: "the widget's warning" });
    // Give a second warning the time to show up, if there were one.
    await p.page.waitForTimeout(500);
    const warnings = widgetWarnings(p);
    assert.equal(warnings.length, 1, `exactly one warning: ${JSON.stringify(warnings)}`);
    assert.match(warnings[0], /`wasmUrl`/);
    assert.match(warnings[0], /fetch keeps working/);
    assert.deepEqual(await readPanels(p.page), [], "no panel");
    // The app's fetch still works: a second request after the widget gave up.
    const again = await p.page.evaluate(async () => (await fetch("/api/ok")).json());
    assert.deepEqual(again, { ok: true });
    p.assertClean();
  } finally {
    await p.close();
  }
});

test(`${label("typescript")}: a --strict consumer of the README's API type-checks (bundler and nodenext resolution)`, () => {
  built("typescript");
});

test(`${label("next")}: prerendering the client component on the server said nothing`, () => {
  const row = built("next");
  assert.doesNotMatch(row.log, /explain402|Invalid URL|fetch failed/);
});
