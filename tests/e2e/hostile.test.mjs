// Hostile input in a real browser: XSS payloads in every response field the widget reads and in
// every integrator option; malformed, huge, endless and deeply nested responses; 100 concurrent
// and 1,000 sequential panels. The widget must draw only inert text, keep the app's response
// intact, and leave nothing behind.

import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { newPage, closeBrowser, fixture } from "./harness.mjs";
import { installHostile } from "./hostile-page.mjs";
import { PAYLOADS } from "./xss-payloads.mjs";
import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";

after(closeBrowser);

/** How long after the last case a payload's deferred script (an img onerror, say) may fire. */
const TRAP_GRACE_MS = 300;
/** Warnings that mean the widget itself failed, rather than an option being refused. */
const FAILED = /failed on this response|internal error|could not show the panel|could not load/;

/** The blank page with the trap set and the widget loaded (not installed), in English. */
async function hostilePage() {
  const p = await newPage("/e2e/blank.html");
  // The loader's own <script> first, so the trap's watch on the page sees only what follows.
  await p.page.addScriptTag({ url: "/dist/explain402.js" });
  await p.page.evaluate(installHostile);
  await p.page.evaluate(() => window.Explain402.init({ locale: "en" }));
  return p;
}

/** Asserts that nothing ran, nothing failed and no page error was logged. */
async function assertUnharmed(p) {
  await p.page.waitForTimeout(TRAP_GRACE_MS);
  assert.equal(await p.page.evaluate(() => window.__pwned), 0, "a payload ran script");
  const failures = p.warnings().filter((w) => FAILED.test(w));
  assert.deepEqual(failures, [], "the widget failed on some input");
  p.assertClean();
}

function assertNoViolations(result) {
  const v = result.violations;
  assert.equal(v.length, 0, `${v.length} violations, first ones:\n  ${v.slice(0, 15).join("\n  ")}`);
}

describe("XSS payloads", () => {
  test("the checks catch an unsafe panel (a control for the tests below)", async () => {
    const p = await hostilePage();
    try {
      const found = await p.page.evaluate(() => {
        const host = document.createElement("div");
        host.setAttribute("data-explain402", "");
        host.attachShadow({ mode: "open" }).innerHTML =
          '<h2>\u202Eevil</h2><p class="explanation" onclick="x">' + "a".repeat(2_000) + "</p>" +
          '<iframe></iframe><a href="javascript:void 0">x</a><a href="https://x.example/">y</a>';
        document.body.append(host);
        const v = window.__hostile.inspect("control");
        host.remove();
        return v.join("\n");
      });
      for (const what of ["bidi control", "onclick", "explanation of 2000", "<iframe>", "scheme javascript:", "link rel"]) {
        assert.ok(found.includes(what), `the checks missed: ${what}\n${found}`);
      }
    } finally {
      await p.close();
    }
  });

  test(`the corpus has at least 50 payloads`, () => {
    assert.ok(PAYLOADS.length >= 50, `${PAYLOADS.length} payloads`);
    assert.ok(PAYLOADS.some((p) => p.value.length >= 1 << 20), "a 1 MB payload");
  });

  for (const group of [
    "x402 v1 body",
    "x402 v2 PAYMENT-REQUIRED header (base64)",
    "problem+json",
    "Stripe error",
    "Midtrans and Xendit",
    "headers",
    "prototype keys",
  ]) {
    test(`in ${group}: only inert text and safe links`, async (t) => {
      const p = await hostilePage();
      try {
        const r = await p.page.evaluate(({ group, payloads }) => window.__hostile.responseFields(group, payloads), {
          group,
          payloads: PAYLOADS,
        });
        t.diagnostic(`${r.cases} cases, ${r.shown} panels, ${r.skipped.length} refused by the browser`);
        assertNoViolations(r);
        assert.ok(r.shown >= r.cases / 2, `only ${r.shown} of ${r.cases} cases showed a panel`);
        // Only header values can be refused (fetch rejects some bytes); bodies never are.
        if (group !== "headers") assert.deepEqual(r.skipped, []);
        await assertUnharmed(p);
      } finally {
        await p.close();
      }
    });
  }

  test("in integrator messages and URL options: only inert text and safe links", async (t) => {
    const p = await hostilePage();
    try {
      const r = await p.page.evaluate((payloads) => window.__hostile.optionFields(payloads), PAYLOADS);
      t.diagnostic(`${r.cases} cases, ${r.shown} panels`);
      assertNoViolations(r);
      assert.equal(r.shown, r.cases, "every case still showed a panel");
      await assertUnharmed(p);
    } finally {
      await p.close();
    }
  });
});

