// Server-side rendering: importing the packed package in Node (as Next.js, Nuxt, SvelteKit or a
// server log would) prints nothing, fetches nothing, starts no timer, leaves `fetch` alone, and
// every API call resolves to `null`. Each import runs in a fresh `node` whose globals are spied
// on before the import; its stdout must hold only the probe's report and its stderr nothing.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const PKG = join(HERE, "node_modules/explain402");
const API = ["axiosInterceptor", "diagnose", "dismiss", "handle", "init", "install", "kyAfterResponse", "uninstall", "version", "wrapFetch"];

/** Imports `specifier` in a fresh Node with spies on every global the widget could touch. */
function probe(specifier) {
  const script = `
    const seen = [];
    for (const name of ["fetch", "setTimeout", "setInterval", "setImmediate", "queueMicrotask", "requestIdleCallback", "addEventListener"]) {
      const real = globalThis[name];
      globalThis[name] = function (...args) { seen.push(name); return real && real.apply(this, args); };
    }
    for (const level of ["log", "info", "warn", "error", "debug", "trace"]) console[level] = (...a) => seen.push("console." + level + ": " + a.join(" "));
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = process.stderr.write = (chunk) => (seen.push("write: " + chunk), true);
    const spied = globalThis.fetch;
    const m = await import(${JSON.stringify(specifier)});
    const api = m.default;
    api.install();
    const results = await Promise.all([
      api.init({ locale: "id" }),
      api.diagnose({ status: 402, headers: {}, body: "{}" }),
      api.handle(new Response('{"error":{"code":"expired_card"}}', { status: 402 })),
      api.axiosInterceptor({ response: { status: 402 } }).catch((e) => "rejected with the same error: " + (e.response.status === 402)),
    ]);
    const wrapped = api.wrapFetch(spied) === spied;
    const fetchUntouched = globalThis.fetch === spied;
    api.kyAfterResponse({ response: new Response(null, { status: 402 }) });
    api.dismiss();
    api.uninstall();
    await new Promise((r) => setImmediate(r));
    write(JSON.stringify({ seen: seen.filter((s) => s !== "setImmediate"), results, wrapped, fetchUntouched,
      keys: Object.keys(api).sort(), named: Object.keys(m).filter((k) => k !== "default").sort(), version: m.version }));
  `;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: HERE, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 20_000 });
  return JSON.parse(out);
}

const version = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8")).version;

for (const [what, specifier] of [
  ["`import \"explain402\"` (the `node` export condition: the stub)", "explain402"],
  ["the browser entry itself, explain402.mjs (a runtime that ignores export conditions)", join(PKG, "explain402.mjs")],
]) {
  test(`SSR in Node ${process.version}: ${what} is silent and inert`, () => {
    const r = probe(specifier);
    assert.deepEqual(r.seen, [], "no fetch, no timer, no listener, no output");
    assert.deepEqual(r.results, [null, null, null, "rejected with the same error: true"]);
    assert.ok(r.wrapped, "wrapFetch hands back the fetch it was given");
    assert.ok(r.fetchUntouched, "install() leaves the server's fetch alone");
    assert.deepEqual(r.keys, API);
    assert.deepEqual(r.named, API, "the same named exports as in the browser");
    assert.equal(r.version, version);
  });
}

test("the package's export conditions: servers and edge runtimes get the stub, browsers the loader, `default` last", () => {
  const manifest = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));
  const root = manifest.exports["."];
  const keys = Object.keys(root);
  assert.equal(keys[0], "types");
  assert.equal(keys.at(-1), "default");
  assert.equal(root.default, "./explain402.mjs");
  for (const c of ["node", "deno", "workerd", "edge-light", "worker", "react-server"]) assert.equal(root[c], "./explain402.node.mjs", c);
  assert.ok(keys.indexOf("node") < keys.indexOf("import"), "`node` wins over `import` in Node");
  assert.equal(manifest.exports["./explain402_core_bg.wasm"], "./explain402_core_bg.wasm", "the WASM is exported for copy steps");
});
