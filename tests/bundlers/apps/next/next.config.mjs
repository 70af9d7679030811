// A static export, so that the project's server can serve the build under /e2e/bundlers/next/,
// and the matrix's own folder as Turbopack's root (it holds node_modules; the repository's
// lockfile above would otherwise make Next warn). Nothing here is for the widget: `next build`
// follows its files with Next's defaults.
import { fileURLToPath } from "node:url";

export default {
  output: "export",
  basePath: "/e2e/bundlers/next",
  trailingSlash: true,
  turbopack: { root: fileURLToPath(new URL("../..", import.meta.url)) },
};
