//! The loader: the one small file a page downloads up front (about 1.5 KB brotli). It watches
//! responses, keeps calls made before the WASM is loaded, loads the rest (glue, wasm) at idle time
//! or on the first watched response, and never lets an error reach the app. Where the rest comes
//! from is the entry's business (`files`): the ES module names it with literals a bundler follows,
//! the classic script relative to its own `src`; the `wasmUrl` option overrides both for the WASM.

/** Statuses watched when the integrator does not choose. */
const DEFAULT_STATUSES = [402];

const warn = (why) => console.warn("explain402: " + why);
const nothing = () => {};

/** Reads the script tag's data-* attributes into options (the lowest-priority layer). */
function fromDataset(d) {
  const o = {};
  for (const k of ["locale", "mode", "theme", "supportUrl", "paymentUrl", "signInUrl", "wasmUrl"]) if (d[k]) o[k] = d[k];
  if (d.statuses) o.statuses = d.statuses.split(",").map(Number).filter(Boolean);
  return o;
}

/**
 * Reads at most `max` bytes of a `Response` copy's body within `ms` milliseconds, then cancels
 * the copy (the app's own branch keeps flowing), for the WASM: `{ status, headers, body,
 * truncated }`, or null when the body failed (the request was aborted or the connection broke,
 * and the app sees that itself).
 */
async function read(copy, [max, ms]) {
  const out = { status: copy.status, headers: copy.headers, url: copy.url, truncated: false };
  const reader = copy.body && copy.body.getReader();
  const chunks = [];
  let size = 0;
  let timer;
  if (reader) {
    const deadline = new Promise((r) => (timer = setTimeout(r, ms)));
    try {
      for (;;) {
        const c = await Promise.race([reader.read(), deadline]);
        if (!c) {
          out.truncated = true; // the deadline won
          break;
        }
        if (c.done) break;
        chunks.push(c.value);
        if ((size += c.value.length) >= max) {
          out.truncated = true;
          break;
        }
      }
    } catch (e) {
      return null; // an errored stream needs no cancelling
    } finally {
      clearTimeout(timer);
    }
    reader.cancel().catch(nothing);
  }
  const body = (out.body = new Uint8Array(Math.min(size, max)));
  let at = 0;
  for (const c of chunks) {
    body.set(c.subarray(0, Math.max(0, body.length - at)), at);
    at += c.length;
  }
  return out;
}

/**
 * Creates the public API. `files` says where the rest is: `wasm()` returns the WASM's URL,
 * `glue()` imports the wasm-bindgen glue; either may throw. `script` is the classic script
 * element (or null for the ES module).
 *
 * # Design
 *
 * Without a DOM (server-side rendering in Node, Deno, a worker) the API is inert: it loads
 * nothing, schedules nothing, logs nothing, and every call resolves to `null`. The package's
 * `node` and edge export conditions point at a stub that does the same without this file.
 */
