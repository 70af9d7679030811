// Locale negotiation, one step of the order at a time: the `locale` option given to `init` beats
// the script tag's `data-locale`, which beats `<html lang>`, which beats `navigator.languages`,
// which beats the English default. Regional tags fall back to their language and `in` means
// Indonesian. Every check reads the locale twice: from the diagnosis (`locale`) and from the
// panel (`lang` on the host and on the panel inside the shadow root).

import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { newPage, waitForWidget, waitForPanel, closeBrowser } from "./harness.mjs";

after(closeBrowser);

const CASE = "/api/cases/stripe_expired_card";
const CAUSE = "card_expired";
/** A word only the title of each locale has, so the words on screen are checked too. */
const TITLE_WORD = { id: /kedaluwarsa/i, en: /expired/i };

/**
 * Opens `path` with the browser's languages set to `browserLocale`, applies `setup` in the page
 * (an `<html lang>` to set, options for `init`), fetches the expired-card case as the app would
 * and returns the locale the diagnosis reports after checking that the panel agrees with it.
 */
async function negotiated(path, { browserLocale = "en-US", htmlLang, init } = {}) {
  const p = await newPage(path, { locale: browserLocale });
  try {
    await waitForWidget(p.page);
    const locale = await p.page.evaluate(
      async ({ url, htmlLang, init }) => {
        if (htmlLang !== undefined) document.documentElement.lang = htmlLang;
        if (init) await window.Explain402.init(init);
        // The page has `data-install`: this fetch also shows the panel.
        const res = await fetch(url);
        const d = await window.Explain402.diagnose(res);
        return d && d.locale;
      },
      { url: CASE, htmlLang, init }
    );
    const panel = await waitForPanel(p.page, CAUSE);
    assert.equal(panel.lang, locale, "the panel host's lang is the diagnosis locale");
    assert.equal(panel.innerLang, locale, "the panel inside the shadow root has the same lang");
    if (TITLE_WORD[locale]) assert.match(panel.title, TITLE_WORD[locale]);
    p.assertClean();
    return locale;
  } finally {
    await p.close();
  }
}

describe("each step of the order wins over the next", () => {
  test("the init option wins over data-locale", async () => {
    // locale-data.html: <html lang="id">, data-locale="en".
    assert.equal(await negotiated("/e2e/locale-data.html", { init: { locale: "id" } }), "id");
  });

  test("data-locale wins over <html lang>", async () => {
    assert.equal(await negotiated("/e2e/locale-data.html", { browserLocale: "id-ID" }), "en");
  });

  test("<html lang> wins over navigator.languages", async () => {
    assert.equal(await negotiated("/e2e/script-tag-id.html", { browserLocale: "en-US" }), "id");
    assert.equal(await negotiated("/e2e/script-tag-en.html", { browserLocale: "id-ID" }), "en");
  });

  test("navigator.languages wins over the English default", async () => {
    // locale-none.html sets neither <html lang> nor data-locale.
    assert.equal(await negotiated("/e2e/locale-none.html", { browserLocale: "id-ID" }), "id");
  });

  test("with nothing set and an English browser, the panel is English", async () => {
    assert.equal(await negotiated("/e2e/locale-none.html", { browserLocale: "en-US" }), "en");
  });
});

describe("nothing matching falls back to English", () => {
  test("a French page in a French browser", async () => {
    const locale = await negotiated("/e2e/locale-none.html", { browserLocale: "fr-FR", htmlLang: "fr" });
    assert.equal(locale, "en");
  });

  test("an unknown locale option, page language and browser language", async () => {
    const locale = await negotiated("/e2e/locale-none.html", {
      browserLocale: "fr-FR",
      htmlLang: "de-DE",
      init: { locale: "ja" },
    });
    assert.equal(locale, "en");
  });

  test("an unknown locale option gives way to the page language", async () => {
    const locale = await negotiated("/e2e/locale-none.html", { htmlLang: "id", init: { locale: "pt-BR" } });
    assert.equal(locale, "id");
  });
});

describe("regional tags fall back to their language", () => {
  // The browser says the other language each time, so only the tag under test can pick.
  for (const [tag, want, browserLocale] of [
    ["id-ID", "id", "en-US"],
    ["en-GB", "en", "id-ID"],
    ["in", "id", "en-US"],
    ["in-ID", "id", "en-US"],
    ["ID_id", "id", "en-US"],
  ]) {
    test(`<html lang="${tag}"> → ${want}`, async () => {
      assert.equal(await negotiated("/e2e/locale-none.html", { browserLocale, htmlLang: tag }), want);
    });
    test(`init({ locale: "${tag}" }) → ${want}`, async () => {
      assert.equal(await negotiated("/e2e/locale-none.html", { browserLocale, init: { locale: tag } }), want);
    });
  }

  test("navigator.languages id-ID → id (the browser's region is dropped too)", async () => {
    assert.equal(await negotiated("/e2e/locale-none.html", { browserLocale: "id-ID", htmlLang: "" }), "id");
  });
});
