//! The ES module entry (the npm package's main): the same API as `window.Explain402`.
import { create } from "./core.js";

const api = (globalThis.Explain402 ||= create(new URL(".", import.meta.url), null));
export default api;
export const { version, init, diagnose, handle, wrapFetch, install, uninstall, dismiss, axiosInterceptor, kyAfterResponse } = api;
