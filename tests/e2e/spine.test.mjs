// The spine: a page with nothing but the script tag (`data-install`) explains a Stripe expired
// card, an x402 v1 challenge and an empty 402 in the page's language, and the app still reads
// every response itself.

import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { newPage, waitForWidget, waitForPanel, appFetch, fixture, closeBrowser } from "./harness.mjs";

after(closeBrowser);

/** Fixture, expected cause, and a word each locale's title must contain (when there is one). */
const CASES = [
  { name: "stripe_expired_card", cause: "card_expired", words: { id: /kedaluwarsa/i, en: /expired/i } },
  { name: "x402_v1_payment_required", cause: "payment_required_onchain" },
  { name: "empty_body_402", cause: "payment_required" },
];

const titles = { id: {}, en: {} };

for (const locale of ["id", "en"]) {
  describe(`script tag on a page with lang="${locale}"`, () => {
    for (const c of CASES) {
      test(`${c.name} shows ${c.cause}`, async () => {
        const f = fixture(c.name);
        const p = await newPage(`/e2e/script-tag-${locale}.html`);
        try {
          await waitForWidget(p.page);
          const read = f.body ? "json" : "text";
          const res = await appFetch(p.page, `/api/cases/${c.name}`, { read });
          assert.equal(res.status, 402);
          assert.deepEqual(res.body, f.body ? JSON.parse(f.body) : "", "the app reads the body itself");

          const panel = await waitForPanel(p.page, c.cause);
          assert.equal(panel.lang.split("-")[0], locale, "the panel speaks the page's language");
          assert.ok(panel.title.length > 0, "the panel has a title");
          if (c.words) assert.match(panel.title, c.words[locale]);
          titles[locale][c.cause] = panel.title;
          p.assertClean();
        } finally {
          await p.close();
        }
      });
    }
  });
}

test("titles differ between Indonesian and English", () => {
  for (const { cause } of CASES) {
    const [id, en] = [titles.id[cause], titles.en[cause]];
    assert.ok(id && en, `both locales showed ${cause}`);
    assert.notEqual(id, en, `${cause}: "${id}" is not translated`);
  }
});