describe("malformed responses", () => {
  test("each gives a panel or nothing, and the app still reads every byte", async (t) => {
    const p = await hostilePage();
    try {
      const r = await p.page.evaluate(async () => {
        const cases = window.__hostile.malformed();
        const out = { violations: [], shown: 0, slowest: 0 };
        for (const [name, status, headers, bytes] of cases) {
          const res = new Response(bytes, { status, headers });
          const started = performance.now();
          const handled = window.Explain402.handle(res);
          const got = new Uint8Array(await res.arrayBuffer()); // the app reads its response
          const report = await handled;
          out.slowest = Math.max(out.slowest, performance.now() - started);
          if (got.length !== bytes.length || got.some((b, i) => b !== bytes[i])) out.violations.push(`${name}: the app's body changed`);
          const shown = window.__hostile.panels().length;
          if (report ? shown !== 1 : shown !== 0) out.violations.push(`${name}: report ${!!report}, ${shown} panels`);
          if (report) out.shown++;
          out.violations.push(...window.__hostile.inspect(name));
          await window.__hostile.dismissAll();
        }
        return out;
      });
      t.diagnostic(`${r.shown} panels; slowest case ${Math.round(r.slowest)} ms`);
      assertNoViolations(r);
      assert.ok(r.slowest < 3_000, `a case took ${Math.round(r.slowest)} ms`);
      await assertUnharmed(p);
    } finally {
      await p.close();
    }
  });

  test("odd response-like objects and locked bodies never throw or wedge the widget", async (t) => {
    const p = await hostilePage();
    try {
      const r = await p.page.evaluate(async () => {
        const boom = () => {
          throw new Error("boom");
        };
        const throwing = new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom });
        const locked = new Response("{}", { status: 402 });
        locked.body.getReader();
        const used = new Response("{}", { status: 402 });
        await used.text();
        const inputs = [
          null, undefined, 42, "402", [], {}, { status: "402" }, { status: 1e12 }, { status: -1 },
          { status: 402, headers: throwing }, { status: 402, headers: { "content-type": 42 }, data: Symbol("x") },
          { status: 402, data: { error: { code: "expired_card", type: "card_error" } }, headers: { "x-request-id": ["a", "b"] } },
          { get status() { return boom(); } }, throwing, locked, used,
        ];
        const reports = [];
        for (const x of inputs) {
          reports.push(await window.Explain402.handle(x).then((d) => (d ? d.cause : null), (e) => `rejected: ${e}`));
          await window.__hostile.dismissAll();
        }
        // The widget still works afterwards.
        const after = await window.Explain402.handle(new Response(window.__hostile.stripeExpired().body, { status: 402, headers: { "content-type": "application/json" } }));
        return { reports, after: after && after.cause, panels: window.__hostile.panels().length };
      });
      t.diagnostic(`causes: ${r.reports.join(", ")}`);
      assert.ok(!r.reports.some((x) => String(x).startsWith("rejected")), `a call rejected: ${r.reports}`);
      assert.equal(r.after, "card_expired");
      assert.equal(r.panels, 1);
      await assertUnharmed(p);
    } finally {
      await p.close();
    }
  });

  test("a 50 MB body: the panel shows and the app reads all of it", async () => {
    const p = await hostilePage();
    try {
      const bytes = 50 << 20;
      const r = await p.page.evaluate(async (bytes) => {
        const res = await window.Explain402.wrapFetch(fetch)(`/api/slow?status=402&bytes=${bytes}&chunk=1048576&delay_ms=0`);
        const text = await res.text();
        const panel = await window.__hostile.until(() => window.__hostile.panels().length === 1, 10_000);
        return { length: text.length, parsed: JSON.parse(text).error.code, panel };
      }, bytes);
      assert.ok(r.length > bytes, `the app read ${r.length} characters`);
      assert.equal(r.parsed, "card_declined");
      assert.ok(r.panel, "a panel appeared");
      await assertUnharmed(p);
    } finally {
      await p.close();
    }
  });

  test("a body that never ends: the panel shows and the app's stream keeps flowing", async () => {
    const p = await hostilePage();
    try {
      const r = await p.page.evaluate(async () => {
        const res = await window.Explain402.wrapFetch(fetch)("/api/endless?status=402&chunk=1024");
        const started = performance.now();
        const panel = await window.__hostile.until(() => window.__hostile.panels().length === 1, 10_000);
        const shownAfter = performance.now() - started;
        // The app reads its own branch for a while after the widget has given up on its copy.
        const reader = res.body.getReader();
        let received = 0;
        const readUntil = performance.now() + 600;
        while (performance.now() < readUntil) received += (await reader.read()).value.length;
        await reader.cancel();
        return { panel, shownAfter, received };
      });
      assert.ok(r.panel, "a panel appeared");
      assert.ok(r.shownAfter < 5_000, `the panel took ${Math.round(r.shownAfter)} ms`);
      assert.ok(r.received > 2_048, `the app received only ${r.received} bytes`);
      await assertUnharmed(p);
    } finally {
      await p.close();
    }
  });
});

