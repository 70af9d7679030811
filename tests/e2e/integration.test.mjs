// The ways in: one script tag with no code, `handle` in the app's own fetch handler, `diagnose`,
// response-like objects, calls queued before the WASM loads, `wrapFetch`, `install`/`uninstall`,
// relative link options, the packed npm package, and the axios and ky helpers against the real
// libraries.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  newPage, waitForWidget, waitForPanel, readPanels, appFetch, fixture, closeBrowser, hostErrors,
  panelLinks, until, BASE_URL,
} from "./harness.mjs";

after(closeBrowser);

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The dist/ the server serves: `cargo xtask` honours EXPLAIN402_DIST, and so do the tests. */
const DIST = process.env.EXPLAIN402_DIST || join(ROOT, "dist");
const E2E_WWW = join(ROOT, "www/e2e");

/** Every member of the public API, from `window.Explain402` and from the ES module alike. */
const API = [
  "axiosInterceptor", "diagnose", "dismiss", "handle", "init", "install", "kyAfterResponse", "uninstall", "version", "wrapFetch",
];

const EXPIRED = "/api/cases/stripe_expired_card";

/** Copies `from` to `to` through a temporary name, so a server never serves half a file. */
function placeFile(from, to) {
  copyFileSync(from, `${to}.tmp`);
  renameSync(`${to}.tmp`, to);
}

/** Copies the `.js` files under `from` to `to`, each through `placeFile`. */
function placeTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) placeTree(join(from, entry.name), join(to, entry.name));
    else if (entry.name.endsWith(".js")) placeFile(join(from, entry.name), join(to, entry.name));
  }
}

/** What `npm pack` put in the package, unpacked into www/e2e/pkg/ (git-ignored). */
let packed;

before(() => {
  const scratch = mkdtempSync(join(tmpdir(), "explain402-pack-"));
  try {
    const [info] = JSON.parse(execFileSync("npm", ["pack", DIST, "--pack-destination", scratch, "--json"], { encoding: "utf8" }));
    execFileSync("tar", ["xzf", join(scratch, info.filename), "-C", scratch]);
    const dir = join(E2E_WWW, "pkg");
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(join(scratch, "package"))) placeFile(join(scratch, "package", name), join(dir, name));
    packed = { files: info.files.map((f) => f.path).sort(), version: info.version };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  // The real axios and ky, as a page would load them from a CDN.
  const vendor = join(E2E_WWW, "vendor");
  mkdirSync(vendor, { recursive: true });
  placeFile(join(ROOT, "node_modules/axios/dist/esm/axios.min.js"), join(vendor, "axios.js"));
  placeTree(join(ROOT, "node_modules/ky/distribution"), join(vendor, "ky"));
});

/** Dismisses every panel and waits until they are gone (a dialog queues the next one). */
async function dismissAll(page) {
  await page.evaluate(() => window.Explain402.dismiss());
  await until(async () => (await readPanels(page)).length === 0, { what: "the panels to go" });
}

/** Opens `path`, runs `body(p)`, then checks that nothing reached the host page and nothing was logged as an error. */
async function onPage(path, body) {
  const p = await newPage(path);
  try {
    await body(p);
    assert.deepEqual(await hostErrors(p.page), [], "nothing reaches the host page");
    p.assertClean();
  } finally {
    await p.close();
  }
}

test("one script tag and no code explains a 402 in its data-locale, with its data-support-url", async () => {
  await onPage("/e2e/no-code.html", async (p) => {
    await waitForWidget(p.page);
    const f = fixture("empty_body_402");
    const res = await appFetch(p.page, "/api/cases/empty_body_402");
    assert.equal(res.status, 402);
    assert.equal(res.body, f.body, "the app reads the body itself");
    const panel = await waitForPanel(p.page, "payment_required");
    assert.equal(panel.lang, "id", "data-locale wins over <html lang=en>");
    const support = (await panelLinks(p.page)).filter((l) => l.href.startsWith("mailto:"));
    assert.equal(support.length, 1, "the contact action uses data-support-url");
    assert.match(support[0].href, /^mailto:help@example\.co\.id\?subject=/);
  });
});

test("the script tag fetches its glue and WASM from beside itself at idle time", async () => {
  await onPage("/e2e/no-code.html", async (p) => {
    // No response is watched on this page, so only idle time can trigger the load.
    await until(() => p.requests.some((u) => u.endsWith(".wasm")), { what: "the WASM request" });
    const own = p.requests.filter((u) => /explain402/.test(u));
    assert.deepEqual(own.sort(), [
      `${BASE_URL}/dist/explain402.js`, `${BASE_URL}/dist/explain402_core.js`, `${BASE_URL}/dist/explain402_core_bg.wasm`,
    ]);
  });
});

