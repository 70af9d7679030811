// Renders the README screenshots from the real widget: `cargo xtask screenshots` builds dist/,
// starts the server and runs this script with E2E_BASE_URL set. Writes PNGs into
// www/screenshots/ (or $SCREENSHOTS_DIR) and fails if any page logs an error, a panel does not
// appear in the expected mode, or an image is larger than MAX_BYTES.
//
// Four axes, two values each: mode (dialog, toast), locale (en, id), theme (light, dark) and
// screen (desktop 1280×800, phone 360×640). The default set is the eight shots in which every
// pair of values of any two axes appears (a half fraction of the sixteen, screen = mode ⊕
// locale ⊕ theme); `--all` renders all sixteen. Plus `panel.png`, the README's hero image: the
// English light dialog on a desktop, cropped to the panel.

import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { newPage, waitForWidget, waitForPanel, closeBrowser } from "./harness.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OUT = process.env.SCREENSHOTS_DIR || join(ROOT, "www/screenshots");
/** The most a committed screenshot may weigh. */
const MAX_BYTES = 150 * 1024;
/** Space around the panel in the cropped hero image, in CSS pixels. */
const HERO_MARGIN = 32;

/** A realistic case for each mode: Stripe's expired card blocks, a rate limit passes. */
const CASES = {
  dialog: { url: "/api/cases/stripe_expired_card", cause: "card_expired" },
  toast: { url: "/api/cases/ratelimit_429_retry_after_30", cause: "rate_limited" },
};
const SCREENS = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};
/** Where the panel's actions lead in the screenshots. */
const LINKS = { supportUrl: "mailto:help@example.co.id", paymentUrl: "https://example.com/billing" };

/** Every combination, or the half fraction in which each pair of values appears. */
function shots(all) {
  const out = [];
  for (const [m, mode] of ["dialog", "toast"].entries()) {
    for (const [l, locale] of ["en", "id"].entries()) {
      for (const [t, theme] of ["light", "dark"].entries()) {
        for (const [s, screen] of ["desktop", "phone"].entries()) {
          if (all || (m ^ l ^ t) === s) out.push({ mode, locale, theme, screen });
        }
      }
    }
  }
  return out;
}

/** Opens the checkout page and shows the panel for `shot`; returns the page. */
async function showPanel({ mode, locale, theme, screen }, extra = {}) {
  const p = await newPage(`/e2e/checkout.html?lang=${locale}`, {
    locale: locale === "id" ? "id-ID" : "en-US",
    context: { ...SCREENS[screen], ...extra, colorScheme: theme, reducedMotion: "reduce" },
  });
  await waitForWidget(p.page);
  // The toast case is left to the automatic mode choice, as most sites will have it.
  const options = { locale, theme, ...LINKS, ...(mode === "dialog" ? { mode } : {}) };
  await p.page.evaluate((o) => window.Explain402.init(o), options);
  const { url, cause } = CASES[mode];
  await p.page.evaluate((url) => window.appLoad(url), url);
  const panel = await waitForPanel(p.page, cause);
  if (panel.mode !== mode) throw new Error(`${cause} showed as a ${panel.mode}, not a ${mode}`);
  await p.page.evaluate(() => document.fonts.ready.then(() => {}));
  return p;
}

/** Saves a screenshot and checks its size; returns the path relative to the repository. */
function save(name, png) {
  const path = join(OUT, name);
  writeFileSync(path, png);
  const size = statSync(path).size;
  if (size > MAX_BYTES) throw new Error(`${name} is ${Math.round(size / 1024)} KB (at most ${MAX_BYTES / 1024} KB)`);
  console.log(`${relative(ROOT, path)}  ${Math.round(size / 1024)} KB`);
  return path;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const shot of shots(process.argv.includes("--all"))) {
    const p = await showPanel(shot);
    try {
      const png = await p.page.screenshot({ animations: "disabled", caret: "hide" });
      p.assertClean();
      save(`${shot.mode}-${shot.locale}-${shot.theme}-${shot.screen}.png`, png);
    } finally {
      await p.close();
    }
  }

  // The hero: the English light dialog at twice the resolution, cropped to the panel.
  const hero = await showPanel(
    { mode: "dialog", locale: "en", theme: "light", screen: "desktop" },
    { deviceScaleFactor: 2 }
  );
  try {
    const box = await hero.page.evaluate(() => {
      const r = document.querySelector("[data-explain402]").shadowRoot.querySelector(".panel").getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    const clip = {
      x: Math.max(0, box.x - HERO_MARGIN),
      y: Math.max(0, box.y - HERO_MARGIN),
      width: box.width + 2 * HERO_MARGIN,
      height: box.height + 2 * HERO_MARGIN,
    };
    const png = await hero.page.screenshot({ clip, animations: "disabled", caret: "hide" });
    hero.assertClean();
    save("panel.png", png);
  } finally {
    await hero.close();
  }
}

try {
  await main();
} catch (e) {
  console.error(`screenshots: ${e.message}`);
  process.exitCode = 1;
} finally {
  await closeBrowser();
}