export function create(files, script) {
  if (typeof document == "undefined") return inert();
  const data = script ? fromDataset(script.dataset) : {};
  let options = data;
  let core; // Promise of the wasm-bindgen module, or of null when it failed to load
  let failed; // the last load failed: a later init() (with a `wasmUrl`, say) tries again
  let installed; // { wrapper, original } while install() is in effect
  let wasm = ""; // the URL the WASM was fetched from
  // User Timing marks of the page's first load only (for `cargo xtask bench`); never throws.
  let first = 1;
  const mark = (name) => {
    try {
      first && performance.mark("explain402:" + name);
    } catch (e) {
      // No User Timing here: nothing to mark.
    }
  };
  // The page's fetch as it was when the widget arrived: the WASM is fetched with it, so the
  // widget's own file never goes through a wrapper (ours or the app's) installed later.
  const pageFetch = globalThis.fetch;

  // The WASM is fetched and compiled while the glue loads, side by side rather than one after
  // the other. Compiled from the stream when served as application/wasm, from the bytes if not.
  // A WASM that cannot be found (a bundler that did not emit it, an HTML fallback page, a URL
  // that is not one) is reported with the option that fixes it.
  const compile = () => {
    const missing = (why) => {
      throw new Error("no WASM at " + (wasm || "its default URL") + " (" + why + "); serve explain402_core_bg.wasm and set the `wasmUrl` option to its URL");
    };
    return Promise.resolve()
      .then(() => pageFetch((wasm = options.wasmUrl ? new URL(options.wasmUrl, document.baseURI).href : files.wasm().href)))
      .then((r) => {
        const type = r.headers.get("content-type") || "";
        if (!r.ok || /html/i.test(type)) missing(r.status + " " + type);
        return /^application\/wasm/i.test(type) ? WebAssembly.compileStreaming(r) : r.arrayBuffer().then((b) => WebAssembly.compile(b));
      }, missing)
      .then((compiled) => (mark("compiled"), compiled));
  };

  // A panic in the WASM (a bug) aborts with a RuntimeError: thrown to `call` below, or, from a
  // panel's listener, uncaught from the WASM file. The module's state may be broken, so it is
  // not used again.
  let broken = false;
  const halt = () => {
    if (broken) return;
    broken = true;
    removeEventListener("error", uncaught);
    core = Promise.resolve(null);
    warn("stopped after an internal error; fetch keeps working without explanations");
  };
  function uncaught(e) {
    if (e.filename !== wasm) return;
    e.preventDefault();
    halt();
  }

  const load = () =>
    (core ||= Promise.resolve()
      .then(() => Promise.all([files.glue().then((m) => (mark("glue"), m)), compile()]))
      .then(async ([m, compiled]) => {
        await m.default({ module_or_path: compiled });
        mark("instantiated");
        m.configure(options);
        mark("configured");
        first = 0;
        addEventListener("error", uncaught);
        return m;
      })
      .catch((e) => {
        failed = true;
        first = 0;
        warn("could not load (" + e + "); fetch keeps working without explanations");
        return null;
      }));

  // A limit on reading a copy: the call's option, else the page's, else the default; capped.
  const limit = (o, key, fallback, cap) => {
    for (const from of [o, options]) {
      try {
        const v = from[key];
        if (typeof v == "number" && v >= 0) return Math.min(v, cap) | 0;
      } catch (e) {
        // No such option object: the next one, or the default.
      }
    }
    return fallback;
  };

  // Every call into the WASM goes through here: it never throws, and its promise resolves
  // (to a diagnosis or null), so no exception or rejection reaches the app.
  const call = (verb, res, o) => {
    let copy = res;
    let reading;
    try {
      if (res instanceof Response) {
        // A used or locked body cannot be cloned: explain from the status and headers alone.
        copy = res.bodyUsed || (res.body && res.body.locked) ? { status: res.status, headers: res.headers } : res.clone();
        // The copy is read while the WASM loads, within the options' limits (the WASM checks
        // the options themselves and warns about bad ones).
        if (copy instanceof Response) reading = read(copy, [limit(o, "maxBodyBytes", 65536, 1048576), limit(o, "readTimeoutMs", 1500, 60000)]);
      }
    } catch (e) {
      copy = null;
    }
    return load()
      .then((m) => {
        // Anything else (an axios response, say) goes in as it is. Never through `await`, which
        // would read a `then` from whatever the app handed over.
        if (m) return reading ? reading.then((ex) => ex && m[verb](ex, o)) : m[verb](copy, o);
      })
      .then(
        (d) => d || null,
        (e) => (e instanceof WebAssembly.RuntimeError ? halt() : warn("failed on this response (" + e + ")"), null)
      );
  };

  const watched = (r) => {
    try {
      const s = options.statuses;
      return (Array.isArray(s) ? s : DEFAULT_STATUSES).includes(r.status);
    } catch (e) {
      return false;
    }
  };

  // Responses a wrapper explained in the last two seconds, by status and URL. ky calls
  // `window.fetch`, so with `install()` its hook gets a clone of a response the wrapper already
  // explained; it skips it rather than count one failure twice.
  const explained = new Map();
  const key = (r) => r.status + " " + r.url;
  const wrapFetch = (fetchFn = globalThis.fetch) =>
    function fetch(...args) {
      const p = fetchFn(...args);
      // The app gets the very promise the original fetch returned. This reaction is
      // registered first, so it clones the response before any app code can read it.
      Promise.resolve(p).then((r) => {
        if (!watched(r)) return;
        try {
          if (explained.size > 99) explained.clear();
          explained.set(key(r), Date.now());
        } catch (e) {
          // A response-like value whose getters throw: explained all the same.
        }
        call("handle", r);
      }, nothing);
      return p;
    };

  const api = {
    version: __VERSION__,
    init(o) {
      try {
        options = Object.assign({}, data, o);
      } catch (e) {
        warn("options must be an object; using the defaults");
      }
      if (failed) core = failed = undefined;
      const loading = core;
      return load()
        .then((m) => {
          if (m && loading) m.configure(options);
        })
        .catch((e) => warn("init failed (" + e + ")"));
    },
    diagnose: (res, o) => call("diagnose", res, o),
    handle: (res, o) => call("handle", res, o),
    wrapFetch,
    install() {
      if (installed) return;
      const original = globalThis.fetch;
      const watching = wrapFetch(original);
      // Once uninstalled, this wrapper passes straight through (another script may hold it).
      const wrapper = function fetch(...args) {
        return (installed && installed.wrapper === wrapper ? watching : original)(...args);
      };
      installed = { wrapper, original };
      globalThis.fetch = wrapper;
    },
    uninstall() {
      if (!installed) return;
      // Restores exactly the original fetch, unless another script has wrapped ours since:
      // its wrapper stays in place (and ours inside it now only passes calls through).
      if (globalThis.fetch === installed.wrapper) globalThis.fetch = installed.original;
      installed = undefined;
    },
    dismiss() {
      if (core) core.then((m) => m && m.dismiss()).catch(nothing);
    },
    /** For axios: `axios.interceptors.response.use(r => r, Explain402.axiosInterceptor)`. */
    axiosInterceptor(error) {
      try {
        const r = error && error.response;
        if (r && watched(r)) call("handle", r);
      } catch (e) {
        // A hostile error object: the app still gets it back, untouched.
      }
      return Promise.reject(error);
    },
    /**
     * For ky: `ky.create({ hooks: { afterResponse: [Explain402.kyAfterResponse] } })`. ky 1 calls
     * hooks with (request, options, response), ky 2 with one `{ request, options, response }`.
     */
    kyAfterResponse(state, _options, response) {
      try {
        const r = response || (state && state.response);
        if (r && watched(r) && !(Date.now() - explained.get(key(r)) < 2000)) call("handle", r);
      } catch (e) {
        // Nothing to explain; ky carries on with its own response.
      }
    },
  };

  if (script && "install" in script.dataset) api.install();
  (globalThis.requestIdleCallback || setTimeout)(load);
  return api;
}

/** The API without a DOM: the same members, doing nothing; every promise resolves to `null`. */
export function inert() {
  const none = () => Promise.resolve(null);
  const nothing = () => {};
  return {
    version: __VERSION__,
    init: () => Promise.resolve(),
    diagnose: none,
    handle: none,
    wrapFetch: (f = globalThis.fetch) => f,
    install: nothing,
    uninstall: nothing,
    dismiss: nothing,
    axiosInterceptor: (e) => Promise.reject(e),
    kyAfterResponse: nothing,
  };
}
