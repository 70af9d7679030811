// The app's own fetch handler: on an error it asks the widget to explain, then reads the body
// itself. Tests call `window.appLoad(url, options)` or click #load.
"use strict";

window.appLoad = async (url, options) => {
  const res = await fetch(url);
  const diagnosis = res.ok ? null : await window.Explain402.handle(res, options);
  const body = await res.text();
  document.getElementById("result").textContent = `${res.status} ${body.slice(0, 200)}`;
  return { status: res.status, body, diagnosis };
};

document.getElementById("load").addEventListener("click", (e) => {
  window.appLoad(e.currentTarget.dataset.url).catch((err) => {
    document.getElementById("result").textContent = `failed: ${err}`;
  });
});
