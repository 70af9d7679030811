// The host page is never harmed: the app's response, request and abort pass untouched; the
// widget reads a bounded copy and gives up in time; no exception from the widget reaches the app,
// whatever the input, the callbacks or a WASM that cannot load; and the widget makes no request
// of its own beyond its files.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import {
  newPage, waitForWidget, waitForPanel, readPanels, fixture, closeBrowser, hostErrors, until, BASE_URL,
} from "./harness.mjs";

after(closeBrowser);

const EXPIRED = "/api/cases/stripe_expired_card";
/** A panel that must appear while a body is still streaming: far below the time the body takes. */
const QUICK_MS = 5_000;

/** Opens `path`, runs `body(p)`, then checks that nothing reached the host page and nothing was logged as an error. */
async function onPage(path, body, { allowErrors = () => false } = {}) {
  const p = await newPage(path);
  try {
    await body(p);
    assert.deepEqual(await hostErrors(p.page), [], "nothing reaches the host page");
    const errors = p.errors.filter((e) => !allowErrors(e));
    assert.deepEqual(errors, [], "the page logged no unexpected error");
  } finally {
    await p.close();
  }
}

/** The widget's own warnings. */
const widgetWarnings = (p) => p.warnings().filter((w) => w.startsWith("explain402:"));

/**
 * Shows that the widget stayed quiet about earlier responses: explains one more, with a cause
 * of its own (an x402 challenge), and checks that its panel is the only one.
 */
async function assertOnlyTheSentinel(page) {
  await page.evaluate(async () => window.Explain402.handle(await window.nativeFetch("/api/cases/x402_v1_payment_required")));
  await waitForPanel(page, "payment_required_onchain");
  assert.deepEqual((await readPanels(page)).map((x) => x.cause), ["payment_required_onchain"]);
}

// (1) The app's response, request and abort pass untouched.

test("the app gets the original response, unconsumed, after the widget has read its copy", async () => {
  await onPage("/e2e/no-code.html", async (p) => {
    await waitForWidget(p.page);
    const out = await p.page.evaluate(async (url) => {
      const pick = (r) => ({
        status: r.status, statusText: r.statusText, ok: r.ok, type: r.type, url: r.url, redirected: r.redirected,
        bodyUsed: r.bodyUsed, headers: [...r.headers].filter(([name]) => name !== "date"),
      });
      const res = await fetch(url);
      await window.panelShown("card_expired"); // the widget has read its copy and explained it
      const seen = pick(res);
      const expected = pick(await window.nativeFetch(url));
      const json = await res.json();
      return { seen, expected, json, usedAfter: res.bodyUsed, isResponse: res instanceof Response };
    }, EXPIRED);
    assert.deepEqual(out.seen, out.expected, "status, headers and bodyUsed are what they are without the widget");
    assert.equal(out.seen.bodyUsed, false);
    assert.deepEqual(out.json, JSON.parse(fixture("stripe_expired_card").body), "res.json() works");
    assert.equal(out.usedAfter, true);
    assert.ok(out.isResponse);
  });
});

test("Request objects, init headers and bodies reach the server as without the widget", async () => {
  await onPage("/e2e/no-code.html", async (p) => {
    await waitForWidget(p.page);
    const out = await p.page.evaluate(async () => {
      const calls = [
        () => [new Request("/api/echo?via=request", { method: "POST", headers: { "X-Custom": "kept", "Content-Type": "text/plain" }, body: "from a Request" })],
        () => ["/api/echo?via=init", { method: "PUT", headers: new Headers({ "X-Custom": "init", Authorization: "Bearer t0k" }), body: new Uint8Array([0, 1, 2, 255]) }],
        () => [new URL("/api/echo?via=url", location.href), { headers: [["X-List", "a"], ["X-List", "b"]] }],
      ];
      const out = [];
      for (const args of calls) {
        const wrapped = await (await fetch(...args())).json();
        const native = await (await window.nativeFetch(...args())).json();
        out.push({ wrapped, native });
      }
      return { out, installed: window.fetch !== window.nativeFetch };
    });
    assert.ok(out.installed, "data-install replaced fetch");
    for (const { wrapped, native } of out.out) assert.deepEqual(wrapped, native);
    const [request, init, url] = out.out.map((o) => o.wrapped);
    assert.deepEqual([request.method, request.headers["x-custom"], request.body], ["POST", "kept", "from a Request"]);
    assert.deepEqual([init.method, init.headers.authorization, init.body_base64], ["PUT", "Bearer t0k", "AAEC/w=="]);
    assert.equal(url.headers["x-list"], "a, b");
  });
});

