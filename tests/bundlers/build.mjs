// Builds the bundler matrix: the same tiny host app (apps/shared/app.js) with each tool, in
// production mode and with the tool's defaults, against the packed npm package installed in
// node_modules/explain402. Each build lands in www/e2e/bundlers/<row>/, where the project's
// server serves it; matrix.test.mjs then loads every row in Chromium.
//
// Prints one line per row (tool, exact version, seconds, the widget files it emitted) and writes
// www/e2e/bundlers/results.json. A row that fails to build is recorded, not thrown, so that
// every row is reported. `node build.mjs vite next` builds only those rows.

import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "../..");
const OUT = join(ROOT, "www/e2e/bundlers");
const PKG = join(HERE, "node_modules/explain402");
const BIN = join(HERE, "node_modules/.bin");
const run = promisify(execFile);

const app = (name) => join(HERE, "apps", name);
const version = (pkg) => JSON.parse(readFileSync(join(HERE, "node_modules", pkg, "package.json"), "utf8")).version;

/** A page that loads the built entry: as a module, or as a classic script (IIFE output). */
function page(dir, script) {
  const tag = script === "module" ? `<script type="module" src="./main.js"></script>` : `<script defer src="./main.js"></script>`;
  const html = readFileSync(join(app("shared"), "index.html"), "utf8").replace(/<script[^>]*><\/script>/, tag);
  writeFileSync(join(dir, "index.html"), html);
}

