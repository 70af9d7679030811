// The esbuild app without `wasmUrl` and without the copy: the widget cannot find its WASM,
// the app must run all the same and the console get one warning that names `wasmUrl`.
import { start } from "../shared/app.js";

start();
