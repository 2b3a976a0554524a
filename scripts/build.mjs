// Builds dist/: the CLI, the emulator and the library entry points, with esbuild.
//
// The CLI is one minified CommonJS bundle (dist/exo.cjs) started by a small launcher (dist/cli.cjs)
// that hands V8 a code cache (dist/exo.cache): compiling the source would otherwise cost more
// than everything else a short command does. Commands are still evaluated lazily inside the bundle.
// The cache is made here by running typical commands against the emulator.
import { build } from "esbuild";
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { startEmulatorProcess } from "./lib/emulator-process.mjs";

rmSync("dist", { recursive: true, force: true });

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  minify: true,
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
};
// Node modules the CLI bundle loads on first use instead of at start-up: node:child_process is needed
// only to run a secretCommand or an external subcommand, yet commander and the account resolver import
// it up front; node:tty (which loads node:net and node:stream) only once a command asks whether it
// talks to a terminal. Each becomes an object whose members require the module when first read.
const LAZY_BUILTINS = {
  child_process: ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"],
  tty: ["isatty"],
};
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(b) {
    const filter = new RegExp(`^(node:)?(${Object.keys(LAZY_BUILTINS).join("|")})$`);
    b.onResolve({ filter }, (args) => {
      const name = args.path.replace(/^node:/, "");
      return args.namespace === "lazy-builtin" ? { path: `node:${name}`, external: true } : { path: name, namespace: "lazy-builtin" };
    });
    b.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, (args) => ({
      loader: "js",
      contents: `let m; const load = () => (m ??= require("node:${args.path}"));
        for (const name of ${JSON.stringify(LAZY_BUILTINS[args.path])})
          Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
    }));
  },
};
// `exo version` names the commit it was built from; a build outside a git checkout says "unknown"
const commit = (() => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || "unknown";
  } catch {
    return "unknown";
  }
})();
// Bundled CommonJS dependencies may call require(); give ESM output a real one.
const esmRequire = { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" };

function makeExecutable(file) {
  writeFileSync(file, "#!/usr/bin/env node\n" + readFileSync(file, "utf8"));
  chmodSync(file, 0o755);
}

await Promise.all([
  // import() of Node's modules becomes require(): the launcher's vm.Script has no module loader
  // the Kafka client library stays a require() of the installed package, run only by `dbaas kafka` commands
  build({ ...common, format: "cjs", supported: { "dynamic-import": false }, plugins: [lazyBuiltins], external: ["@platformatic/kafka"], define: { __EXO_DBAAS_COMMIT__: JSON.stringify(commit) }, entryPoints: ["src/cli.ts"], outfile: "dist/exo.cjs" }),
  build({ ...common, format: "cjs", entryPoints: ["src/launcher.ts"], outfile: "dist/cli.cjs" }),
  build({ ...common, format: "esm", banner: esmRequire, entryPoints: { emulator: "src/emulator/main.ts" }, outdir: "dist", splitting: true, chunkNames: "chunks/[name]-[hash]" }),
]);
makeExecutable("dist/cli.cjs");
// the launcher reads the bundle as latin1 (no UTF-8 decoding): esbuild escapes non-ASCII characters
if (/[^\x00-\x7f]/.test(readFileSync("dist/exo.cjs", "latin1"))) throw new Error("dist/exo.cjs is not ASCII: the launcher reads it as latin1");
makeExecutable("dist/emulator.js");

// The library entry points (package.json "exports"): exo-dbaas/templates, exo-dbaas/api and exo-dbaas/emulator,
// unminified, with the package's dependencies left as imports; one tsc run writes their declarations to dist/types.
await build({ ...common, format: "esm", minify: false, entryPoints: ["src/templates/index.ts"], outfile: "dist/templates/index.js" });
await build({ ...common, format: "esm", minify: false, packages: "external", banner: esmRequire, splitting: true, outdir: "dist/lib",
  entryPoints: { api: "src/api/index.ts", emulator: "src/emulator/library.ts" }, chunkNames: "chunks/[name]-[hash]" });
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "src/templates/index.ts", "src/api/index.ts", "src/emulator/library.ts",
  "--declaration", "--emitDeclarationOnly", "--skipLibCheck", "--strict", "--target", "ES2022", "--module", "NodeNext",
  "--moduleResolution", "NodeNext", "--types", "node", "--rootDir", "src", "--outDir", "dist/types"], { stdio: "inherit" });

// Without the cache the CLI works the same, only starts slower: a failed warm-up is a warning.
try {
  await writeCodeCache();
} catch (error) {
  rmSync("dist/exo.cache", { force: true });
  console.warn(`warning: dist/exo.cache not written, the CLI will start slower: ${error instanceof Error ? error.message : error}`);
}

/** Runs the built CLI on the commands users run most, each run adding what it compiled to dist/exo.cache. */
async function writeCodeCache() {
  const { child: emulator, env: exports } = await startEmulatorProcess(["--port", "0", "--seed", "--quiet", "--rebuild-delay", "0", "--operation-delay", "0"]);
  try {
    const env = { PATH: process.env.PATH ?? "", HOME: "/nonexistent", EXO_DBAAS_WRITE_CODE_CACHE: "1", ...exports };
    const show = ["dbaas", "show", "test-kafka", "-z", "de-muc-1"];
    for (const args of [
      ["version"],
      [...show, "--output-template", "{{.Kafka.ConnectionInfo.AccessCert}}"],
      [...show, "-O", "json"],
      show,
      ["dbaas", "list", "-z", "de-muc-1"],
      ["dbaas", "type", "show", "kafka", "--settings", "kafka"],
      ["dbaas", "user", "list", "test-kafka", "-z", "de-muc-1"],
      ["dbaas", "ca-certificate", "-z", "de-muc-1", "-O", "json"],
    ]) {
      execFileSync(process.execPath, ["dist/cli.cjs", ...args], { env, stdio: ["ignore", "ignore", "inherit"] });
    }
  } finally {
    emulator.kill("SIGTERM");
  }
  if (!existsSync("dist/exo.cache")) throw new Error("dist/exo.cache was not written");
}
