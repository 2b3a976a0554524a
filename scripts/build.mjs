// Builds dist/: the CLI, the emulator and the library entry points, with esbuild.
//
// The CLI is one minified CommonJS bundle (dist/exo.cjs) started by a small launcher (dist/cli.cjs)
// that hands V8 a code cache: compiling the source would otherwise cost more than everything else a
// short command does. Commands are still evaluated lazily inside the bundle. The cache for the Node
// that builds (dist/exo-RUNTIME.cache) is made here by running typical commands against the emulator;
// other Nodes make their own on first use (src/launcher.ts).
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { asn1Apart } from "./lib/asn1-apart.mjs";
import { kafkaApart } from "./lib/kafka-apart.mjs";
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
// Every member the module has gets its getter, so a new import of one of them cannot come out undefined.
const LAZY_BUILTINS = Object.fromEntries(["child_process", "tty"].map((name) => [name, Object.keys(createRequire(import.meta.url)(`node:${name}`))]));
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

const asn1 = asn1Apart();
const kafka = kafkaApart();
await Promise.all([
  // import() of Node's modules becomes require(): the launcher's vm.Script has no module loader
  build({ ...common, format: "cjs", supported: { "dynamic-import": false }, plugins: [lazyBuiltins, asn1.plugin, kafka.plugin], define: { __EXO_DBAAS_COMMIT__: JSON.stringify(commit) }, entryPoints: ["src/exo.ts"], outfile: "dist/exo.cjs" }),
  build({ ...common, format: "esm", banner: esmRequire, entryPoints: { emulator: "src/emulator/main.ts" }, outdir: "dist", splitting: true, chunkNames: "chunks/[name]-[hash]" }),
]);
await asn1.buildApart(common, "dist");
await kafka.buildApart(common, "dist");
// The launcher runs these from V8 code caches, each only for the source it was made from. It reads them
// as latin1 (no UTF-8 decoding): esbuild escapes non-ASCII characters.
const launched = Object.fromEntries(
  ["exo", asn1.name, kafka.name].map((name) => {
    const source = readFileSync(`dist/${name}.cjs`);
    if (/[^\x00-\x7f]/.test(source.toString("latin1"))) throw new Error(`dist/${name}.cjs is not ASCII: the launcher reads it as latin1`);
    return [name, createHash("sha256").update(source).digest("hex")];
  }),
);
await build({ ...common, format: "cjs", define: { EXO_DBAAS_SOURCES: JSON.stringify(launched) }, entryPoints: ["src/launcher.ts"], outfile: "dist/cli.cjs" });
makeExecutable("dist/cli.cjs");
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
const shippedCaches = () => readdirSync("dist").filter((name) => /^exo-.+\.cache$/.test(name));
try {
  await writeCodeCache();
} catch (error) {
  for (const name of shippedCaches()) rmSync(`dist/${name}`, { force: true });
  console.warn(`warning: no code cache written, the CLI will make one on its first run: ${error instanceof Error ? error.message : error}`);
}

/** Runs the built CLI on the commands users run most, each run adding what it compiled to dist/NAME-RUNTIME.cache. */
async function writeCodeCache() {
  const { child: emulator, env: exports } = await startEmulatorProcess(["--port", "0", "--seed", "--quiet", "--rebuild-delay", "0", "--operation-delay", "0"]);
  const credentials = mkdtempSync(join(tmpdir(), "exo-dbaas-build-"));
  try {
    const env = { PATH: process.env.PATH ?? "", HOME: "/nonexistent", ...exports };
    const run = (args, caches) => execFileSync(process.execPath, ["dist/cli.cjs", ...args], { env: { ...env, EXO_DBAAS_WRITE_CODE_CACHE: caches }, stdio: ["ignore", "ignore", "inherit"] });
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
      run(args, "exo");
    }
    // the Java key stores: the bundle's cache stays that of the common commands (the bigger, the slower to load)
    run(["dbaas", "credentials", "download", "test-kafka", "-z", "de-muc-1", "--client", "java", "--dir", credentials], asn1.name);
  } finally {
    emulator.kill("SIGTERM");
    rmSync(credentials, { recursive: true, force: true });
  }
  // the Kafka library's runs need a broker: its cache is the user's, written by the first `dbaas kafka` command
  const warmed = Object.keys(launched).filter((name) => name !== kafka.name);
  const written = shippedCaches();
  if (written.length !== warmed.length) throw new Error(`expected a cache for each of ${warmed.join(", ")}, found: ${written.join(", ") || "none"}`);
}
