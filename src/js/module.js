//! The ES module entry (the npm package's `default` export condition): the same API as
//! `window.Explain402`.
//!
//! # Design
//!
//! Both references below are literals relative to `import.meta.url`, the only forms bundlers
//! follow: Vite, webpack 5, Parcel 2 and Next.js emit the WASM as a hashed asset and the glue as
//! a chunk, with no plugin and no copy step; a plain server serves them from beside this file.
//! They are evaluated only when the widget loads, inside its error handling, so a bundler that
//! rewrote them into something invalid (esbuild's IIFE output leaves `import.meta` empty) costs
//! one warning naming `wasmUrl`, never the host module.
import { create } from "./core.js";

const files = {
  wasm: () => new URL("./explain402_core_bg.wasm", import.meta.url),
  glue: () => import("./explain402_core.js"),
};

const api = (globalThis.Explain402 ||= create(files, null));
export default api;
export const { version, init, diagnose, handle, wrapFetch, install, uninstall, dismiss, axiosInterceptor, kyAfterResponse } = api;