test("an abort before the response rejects the app's promise with AbortError; the widget stays quiet", async () => {
  await onPage("/e2e/no-code.html", async (p) => {
    await waitForWidget(p.page);
    const out = await p.page.evaluate(async (url) => {
      const controller = new AbortController();
      const pending = fetch(url, { signal: controller.signal });
      controller.abort();
      try {
        await pending;
        return "resolved";
      } catch (e) {
        return e.name;
      }
    }, EXPIRED);
    assert.equal(out, "AbortError");
    await assertOnlyTheSentinel(p.page);
  });
});

test("an abort while the body streams rejects the app's read with AbortError; the widget stays quiet", async () => {
  await onPage("/e2e/no-code.html", async (p) => {
    await waitForWidget(p.page);
    const out = await p.page.evaluate(async () => {
      const controller = new AbortController();
      // A declined card up front, then 10 MB in 64 KiB chunks 200 ms apart.
      const res = await fetch("/api/slow?status=402&bytes=10485760&chunk=65536&delay_ms=200", { signal: controller.signal });
      // Most likely the widget has read the declined card by now and waits for the next chunk;
      // either way, an aborted body must not be explained.
      await new Promise((resolve) => setTimeout(resolve, 100));
      controller.abort();
      try {
        await res.text();
        return { status: res.status, read: "resolved" };
      } catch (e) {
        return { status: res.status, read: e.name };
      }
    });
    assert.deepEqual(out, { status: 402, read: "AbortError" });
    await assertOnlyTheSentinel(p.page);
  });
});

test("a streamed response reaches the app chunk by chunk, even when the widget watches it", async () => {
  await onPage("/e2e/no-code.html", async (p) => {
    await waitForWidget(p.page);
    const out = await p.page.evaluate(async () => {
      await window.Explain402.init({ statuses: [200, 402] }); // the widget now clones 200s too
      const res = await fetch("/api/stream");
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      const chunks = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(decoder.decode(value, { stream: true }));
      }
      return { status: res.status, chunks };
    });
    assert.equal(out.status, 200);
    assert.equal(out.chunks.join(""), [1, 2, 3, 4, 5].map((i) => `chunk ${i} of 5\n`).join(""));
    assert.ok(out.chunks.length > 1, `the body arrived in ${out.chunks.length} piece(s), not all at once at the end`);
    await assertOnlyTheSentinel(p.page);
  });
});

// (2) A bounded read of the copy.

test("a 402 with a 50 MB slow body gets a panel long before the body ends, and the app reads all of it", async () => {
  await onPage("/e2e/no-code.html", async (p) => {
    await waitForWidget(p.page);
    const bytes = 50 * 1024 * 1024;
    await p.page.evaluate(async (bytes) => {
      // Only maxBodyBytes (64 KiB by default) can end the widget's read early now.
      await window.Explain402.init({ readTimeoutMs: 60_000 });
      // 800 chunks of 64 KiB, 40 ms apart: more than 30 s of body.
      const res = await fetch(`/api/slow?status=402&bytes=${bytes}&chunk=65536&delay_ms=40`);
      window.big = { done: false };
      window.big.read = res.arrayBuffer().then((buf) => {
        window.big.done = true;
        return JSON.parse(new TextDecoder().decode(buf)).padding.length;
      });
    }, bytes);
    await p.page.waitForSelector("[data-explain402]", { state: "attached", timeout: QUICK_MS });
    assert.equal(await p.page.evaluate(() => window.big.done), false, "the panel came while the body was still streaming");
    assert.equal((await readPanels(p.page))[0].cause, "insufficient_funds");
    assert.equal(await p.page.evaluate(() => window.big.read), bytes, "the app read the whole body");
  });
});

test("maxBodyBytes bounds what the widget reads of its copy", async () => {
  await onPage("/e2e/api.html", async (p) => {
    await waitForWidget(p.page);
    const out = await p.page.evaluate(async (url) => {
      const E = window.Explain402;
      return {
        whole: (await E.diagnose(await fetch(url))).cause,
        // The Stripe error code sits past the 16th byte of the body.
        first16: (await E.diagnose(await fetch(url), { maxBodyBytes: 16 })).cause,
      };
    }, EXPIRED);
    assert.deepEqual(out, { whole: "card_expired", first16: "payment_required" });
  });
});

