// The end-to-end harness: Debian's Chromium driven by playwright-core against the project's own
// server (`cargo xtask serve`, or `serve::start` from `cargo xtask test`), which passes its two
// origins in E2E_BASE_URL and E2E_SECOND_URL.

import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The page origin, and a second origin for cross-origin requests. */
export const BASE_URL = (process.env.E2E_BASE_URL || "http://127.0.0.1:8402").replace(/\/$/, "");
export const SECOND_URL = (process.env.E2E_SECOND_URL || "http://127.0.0.1:8403").replace(/\/$/, "");

/** How long a panel may take to appear (the WASM loads on the first watched response). */
export const PANEL_TIMEOUT_MS = 10_000;

const CHROMIUM = process.env.E2E_CHROMIUM || "/usr/bin/chromium";
const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

/**
 * Chromium logs every 4xx/5xx response as "Failed to load resource". The tests fetch refusals
 * from `/api/` on purpose, so those are expected; a failing page asset (a 404 for the widget's
 * WASM, say) stays an error.
 */
const FAILED_LOAD = /^Failed to load resource: the server responded with a status of \d{3}\b/;

function expectedNoise(message) {
  if (!FAILED_LOAD.test(message.text())) return false;
  try {
    return new URL(message.location().url).pathname.startsWith("/api/");
  } catch (e) {
    return false;
  }
}

let launched;

/** The shared browser, launched on first use. */
export function browser() {
  launched ||= chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return launched;
}

/** Closes the shared browser; call it from `after()` in every test file. */
export async function closeBrowser() {
  if (launched) {
    const b = await launched;
    launched = undefined;
    await b.close();
  }
}

/** The repository's fixture `tests/fixtures/<name>.json`, parsed. */
export function fixture(name) {
  const url = new URL(`../fixtures/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), "utf8"));
}

/**
 * Opens `path` (relative to BASE_URL) in a fresh context. Returns the page with what it logged:
 * `messages` (every console message), `errors` (console errors and uncaught exceptions, expected network
 * noise left out) and `assertClean()` which throws if there were any errors. `context` adds
 * Playwright context options (`viewport`, `deviceScaleFactor`, `colorScheme`, `reducedMotion`, ...).
 * `requests` lists the URL of every request the page made, from the navigation on.
 */
export async function newPage(path = "/", { locale = "en-US", waitFor = "load", context: options = {} } = {}) {
  const context = await (await browser()).newContext({ locale, ...options });
  const page = await context.newPage();
  const messages = [];
  const errors = [];
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  // Requests still open, to say which one held a navigation that timed out.
  const open = new Set();
  page.on("request", (r) => open.add(r));
  page.on("requestfinished", (r) => open.delete(r));
  page.on("requestfailed", (r) => open.delete(r));
  page.on("console", (m) => {
    const entry = { type: m.type(), text: m.text() };
    messages.push(entry);
    if (entry.type === "error" && !expectedNoise(m)) errors.push(`${entry.text} (${m.location().url})`);
  });
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  page.on("crash", () => errors.push("the page crashed"));
  let response;
  try {
    response = await page.goto(BASE_URL + path, { waitUntil: waitFor });
  } catch (e) {
    const pending = [...open].map((r) => r.url()).join(", ") || "none";
    await context.close();
    throw new Error(`${e.message}\n  requests still open: ${pending}\n  console: ${JSON.stringify(messages)}`);
  }
  if (!response || !response.ok()) {
    await context.close();
    throw new Error(`GET ${path}: ${response ? response.status() : "no response"}`);
  }
  return {
    page,
    context,
    messages,
    errors,
    requests,
    warnings: () => messages.filter((m) => m.type === "warning").map((m) => m.text),
    assertClean() {
      if (errors.length) throw new Error(`the page logged errors:\n  ${errors.join("\n  ")}`);
    },
    close: () => context.close(),
  };
}

/** Waits until the classic script has defined `window.Explain402`. */
export async function waitForWidget(page) {
  await page.waitForFunction(() => typeof window.Explain402 === "object" && window.Explain402 !== null, null, {
    timeout: PANEL_TIMEOUT_MS,
  });
}

/** The panel host elements, `[data-explain402]` (a locator; Playwright pierces open shadow roots). */
export function panel(page) {
  return page.locator("[data-explain402]");
}

/**
 * Reads the panels on the page: the host's data-* attributes and `lang`, and from the open
 * shadow root its title (the `h2`, or what `aria-labelledby` names), text and roles.
 */
export async function readPanels(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("[data-explain402]")].map((host) => {
      const root = host.shadowRoot;
      const box = root && root.querySelector("[aria-labelledby]");
      const labelled = box && root.getElementById(box.getAttribute("aria-labelledby"));
      const title = labelled || (root && root.querySelector("h1, h2, h3, [role=heading]"));
      const langOf = root && root.querySelector("[lang]");
      return {
        cause: host.getAttribute("data-cause"),
        mode: host.getAttribute("data-mode"),
        theme: host.getAttribute("data-theme"),
        lang: host.getAttribute("lang") || (langOf && langOf.getAttribute("lang")),
        innerLang: langOf && langOf.getAttribute("lang"),
        shadow: root ? root.mode : null,
        role: box && box.getAttribute("role"),
        title: title ? title.textContent.trim() : "",
        text: root ? root.textContent.replace(/\s+/g, " ").trim() : "",
        visible: host.getClientRects().length > 0 || (box ? box.getClientRects().length > 0 : false),
      };
    })
  );
}

/** Waits for a panel with `data-cause="<cause>"` and returns what `readPanels` reads from it. */
export async function waitForPanel(page, cause) {
  const selector = `[data-explain402][data-cause="${cause}"]`;
  try {
    await page.waitForSelector(selector, { state: "attached", timeout: PANEL_TIMEOUT_MS });
  } catch (e) {
    const seen = await readPanels(page);
    throw new Error(`no panel for ${cause} within ${PANEL_TIMEOUT_MS} ms; panels: ${JSON.stringify(seen)}`);
  }
  const panels = await readPanels(page);
  return panels.find((p) => p.cause === cause);
}

/**
 * Fetches `url` from inside the page as app code would (through whatever `fetch` the page has)
 * and reads the body the way the app would: `read: "json"` calls `res.json()` (and fails the
 * test if that throws), `"text"` calls `res.text()`. Returns the status, the headers the page
 * can see and the body.
 */
export async function appFetch(page, url, { read = "text", init } = {}) {
  return page.evaluate(
    async ({ url, read, init }) => {
      const res = await fetch(url, init);
      const headers = Object.fromEntries(res.headers);
      const body = read === "json" ? await res.json() : await res.text();
      return { status: res.status, headers, body };
    },
    { url, read, init }
  );
}

/**
 * What reached the host page as an uncaught exception or unhandled rejection, as recorded by
 * `www/e2e/host.js` (on pages that load it). The widget must never add to this.
 */
export async function hostErrors(page) {
  return page.evaluate(() => window.hostErrors);
}

/** The link actions of every open panel: `{ text, href }`, read from the shadow roots. */
export async function panelLinks(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("[data-explain402]")].flatMap((host) =>
      [...host.shadowRoot.querySelectorAll("a[href]")].map((a) => ({ text: a.textContent.trim(), href: a.getAttribute("href") }))
    )
  );
}

/** Polls `check` (in Node) every 50 ms until it returns a truthy value, which it returns. */
export async function until(check, { timeout = PANEL_TIMEOUT_MS, what = "the condition" } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
