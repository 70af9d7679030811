// Accessibility: axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) finds nothing wrong with the open
// panel in every mode, locale and theme, nor with the demo page; the dialog works from the
// keyboard; the panel fits a 320 px screen and 200% zoom; reduced motion stops its animation;
// under forced colors the panel, its buttons and the focus keep visible edges.

import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { newPage, waitForWidget, waitForPanel, closeBrowser } from "./harness.mjs";

after(closeBrowser);

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const EXPIRED = "/api/cases/stripe_expired_card";
/** Links for every action of the expired-card panel, so all of them are shown. */
const LINKS = { supportUrl: "mailto:help@example.co.id", paymentUrl: "https://example.com/billing" };

/**
 * Runs axe on the page (it descends into open shadow roots) and returns the readable violations
 * and how many of the nodes it passed lay inside a shadow root.
 */
async function axe(page, context = "html") {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    ({ context, tags }) => window.axe.run(context, { runOnly: { type: "tag", values: tags } }),
    { context, tags: AXE_TAGS }
  );
  const violations = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`
  );
  // axe names a node inside a shadow root with an array of selectors (host, then inside).
  const inShadow = result.passes.flatMap((r) => r.nodes).filter((n) => n.target.some(Array.isArray)).length;
  return { violations, inShadow };
}

/**
 * Opens the checkout page in `locale`, shows the expired-card panel with `options`, opens its
 * support details (so axe sees them too) and returns the page.
 */
async function checkoutWithPanel(locale, options, contextOptions = {}) {
  const p = await newPage(`/e2e/checkout.html?lang=${locale}`, { context: contextOptions });
  await waitForWidget(p.page);
  await p.page.evaluate(
    (o) => window.Explain402.init({ ...o, container: document.getElementById("slot") }),
    { locale, ...LINKS, ...options }
  );
  await p.page.evaluate((url) => window.appLoad(url), EXPIRED);
  await waitForPanel(p.page, "card_expired");
  await settled(p.page);
  return p;
}

/** Waits until the panel's entrance animation (if any) has finished, so boxes are final. */
function settled(page) {
  return page.evaluate(() => {
    const root = document.querySelector("[data-explain402]").shadowRoot;
    return Promise.all(root.getAnimations ? root.getAnimations().map((a) => a.finished) : []);
  });
}

/** The panel's computed background, as a relative luminance from 0 (black) to 1 (white). */
function panelLuminance(page) {
  return page.evaluate(() => {
    const panel = document.querySelector("[data-explain402]").shadowRoot.querySelector(".panel");
    const [r, g, b] = getComputedStyle(panel).backgroundColor.match(/\d+(\.\d+)?/g).map(Number);
    const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  });
}

/** Opens the panel's "details for support" section. */
function openDetails(page) {
  return page.evaluate(() => {
    const details = document.querySelector("[data-explain402]").shadowRoot.querySelector("details");
    if (details) details.open = true;
    return Boolean(details);
  });
}

/** Theme option × the browser's colour scheme, and which one the panel must end up in. */
const THEMES = [
  { theme: "auto", scheme: "light", dark: false },
  { theme: "auto", scheme: "dark", dark: true },
  { theme: "light", scheme: "dark", dark: false },
  { theme: "dark", scheme: "light", dark: true },
];

describe("axe finds no violation in any mode, locale and theme", () => {
  for (const mode of ["dialog", "toast", "inline"]) {
    for (const locale of ["id", "en"]) {
      for (const { theme, scheme, dark } of THEMES) {
        test(`${mode}, ${locale}, theme ${theme} in a ${scheme} browser`, async () => {
          const p = await checkoutWithPanel(locale, { mode, theme }, { colorScheme: scheme });
          try {
            const panel = await waitForPanel(p.page, "card_expired");
            assert.equal(panel.mode, mode);
            assert.equal(panel.theme, theme);
            assert.equal(panel.lang, locale);
            const luminance = await panelLuminance(p.page);
            assert.ok(dark ? luminance < 0.1 : luminance > 0.8, `a ${dark ? "dark" : "light"} panel (${luminance})`);
            assert.ok(await openDetails(p.page), "the panel has support details");
            const { violations, inShadow } = await axe(p.page);
            assert.deepEqual(violations, []);
            assert.ok(inShadow > 0, "axe checked nodes inside the panel's shadow root");
            p.assertClean();
          } finally {
            await p.close();
          }
        });
      }
    }
  }
});

test("theme auto follows a change of prefers-color-scheme on an open panel", async () => {
  const p = await checkoutWithPanel("en", { mode: "toast", theme: "auto" }, { colorScheme: "light" });
  try {
    assert.ok((await panelLuminance(p.page)) > 0.8, "light first");
    await p.page.emulateMedia({ colorScheme: "dark" });
    assert.ok((await panelLuminance(p.page)) < 0.1, "dark after the switch");
    assert.deepEqual((await axe(p.page)).violations, []);
    p.assertClean();
  } finally {
    await p.close();
  }
});

test("the demo page passes axe", async () => {
  const p = await newPage("/");
  try {
    await p.page.waitForSelector("button.case");
    assert.deepEqual((await axe(p.page)).violations, []);
  } finally {
    await p.close();
  }
});

/** Describes the element that really has focus, looking through open shadow roots. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    let inPanel = false;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) {
      inPanel ||= el.matches("[data-explain402]");
      el = el.shadowRoot.activeElement;
    }
    return {
      inPanel,
      id: el ? el.id : "",
      what: el ? `${el.tagName.toLowerCase()}.${el.className}|${(el.textContent || "").trim().slice(0, 40)}` : "",
    };
  });
}

/** The controls Tab can reach in the open panel, in order (a closed `<details>` hides its own). */
function panelControls(page) {
  return page.evaluate(() => {
    const root = document.querySelector("[data-explain402]").shadowRoot;
    return [...root.querySelectorAll("a[href], button, summary")]
      .filter((el) => el.tagName === "SUMMARY" || !el.closest("details:not([open])"))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}|${(el.textContent || "").trim().slice(0, 40)}`);
  });
}

