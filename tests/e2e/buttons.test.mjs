// Honest buttons and the first toast's announcement, in the real bundle: without `onRetry` the
// retry button says "Reload page" and is offered only where a reload is safe (never after a
// payment challenge, never on a card form); with `onRetry` it says "Try again"; with a
// Retry-After it waits; the toast stack's live region exists, empty, before the first toast's
// words arrive; a site diagnosis gets the site's texts and buttons.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { newPage, waitForWidget, waitForPanel, closeBrowser, until } from "./harness.mjs";

after(closeBrowser);

const RETRY_30 = "/api/cases/ratelimit_429_retry_after_30";
const X402 = "/api/cases/x402_v2_payment_required_header";
const LIGHTNING = "/api/cases/l402_aperture_http_402";
const EXPIRED = "/api/cases/stripe_expired_card";
const SITE_CREDITS = "/api/cases/anthropic_400_credit_balance_too_low";

/** The diagnosis of `url`; `retry: true` passes an `onRetry` callback. */
function diagnose(page, url, { retry = false, ...options } = {}) {
  return page.evaluate(
    async ({ url, options, retry }) => {
      if (retry) options.onRetry = () => {};
      return window.Explain402.diagnose(await fetch(url), options);
    },
    { url, options, retry }
  );
}

const retryLabel = (d) => d.actions.find((a) => a.kind === "retry")?.label ?? null;

test("without onRetry the retry button says it reloads, and only where a reload is safe", async () => {
  const p = await newPage("/e2e/handler.html");
  try {
    await waitForWidget(p.page);
    assert.equal(retryLabel(await diagnose(p.page, RETRY_30, { locale: "en" })), "Reload page");
    assert.equal(retryLabel(await diagnose(p.page, RETRY_30, { locale: "id" })), "Muat ulang halaman");
    assert.equal(retryLabel(await diagnose(p.page, RETRY_30, { locale: "id", retry: true })), "Coba lagi");
    assert.equal(retryLabel(await diagnose(p.page, RETRY_30, { locale: "en", retry: true })), "Try again");
    // After a payment challenge a reload fetches a new one: a path to paying twice.
    for (const url of [X402, LIGHTNING]) {
      const d = await diagnose(p.page, url, { locale: "en" });
      assert.ok(d.details.paymentProtocol, `${url}: a payment challenge`);
      assert.equal(retryLabel(d), null, `${url}: no reload after a payment challenge`);
    }
    // On a card form a reload wipes what was typed; with onRetry the app retries itself.
    assert.equal(retryLabel(await diagnose(p.page, EXPIRED, { locale: "en" })), null);
    assert.equal(retryLabel(await diagnose(p.page, EXPIRED, { locale: "en", retry: true })), "Try again");
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("a site diagnosis gets the site's texts and no top-up button", async () => {
  const p = await newPage("/e2e/handler.html");
  try {
    await waitForWidget(p.page);
    for (const [locale, owner] of [["en", "Tell the site owner"], ["id", "Beri tahu pemilik situs"]]) {
      const d = await diagnose(p.page, SITE_CREDITS, { locale });
      assert.equal(d.cause, "credits_exhausted");
      assert.equal(d.party, "site");
      assert.ok(!d.actions.some((a) => a.kind === "update_payment"), JSON.stringify(d.actions));
      assert.equal(d.actions[0].label, owner);
      assert.ok(!d.steps.some((s) => /your account|akun Anda/.test(s)), JSON.stringify(d.steps));
    }
  } finally {
    await p.close();
  }
});

test("a Retry-After makes the button wait, and the first toast is announced once", async () => {
  const p = await newPage("/e2e/handler.html");
  try {
    await waitForWidget(p.page);
    // The region must be in the page before the words: watch for the stack and read its live
    // region at once, then again after the announcement delay.
    const seen = p.page.evaluate(
      () =>
        new Promise((resolve) => {
          new MutationObserver((_, obs) => {
            const stack = document.querySelector("explain402-toasts");
            if (!stack) return;
            obs.disconnect();
            const live = stack.shadowRoot.querySelector("[role=status][aria-live=polite]");
            resolve({ atInsert: live ? live.textContent : null });
          }).observe(document.body, { childList: true });
        })
    );
    await p.page.evaluate((url) => window.appLoad(url, { locale: "en", mode: "toast" }), RETRY_30);
    assert.deepEqual(await seen, { atInsert: "" }, "an empty live region when the stack appears");
    await waitForPanel(p.page, "rate_limited");
    const read = () =>
      p.page.evaluate(() => {
        const stack = document.querySelector("explain402-toasts");
        const root = document.querySelector('[data-explain402][data-cause="rate_limited"]').shadowRoot;
        const button = [...root.querySelectorAll(".actions button")].find((b) => b.textContent === "Reload page");
        return {
          live: stack.shadowRoot.querySelector("[role=status][aria-live=polite]").textContent,
          liveInToast: root.querySelectorAll("[aria-live]").length,
          disabled: button?.getAttribute("aria-disabled") ?? null,
          wait: Number(button?.dataset.wait ?? 0),
          shown: root.querySelector("#e4-wait")?.textContent ?? "",
        };
      });
    await until(async () => (await read()).live !== "", { what: "the announcement" });
    const now = await read();
    assert.match(now.live, /^Too many requests right now /);
    assert.equal(now.liveInToast, 0, "the toast itself is not a second live region");
    assert.equal(now.disabled, "true");
    assert.ok(now.wait > 25 && now.wait <= 30, `data-wait ${now.wait}`);
    assert.match(now.shown, /^Wait (30|29|28|27|26) seconds/);
    p.assertClean();
  } finally {
    await p.close();
  }
});
