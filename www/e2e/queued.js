// Runs right after the loader, before its WASM can have loaded: calls the API at once and keeps
// the promises (`window.early`) and whether the WASM had been fetched yet (`window.wasmSeenEarly`).
"use strict";

window.wasmSeenEarly = performance.getEntriesByType("resource").some((e) => e.name.endsWith(".wasm"));
const body = JSON.stringify({ error: { type: "card_error", code: "expired_card", message: "Your card has expired." } });
const response = () => new Response(body, { status: 402, headers: { "Content-Type": "application/json" } });
window.early = {
  init: window.Explain402.init({ locale: "id" }),
  diagnose: window.Explain402.diagnose(response()),
  handle: window.Explain402.handle(response()),
};