describe("keyboard", () => {
  test("Tab cycles inside the dialog, Esc closes it, focus returns to the button", async () => {
    const p = await newPage("/e2e/checkout.html?lang=id");
    try {
      await waitForWidget(p.page);
      // With onRetry the card panel offers "Coba lagi" (without it, no reload on a card form).
      await p.page.evaluate((o) => window.Explain402.init({ ...o, onRetry: () => {} }), { locale: "id", ...LINKS });
      await p.page.focus("#pay");
      await p.page.keyboard.press("Enter");
      const panel = await waitForPanel(p.page, "card_expired");
      assert.equal(panel.role, "alertdialog");
      await p.page.waitForFunction(() => document.activeElement && document.activeElement.matches("[data-explain402]"));

      const controls = await panelControls(p.page);
      assert.ok(controls.length >= 4, `close, actions and details: ${JSON.stringify(controls)}`);
      const seen = [];
      for (let i = 0; i < controls.length * 2 + 1; i++) {
        await p.page.keyboard.press("Tab");
        const f = await focused(p.page);
        assert.ok(f.inPanel, `Tab ${i + 1} left the dialog (focus on ${f.what || f.id})`);
        seen.push(f.what);
      }
      assert.deepEqual(seen.slice(0, controls.length), controls, "Tab visits every control in order");
      assert.deepEqual(seen.slice(controls.length, controls.length * 2), controls, "and starts over");
      // Focus is on the first control again: Shift+Tab wraps to the last.
      await p.page.keyboard.press("Shift+Tab");
      assert.equal((await focused(p.page)).what, controls[controls.length - 1], "Shift+Tab wraps backwards");

      await p.page.keyboard.press("Escape");
      await p.page.waitForSelector("[data-explain402]", { state: "detached" });
      assert.equal((await focused(p.page)).id, "pay", "focus is back on the button that triggered the fetch");
      const inert = await p.page.evaluate(() => document.querySelectorAll("[inert]").length);
      assert.equal(inert, 0, "the page is interactive again");
      p.assertClean();
    } finally {
      await p.close();
    }
  });

  test("Esc closes a toast that holds focus and gives focus back", async () => {
    const p = await newPage("/e2e/checkout.html?lang=en");
    try {
      await waitForWidget(p.page);
      await p.page.evaluate((o) => window.Explain402.init(o), { mode: "toast", ...LINKS });
      await p.page.focus("#pay");
      await p.page.keyboard.press("Enter");
      await waitForPanel(p.page, "card_expired");
      assert.equal((await focused(p.page)).id, "pay", "a toast does not take focus");
      // The toasts come last in the page, right after the Pay button in tab order.
      await p.page.keyboard.press("Tab");
      assert.ok((await focused(p.page)).inPanel, "Tab from the button reaches the toast");
      await p.page.keyboard.press("Escape");
      await p.page.waitForSelector("[data-explain402]", { state: "detached" });
      assert.equal((await focused(p.page)).id, "pay", "focus is back where it came from");
      p.assertClean();
    } finally {
      await p.close();
    }
  });
});

