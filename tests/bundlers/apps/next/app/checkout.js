"use client";
// The README's ES module quick start in a client component: prerendered on the server (where
// the package's `node` condition gives the inert stub), hydrated in the browser.
import { useEffect } from "react";
import Explain402 from "explain402";

export default function Checkout() {
  useEffect(() => {
    const html = document.documentElement;
    Explain402.init({ locale: "en" });
    Explain402.install();
    html.dataset.app = "ran";
    fetch("/api/cases/stripe_expired_card")
      .then((r) => r.json().then((body) => Object.assign(html.dataset, { status: String(r.status), code: body.error.code })))
      .catch((e) => (html.dataset.failed = String(e)));
    return () => Explain402.uninstall();
  }, []);
  return <p>Your order</p>;
}
