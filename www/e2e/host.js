// Runs first on the integration pages, before the widget: keeps the page's own fetch
// (`window.nativeFetch`) and records every error that reaches the host page as an uncaught
// exception or unhandled rejection (`window.hostErrors`), which the widget must never cause.
"use strict";

window.nativeFetch = window.fetch;
window.hostErrors = [];

window.addEventListener("error", (e) => {
  window.hostErrors.push(`error: ${e.message || e.error}`);
});
window.addEventListener("unhandledrejection", (e) => {
  window.hostErrors.push(`unhandledrejection: ${e.reason && e.reason.stack ? e.reason.stack : e.reason}`);
});

/** Resolves once a panel host (`[data-explain402]`, optionally with that cause) is in the page. */
window.panelShown = (cause) =>
  new Promise((resolve) => {
    const selector = cause ? `[data-explain402][data-cause="${cause}"]` : "[data-explain402]";
    const found = () => document.querySelector(selector);
    if (found()) return resolve(found());
    const observer = new MutationObserver(() => {
      if (found()) {
        observer.disconnect();
        resolve(found());
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  });