test("without idle time, the first watched response loads the widget", async () => {
  await onPage("/e2e/no-code.html", async (p) => {
    // Reload with an idle callback that never comes: only a watched response can start the load.
    await p.page.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
    // The first load's idle-time preload must be over before the count restarts, or its late
    // request would be counted against the reloaded page.
    await until(() => p.requests.some((u) => u.endsWith(".wasm")), { what: "the first load's WASM request" });
    p.requests.length = 0;
    await p.page.reload();
    await waitForWidget(p.page);
    await appFetch(p.page, "/api/ok");
    assert.ok(!p.requests.some((u) => u.endsWith(".wasm")), "an unwatched 200 loads nothing");
    await appFetch(p.page, EXPIRED);
    await waitForPanel(p.page, "card_expired");
    assert.ok(p.requests.includes(`${BASE_URL}/dist/explain402_core_bg.wasm`));
  });
});

test("window.Explain402 has the whole public API", async () => {
  await onPage("/e2e/api.html", async (p) => {
    await waitForWidget(p.page);
    const api = await p.page.evaluate(() => Object.fromEntries(Object.entries(window.Explain402).map(([k, v]) => [k, typeof v])));
    assert.deepEqual(Object.keys(api).sort(), API);
    for (const name of API) assert.equal(api[name], name === "version" ? "string" : "function", name);
  });
});

test("handle in the app's own fetch handler explains and leaves the response to the app", async () => {
  await onPage("/e2e/api.html", async (p) => {
    await waitForWidget(p.page);
    const out = await p.page.evaluate(async (url) => {
      const res = await fetch(url);
      const diagnosis = await window.Explain402.handle(res);
      const usedBefore = res.bodyUsed;
      const body = await res.json();
      return { diagnosis, usedBefore, body, status: res.status };
    }, EXPIRED);
    assert.equal(out.status, 402);
    assert.equal(out.usedBefore, false, "handle does not consume the app's response");
    assert.deepEqual(out.body, JSON.parse(fixture("stripe_expired_card").body));
    assert.equal(out.diagnosis.cause, "card_expired");
    assert.equal((await waitForPanel(p.page, "card_expired")).title, out.diagnosis.title);
  });
});

test("diagnose returns the diagnosis object and shows nothing", async () => {
  await onPage("/e2e/api.html", async (p) => {
    await waitForWidget(p.page);
    const out = await p.page.evaluate(async () => {
      const E = window.Explain402;
      const stripe = await E.diagnose(await fetch("/api/cases/stripe_expired_card"));
      const x402 = await E.diagnose(await fetch("/api/cases/x402_v1_payment_required"));
      const ok = await E.diagnose(await fetch("/api/ok"));
      return { stripe, x402, ok, panels: document.querySelectorAll("[data-explain402]").length };
    });
    assert.equal(out.panels, 0, "diagnose never shows a panel");
    assert.equal(out.ok, null, "a 200 has nothing to explain");
    const d = out.stripe;
    assert.deepEqual(Object.keys(d).sort(), ["actions", "cause", "details", "explanation", "locale", "party", "reference", "source", "status", "steps", "title"]);
    assert.deepEqual([d.cause, d.source, d.status, d.locale], ["card_expired", "stripe", 402, "en"]);
    assert.equal(d.reference, "req_Q1w2E3r4T5y6U7", "the Request-Id header is the reference");
    assert.deepEqual([d.details.code, d.details.declineCode], ["expired_card", "expired_card"]);
    assert.ok(d.title && d.explanation && d.steps.length > 0);
    for (const a of d.actions) assert.deepEqual(Object.keys(a).sort(), ["kind", "label"]);
    const x = out.x402;
    assert.equal(x.cause, "payment_required_onchain");
    assert.deepEqual(x.details.amount, { value: "0.01", atomic: "10000", decimals: 6, asset: "USDC", network: "base-sepolia" });
    assert.equal(x.details.paymentProtocol, "x402");
    assert.equal(x.details.payment.x402Version, 1);
  });
});

