//! The server entry (the package's `node`, `deno`, `workerd`, `edge-light`, `worker` and
//! `react-server` export conditions): the API with nothing behind it. Importing it reads no
//! globals, fetches nothing, starts no timer and logs nothing; every call resolves to `null`, so
//! code shared between server rendering and the browser needs no `typeof window` checks.
import { inert } from "./core.js";

const api = inert();
export default api;
export const { version, init, diagnose, handle, wrapFetch, install, uninstall, dismiss, axiosInterceptor, kyAfterResponse } = api;
