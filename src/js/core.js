//! The loader: the one small file a page downloads up front (about 1 KB brotli). It watches
//! responses, keeps calls made before the WASM is loaded, loads the rest (glue, wasm) relative to
//! its own URL at idle time or on the first watched response, and never lets an error reach the
//! app.

/** Statuses watched when the integrator does not choose. */
const DEFAULT_STATUSES = [402];

const warn = (why) => console.warn("explain402: " + why);
const nothing = () => {};

/** Reads the script tag's data-* attributes into options (the lowest-priority layer). */
function fromDataset(d) {
  const o = {};
  const map = { locale: "locale", mode: "mode", theme: "theme", supportUrl: "supportUrl", paymentUrl: "paymentUrl", signInUrl: "signInUrl" };
  for (const k in map) if (d[k]) o[map[k]] = d[k];
  if (d.statuses) o.statuses = d.statuses.split(",").map(Number).filter(Boolean);
  return o;
}

/**
 * Creates the public API. `base` is the URL the other files are loaded from; `script` is the
 * classic script element (or null for the ES module).
 */
export function create(base, script) {
  const data = script ? fromDataset(script.dataset) : {};
  let options = data;
  let core; // Promise of the wasm-bindgen module, or of null when it failed to load
  let installed; // { wrapper, original } while install() is in effect
  const pending = new Set(); // resolvers of calls the WASM has not answered yet
  const wasm = new URL("explain402_core_bg.wasm", base);
  // The page's fetch as it was when the widget arrived: the WASM is fetched with it, so the
  // widget's own file never goes through a wrapper (ours or the app's) installed later.
  const pageFetch = globalThis.fetch;

  // The WASM is fetched and compiled while the glue loads, side by side rather than one after
  // the other. Compiled from the stream when served as application/wasm, from the bytes if not.
  const compile = () =>
    pageFetch(wasm).then((r) => {
      if (!r.ok) throw new Error(r.status + " fetching " + wasm.href);
      return /^application\/wasm/i.test(r.headers.get("content-type"))
        ? WebAssembly.compileStreaming(r)
        : r.arrayBuffer().then((b) => WebAssembly.compile(b));
    });

  const load = () =>
    (core ||= Promise.resolve()
      .then(() => Promise.all([import(new URL("explain402_core.js", base).href), compile()]))
      .then(async ([m, compiled]) => {
        await m.default({ module_or_path: compiled });
        m.configure(options);
        // A panic in the WASM (a bug) aborts: it surfaces as an uncaught RuntimeError from the
        // WASM file and leaves that call unanswered. Answer every pending call with null and
        // stop using the module, whose state may be broken.
        const stop = (e) => {
          if (e.filename !== wasm.href) return;
          e.preventDefault(); // the panic hook has already logged it
          removeEventListener("error", stop);
          warn("stopped after an internal error; fetch keeps working without explanations");
          core = Promise.resolve(null);
          for (const resolve of pending) resolve(null);
          pending.clear();
        };
        addEventListener("error", stop);
        return m;
      })
      .catch((e) => {
        warn("could not load (" + e + "); fetch keeps working without explanations");
        return null;
      }));

  // Every call into the WASM goes through here: it never throws, and its promise resolves
  // (to a diagnosis or null), so no exception or rejection reaches the app.
  const call = (verb, res, o) => {
    let copy = res;
    try {
      if (res instanceof Response) {
        // A used or locked body cannot be cloned: explain from the status and headers alone.
        copy = res.bodyUsed || (res.body && res.body.locked) ? { status: res.status, headers: res.headers } : res.clone();
      }
    } catch (e) {
      copy = null;
    }
    return load()
      .then((m) => {
        if (m)
          return new Promise((resolve, reject) => {
            pending.add(resolve);
            m[verb](copy, o).then(resolve, reject).finally(() => pending.delete(resolve));
          });
        // Nobody will read the copy: cancel it, or it would buffer the whole body.
        if (copy !== res && copy && copy.body) copy.body.cancel().catch(nothing);
      })
      .then(
        (d) => d || null,
        (e) => (warn("failed on this response (" + e + ")"), null)
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

  const wrapFetch = (fetchFn = globalThis.fetch) =>
    function fetch(...args) {
      const p = fetchFn(...args);
      // The app gets the very promise the original fetch returned. This reaction is
      // registered first, so it clones the response before any app code can read it.
      Promise.resolve(p).then((r) => watched(r) && call("handle", r), nothing);
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
        if (r && watched(r)) call("handle", r);
      } catch (e) {
        // Nothing to explain; ky carries on with its own response.
      }
    },
  };

  if (script && "install" in script.dataset) api.install();
  (globalThis.requestIdleCallback || setTimeout)(load);
  return api;
}
