// A small checkout page: the host page for accessibility checks and screenshots. `?lang=id`
// turns the page Indonesian (default English). The Pay button (#pay) fetches its data-url and
// hands a refusal to `Explain402.handle`; tests call `window.appLoad(url, options)` directly and
// may pass `#slot` as the container of an inline panel.
"use strict";

const TEXT = {
  en: {
    secure: "Secure checkout", heading: "Your order", item1: "Arabica Gayo beans, 250 g",
    item2: "Pour-over filter papers", shipping: "Shipping", total: "Total", card: "Card",
    pay: "Pay Rp 150.000",
  },
  id: {
    secure: "Pembayaran aman", heading: "Pesanan Anda", item1: "Biji kopi Arabika Gayo, 250 g",
    item2: "Kertas saring pour-over", shipping: "Ongkos kirim", total: "Total", card: "Kartu",
    pay: "Bayar Rp 150.000",
  },
};

const lang = new URLSearchParams(location.search).get("lang") === "id" ? "id" : "en";
document.documentElement.lang = lang;
for (const el of document.querySelectorAll("[data-t]")) el.textContent = TEXT[lang][el.dataset.t];

window.appLoad = async (url, options) => {
  const res = await fetch(url);
  const diagnosis = res.ok ? null : await window.Explain402.handle(res, options);
  await res.text();
  return { status: res.status, diagnosis };
};

document.getElementById("pay").addEventListener("click", (e) => {
  window.appLoad(e.currentTarget.dataset.url).catch((err) => console.warn(`checkout: ${err}`));
});