test("an endless 402 body gets a panel after readTimeoutMs, and the widget cancels its copy", async () => {
  await onPage("/e2e/no-code.html", async (p) => {
    await waitForWidget(p.page);
    // 16 bytes every 100 ms: reaching 64 KiB would take minutes, so only the deadline can end the read.
    await p.page.evaluate(async () => {
      window.endless = await fetch("/api/endless?status=402&chunk=16");
    });
    await p.page.waitForSelector("[data-explain402]", { state: "attached", timeout: QUICK_MS });
    assert.equal((await readPanels(p.page))[0].cause, "insufficient_funds");
    // A tee'd body's cancel() settles only once both branches are cancelled: the app's cancel
    // resolving shows the widget has let go of its copy.
    const cancelled = await p.page.evaluate(() =>
      Promise.race([
        window.endless.body.cancel().then(() => "cancelled"),
        new Promise((resolve) => setTimeout(() => resolve("the widget still holds its copy"), 5_000)),
      ])
    );
    assert.equal(cancelled, "cancelled");
  });
});

// (3) No exception from the widget reaches the app.

test("malformed responses never throw: every call resolves and the widget keeps working", async () => {
  await onPage("/e2e/api.html", async (p) => {
    await waitForWidget(p.page);
    const out = await p.page.evaluate(async () => {
      const E = window.Explain402;
      const cyclic = { status: 402 };
      cyclic.data = { self: cyclic };
      const detached = new ArrayBuffer(8);
      structuredClone(detached, { transfer: [detached] });
      const locked = new Response("locked", { status: 402 });
      locked.body.getReader();
      const used = new Response("used", { status: 402 });
      await used.text();
      const inputs = {
        undefined: undefined, null: null, number: 402, string: "402", array: [402], empty: {},
        stringStatus: { status: "402" },
        hugeStatus: { status: 1e300, headers: 5, data: Symbol("x") },
        cyclic,
        throwingProxy: new Proxy({}, { get() { throw new Error("proxy get"); } }),
        throwingHeadersGetter: { status: 402, get headers() { throw new Error("headers getter"); } },
        throwingHeaderValue: { status: 402, headers: { get "content-type"() { throw new Error("header getter"); } } },
        throwingOwnKeys: { status: 402, headers: new Proxy({}, { ownKeys() { throw new Error("ownKeys"); } }) },
        throwingToJSON: { status: 402, data: { toJSON() { throw new Error("toJSON"); } } },
        detachedBuffer: { status: 402, data: detached },
        lockedResponse: locked,
        usedResponse: used,
        garbageBytes: new Response(new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0x22]), { status: 402, headers: { "Content-Type": "application/json" } }),
      };
      const results = {};
      for (const [name, input] of Object.entries(inputs)) {
        const settle = (promise) =>
          Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve("never settled"), 3_000))]).then(
            (v) => (v === null || v === "never settled" ? v : typeof v === "object" ? v.cause : typeof v),
            (e) => `rejected: ${e}`
          );
        let diagnose, handle;
        try {
          diagnose = await settle(E.diagnose(input));
          handle = await settle(E.handle(input, { mode: "toast" }));
        } catch (e) {
          diagnose = `threw: ${e}`;
        }
        results[name] = { diagnose, handle };
        E.dismiss();
      }
      const after = await E.diagnose(await fetch("/api/cases/stripe_expired_card"));
      return { results, after: after && after.cause };
    });
    for (const [name, { diagnose, handle }] of Object.entries(out.results)) {
      for (const [verb, v] of [["diagnose", diagnose], ["handle", handle]]) {
        assert.ok(v === null || /^[a-z_]+$/.test(v), `${verb}(${name}) settled with a diagnosis or null, not ${v}`);
      }
    }
    assert.equal(out.results.lockedResponse.diagnose, "payment_required", "a locked body is explained from its status");
    assert.equal(out.after, "card_expired", "the widget still works afterwards");
  });
});

test("option callbacks that throw (onShow, onAction, onDismiss) never reach the app", async () => {
  await onPage("/e2e/api.html", async (p) => {
    await waitForWidget(p.page);
    const d = await p.page.evaluate(async () => {
      window.retried = 0;
      await window.Explain402.init({
        onShow() { throw new Error("onShow boom"); },
        onAction() { throw new Error("onAction boom"); },
        onDismiss() { throw new Error("onDismiss boom"); },
        onRetry() { window.retried += 1; },
      });
      return window.Explain402.handle(await fetch("/api/cases/stripe_processing_error"));
    });
    assert.equal(d.cause, "processing_error_retry");
    await waitForPanel(p.page, "processing_error_retry");
    // "Try again" reports onAction (throws), calls onRetry and dismisses the panel (onDismiss throws).
    const retry = d.actions.find((a) => a.kind === "retry");
    await p.page.locator("[data-explain402] button", { hasText: retry.label }).click();
    await until(async () => (await readPanels(p.page)).length === 0, { what: "the panel to go" });
    assert.equal(await p.page.evaluate(() => window.retried), 1);
    const warnings = widgetWarnings(p).join("\n");
    for (const name of ["onShow", "onAction", "onDismiss"]) assert.match(warnings, new RegExp(`a callback threw: ${name} boom`));
  });
});

