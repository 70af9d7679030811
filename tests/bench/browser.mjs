// Browser benchmarks of the widget in Debian's headless Chromium against the project's server
// (BENCH_BASE_URL): the cost on the success path, the time to a visible panel (warm and cold, the
// cold one split into its parts and set beside sweetalert2's first dialog) and what 1,000
// show/dismiss cycles leave behind. Progress goes to stderr; the figures go to stdout as one JSON
// object, which `cargo xtask bench` turns into its table.
//
// Every comparison is measured side by side in one run: the variants take turns within each
// sample (in a rotating order), so drift in the machine's speed touches them all alike.

import { chromium } from "playwright-core";
import { buildSync } from "esbuild";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const BASE = (process.env.BENCH_BASE_URL || "http://127.0.0.1:8402").replace(/\/$/, "");
/** BENCH_QUICK=1: a few samples of everything, to check that the benchmark runs. */
const QUICK = process.env.BENCH_QUICK === "1";

/**
 * Calls per sample and samples, for the in-page success path: short batches and many samples
 * for the two fetches (a batch is a few milliseconds, so a preemption spoils few of them), fewer
 * for ky, which costs a hundred times more per call.
 */
const SUCCESS_CALLS = QUICK ? 1_000 : 2_000;
const SUCCESS_SAMPLES = QUICK ? 5 : 150;
const KY_CALLS = QUICK ? 200 : 1_000;
const KY_SAMPLES = QUICK ? 5 : 30;
/** Requests per sample and samples, against the server over loopback. */
const LOOPBACK_CALLS = QUICK ? 20 : 100;
const LOOPBACK_SAMPLES = QUICK ? 5 : 30;
/** Panels timed on a warm page (after the warm-up ones), and cold pages. */
const WARM_WARMUP = 5;
const WARM_SAMPLES = QUICK ? 10 : 100;
const COLD_SAMPLES = QUICK ? 5 : 30;
/** Cold panels in a browser that compiles the whole WASM up front (a diagnostic, not a goal). */
const EAGER_SAMPLES = QUICK ? 3 : 15;
/** Show/dismiss cycles of the memory check. */
const MEMORY_CYCLES = QUICK ? 100 : 1_000;
/**
 * The widget reads a response copy against a READ_TIMEOUT_MS (1,500 ms) timer, which keeps a
 * little memory alive until it fires; the memory check waits this long before its last reading.
 */
const SETTLE_MS = 2_000;

const CHROMIUM = process.env.E2E_CHROMIUM || "/usr/bin/chromium";
const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

/** The 402 every panel benchmark shows: a Stripe expired card (a dialog). */
const FIXTURE = "stripe_expired_card";

/**
 * The User Timing marks of a cold panel, in pipeline order: the loader's (`src/js/core.js`, on
 * the page's first load only) and the WASM's (on its first panel). A build without some of them
 * gives `null` for those.
 */
const MARKS = ["glue", "compiled", "instantiated", "configured", "diagnosed", "styled", "built"];

/** sweetalert2, served by the project's server from node_modules (`xtask/src/serve/files.rs`). */
const SWAL_URL = "/bench/sweetalert2.all.min.js";
/** What the sweetalert2 dialog says: the title and explanation of the fixture's panel (en). */
const SWAL_DIALOG = { title: "Your card has expired", text: "The card's expiry date has passed, so the bank can't process the payment." };

const log = (...a) => console.error("bench:", ...a);

/** Median and spread of `xs`: p10, p25, median, p75, p90 (linear interpolation). */
function stats(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return null;
  const q = (p) => {
    const i = (s.length - 1) * p;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    return s[lo] + (s[hi] - s[lo]) * (i - lo);
  };
  return { n: s.length, p10: q(0.1), p25: q(0.25), median: q(0.5), p75: q(0.75), p90: q(0.9), min: s[0], max: s[s.length - 1] };
}

/** ky's ESM distribution bundled into one classic script that defines `window.__ky`. */
function kyScript() {
  const entry = fileURLToPath(new URL("../../node_modules/ky/distribution/index.js", import.meta.url));
  const out = buildSync({ entryPoints: [entry], bundle: true, format: "iife", globalName: "__kyModule", write: false, target: "es2022" });
  return out.outputFiles[0].text + "\nwindow.__ky = __kyModule.default;";
}

