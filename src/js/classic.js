//! The classic-script entry: `<script src=".../explain402.js" data-install defer>` defines
//! `window.Explain402` and loads the rest from the script's own folder (or the WASM from
//! `data-wasm-url`). No bundler ever sees this file, so its URLs may be computed.
import { create } from "./core.js";

const script = typeof document != "undefined" ? document.currentScript : null;
const base = () => new URL(".", script ? script.src : location.href);
globalThis.Explain402 ||= create(
  {
    wasm: () => new URL("explain402_core_bg.wasm", base()),
    glue: () => import(new URL("explain402_core.js", base()).href),
  },
  script
);
