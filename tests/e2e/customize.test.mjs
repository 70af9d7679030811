// Customizing the words: a field-level override changes that field only, an added locale falls
// back to English field by field, a custom rule with a custom cause explains the app's own
// error, placeholders and `[[ ]]` segments fill in, and malformed customization falls back to
// the built-in text with one warning per problem, no error and never a blank panel.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { newPage, waitForWidget, waitForPanel, fixture, closeBrowser } from "./harness.mjs";

after(closeBrowser);

const EXPIRED = "/api/cases/stripe_expired_card";
const PLAN_LIMIT = "/api/cases/custom_plan_limit_402";
const RETRY_30 = "/api/cases/ratelimit_429_retry_after_30";
// A visitor's rate limit (party "user") without Retry-After. Stripe's 429 is the site's own
// limit (party "site"), whose built-in site text comes before a cause's user text.
const RATE_NO_WAIT = "/api/cases/nginx_429_limit_req";
const SITE_CREDITS = "/api/cases/anthropic_400_credit_balance_too_low";

/** The diagnosis of `url` with per-call `options`, without showing a panel. */
function diagnose(page, url, options) {
  return page.evaluate(
    async ({ url, options }) => window.Explain402.diagnose(await fetch(url), options),
    { url, options }
  );
}

/** `init(options)` in the page. */
function init(page, options) {
  return page.evaluate((options) => window.Explain402.init(options), options);
}

/** The app's handler (handler.html): fetch, `handle` (shows the panel), read the body. */
function appLoad(page, url, options) {
  return page.evaluate(({ url, options }) => window.appLoad(url, options), { url, options });
}

/** The accessible name of the panel's close button and its list of steps, from the shadow root. */
function panelDetails(page, cause) {
  return page.evaluate((cause) => {
    const root = document.querySelector(`[data-explain402][data-cause="${cause}"]`).shadowRoot;
    return {
      close: root.querySelector("button.close").getAttribute("aria-label"),
      steps: [...root.querySelectorAll("ol li")].map((li) => li.textContent),
      explanation: root.querySelector(".explanation").textContent,
    };
  }, cause);
}

/** Console warnings from the widget. */
const widgetWarnings = (p) => p.warnings().filter((w) => w.startsWith("explain402:"));

/** Opens the handler page and returns it with the built-in `en` and `id` texts of `url`. */
async function pageWithBuiltins(url) {
  const p = await newPage("/e2e/handler.html");
  await waitForWidget(p.page);
  const builtin = {
    en: await diagnose(p.page, url, { locale: "en" }),
    id: await diagnose(p.page, url, { locale: "id" }),
  };
  return { p, builtin };
}