function fixtureResponse() {
  const url = new URL(`../fixtures/${FIXTURE}.json`, import.meta.url);
  const f = JSON.parse(readFileSync(fileURLToPath(url), "utf8"));
  return { status: f.status, headers: f.headers, body: f.body };
}

/**
 * Helpers defined in every page: `__bench.untilPanel()` resolves when a panel host is in the
 * DOM and laid out, with the times; `__bench.dismiss()` resolves once no panel is left.
 */
function pageHelpers() {
  const host = () => document.querySelector("[data-explain402]");
  /** Whether `el` has a non-zero layout box (asking forces style and layout). */
  const boxed = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const laidOut = (h) => boxed((h.shadowRoot && h.shadowRoot.querySelector(".panel")) || h);
  /**
   * Resolves when `ready()` holds, checked now and after every DOM mutation (attribute ones too
   * with `attributes`), with the time the check began.
   */
  const until = (ready, attributes = false) =>
    new Promise((resolve) => {
      if (ready()) return resolve(performance.now());
      const mo = new MutationObserver(() => {
        const t = performance.now();
        if (ready()) {
          mo.disconnect();
          resolve(t);
        }
      });
      mo.observe(document.documentElement, { childList: true, subtree: true, attributes });
    });
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
  window.__bench = {
    /**
     * { dom, visible, frame }: when the host was attached, when its panel was known to have a
     * layout box (after the layout that asking forces), and when the next frame began.
     */
    async untilPanel() {
      const dom = await until(() => !!host());
      while (!laidOut(host())) await frame();
      const visible = performance.now();
      return { dom, visible, frame: await frame() };
    },
    /**
     * { dom, visible }: when a mutation showed `selector` in the DOM with a non-zero layout box
     * (the time the check began, as `dom` above), and when that check returned.
     */
    async untilBoxed(selector) {
      const found = () => {
        const el = document.querySelector(selector);
        return !!el && boxed(el);
      };
      const dom = await until(found, true);
      return { dom, visible: performance.now() };
    },
    /** The time of each of the widget's User Timing marks after `t0` (ms), null when missing. */
    marks(names, t0) {
      const at = (n) => {
        const e = performance.getEntriesByName("explain402:" + n, "mark")[0];
        return e ? e.startTime - t0 : null;
      };
      return Object.fromEntries(names.map((n) => [n, at(n)]));
    },
    /** When the resource whose URL ends with `suffix` had fully arrived after `t0` (ms), or null. */
    arrived(suffix, t0) {
      const e = performance.getEntriesByType("resource").find((x) => x.name.endsWith(suffix));
      return e ? e.responseEnd - t0 : null;
    },
    /**
     * Times one panel: from the moment the app's (wrapped) fetch resolves a 402 to the panel
     * host in the DOM, laid out with a non-zero box, and the start of the next frame (ms).
     */
    async timePanel(r) {
      const res = new Response(r.body, { status: r.status, headers: r.headers });
      const wrapped = window.Explain402.wrapFetch(() => Promise.resolve(res));
      const shown = this.untilPanel();
      const t0 = performance.now();
      wrapped("/api/pay");
      const t = await shown;
      return { t0, dom: t.dom - t0, visible: t.visible - t0, frame: t.frame - t0 };
    },
    async dismiss() {
      window.Explain402.dismiss();
      await until(() => !host());
    },
    /** Every node of the document, shadow trees included. */
    nodes() {
      let n = 0;
      const walk = (node) => {
        n++;
        if (node.shadowRoot) walk(node.shadowRoot);
        for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
      };
      walk(document);
      return n;
    },
  };
}

/** Adds the classic loader to the page (no data-install) and waits until it has run. */
async function addLoader(page) {
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const s = document.createElement("script");
        s.src = "/dist/explain402.js";
        s.onload = resolve;
        s.onerror = () => reject(new Error("the loader did not load"));
        document.head.append(s);
      })
  );
}

async function newPage(browser, errors) {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  const res = await page.goto(BASE + "/e2e/blank.html");
  if (!res || !res.ok()) throw new Error(`GET /e2e/blank.html: ${res ? res.status() : "no response"}`);
  await page.evaluate(pageHelpers);
  return { page, context };
}

/**
 * Success path: plain fetch and wrapFetch; ky, ky with a no-op afterResponse hook (what ky
 * itself spends on running a hook) and ky with the widget's hook.
 */
