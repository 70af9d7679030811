// Runs before the widget on the strict-CSP page: records every policy violation (in
// `window.cspViolations` and on the page) and fetches a fixture when #load is clicked.
"use strict";

window.cspViolations = [];

document.addEventListener("securitypolicyviolation", (e) => {
  const v = { directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile };
  window.cspViolations.push(v);
  const list = document.getElementById("violations");
  if (list) {
    const item = document.createElement("li");
    item.textContent = JSON.stringify(v);
    list.append(item);
  }
});

window.appLoad = async (url) => {
  const res = await fetch(url);
  const body = await res.text();
  document.getElementById("result").textContent = `${res.status} ${body.slice(0, 200)}`;
  return { status: res.status, body };
};

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("load").addEventListener("click", (e) => {
    window.appLoad(e.currentTarget.dataset.url).catch((err) => {
      document.getElementById("result").textContent = `failed: ${err}`;
    });
  });
});