test("handle and diagnose accept response-like objects such as axios's error.response", async () => {
  await onPage("/e2e/api.html", async (p) => {
    await waitForWidget(p.page);
    const body = fixture("stripe_incorrect_cvc").body;
    const out = await p.page.evaluate(async (body) => {
      const E = window.Explain402;
      const data = JSON.parse(body);
      return {
        // axios: lower-cased plain headers, parsed data
        axios: await E.diagnose({ status: 402, headers: { "content-type": "application/json", "request-id": "req_axios" }, data }),
        // a body string and a Headers object
        text: await E.diagnose({ status: 402, headers: new Headers({ "Content-Type": "application/json" }), body }),
        // bytes
        bytes: await E.diagnose({ status: 402, headers: {}, body: new TextEncoder().encode(body) }),
        shown: await E.handle({ status: 402, headers: { "content-type": "application/json" }, data }),
      };
    }, body);
    for (const key of ["axios", "text", "bytes", "shown"]) assert.equal(out[key].cause, "card_incorrect_cvc", key);
    assert.equal(out.axios.reference, "req_axios");
    await waitForPanel(p.page, "card_incorrect_cvc");
  });
});

test("calls made before the WASM has loaded are queued, not lost", async () => {
  await onPage("/e2e/queued.html", async (p) => {
    await p.page.waitForFunction(() => window.early);
    assert.equal(await p.page.evaluate(() => window.wasmSeenEarly), false, "the calls were made before the WASM was fetched");
    const out = await p.page.evaluate(async () => ({
      init: await window.early.init,
      diagnose: await window.early.diagnose,
      handle: await window.early.handle,
    }));
    assert.equal(out.init, undefined);
    assert.deepEqual([out.diagnose.cause, out.diagnose.locale], ["card_expired", "id"], "init's options apply to the queued calls");
    assert.equal(out.handle.cause, "card_expired");
    assert.equal((await waitForPanel(p.page, "card_expired")).lang, "id");
  });
});

test("wrapFetch explains through the wrapped function and hands back the very same promise", async () => {
  await onPage("/e2e/api.html", async (p) => {
    await waitForWidget(p.page);
    const out = await p.page.evaluate(async (url) => {
      const before = window.fetch;
      const wrapped = window.Explain402.wrapFetch();
      const res = await wrapped(url);
      const body = await res.json();
      const mine = Promise.resolve(new Response("{}", { status: 200 }));
      const custom = window.Explain402.wrapFetch(() => mine);
      return { untouched: window.fetch === before, status: res.status, code: body.error.code, same: custom("/x") === mine };
    }, EXPIRED);
    assert.deepEqual(out, { untouched: true, status: 402, code: "expired_card", same: true });
    await waitForPanel(p.page, "card_expired");
  });
});

test("install patches fetch once; uninstall restores exactly the original", async () => {
  await onPage("/e2e/api.html", async (p) => {
    await waitForWidget(p.page);
    const out = await p.page.evaluate(() => {
      const E = window.Explain402;
      const original = window.fetch;
      E.install();
      const wrapped = window.fetch;
      E.install();
      const twice = window.fetch === wrapped;
      E.uninstall();
      const restored = window.fetch === original;
      E.uninstall();
      return { patched: wrapped !== original, twice, restored, stillRestored: window.fetch === original };
    });
    assert.deepEqual(out, { patched: true, twice: true, restored: true, stillRestored: true });

    // Uninstalled: a 402 goes unexplained. A later explained response shows the widget had time to act.
    await appFetch(p.page, EXPIRED);
    await p.page.evaluate(async () => window.Explain402.handle(await fetch("/api/cases/empty_body_402")));
    await waitForPanel(p.page, "payment_required");
    assert.deepEqual((await readPanels(p.page)).map((x) => x.cause), ["payment_required"]);

    // Installed again, it explains again.
    await dismissAll(p.page);
    await p.page.evaluate(() => window.Explain402.install());
    await appFetch(p.page, "/api/cases/stripe_incorrect_cvc");
    await waitForPanel(p.page, "card_incorrect_cvc");
  });
});

test("uninstall leaves alone a wrapper another script put on fetch after install", async () => {
  await onPage("/e2e/api.html", async (p) => {
    await waitForWidget(p.page);
    const out = await p.page.evaluate(async () => {
      const E = window.Explain402;
      E.install();
      const ours = window.fetch;
      let calls = 0;
      const theirs = (...args) => (calls++, ours(...args));
      window.fetch = theirs;
      E.uninstall();
      const kept = window.fetch === theirs;
      const res = await fetch("/api/cases/stripe_expired_card");
      return { kept, calls, status: res.status };
    });
    assert.deepEqual(out, { kept: true, calls: 1, status: 402 });
    // Ours, still inside theirs, now only passes calls through.
    await p.page.evaluate(async () => window.Explain402.handle(await fetch("/api/cases/empty_body_402")));
    await waitForPanel(p.page, "payment_required");
    assert.deepEqual((await readPanels(p.page)).map((x) => x.cause), ["payment_required"]);
  });
});