async function successPath(page) {
  await page.addScriptTag({ content: kyScript() });
  return page.evaluate(
    async ({ calls, samples, kyCalls, kySamples }) => {
      const f = () => Promise.resolve(new Response("ok"));
      const ky = (hooks) => window.__ky.create({ fetch: f, retry: 0, hooks }).bind(null, "/x");
      const fetches = { plain: f, wrapped: window.Explain402.wrapFetch(f) };
      const kys = { ky: ky({}), kyNoop: ky({ afterResponse: [() => {}] }), kyHook: ky({ afterResponse: [window.Explain402.kyAfterResponse] }) };
      return {
        fetch: { calls, samples, ...(await window.__compare(fetches, calls, samples)) },
        ky: { calls: kyCalls, samples: kySamples, ...(await window.__compare(kys, kyCalls, kySamples)) },
      };
    },
    { calls: SUCCESS_CALLS, samples: SUCCESS_SAMPLES, kyCalls: KY_CALLS, kySamples: KY_SAMPLES }
  );
}

/**
 * Defined in the page: times `calls` awaited calls of each variant per sample (µs per call),
 * the variants taking turns in a rotating order.
 */
function pageCompare() {
  window.__compare = async (variants, calls, samples) => {
    const names = Object.keys(variants);
    const times = Object.fromEntries(names.map((n) => [n, []]));
    const batch = async (fn) => {
      const t = performance.now();
      for (let i = 0; i < calls; i++) await fn();
      return performance.now() - t;
    };
    for (const n of names) await batch(variants[n]); // warm-up: JIT, first calls
    for (let s = 0; s < samples; s++) {
      for (let k = 0; k < names.length; k++) {
        const n = names[(s + k) % names.length];
        times[n].push(((await batch(variants[n])) * 1000) / calls); // µs per call
      }
    }
    return times;
  };
}

/** The same comparison against the server over loopback: GET /api/ok and read the body. */
async function loopback(page) {
  return page.evaluate(
    async ({ calls, samples }) => {
      const wrapped = window.Explain402.wrapFetch(fetch);
      const variants = { plain: (u) => fetch(u), wrapped };
      const names = Object.keys(variants);
      const times = Object.fromEntries(names.map((n) => [n, []]));
      const batch = async (fn) => {
        const t = performance.now();
        for (let i = 0; i < calls; i++) await (await fn("/api/ok")).text();
        return performance.now() - t;
      };
      for (const n of names) await batch(variants[n]);
      for (let s = 0; s < samples; s++) {
        for (let k = 0; k < names.length; k++) {
          const n = names[(s + k) % names.length];
          times[n].push((await batch(variants[n])) / calls); // ms per request
        }
      }
      return times;
    },
    { calls: LOOPBACK_CALLS, samples: LOOPBACK_SAMPLES }
  );
}

async function warmPanel(page, response) {
  await addLoader(page);
  await page.evaluate(() => window.Explain402.init());
  return page.evaluate(
    async ({ r, warmup, samples }) => {
      const out = [];
      for (let i = 0; i < warmup + samples; i++) {
        const t = await window.__bench.timePanel(r);
        await window.__bench.dismiss();
        await new Promise((ok) => setTimeout(ok, 10));
        // Parts of a warm panel, without drawing one: the diagnosis of the same response as a
        // `Response` (the loader clones it and reads the copy) and as a plain object (no read).
        let at = performance.now();
        await window.Explain402.diagnose(new Response(r.body, { status: r.status, headers: r.headers }));
        t.diagnoseResponse = performance.now() - at;
        at = performance.now();
        await window.Explain402.diagnose({ status: r.status, headers: r.headers, body: r.body });
        t.diagnoseObject = performance.now() - at;
        if (i >= warmup) out.push(t);
      }
      return out;
    },
    { r: response, warmup: WARM_WARMUP, samples: WARM_SAMPLES }
  );
}

/**
 * Where a warm panel's time goes, measured apart from the figures above (this wraps the page's
 * `focus`): `Explain402.handle` of a plain object (no copy to read) until the host is in the DOM,
 * and within it the style and layout of the new panel (forced just before the dialog's `focus`)
 * and the `focus` call itself.
 */
