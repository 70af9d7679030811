//! The loader: the few hundred bytes a page downloads up front. It watches responses, keeps
//! calls made before the WASM is loaded, loads the rest (glue, wasm) relative to its own URL at
//! idle time or on the first watched response, and never lets an error reach the app.

/** Statuses watched when the integrator does not choose. */
const DEFAULT_STATUSES = [402];

const warn = (why) => console.warn("explain402: " + why);

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
  let original; // the page's fetch while installed

  const load = () =>
    (core ||= import(new URL("explain402_core.js", base).href)
      .then(async (m) => {
        await m.default({ module_or_path: new URL("explain402_core_bg.wasm", base) });
        m.configure(options);
        return m;
      })
      .catch((e) => {
        warn("could not load (" + e + "); fetch keeps working without explanations");
        return null;
      }));

  // Every call into the WASM goes through here: no exception or rejection reaches the app.
  const call = (verb, res, o) => {
    let copy = res;
    try {
      if (res instanceof Response && !res.bodyUsed) copy = res.clone();
    } catch (e) {
      // A locked body cannot be cloned: explain from the status and headers alone.
    }
    return load()
      .then((m) => m && m[verb](copy, o))
      .then(
        (d) => d || null,
        (e) => (warn("failed on this response (" + e + ")"), null)
      );
  };

  const watched = (status) => (options.statuses || DEFAULT_STATUSES).includes(status);

  const wrapFetch = (fetchFn = globalThis.fetch) =>
    function fetch(...args) {
      const p = fetchFn(...args);
      // The app gets the very promise the original fetch returned. This reaction is
      // registered first, so it clones the response before any app code can read it.
      p.then((r) => watched(r.status) && call("handle", r), () => {});
      return p;
    };

  const api = {
    version: __VERSION__,
    init(o) {
      options = Object.assign({}, data, o);
      return core ? core.then((m) => m && m.configure(options)) : load().then(() => {});
    },
    diagnose: (res, o) => call("diagnose", res, o),
    handle: (res, o) => call("handle", res, o),
    wrapFetch,
    install() {
      if (!original) {
        original = globalThis.fetch;
        globalThis.fetch = wrapFetch(original);
      }
    },
    uninstall() {
      if (original) {
        globalThis.fetch = original;
        original = undefined;
      }
    },
    dismiss() {
      if (core) core.then((m) => m && m.dismiss());
    },
    /** For axios: `axios.interceptors.response.use(r => r, Explain402.axiosInterceptor)`. */
    axiosInterceptor(error) {
      const r = error && error.response;
      if (r && watched(r.status)) call("handle", r);
      return Promise.reject(error);
    },
    /** For ky: `ky.create({ hooks: { afterResponse: [Explain402.kyAfterResponse] } })`. */
    kyAfterResponse(_request, _options, response) {
      if (watched(response.status)) call("handle", response);
    },
  };

  if (script && "install" in script.dataset) api.install();
  (globalThis.requestIdleCallback || setTimeout)(load);
  return api;
}