describe("load", () => {
  test("100 concurrent 402s with one cause make one panel that counts them", async () => {
    const p = await hostilePage();
    try {
      const f = fixture("stripe_expired_card");
      const r = await p.page.evaluate(async (f) => {
        const wrapped = window.Explain402.wrapFetch(() => Promise.resolve(new Response(f.body, { status: f.status, headers: f.headers })));
        const responses = await Promise.all(Array.from({ length: 100 }, () => wrapped("/api/pay")));
        const bodies = await Promise.all(responses.map((res) => res.json()));
        const counted = await window.__hostile.until(() => document.querySelector("[data-explain402]")?.getAttribute("data-count") === "100", 10_000);
        const hosts = document.querySelectorAll("[data-explain402]");
        return { counted, hosts: hosts.length, count: hosts[0]?.getAttribute("data-count"), read: bodies.filter((b) => b.error.code === "expired_card").length };
      }, f);
      assert.equal(r.hosts, 1, "exactly one panel");
      assert.equal(r.count, "100", "the panel counts every occurrence");
      assert.equal(r.read, 100, "the app read all 100 bodies");
      await assertUnharmed(p);
    } finally {
      await p.close();
    }
  });

  test("1,000 show/dismiss cycles leave no nodes or listeners behind", async (t) => {
    const p = await hostilePage();
    try {
      const f = fixture("stripe_expired_card");
      const cdp = await p.context.newCDPSession(p.page);
      await cdp.send("Performance.enable");
      await cdp.send("HeapProfiler.enable");
      const cycles = (n) =>
        p.page.evaluate(
          async ({ f, n }) => {
            for (let i = 0; i < n; i++) {
              await window.Explain402.handle(new Response(f.body, { status: f.status, headers: f.headers }));
              if (window.__hostile.panels().length !== 1) throw new Error(`cycle ${i}: no panel`);
              if (!(await window.__hostile.dismissAll())) throw new Error(`cycle ${i}: the panel stayed`);
            }
          },
          { f, n }
        );
      const reading = async () => {
        await p.page.waitForTimeout(2_000); // the read deadlines (1.5 s) of the last cycles fire
        await cdp.send("HeapProfiler.collectGarbage");
        const { metrics } = await cdp.send("Performance.getMetrics");
        const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
        const elements = await p.page.evaluate(() => document.querySelectorAll("*").length);
        return { nodes: m.Nodes, listeners: m.JSEventListeners, elements };
      };
      await cycles(1);
      const before = await reading();
      await cycles(1_000);
      const after = await reading();
      t.diagnostic(`before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
      assert.equal(after.elements, before.elements, "DOM elements back to the baseline");
      assert.ok(after.listeners <= before.listeners, `event listeners grew from ${before.listeners} to ${after.listeners}`);
      assert.ok(after.nodes <= before.nodes, `DOM nodes grew from ${before.nodes} to ${after.nodes}`);
      await assertUnharmed(p);
    } finally {
      await p.close();
    }
  });
});

describe("adapters", () => {
  test("ky 2 with kyAfterResponse keeps ky's own outcome and explains the 402", async () => {
    const entry = fileURLToPath(new URL("../../node_modules/ky/distribution/index.js", import.meta.url));
    const ky = buildSync({ entryPoints: [entry], bundle: true, format: "iife", globalName: "__kyModule", write: false });
    const p = await hostilePage();
    try {
      await p.page.addScriptTag({ content: ky.outputFiles[0].text + "\nwindow.__ky = __kyModule.default;" });
      const r = await p.page.evaluate(async () => {
        const api = window.__ky.create({ retry: 0, hooks: { afterResponse: [window.Explain402.kyAfterResponse] } });
        const ok = await api.get("/api/ok").json();
        const refused = await api.get("/api/cases/stripe_expired_card").then(
          () => "resolved",
          (e) => e.name
        );
        const panel = await window.__hostile.until(() => window.__hostile.panels().length === 1);
        return { ok, refused, panel };
      });
      assert.deepEqual(r.ok, { ok: true }, "a 200 goes through");
      assert.equal(r.refused, "HTTPError", "a 402 rejects with ky's own HTTPError");
      assert.ok(r.panel, "the 402 is explained");
      await assertUnharmed(p);
    } finally {
      await p.close();
    }
  });

  test("the axios interceptor rejects with the app's own error, whatever it is", async () => {
    const p = await hostilePage();
    try {
      const r = await p.page.evaluate(async () => {
        const errors = [undefined, null, 42, "x", {}, { response: null }, { response: { status: "402" } }, new Error("network")];
        const out = [];
        for (const e of errors) out.push(await window.Explain402.axiosInterceptor(e).then(() => "resolved", (x) => x === e));
        return out;
      });
      assert.deepEqual(r, r.map(() => true));
      await assertUnharmed(p);
    } finally {
      await p.close();
    }
  });
});
