// Imports the packed npm package as an app's bundler-free code would, and exposes the default
// export and the named ones as `window.pkg`.
import Explain402, * as named from "./pkg/explain402.mjs";

window.pkg = { Explain402, named };
await Explain402.init({ locale: "en" });
document.documentElement.dataset.ready = "true";