/**
 * Checks that the panel fits the viewport: no horizontal scrolling on the page or inside the
 * panel, the panel inside the viewport, and every control reachable by scrolling inside it.
 * Returns what it measured.
 */
async function assertFits(page) {
  const m = await page.evaluate(() => {
    const root = document.querySelector("[data-explain402]").shadowRoot;
    const panel = root.querySelector(".panel");
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const box = panel.getBoundingClientRect();
    const controls = [...root.querySelectorAll("a[href], button, summary")].map((el) => {
      el.scrollIntoView({ block: "nearest", inline: "nearest" });
      const r = el.getBoundingClientRect();
      return {
        what: el.className || el.tagName,
        inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5,
        onScreen: r.left >= -0.5 && r.right <= vw + 0.5 && r.top >= -0.5 && r.bottom <= vh + 0.5,
        size: [r.width, r.height],
      };
    });
    const clipped = [...root.querySelectorAll("h2, p, li, dt, dd, .btn, summary")]
      .filter((el) => el.getClientRects().length && el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.className || el.tagName);
    return {
      vw,
      vh,
      pageScrollWidth: document.documentElement.scrollWidth,
      panelScroll: [panel.scrollWidth, panel.clientWidth, panel.scrollHeight, panel.clientHeight],
      box: [box.left, box.top, box.right, box.bottom],
      controls,
      clipped,
    };
  });
  assert.ok(m.pageScrollWidth <= m.vw, `the page scrolls sideways: ${JSON.stringify(m)}`);
  assert.ok(m.panelScroll[0] <= m.panelScroll[1], `the panel scrolls sideways: ${JSON.stringify(m)}`);
  const [left, top, right, bottom] = m.box;
  assert.ok(left >= 0 && top >= 0 && right <= m.vw + 0.5 && bottom <= m.vh + 0.5, `the panel leaves the viewport: ${JSON.stringify(m)}`);
  for (const c of m.controls) {
    assert.ok(c.inside && c.onScreen, `${c.what} cannot be scrolled into view: ${JSON.stringify(m)}`);
    assert.ok(c.size[0] >= 24 && c.size[1] >= 24, `${c.what} is smaller than 24×24 px`);
  }
  assert.deepEqual(m.clipped, [], "text cut off sideways");
  return m;
}

describe("small screens and zoom", () => {
  test("at 320 px the dialog fits and every button can be scrolled to", async () => {
    // 320×480: the smallest phone screen WCAG 1.4.10 (Reflow) asks for, short enough that the
    // Indonesian panel with its details open has to scroll inside.
    const p = await checkoutWithPanel("id", { mode: "dialog" }, { viewport: { width: 320, height: 480 } });
    try {
      await openDetails(p.page);
      const m = await assertFits(p.page);
      assert.ok(m.panelScroll[2] > m.panelScroll[3], "this panel is taller than the screen, so it scrolls inside");
      p.assertClean();
    } finally {
      await p.close();
    }
  });

  test("at 320 px a toast fits", async () => {
    const p = await checkoutWithPanel("id", { mode: "toast" }, { viewport: { width: 320, height: 480 } });
    try {
      await openDetails(p.page);
      await assertFits(p.page);
      p.assertClean();
    } finally {
      await p.close();
    }
  });

  test("at 200% zoom the dialog fits", async () => {
    // Browser zoom at 200% on a 1280×800 window lays the page out in a 640×400 CSS px viewport
    // with two device pixels per CSS pixel; that is exactly what this context emulates
    // (Playwright cannot press Ctrl-+).
    const p = await checkoutWithPanel("en", { mode: "dialog" }, {
      viewport: { width: 640, height: 400 },
      deviceScaleFactor: 2,
    });
    try {
      await openDetails(p.page);
      await assertFits(p.page);
      p.assertClean();
    } finally {
      await p.close();
    }
  });

  test("text at 200% (a larger default font size) scales the panel's text and still fits", async () => {
    // WCAG 1.4.4 (Resize text): the panel's sizes are in rem and em, so a user's larger default
    // font size, emulated with `:root { font-size: 200% }`, doubles its text.
    const p = await checkoutWithPanel("id", { mode: "dialog" }, { viewport: { width: 1280, height: 800 } });
    try {
      const titleSize = () =>
        p.page.evaluate(() => {
          const h2 = document.querySelector("[data-explain402]").shadowRoot.querySelector("h2");
          return parseFloat(getComputedStyle(h2).fontSize);
        });
      const before = await titleSize();
      await p.page.addStyleTag({ content: ":root { font-size: 200% !important }" });
      const after = await titleSize();
      assert.ok(after >= before * 1.9, `the title grew from ${before}px to ${after}px`);
      await openDetails(p.page);
      await assertFits(p.page);
      p.assertClean();
    } finally {
      await p.close();
    }
  });
});

