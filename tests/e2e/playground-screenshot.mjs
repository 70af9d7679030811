// Not a test: renders www/screenshots/playground.png, the playground after its curl -i example,
// for the README. Run against a server: `E2E_BASE_URL=http://127.0.0.1:8402 node tests/e2e/playground-screenshot.mjs`.

import { fileURLToPath } from "node:url";
import { closeBrowser, newPage, readPanels, until } from "./harness.mjs";

const out = fileURLToPath(new URL("../../www/screenshots/playground.png", import.meta.url));
const p = await newPage("/playground/", { context: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, colorScheme: "light" } });
try {
  await p.page.waitForSelector("html[data-ready=true]", { timeout: 10_000 });
  await until(async () => (await readPanels(p.page)).length === 2, { what: "two panels" });
  await p.page.screenshot({ path: out, fullPage: true });
  p.assertClean();
  console.log("wrote " + out);
} finally {
  await p.close();
  await closeBrowser();
}