/** Runs a tool's command line; its combined output is returned, a failure throws with it. */
async function cli(cmd, args, options = {}) {
  try {
    const { stdout, stderr } = await run(cmd, args, { maxBuffer: 64 << 20, ...options });
    return stdout + stderr;
  } catch (e) {
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${e.stdout || ""}${e.stderr || e.message}`);
  }
}

const ROWS = {
  async vite(out) {
    const { build } = await import("vite");
    const warnings = [];
    await build({
      root: app("vite"),
      configFile: false,
      // Relative asset URLs, so the build works under /e2e/bundlers/vite/ (not for the widget).
      base: "./",
      logLevel: "silent",
      customLogger: { info() {}, warn: (m) => warnings.push(m), warnOnce: (m) => warnings.push(m), error: (m) => warnings.push(m), clearScreen() {}, hasWarned: false, hasErrorLogged: () => false },
      build: { outDir: out, emptyOutDir: true },
    });
    return { warnings };
  },

  async webpack(out) {
    const { default: webpack } = await import("webpack");
    const stats = await new Promise((resolve, reject) =>
      webpack({ mode: "production", context: app("webpack"), entry: "./main.js", output: { path: out, clean: true } }, (e, s) =>
        e ? reject(e) : resolve(s)
      )
    );
    const info = stats.toJson({ all: false, errors: true, warnings: true });
    if (stats.hasErrors()) throw new Error(info.errors.map((e) => e.message).join("\n"));
    page(out, "classic");
    // webpack's performance hints (an asset over 244 KiB raw) are about size, not about how the
    // widget's files were found: reported apart, and not a failure of the row.
    const hint = (w) => /^(asset|entrypoint) size limit|webpack performance recommendations/i.test(w.message);
    return { warnings: info.warnings.filter((w) => !hint(w)).map((w) => w.message), hints: info.warnings.filter(hint).map((w) => w.message.split("\n")[0]) };
  },

  async rollup(out) {
    const { rollup } = await import("rollup");
    const { nodeResolve } = await import("@rollup/plugin-node-resolve");
    const { importMetaAssets } = await import("@web/rollup-plugin-import-meta-assets");
    const warnings = [];
    const bundle = await rollup({
      input: join(app("rollup"), "main.js"),
      // Rollup resolves no npm package and copies no asset by itself: these two plugins are the
      // settings the README names.
      plugins: [nodeResolve(), importMetaAssets()],
      onwarn: (w) => warnings.push(w.message),
    });
    await bundle.write({ dir: out, format: "es" });
    await bundle.close();
    page(out, "module");
    return { warnings };
  },

  async esbuild(out) {
    const esbuild = await import("esbuild");
    const r = await esbuild.build({ entryPoints: [join(app("esbuild"), "main.js")], bundle: true, minify: true, outfile: join(out, "main.js"), logLevel: "silent" });
    // esbuild emits no asset for `new URL(…, import.meta.url)`: the build copies the WASM and
    // the app passes `wasmUrl` (apps/esbuild/main.js).
    copyFileSync(join(PKG, "explain402_core_bg.wasm"), join(out, "explain402_core_bg.wasm"));
    page(out, "classic");
    return { warnings: r.warnings.map((w) => w.text) };
  },

  async "esbuild-unplaced"(out) {
    const esbuild = await import("esbuild");
    const r = await esbuild.build({ entryPoints: [join(app("esbuild-unplaced"), "main.js")], bundle: true, minify: true, outfile: join(out, "main.js"), logLevel: "silent" });
    page(out, "classic");
    return { warnings: r.warnings.map((w) => w.text) };
  },

  async parcel(out) {
    const log = await cli(join(BIN, "parcel"), [
      "build", join(app("parcel"), "index.html"),
      "--dist-dir", out,
      // Relative URLs, so the build works under /e2e/bundlers/parcel/ (not for the widget).
      "--public-url", "./",
      // Without its cache: Parcel skips writing bundles it believes are already in --dist-dir,
      // and this script empties that folder before every build.
      "--no-cache",
      "--no-autoinstall", "--no-source-maps",
    ], { cwd: HERE, env: { ...process.env, PARCEL_WORKERS: "1" } });
    return { warnings: log.split("\n").filter((l) => /warn|⚠/i.test(l)) };
  },

  async next(out) {
    const dir = app("next");
    const log = await cli(process.execPath, [join(HERE, "node_modules/next/dist/bin/next"), "build"], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    rmSync(out, { recursive: true, force: true });
    cpSync(join(dir, "out"), out, { recursive: true });
    // Prerendering ran the client component on the server: the widget must have said nothing.
    // Under CI=true a first build (no .next/cache yet, as in a fresh clone) adds a notice about
    // its own build cache, which says nothing about the app or the widget.
    const cacheNotice = (l) => /No build cache found/.test(l) && !/explain402/i.test(l);
    return { warnings: log.split("\n").filter((l) => /explain402|warn|⚠/i.test(l) && !cacheNotice(l)), log };
  },

  async typescript() {
    const tsc = join(BIN, "tsc");
    const dir = app("typescript");
    await cli(tsc, ["-p", join(dir, "tsconfig.json")], { cwd: dir });
    await cli(tsc, ["-p", join(dir, "tsconfig.nodenext.json")], { cwd: dir });
    return { warnings: [] };
  },
};

/** The package whose version names each row. */
const TOOL = { vite: "vite", webpack: "webpack", rollup: "rollup", esbuild: "esbuild", "esbuild-unplaced": "esbuild", parcel: "parcel", next: "next", typescript: "typescript" };

/** Every file under `dir`, relative to it, with its size. */
function listing(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => ({ path: relative(dir, f), bytes: statSync(f).size }));
}

/**
 * Installs the package as an app would get it: `npm pack` of dist/ ($EXPLAIN402_DIST), unpacked
 * into node_modules/explain402 (no registry, no lockfile change).
 */
function installPacked() {
  const dist = process.env.EXPLAIN402_DIST || join(ROOT, "dist");
  const scratch = mkdtempSync(join(tmpdir(), "explain402-bundlers-"));
  try {
    const [info] = JSON.parse(execFileSync("npm", ["pack", dist, "--pack-destination", scratch, "--json"], { encoding: "utf8" }));
    execFileSync("tar", ["xzf", join(scratch, info.filename), "-C", scratch]);
    rmSync(PKG, { recursive: true, force: true });
    cpSync(join(scratch, "package"), PKG, { recursive: true });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const only = process.argv.slice(2);
installPacked();
mkdirSync(OUT, { recursive: true });
const resultsFile = join(OUT, "results.json");
const results = only.length && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : {};
const widget = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8")).version;
console.log(`bundler matrix: explain402 ${widget} (packed tarball), Node ${process.version}`);
for (const [name, build] of Object.entries(ROWS)) {
  if (only.length && !only.includes(name)) continue;
  const out = join(OUT, name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const row = { tool: TOOL[name], version: version(TOOL[name]) };
  const started = performance.now();
  try {
    const { warnings, hints = [], log } = await build(out);
    Object.assign(row, { ok: true, warnings, hints, log });
  } catch (e) {
    Object.assign(row, { ok: false, error: String(e.stack || e) });
  }
  row.seconds = Math.round((performance.now() - started) / 100) / 10;
  row.files = listing(out);
  row.wasm = row.files.filter((f) => f.path.endsWith(".wasm")).map((f) => f.path);
  results[name] = row;
  const what = row.ok
    ? `built in ${row.seconds} s; wasm: ${row.wasm.join(", ") || "none emitted"}${row.hints.length ? ` (hint: ${row.hints.join("; ")})` : ""}`
    : `FAILED to build: ${row.error.split("\n")[0]}`;
  console.log(`  ${name.padEnd(17)} ${(row.tool + " " + row.version).padEnd(17)} ${what}`);
}
writeFileSync(resultsFile, JSON.stringify(results, null, 2));