describe("reduced motion", () => {
  /** The panel's and backdrop's computed animation names. */
  function animations(page) {
    return page.evaluate(() => {
      const root = document.querySelector("[data-explain402]").shadowRoot;
      const name = (sel) => {
        const el = root.querySelector(sel);
        if (!el) return null;
        const s = getComputedStyle(el);
        return parseFloat(s.animationDuration) === 0 ? "none" : s.animationName;
      };
      return { panel: name(".panel"), backdrop: name(".backdrop") };
    });
  }

  test("prefers-reduced-motion: reduce stops the panel's animation", async () => {
    const p = await checkoutWithPanel("en", { mode: "dialog" }, { reducedMotion: "reduce" });
    try {
      assert.deepEqual(await animations(p.page), { panel: "none", backdrop: "none" });
      p.assertClean();
    } finally {
      await p.close();
    }
  });

  test("without the preference the panel animates", async () => {
    const p = await checkoutWithPanel("en", { mode: "dialog" }, { reducedMotion: "no-preference" });
    try {
      const a = await animations(p.page);
      assert.notEqual(a.panel, "none");
      assert.notEqual(a.backdrop, "none");
      p.assertClean();
    } finally {
      await p.close();
    }
  });

  test("switching the preference on an open panel takes effect at once", async () => {
    const p = await checkoutWithPanel("en", { mode: "toast" }, { reducedMotion: "no-preference" });
    try {
      assert.notEqual((await animations(p.page)).panel, "none");
      await p.page.emulateMedia({ reducedMotion: "reduce" });
      assert.equal((await animations(p.page)).panel, "none");
      p.assertClean();
    } finally {
      await p.close();
    }
  });
});

describe("forced colors (Windows high contrast)", () => {
  // With forced colors the browser replaces every colour and drops backgrounds and shadows, so
  // only borders and outlines still draw the panel's edge, its buttons and the focus.
  for (const mode of ["dialog", "toast", "inline"]) {
    test(`${mode}: the panel, each button and the focus keep a visible edge`, async () => {
      const p = await checkoutWithPanel("en", { mode }, { forcedColors: "active" });
      try {
        const edges = await p.page.evaluate(() => {
          const root = document.querySelector("[data-explain402]").shadowRoot;
          const edge = (el) => {
            const s = getComputedStyle(el);
            return { width: parseFloat(s.borderTopWidth), style: s.borderTopStyle };
          };
          return {
            forced: matchMedia("(forced-colors: active)").matches,
            panel: edge(root.querySelector(".panel")),
            buttons: [...root.querySelectorAll(".btn")].map((b) => ({ text: b.textContent, ...edge(b) })),
          };
        });
        assert.ok(edges.forced, "the page is in forced-colors mode");
        assert.ok(edges.panel.width >= 1 && edges.panel.style === "solid", `panel edge ${JSON.stringify(edges.panel)}`);
        assert.ok(edges.buttons.length > 0, "the panel has buttons");
        for (const b of edges.buttons) assert.ok(b.width >= 1 && b.style === "solid", `button edge ${JSON.stringify(b)}`);
        // The first Tab lands on a control; its focus ring is a real outline, not a shadow.
        await p.page.evaluate(() => document.querySelector("[data-explain402]").shadowRoot.querySelector(".btn").focus({ focusVisible: true }));
        await p.page.keyboard.press("Shift+Tab");
        await p.page.keyboard.press("Tab");
        const ring = await p.page.evaluate(() => {
          let el = document.activeElement;
          while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
          const s = getComputedStyle(el);
          return { tag: el.tagName, width: parseFloat(s.outlineWidth), style: s.outlineStyle };
        });
        assert.ok(ring.width >= 2 && ring.style === "solid", `focus ring ${JSON.stringify(ring)}`);
        p.assertClean();
      } finally {
        await p.close();
      }
    });
  }
});