async function warmParts(page, response) {
  return page.evaluate(
    async ({ r, warmup, samples }) => {
      const focus = HTMLElement.prototype.focus;
      let part = null;
      HTMLElement.prototype.focus = function (...args) {
        const at = performance.now();
        if (part && this.isConnected) this.getBoundingClientRect();
        const laid = performance.now();
        focus.apply(this, args);
        if (part && !part.layout) Object.assign(part, { layout: laid - at, focus: performance.now() - laid });
      };
      const out = [];
      try {
        for (let i = 0; i < warmup + samples; i++) {
          part = {};
          const shown = window.__bench.untilPanel();
          const t0 = performance.now();
          window.Explain402.handle({ status: r.status, headers: r.headers, body: r.body });
          const t = await shown;
          const p = part;
          part = null;
          await window.__bench.dismiss();
          await new Promise((ok) => setTimeout(ok, 10));
          if (i >= warmup) out.push({ dom: t.dom - t0, layout: p.layout ?? null, focus: p.focus ?? null });
        }
      } finally {
        HTMLElement.prototype.focus = focus;
      }
      return out;
    },
    { r: response, warmup: WARM_WARMUP, samples: WARM_SAMPLES }
  );
}

/**
 * A cold panel: a fresh browser context (nothing cached; dist/ is served no-store anyway), the
 * loader added, and in the same task as its load event the first 402. The loader's idle-time
 * preload has not run yet (it waits for requestIdleCallback), so this time includes fetching,
 * compiling and instantiating the glue and the WASM from loopback.
 */
async function coldPanel(browser, response, errors) {
  const { page, context } = await newPage(browser, errors);
  try {
    return await page.evaluate(
      async ({ r, names }) => {
        await new Promise((resolve, reject) => {
          const s = document.createElement("script");
          s.src = "/dist/explain402.js";
          s.onload = resolve;
          s.onerror = reject;
          document.head.append(s);
        });
        const preloaded = performance.getEntriesByType("resource").filter((e) => e.name.includes("explain402_core")).length;
        const t = await window.__bench.timePanel(r);
        // When the glue and the WASM had arrived, and each mark, relative to the 402 (ms).
        const b = window.__bench;
        const wasm = b.arrived("explain402_core_bg.wasm", t.t0);
        const afterWasm = wasm === null ? null : t.dom - wasm;
        return { ...t, preloaded, glue: b.arrived("explain402_core.js", t.t0), wasm, afterWasm, marks: b.marks(names, t.t0) };
      },
      { r: response, names: MARKS }
    );
  } finally {
    await context.close();
  }
}

/**
 * The stricter cold panel: a fresh context and a blank page, and at the 402 the loader itself is
 * added too; on its `load` the 402 goes to `Explain402.handle`. Everything the widget needs is
 * fetched after t0, as sweetalert2's script is below.
 */
async function coldLoaderPanel(browser, response, errors) {
  const { page, context } = await newPage(browser, errors);
  try {
    return await page.evaluate(
      async ({ r, names }) => {
        const b = window.__bench;
        const res = new Response(r.body, { status: r.status, headers: r.headers });
        const shown = b.untilPanel();
        const t0 = performance.now();
        await new Promise((resolve, reject) => {
          const s = document.createElement("script");
          s.src = "/dist/explain402.js";
          s.onload = () => {
            window.Explain402.handle(res);
            resolve();
          };
          s.onerror = () => reject(new Error("the loader did not load"));
          document.head.append(s);
        });
        const t = await shown;
        return {
          t0, dom: t.dom - t0, visible: t.visible - t0, frame: t.frame - t0,
          loader: b.arrived("/dist/explain402.js", t0), glue: b.arrived("explain402_core.js", t0),
          wasm: b.arrived("explain402_core_bg.wasm", t0), marks: b.marks(names, t0),
        };
      },
      { r: response, names: MARKS }
    );
  } finally {
    await context.close();
  }
}

/**
 * sweetalert2's first dialog: a fresh context and a blank page; at t0 its script is added, and on
 * its `load`, `Swal.fire({ title, text, icon: "error" })`. The clock stops as for a panel: when a
 * mutation shows `.swal2-popup` in the DOM with a non-zero layout box.
 */
