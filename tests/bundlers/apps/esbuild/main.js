// esbuild does not emit `new URL("…", import.meta.url)` assets (evanw/esbuild#795) and its
// default IIFE output leaves `import.meta` empty: the build copies the WASM, the app names it.
import { start } from "../shared/app.js";

start({ wasmUrl: "explain402_core_bg.wasm" });