test("malformed options never throw; the defaults apply and each problem is one warning", async () => {
  await onPage("/e2e/no-code.html", async (p) => {
    await waitForWidget(p.page);
    const result = await p.page.evaluate(() =>
      window.Explain402.init({ statuses: 402, mode: 7, maxBodyBytes: "lots", readTimeoutMs: -1, onShow: "no", container: "#x" }).then(
        (v) => `resolved ${v}`,
        (e) => `rejected ${e}`
      )
    );
    assert.equal(result, "resolved undefined");
    const res = await p.page.evaluate(async (url) => (await fetch(url)).status, EXPIRED);
    assert.equal(res, 402);
    await waitForPanel(p.page, "card_expired"); // statuses fell back to [402]
    const warnings = widgetWarnings(p).join("\n");
    for (const key of ["statuses", "mode", "maxBodyBytes", "readTimeoutMs", "onShow", "container"]) {
      assert.match(warnings, new RegExp(`option \`${key}\``), key);
    }
  });
});

/** Waits for the one warning of a widget that could not load, then shows fetch works as before. */
async function assertFetchUnharmed(p) {
  await until(() => widgetWarnings(p).length > 0, { what: "the widget's warning" });
  const out = await p.page.evaluate(async (url) => {
    const res = await fetch(url);
    const json = await res.json();
    const ok = await (await fetch("/api/ok")).json();
    const again = await fetch(url);
    return {
      status: res.status, code: json.error.code, ok, installed: window.fetch !== window.nativeFetch,
      diagnosis: await window.Explain402.handle(again), stillReadable: (await again.text()).length > 0,
      panels: document.querySelectorAll("[data-explain402]").length,
    };
  }, EXPIRED);
  assert.deepEqual(out, { status: 402, code: "expired_card", ok: { ok: true }, installed: true, diagnosis: null, stillReadable: true, panels: 0 });
  assert.equal(widgetWarnings(p).length, 1, `exactly one warning: ${widgetWarnings(p)}`);
  assert.match(widgetWarnings(p)[0], /could not load .*fetch keeps working/);
}

test("a WASM that fails to load: fetch works as before and one warning says why", async () => {
  const missing = (e) => /Failed to load resource: .*404/.test(e) && e.includes("/broken-dist/explain402_core");
  await onPage("/e2e/broken.html", async (p) => {
    await waitForWidget(p.page);
    await assertFetchUnharmed(p);
  }, { allowErrors: missing });
});

test("a WASM blocked by the page's CSP: fetch works as before and one warning says why", async () => {
  const refused = (e) => /WebAssembly/.test(e) && /Content Security Policy|wasm-unsafe-eval/.test(e);
  await onPage("/csp-nowasm/", async (p) => {
    await waitForWidget(p.page);
    await assertFetchUnharmed(p);
    const violations = await p.page.evaluate(() => window.cspViolations);
    assert.ok(violations.length > 0, "the policy did block the WASM");
    for (const v of violations) assert.equal(v.blocked, "wasm-eval", JSON.stringify(v));
  }, { allowErrors: refused });
});

// (4) No network request of its own.

test("the widget requests nothing but its own files", async () => {
  const p = await newPage("/e2e/no-code.html");
  try {
    await waitForWidget(p.page);
    const app = ["/api/cases/stripe_expired_card", "/api/cases/x402_v1_payment_required", "/api/ok", "/api/cases/empty_body_402"];
    await p.page.evaluate(async (urls) => {
      await window.Explain402.init({ mode: "toast", trustedLinkOrigins: ["https://stripe.com"] });
      for (const url of urls) await (await fetch(url)).text();
    }, app);
    await until(async () => (await readPanels(p.page)).length === 3, { what: "three panels" });
    const page = ["/e2e/no-code.html", "/demo.css", "/favicon.svg", "/e2e/host.js"];
    const widget = ["/dist/explain402.js", "/dist/explain402_core.js", "/dist/explain402_core_bg.wasm"];
    const seen = p.requests.map((u) => u.replace(BASE_URL, ""));
    assert.deepEqual(seen.filter((u) => u.startsWith("/api/")).sort(), [...app].sort(), "only the app's own API calls");
    assert.deepEqual(seen.filter((u) => u.startsWith("/dist/")).sort(), widget, "each widget file, once");
    assert.deepEqual(seen.filter((u) => !u.startsWith("/api/") && !u.startsWith("/dist/") && !page.includes(u)), [], "nothing else");
    p.assertClean();
  } finally {
    await p.close();
  }
});
