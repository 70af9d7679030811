// Imports the widget as an ES module, initialises it, and exposes what tests need:
// `window.esm` (the default export and the named ones) and `window.appLoad(url, options)`.
import Explain402, { init, handle, diagnose, version } from "/dist/explain402.mjs";

window.esm = { Explain402, init, handle, diagnose, version };

window.appLoad = async (url, options) => {
  const res = await fetch(url);
  const diagnosis = res.ok ? null : await handle(res, options);
  const body = await res.text();
  document.getElementById("result").textContent = `${res.status} ${body.slice(0, 200)}`;
  return { status: res.status, body, diagnosis };
};

await init({ supportUrl: "mailto:help@example.co.id" });
document.documentElement.dataset.ready = "true";
