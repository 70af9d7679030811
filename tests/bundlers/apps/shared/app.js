// The host app every bundler builds: the README's ES module quick start, then the app's own
// code, which must run whatever the bundler did with the widget's files.
import Explain402 from "explain402";

/** Starts the widget with `options` (the rows that need `wasmUrl` pass it), then the app. */
export function start(options = {}) {
  const html = document.documentElement;
  Explain402.init({ locale: "en", ...options });
  Explain402.install();
  html.dataset.app = "ran";
  // The app's own request: a Stripe 402 replayed by the project's server. The app reads the
  // body itself; the widget explains its own copy.
  fetch("/api/cases/stripe_expired_card")
    .then((r) => r.json().then((body) => Object.assign(html.dataset, { status: String(r.status), code: body.error.code })))
    .catch((e) => (html.dataset.failed = String(e)));
}