test("relative supportUrl, paymentUrl and signInUrl resolve against the page", async () => {
  await onPage("/e2e/api.html", async (p) => {
    await waitForWidget(p.page);
    await p.page.evaluate(() =>
      window.Explain402.init({ locale: "en", mode: "toast", supportUrl: "help.html", paymentUrl: "/billing", signInUrl: "../login?next=%2Fapp" })
    );
    await p.page.evaluate(async () => {
      for (const name of ["stripe_expired_card", "bearer_401_invalid_token_expired", "empty_body_402"]) {
        await window.Explain402.handle(await fetch(`/api/cases/${name}`));
      }
    });
    await until(async () => (await readPanels(p.page)).length === 3, { what: "three toasts" });
    const hrefs = (await panelLinks(p.page)).map((l) => l.href);
    assert.ok(hrefs.includes(`${BASE_URL}/billing`), `update_payment: ${hrefs}`);
    assert.ok(hrefs.includes(`${BASE_URL}/login?next=%2Fapp`), `sign_in: ${hrefs}`);
    assert.ok(hrefs.includes(`${BASE_URL}/e2e/help.html`), `contact_support: ${hrefs}`);
  });
});

test("an inline panel goes into its container, with the theme asked for", async () => {
  await onPage("/e2e/api.html", async (p) => {
    await waitForWidget(p.page);
    await p.page.evaluate(async (url) => {
      await window.Explain402.init({ mode: "inline", theme: "dark", container: document.getElementById("inline") });
      await window.Explain402.handle(await fetch(url));
    }, EXPIRED);
    const panel = await waitForPanel(p.page, "card_expired");
    assert.deepEqual([panel.mode, panel.theme], ["inline", "dark"]);
    assert.ok(await p.page.evaluate(() => document.querySelector("#inline > [data-explain402]") !== null), "inside #inline");
  });
});

test("onShow gets the diagnosis and, by returning false, replaces the panel", async () => {
  await onPage("/e2e/api.html", async (p) => {
    await waitForWidget(p.page);
    const out = await p.page.evaluate(async (url) => {
      const shown = [];
      await window.Explain402.init({ onShow: (d) => (shown.push(d.cause), false) });
      const d = await window.Explain402.handle(await fetch(url));
      return { shown, returned: d.cause, panels: document.querySelectorAll("[data-explain402]").length };
    }, EXPIRED);
    assert.deepEqual(out, { shown: ["card_expired"], returned: "card_expired", panels: 0 });
  });
});

test("a javascript: URL in an option is refused with a warning", async () => {
  await onPage("/e2e/api.html", async (p) => {
    await waitForWidget(p.page);
    await p.page.evaluate(() => window.Explain402.init({ paymentUrl: "javascript:alert(1)", supportUrl: " java\tscript:alert(2)" }));
    await p.page.evaluate(async () => window.Explain402.handle(await fetch("/api/cases/empty_body_402")));
    await waitForPanel(p.page, "payment_required");
    assert.deepEqual((await panelLinks(p.page)).filter((l) => !/^https?:|^mailto:/.test(l.href)), []);
    const warnings = p.warnings().join("\n");
    assert.match(warnings, /option `paymentUrl` must be/);
    assert.match(warnings, /option `supportUrl` must be/);
  });
});

