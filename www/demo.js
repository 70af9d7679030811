// The demo page: lists the recorded responses, fetches them through the widget with the chosen
// options, and shows what the app read and what the widget diagnosed. DOM is built with
// textContent only, so the page also runs under a strict Content Security Policy.
"use strict";

(() => {
  /** Statuses explained even when no recorded response uses them. */
  const OPT_IN_STATUSES = [401, 402, 403, 407, 429];
  /** The most of a body the app view shows. */
  const SHOWN_BYTES = 4096;
  /** The case groups, in order, by the cause each recorded response is expected to have. */
  const GROUPS = [
    ["Cards and e-wallets", ["insufficient_funds", "card_declined", "card_expired", "card_incorrect_cvc",
      "card_details_invalid", "payment_details_invalid", "card_limit_exceeded", "card_not_supported", "card_authentication_required",
      "processing_error_retry", "payment_method_not_activated", "ewallet_account_blocked"]],
    ["Crypto and machine payments (x402, pay per crawl)", ["payment_required_onchain", "onchain_insufficient_balance",
      "payment_signature_invalid", "payment_authorization_expired", "payment_network_mismatch",
      "wallet_approval_required", "payment_settlement_failed", "crawler_payment_required"]],
    ["Lightning (L402, Payment auth)", ["payment_required_lightning"]],
    ["Credits, quotas and subscriptions", ["credits_exhausted", "quota_exceeded", "subscription_past_due",
      "service_suspended_billing"]],
    ["Sign-in, access and merchant setup", ["auth_required", "forbidden", "merchant_misconfigured", "proxy_auth_required"]],
    ["Rate limits and bot checks", ["rate_limited", "bot_challenge"]],
  ];
  const OTHER_GROUP = "Bare 402s, odd bodies and responses with nothing to explain";

  const $ = (id) => document.getElementById(id);
  const form = $("controls");
  const appView = $("app-view");
  const diagnosisView = $("diagnosis-view");
  let statuses = OPT_IN_STATUSES;
  let secondOrigin = null;

  const choice = (name) => new FormData(form).get(name);
  const widget = () => window.Explain402;

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function showDiagnosis(d) {
    diagnosisView.textContent = JSON.stringify(d ?? null, null, 2);
  }

  /** The widget options for the current choices. */
  function widgetOptions() {
    const mode = choice("mode");
    const o = {
      locale: choice("locale"),
      theme: choice("theme"),
      mode,
      statuses,
      supportUrl: "mailto:help@example.co.id",
      onShow: (d) => { if (choice("integration") === "install") showDiagnosis(d); },
    };
    if (mode === "inline") o.container = $("inline-slot");
    return o;
  }

  async function applyOptions() {
    const E = widget();
    if (!E) return;
    E.dismiss();
    await E.init(widgetOptions());
    if (choice("integration") === "install") E.install();
    else E.uninstall();
  }

  /** Where a request goes: this origin or the second one, with headers exposed or not. */
  function target(path) {
    const origin = choice("origin");
    if (origin === "same" || !secondOrigin) return path;
    const sep = path.includes("?") ? "&" : "?";
    return secondOrigin + path + (origin === "second-exposed" ? sep + "expose=1" : "");
  }

  /** Reads up to SHOWN_BYTES of the app's own response as it streams in, then lets go. */
  async function readAsApp(res, started) {
    const lines = [`HTTP ${res.status} ${res.statusText}`];
    for (const [name, value] of res.headers) lines.push(`${name}: ${value}`);
    lines.push("");
    appView.textContent = lines.join("\n");
    if (!res.body) return;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let seen = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        seen += value.length;
        const ms = Math.round(performance.now() - started);
        if (appView.textContent.length < SHOWN_BYTES) {
          appView.textContent += decoder.decode(value, { stream: true }).slice(0, SHOWN_BYTES);
        }
        appView.dataset.progress = `${seen} bytes after ${ms} ms`;
      }
      appView.textContent += `\n\n[the app read ${seen} bytes in ${Math.round(performance.now() - started)} ms]`;
    } catch (e) {
      appView.textContent += `\n\n[the app stopped reading after ${seen} bytes: ${e.name}]`;
    } finally {
      reader.cancel().catch(() => {});
    }
  }

  /** Fetches a URL as an app would, through the widget, and shows both sides. */
  /**
   * Browsers never hand a 407 to the page: through a proxy the browser answers it itself, and
   * from any other server Chromium fails the request (net::ERR_UNEXPECTED_PROXY_AUTH). So for a
   * recorded 407 the demo says so and gives the widget the response a non-browser host (a
   * native app's bridge, say) would pass on, built in the page.
   */
  async function explainProxyRefusal(E) {
    appView.textContent +=
      "\n\nBrowsers never hand a 407 to the page (the browser deals with proxy sign-in itself)." +
      "\nThe widget is given the 407 a non-browser host would pass on instead.";
    const res = new Response("Proxy authentication required.", {
      status: 407,
      headers: { "Proxy-Authenticate": 'Basic realm="proxy"', "Content-Type": "text/plain" },
    });
    showDiagnosis(await E.handle(res));
  }

  async function run(path, { method = "GET", abortMs = 0, always = false, status = 0 } = {}) {
    const E = widget();
    if (E) E.dismiss();
    showDiagnosis(null);
    const controller = new AbortController();
    if (abortMs) setTimeout(() => controller.abort(), abortMs);
    // No credentials: a recorded 401 with a Basic challenge would otherwise open the browser's
    // own sign-in prompt, which only requests that may send credentials get.
    const init = { method, signal: controller.signal, credentials: "omit" };
    if (method === "POST") {
      init.headers = { "Content-Type": "application/json", "X-Demo": "passes through" };
      init.body = JSON.stringify({ amount: "10000.00", currency: "IDR" });
    }
    const started = performance.now();
    try {
      const res = await fetch(target(path), init);
      let diagnosis = Promise.resolve(null);
      // Recorded responses always go to the widget: some gateways refuse with a 200.
      if (E && choice("integration") === "handle" && (always || !res.ok)) {
        diagnosis = E.handle(res).then((d) => (showDiagnosis(d), d));
      }
      await Promise.all([readAsApp(res, started), diagnosis]);
    } catch (e) {
      appView.textContent = `fetch failed: ${e.name}: ${e.message}`;
      if (status === 407 && E && e.name === "TypeError") await explainProxyRefusal(E);
    }
  }

  function caseButton(c) {
    const b = el("button", null, "case");
    b.type = "button";
    b.dataset.case = c.name;
    b.title = `expected cause: ${c.expected_cause}`;
    b.append(el("span", c.title || c.name.replaceAll("_", " ")), " ", el("span", String(c.status), c.status < 400 ? "badge ok" : "badge"));
    b.addEventListener("click", () => run(`/api/cases/${encodeURIComponent(c.name)}`, { always: true, status: c.status }));
    return b;
  }

  /** One group of buttons per kind of cause, in the order of GROUPS. */
  function renderCases(cases) {
    const box = $("cases");
    box.replaceChildren();
    const groupOf = (c) => (GROUPS.find(([, causes]) => causes.includes(c.expected_cause)) || [OTHER_GROUP])[0];
    const names = [...GROUPS.map(([name]) => name), OTHER_GROUP];
    for (const name of names) {
      const members = cases.filter((c) => groupOf(c) === name);
      if (!members.length) continue;
      const group = el("div", null, "group");
      group.append(el("h3", `${name} (${members.length})`));
      const buttons = el("div", null, "buttons");
      buttons.append(...members.map(caseButton));
      group.append(buttons);
      box.append(group);
    }
    if (!cases.length) box.append(el("p", "No recorded responses found in tests/fixtures/.", "hint"));
  }

  async function loadCases() {
    try {
      const cases = await (await fetch("/api/cases")).json();
      const refusals = cases.map((c) => c.status).filter((s) => s >= 400 && s !== 404);
      statuses = [...new Set([...OPT_IN_STATUSES, ...refusals])].sort((a, b) => a - b);
      renderCases(cases);
    } catch (e) {
      $("cases").replaceChildren(el("p", `Could not list the recorded responses: ${e.message}`, "hint"));
    }
  }

  async function findSecondOrigin() {
    try {
      const { origins } = await (await fetch("/api/origins")).json();
      const other = origins.map((o) => new URL(o)).find((u) => u.port !== location.port);
      if (other) secondOrigin = `${location.protocol}//${location.hostname}:${other.port}`;
    } catch (e) {
      secondOrigin = null;
    }
  }

  function reportWidget() {
    const status = $("widget-status");
    const E = widget();
    if (E) {
      status.textContent = `Widget ${E.version} loaded.`;
    } else {
      status.textContent = "The widget is not built yet: run `cargo xtask demo` (or `cargo xtask build`).";
      status.classList.add("warn");
    }
  }

  form.addEventListener("change", () => applyOptions().catch(() => {}));
  for (const b of $("extras").querySelectorAll("button")) {
    b.addEventListener("click", () =>
      run(b.dataset.url, { method: b.dataset.method, abortMs: Number(b.dataset.abortMs) || 0 }));
  }
  reportWidget();
  Promise.all([loadCases(), findSecondOrigin()]).then(applyOptions).catch(() => {});
})();