async function swalDialog(browser, errors) {
  const { page, context } = await newPage(browser, errors);
  try {
    return await page.evaluate(
      async ({ url, dialog }) => {
        const b = window.__bench;
        const shown = b.untilBoxed(".swal2-popup");
        const t0 = performance.now();
        await new Promise((resolve, reject) => {
          const s = document.createElement("script");
          s.src = url;
          s.onload = () => {
            window.Swal.fire({ ...dialog, icon: "error" }); // a thenable: not awaited, it settles on close
            resolve();
          };
          s.onerror = () => reject(new Error("sweetalert2 did not load from " + url));
          document.head.append(s);
        });
        const t = await shown;
        return { t0, dom: t.dom - t0, visible: t.visible - t0, script: b.arrived(url, t0) };
      },
      { url: SWAL_URL, dialog: SWAL_DIALOG }
    );
  } finally {
    await context.close();
  }
}

/** 1,000 show/dismiss cycles: DOM nodes, CDP's node and listener counts, heap, WASM memory. */
async function memory(page, response) {
  await addLoader(page);
  await page.evaluate(() => window.Explain402.init());
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await cdp.send("HeapProfiler.enable");
  const cycles = (n) =>
    page.evaluate(
      async ({ r, n }) => {
        for (let i = 0; i < n; i++) {
          const res = new Response(r.body, { status: r.status, headers: r.headers });
          const shown = window.__bench.untilPanel();
          window.Explain402.wrapFetch(() => Promise.resolve(res))("/api/pay");
          await shown;
          await window.__bench.dismiss();
        }
      },
      { r: response, n }
    );
  const reading = async () => {
    await page.waitForTimeout(SETTLE_MS);
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const inPage = await page.evaluate(async () => {
      // The loader imported the glue from this URL, so this is the same module instance, and
      // its init returns the already instantiated exports (no second fetch; checked below).
      const before = performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".wasm")).length;
      const glue = await import("/dist/explain402_core.js");
      const wasm = await glue.default();
      const after = performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".wasm")).length;
      return {
        nodes: window.__bench.nodes(),
        elements: document.querySelectorAll("*").length,
        wasmBytes: wasm.memory.buffer.byteLength,
        sameInstance: before === after && before === 1,
      };
    });
    return { ...inPage, cdpNodes: m.Nodes, listeners: m.JSEventListeners, heap: m.JSHeapUsedSize };
  };
  await cycles(1); // the first panel creates the stylesheet and other one-time state
  const before = await reading();
  await cycles(MEMORY_CYCLES);
  const after = await reading();
  return { cycles: MEMORY_CYCLES, before, after };
}

async function main() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const errors = [];
  const response = fixtureResponse();
  const out = { chromium: browser.version(), sweetalert2: swalVersion(), fixture: FIXTURE, quick: QUICK };
  try {
    log(`success path: ${SUCCESS_SAMPLES} samples of ${SUCCESS_CALLS} calls (ky: ${KY_SAMPLES} of ${KY_CALLS}) per variant`);
    let p = await newPage(browser, errors);
    await addLoader(p.page);
    await p.page.evaluate(() => window.Explain402.init());
    await p.page.evaluate(pageCompare);
    Object.assign(out, await successPath(p.page));
    log(`loopback: ${LOOPBACK_SAMPLES} samples of ${LOOPBACK_CALLS} requests per variant`);
    out.loopback = { calls: LOOPBACK_CALLS, samples: LOOPBACK_SAMPLES, ...(await loopback(p.page)) };
    await p.context.close();

    log(`warm panel: ${WARM_SAMPLES} samples`);
    p = await newPage(browser, errors);
    out.warm = await warmPanel(p.page, response);
    out.warmParts = await warmParts(p.page, response);
    await p.context.close();

    // The three take turns, in a rotating order, each in a fresh context: sample i of each makes
    // one pair with sample i of sweetalert2.
    log(`cold panel, cold panel with its loader, sweetalert2's first dialog: ${COLD_SAMPLES} fresh contexts each`);
    const variants = {
      cold: () => coldPanel(browser, response, errors),
      coldLoader: () => coldLoaderPanel(browser, response, errors),
      swal: () => swalDialog(browser, errors),
    };
    const names = Object.keys(variants);
    for (const n of names) out[n] = [];
    for (let i = 0; i < COLD_SAMPLES; i++) {
      for (let k = 0; k < names.length; k++) {
        const n = names[(i + k) % names.length];
        out[n].push(await variants[n]());
      }
    }

    log(`memory: ${MEMORY_CYCLES} show/dismiss cycles`);
    p = await newPage(browser, errors);
    out.memory = await memory(p.page, response);
    await p.context.close();
  } finally {
    await browser.close();
  }
  // What V8's lazy compilation of WASM functions (each compiled on its first call, on the main
  // thread) costs the first diagnosis, and what compiling all of them up front would cost
  // instead: a second browser with `--no-wasm-lazy-compilation`, which no page can ask for.
  log(`cold panel with the whole WASM compiled up front: ${EAGER_SAMPLES} fresh contexts`);
  const eager = await chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, "--js-flags=--no-wasm-lazy-compilation"] });
  try {
    out.coldEager = [];
    for (let i = 0; i < EAGER_SAMPLES; i++) out.coldEager.push(await coldPanel(eager, response, errors));
  } finally {
    await eager.close();
  }
  out.errors = errors;
  out.summary = summarize(out);
  process.stdout.write(JSON.stringify(out) + "\n");
}

