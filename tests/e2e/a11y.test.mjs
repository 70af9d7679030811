// Accessibility: axe-core (WCAG 2 A and AA rules) finds nothing wrong with the open panel, in
// both locales, nor with the demo page itself.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { newPage, waitForWidget, waitForPanel, appFetch, closeBrowser } from "./harness.mjs";

after(closeBrowser);

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Runs axe on the page (it descends into open shadow roots) and returns readable violations. */
async function axeViolations(page, context = "html") {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (context) => window.axe.run(context, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
    context
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

for (const locale of ["id", "en"]) {
  test(`the ${locale} panel passes axe`, async () => {
    const p = await newPage(`/e2e/script-tag-${locale}.html`);
    try {
      await waitForWidget(p.page);
      await appFetch(p.page, "/api/cases/stripe_expired_card");
      await waitForPanel(p.page, "card_expired");
      assert.deepEqual(await axeViolations(p.page), []);
      p.assertClean();
    } finally {
      await p.close();
    }
  });
}

test("the demo page passes axe", async () => {
  const p = await newPage("/");
  try {
    await p.page.waitForSelector("button.case");
    assert.deepEqual(await axeViolations(p.page), []);
  } finally {
    await p.close();
  }
});