test("the packed npm package installs, imports and explains", async () => {
  assert.deepEqual(packed.files, [
    "README.md", "explain402.d.mts", "explain402.d.ts", "explain402.js", "explain402.mjs", "explain402.node.mjs", "explain402_core.js",
    "explain402_core_bg.wasm", "package.json",
  ]);
  const manifest = JSON.parse(readFileSync(join(E2E_WWW, "pkg/package.json"), "utf8"));
  assert.equal(manifest.exports["."].import, "./explain402.mjs");
  const crate = readFileSync(join(ROOT, "Cargo.toml"), "utf8").match(/\[package\][^[]*?\nversion = "([^"]+)"/);
  assert.equal(packed.version, crate[1], "the package carries the crate's version");
  await onPage("/e2e/npm.html", async (p) => {
    await p.page.waitForSelector("html[data-ready=true]", { timeout: 10_000 });
    const api = await p.page.evaluate(() => ({
      keys: Object.keys(window.pkg.Explain402).sort(),
      named: Object.keys(window.pkg.named).filter((k) => k !== "default").sort(),
      same: Object.keys(window.pkg.named).every((k) => k === "default" || window.pkg.named[k] === window.pkg.Explain402[k]),
      version: window.pkg.Explain402.version,
    }));
    assert.deepEqual(api.keys, API);
    assert.deepEqual(api.named, API, "every member is also a named export");
    assert.ok(api.same, "named exports are the default export's members");
    assert.equal(api.version, packed.version);
    const res = await p.page.evaluate(async (url) => {
      const r = await fetch(url);
      const d = await window.pkg.Explain402.handle(r);
      return { cause: d.cause, body: await r.text() };
    }, EXPIRED);
    assert.equal(res.cause, "card_expired");
    assert.equal(res.body, fixture("stripe_expired_card").body);
    await waitForPanel(p.page, "card_expired");
    assert.ok(p.requests.includes(`${BASE_URL}/e2e/pkg/explain402_core_bg.wasm`), "the WASM comes from beside the module");
    assert.ok(!p.requests.some((u) => u.includes("/dist/")), "nothing is loaded from elsewhere");
  });
});

test("axios with axiosInterceptor: the app gets its AxiosError, the user gets the panel", async () => {
  await onPage("/e2e/libs.html", async (p) => {
    await p.page.waitForSelector("html[data-ready=true]", { timeout: 10_000 });
    const out = await p.page.evaluate(async (url) => {
      const ok = (await window.libs.axios.get("/api/ok")).data;
      try {
        await window.libs.axios.get(url);
        return { ok, rejected: false };
      } catch (e) {
        return { ok, rejected: true, isAxiosError: e.isAxiosError === true, status: e.response.status, code: e.response.data.error.code };
      }
    }, EXPIRED);
    assert.deepEqual(out, { ok: { ok: true }, rejected: true, isAxiosError: true, status: 402, code: "expired_card" });
    await waitForPanel(p.page, "card_expired");
  });
});

test("ky with kyAfterResponse: the app gets its HTTPError, the user gets the panel", async () => {
  await onPage("/e2e/libs.html", async (p) => {
    await p.page.waitForSelector("html[data-ready=true]", { timeout: 10_000 });
    const out = await p.page.evaluate(async (url) => {
      const ok = await window.libs.ky.get("/api/ok").json();
      try {
        await window.libs.ky.get(url).json();
        return { ok, rejected: false };
      } catch (e) {
        // ky 2 reads the body into `error.data` itself.
        return { ok, rejected: true, name: e.name, status: e.response && e.response.status, code: e.data && e.data.error.code };
      }
    }, EXPIRED);
    assert.deepEqual(out, { ok: { ok: true }, rejected: true, name: "HTTPError", status: 402, code: "expired_card" });
    await waitForPanel(p.page, "card_expired");
  });
});

test("install() and ky's hook together explain a 402 once, and a second 402 counts as a second", async () => {
  await onPage("/e2e/libs.html", async (p) => {
    await p.page.waitForSelector("html[data-ready=true]", { timeout: 10_000 });
    const count = () =>
      p.page.evaluate(() => [...document.querySelectorAll("[data-explain402]")].map((h) => h.getAttribute("data-count")));
    const fail = (url) =>
      p.page.evaluate(async (url) => {
        window.libs.Explain402.install();
        try {
          await window.libs.ky.get(url, { retry: 0 }).json();
        } catch (e) {
          return e.name;
        }
      }, url);
    assert.equal(await fail(EXPIRED), "HTTPError");
    await waitForPanel(p.page, "card_expired");
    // Both the installed wrapper and the hook saw the response; give the hook's call its time.
    await p.page.waitForTimeout(500);
    assert.deepEqual(await count(), ["1"], "one failure, one panel, counted once");
    assert.equal(await fail(EXPIRED), "HTTPError");
    await until(async () => (await count())[0] === "2", { what: "the second failure to be counted" });
    await p.page.waitForTimeout(500);
    assert.deepEqual(await count(), ["2"], "the second failure counted once too");
    await p.page.evaluate(() => window.libs.Explain402.uninstall());
  });
});