/** The version of sweetalert2 in node_modules. */
function swalVersion() {
  const url = new URL("../../node_modules/sweetalert2/package.json", import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), "utf8")).version;
}

/** The statistics the table shows, computed here so the raw samples stay in the JSON too. */
function summarize(out) {
  const pair = (base, other) => ({
    added: stats(base.map((b, i) => other[i] - b)),
    ratio: stats(base.map((b, i) => other[i] / b)),
  });
  const s = out.fetch;
  const k = out.ky;
  const l = out.loopback;
  const field = (xs, k) => stats(xs.map((x) => x[k]));
  const marks = (xs) => Object.fromEntries(MARKS.map((n) => [n, stats(xs.map((x) => x.marks[n]))]));
  /** From the `configured` mark to the `diagnosed` one: the first call into the diagnosis. */
  const firstCall = (xs) => stats(xs.map((x) => (x.marks.diagnosed === null || x.marks.configured === null ? null : x.marks.diagnosed - x.marks.configured)));
  /** Per pair: sample i of `xs` over sample i of sweetalert2. */
  const vsSwal = (xs) => stats(xs.map((x, i) => x.dom / out.swal[i].dom));
  return {
    success: { plain: stats(s.plain), wrapped: stats(s.wrapped), wrappedVsPlain: pair(s.plain, s.wrapped) },
    ky: { ky: stats(k.ky), kyNoop: stats(k.kyNoop), kyHook: stats(k.kyHook), kyHookVsKyNoop: pair(k.kyNoop, k.kyHook) },
    loopback: { plain: stats(l.plain), wrapped: stats(l.wrapped), wrappedVsPlain: pair(l.plain, l.wrapped) },
    warm: {
      dom: field(out.warm, "dom"), visible: field(out.warm, "visible"), frame: field(out.warm, "frame"),
      diagnoseResponse: field(out.warm, "diagnoseResponse"), diagnoseObject: field(out.warm, "diagnoseObject"),
    },
    warmParts: { dom: field(out.warmParts, "dom"), layout: field(out.warmParts, "layout"), focus: field(out.warmParts, "focus") },
    cold: {
      dom: field(out.cold, "dom"), visible: field(out.cold, "visible"), frame: field(out.cold, "frame"),
      glue: field(out.cold, "glue"), wasm: field(out.cold, "wasm"), afterWasm: field(out.cold, "afterWasm"),
      marks: marks(out.cold),
      firstCall: firstCall(out.cold),
      preloaded: out.cold.filter((c) => c.preloaded > 0).length,
    },
    coldEager: {
      dom: field(out.coldEager, "dom"), compiled: stats(out.coldEager.map((x) => x.marks.compiled)),
      firstCall: firstCall(out.coldEager),
    },
    coldLoader: {
      dom: field(out.coldLoader, "dom"), visible: field(out.coldLoader, "visible"), frame: field(out.coldLoader, "frame"),
      loader: field(out.coldLoader, "loader"), glue: field(out.coldLoader, "glue"), wasm: field(out.coldLoader, "wasm"),
      marks: marks(out.coldLoader),
    },
    swal: { dom: field(out.swal, "dom"), visible: field(out.swal, "visible"), script: field(out.swal, "script") },
    vsSwal: { cold: vsSwal(out.cold), coldLoader: vsSwal(out.coldLoader) },
  };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