test("a field-level override changes that field and nothing else", async () => {
  const { p, builtin } = await pageWithBuiltins(EXPIRED);
  try {
    const title = "Kartu ini sudah tidak berlaku (uji)";
    await init(p.page, { locale: "id", messages: { id: { card_expired: { title } } } });
    const { diagnosis: d } = await appLoad(p.page, EXPIRED);
    assert.equal(d.locale, "id");
    assert.equal(d.title, title);
    assert.notEqual(builtin.id.title, title);
    assert.equal(d.explanation, builtin.id.explanation);
    assert.deepEqual(d.steps, builtin.id.steps);
    assert.deepEqual(d.actions, builtin.id.actions);

    const panel = await waitForPanel(p.page, "card_expired");
    assert.equal(panel.title, title);
    assert.deepEqual((await panelDetails(p.page, "card_expired")).steps, builtin.id.steps);

    const en = await diagnose(p.page, EXPIRED, { locale: "en" });
    assert.equal(en.title, builtin.en.title, "the English text is untouched");
    assert.deepEqual(widgetWarnings(p), []);
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("an added locale uses its own text and English for everything else", async () => {
  const { p, builtin } = await pageWithBuiltins(EXPIRED);
  try {
    const title = "Kad anda telah tamat tempoh";
    await init(p.page, { locale: "ms", messages: { ms: { card_expired: { title } } } });
    const { diagnosis: d } = await appLoad(p.page, EXPIRED);
    assert.equal(d.locale, "ms");
    assert.equal(d.title, title);
    assert.equal(d.explanation, builtin.en.explanation);
    assert.deepEqual(d.steps, builtin.en.steps);

    const panel = await waitForPanel(p.page, "card_expired");
    assert.equal(panel.lang, "ms");
    assert.equal(panel.title, title);
    const english = await diagnose(p.page, EXPIRED, { locale: "en" });
    const details = await panelDetails(p.page, "card_expired");
    assert.equal(details.explanation, english.explanation);

    // Another cause has no Malay text at all: English throughout, still reported as `ms`.
    // (A case without a placeholder: values are formatted for the reported locale.)
    const rate = await diagnose(p.page, RATE_NO_WAIT);
    const rateEn = await diagnose(p.page, RATE_NO_WAIT, { locale: "en" });
    assert.equal(rate.locale, "ms");
    assert.equal(rate.title, rateEn.title);
    assert.deepEqual(rate.steps, rateEn.steps);
    // A regional tag finds the added locale.
    assert.equal((await diagnose(p.page, EXPIRED, { locale: "ms-MY" })).title, title);
    assert.deepEqual(widgetWarnings(p), []);
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("a custom rule and a custom cause explain the app's own error", async () => {
  const p = await newPage("/e2e/handler.html");
  try {
    await waitForWidget(p.page);
    const plain = await diagnose(p.page, PLAN_LIMIT);
    assert.equal(plain.cause, fixture("custom_plan_limit_402").expected_cause, "without rules: the built-in cause");

    const text = {
      title: "Your plan is full",
      explanation: "The free plan holds three projects.",
      steps: ["Upgrade to Pro for unlimited projects.", "Or delete a project you no longer need."],
    };
    await init(p.page, {
      rules: [{ status: 402, code: "PLAN_LIMIT", cause: "upgrade_plan" }],
      messages: { en: { upgrade_plan: text } },
    });
    const { status, diagnosis: d } = await appLoad(p.page, PLAN_LIMIT);
    assert.equal(status, 402);
    assert.equal(d.cause, "upgrade_plan");
    assert.equal(d.source, "rule");
    assert.equal(d.title, text.title);
    assert.equal(d.explanation, text.explanation);
    assert.deepEqual(d.steps, text.steps);

    const panel = await waitForPanel(p.page, "upgrade_plan");
    assert.equal(panel.title, text.title);
    assert.deepEqual((await panelDetails(p.page, "upgrade_plan")).steps, text.steps);

    // No Indonesian text for the custom cause: its English text, in an Indonesian panel.
    const id = await diagnose(p.page, PLAN_LIMIT, { locale: "id" });
    assert.equal(id.locale, "id");
    assert.equal(id.title, text.title);
    // The rule matches only its code: other 402s keep their built-in causes.
    assert.equal((await diagnose(p.page, EXPIRED)).cause, "card_expired");
    assert.deepEqual(widgetWarnings(p), []);
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("placeholders fill in and [[ ]] segments drop out when their value is missing", async () => {
  const p = await newPage("/e2e/handler.html");
  try {
    await waitForWidget(p.page);
    await init(p.page, {
      locale: "en",
      messages: {
        en: {
          rate_limited: {
            title: "Slow down[[ for {retryAfter}]]",
            steps: ["Wait[[ {retryAfter}]], then press Try again.", "Contact us if this keeps happening."],
          },
        },
      },
    });
    const withWait = await diagnose(p.page, RETRY_30);
    assert.equal(withWait.cause, "rate_limited");
    assert.equal(withWait.title, "Slow down for 30 seconds");
    assert.equal(withWait.steps[0], "Wait 30 seconds, then press Try again.");

    const without = await diagnose(p.page, RATE_NO_WAIT);
    assert.equal(without.cause, "rate_limited");
    assert.equal(without.details.retryAfter ?? null, null, "this fixture has no Retry-After");
    assert.equal(without.title, "Slow down");
    assert.equal(without.steps[0], "Wait, then press Try again.");

    const { diagnosis } = await appLoad(p.page, RETRY_30);
    assert.equal((await waitForPanel(p.page, "rate_limited")).title, diagnosis.title);
    assert.deepEqual(widgetWarnings(p), []);
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("malformed texts fall back to the built-in ones with one warning per problem", async () => {
  const { p, builtin } = await pageWithBuiltins(EXPIRED);
  try {
    await init(p.page, { locale: "id", messages: { id: { card_expired: { title: 42, steps: "x" } } } });
    const { diagnosis: d } = await appLoad(p.page, EXPIRED);
    assert.equal(d.title, builtin.id.title);
    assert.equal(d.explanation, builtin.id.explanation);
    assert.deepEqual(d.steps, builtin.id.steps);

    const panel = await waitForPanel(p.page, "card_expired");
    assert.equal(panel.title, builtin.id.title, "the panel is never blank");
    assert.ok(panel.visible);
    assert.deepEqual((await panelDetails(p.page, "card_expired")).steps, builtin.id.steps);

    // The same options again, and more responses: no warning repeats.
    await init(p.page, { locale: "id", messages: { id: { card_expired: { title: 42, steps: "x" } } } });
    await appLoad(p.page, EXPIRED);
    await diagnose(p.page, EXPIRED);
    const warnings = widgetWarnings(p);
    assert.equal(warnings.length, 2, `one warning per problem: ${JSON.stringify(warnings)}`);
    assert.equal(warnings.filter((w) => w.includes("messages.id.card_expired.title")).length, 1);
    assert.equal(warnings.filter((w) => w.includes("messages.id.card_expired.steps")).length, 1);
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("malformed messages, rules and options never blank the panel", async () => {
  const { p, builtin } = await pageWithBuiltins(EXPIRED);
  try {
    await init(p.page, {
      locale: "en",
      theme: "purple",
      messages: { en: { card_expired: "not an object", ui: { close: "" } }, "not a tag!": {} },
      rules: [{ stauts: 402, cause: "x" }],
    });
    const { diagnosis: d } = await appLoad(p.page, EXPIRED);
    assert.equal(d.cause, "card_expired", "the broken rule is skipped");
    assert.equal(d.title, builtin.en.title);
    assert.deepEqual(d.steps, builtin.en.steps);
    assert.equal((await waitForPanel(p.page, "card_expired")).title, builtin.en.title);
    const details = await panelDetails(p.page, "card_expired");
    assert.ok(details.close.length > 0, "the close button keeps its built-in name");

    const warnings = widgetWarnings(p);
    for (const problem of ["theme", "messages.en.card_expired", "messages.en.ui.close", "messages.not a tag!", "rules[0]"]) {
      assert.equal(
        warnings.filter((w) => w.includes(problem)).length,
        1,
        `one warning about ${problem}: ${JSON.stringify(warnings)}`
      );
    }
    assert.equal(warnings.length, 5, JSON.stringify(warnings));
    p.assertClean();
  } finally {
    await p.close();
  }
});

/** The options of the "Customizing messages" example in the README, verbatim. */
const README_EXAMPLE = {
  locale: "id",
  paymentUrl: "https://shop.example.co.id/billing",
  rules: [{ status: 402, code: "PLAN_LIMIT", cause: "upgrade_plan" }],
  messages: {
    id: {
      card_expired: { title: "Kartu Anda sudah tidak berlaku" },
      rate_limited: { title: "Terlalu cepat[[, tunggu {retryAfter}]]" },
      credits_exhausted: {
        title: "Kuota AI Anda sudah habis",
        site: {
          title: "Fitur AI kami sedang berhenti",
          steps: ["Tim kami sudah diberi tahu.", "Silakan coba lagi nanti."],
          actions: ["retry"],
        },
      },
      ui: { close: "Tutup panel", details: "Info untuk layanan pelanggan" },
      actions: { contact_support: "Chat dengan kami" },
    },
    en: {
      upgrade_plan: {
        title: "Your plan is full",
        explanation: "The free plan holds three projects.",
        steps: ["Upgrade to Pro for unlimited projects.", "Or delete a project you no longer need."],
        actions: ["update_payment", "contact_support"],
        labels: { update_payment: "Upgrade to Pro" },
      },
    },
    ms: {
      card_expired: { title: "Kad anda telah tamat tempoh" },
      ui: { close: "Tutup" },
    },
  },
};

test("the README's customization example does what the README says", async () => {
  const p = await newPage("/e2e/handler.html");
  try {
    await waitForWidget(p.page);
    await init(p.page, README_EXAMPLE);

    assert.equal((await diagnose(p.page, EXPIRED)).title, "Kartu Anda sudah tidak berlaku");
    assert.equal((await diagnose(p.page, RETRY_30)).title, "Terlalu cepat, tunggu 30 detik");
    assert.equal((await diagnose(p.page, RATE_NO_WAIT)).title, "Terlalu cepat");
    const site = await diagnose(p.page, SITE_CREDITS);
    assert.equal(site.party, "site");
    assert.equal(site.title, "Fitur AI kami sedang berhenti");
    assert.deepEqual(site.steps, ["Tim kami sudah diberi tahu.", "Silakan coba lagi nanti."]);
    assert.deepEqual(site.actions, [{ kind: "retry", label: "Muat ulang halaman" }]);

    const { diagnosis: plan } = await appLoad(p.page, PLAN_LIMIT);
    assert.equal(plan.cause, "upgrade_plan");
    assert.equal(plan.locale, "id");
    assert.equal(plan.title, "Your plan is full", "the English text of the custom cause");
    assert.deepEqual(plan.actions, [
      { kind: "update_payment", label: "Upgrade to Pro" },
      { kind: "contact_support", label: "Chat dengan kami" },
    ]);
    await waitForPanel(p.page, "upgrade_plan");
    const shown = await p.page.evaluate(() => {
      const root = document.querySelector("[data-explain402]").shadowRoot;
      return {
        close: root.querySelector("button.close").getAttribute("aria-label"),
        summary: root.querySelector("summary").textContent,
        // Without supportUrl, only the payment link can act.
        buttons: [...root.querySelectorAll(".actions .btn")].map((b) => [b.textContent, b.getAttribute("href")]),
      };
    });
    assert.equal(shown.close, "Tutup panel");
    assert.equal(shown.summary, "Info untuk layanan pelanggan");
    assert.deepEqual(shown.buttons, [["Upgrade to Pro", "https://shop.example.co.id/billing"]]);

    const ms = await diagnose(p.page, EXPIRED, { locale: "ms" });
    assert.equal(ms.title, "Kad anda telah tamat tempoh");
    assert.deepEqual(widgetWarnings(p), []);
    p.assertClean();
  } finally {
    await p.close();
  }
});
