// The `exo` executable as installed (dist/cli.cjs): runs the CLI bundle (dist/exo.cjs) from a V8 code cache.
//
// Why: compiling the bundle's source is the largest part of a short command's start-up, and V8 takes a
// cache only from its own version, under the same flags. The build ships one for the Node that built it
// (dist/exo-RUNTIME.cache, made by running typical commands). On another Node, the first successful run
// compiles the source and, at exit, leaves what it compiled in the user's cache directory for the runs
// after it (src/launcher/code-cache.ts). Node's own module.enableCompileCache() was measured slower: it
// keeps only what is compiled before the bundle runs, not the functions a command then calls (BENCH.md).
// The files the bundle requires from beside it (dist/exo-asn1.cjs) are run the same way, each with its cache.
// Built as CommonJS (hence __dirname): an ES module entry alone costs Node ~30 ms more to start.
import { createRequire } from "node:module";
import { join } from "node:path";
import { compileCached } from "./launcher/cached-script.js";
import { cacheLocation, commandKey, runtimeName, userCacheDirectory } from "./launcher/code-cache.js";

/** The SHA-256 of dist/NAME.cjs by NAME, set by scripts/build.mjs: a cache is used only for the source it was made from. */
declare const EXO_DBAAS_SOURCES: Record<string, string>;

const here = __dirname;
const runtime = runtimeName(process.version, process.arch, process.execArgv, process.env.NODE_OPTIONS);
// Build-time only (scripts/build.mjs): the names of the scripts whose shipped caches this run adds to.
const building = process.env.EXO_DBAAS_WRITE_CODE_CACHE?.split(",");
const userDirectory = building ? undefined : userCacheDirectory(process.env, process.platform);
const command = commandKey(process.argv.slice(2));

function load(name: string, require: NodeJS.Require): unknown {
  const file = join(here, `${name}.cjs`);
  const script = compileCached(file, {
    identity: { source: EXO_DBAAS_SOURCES[name]!, runtime },
    shipped: cacheLocation({ dir: here, root: here }, name, runtime, { mode: 0o644 }),
    user: userDirectory && cacheLocation(userDirectory, name, runtime),
    building: building?.includes(name) === true,
    command,
  });
  process.once("exit", script.finish);
  const module = { exports: {} };
  script.run(module.exports, require, module, file, here);
  return module.exports;
}

const bundleRequire = createRequire(join(here, "exo.cjs"));
const loaded = new Map<string, unknown>();
const requireFromBundle = Object.assign((id: string) => {
  const beside = /^\.\/([a-z0-9-]+)\.cjs$/.exec(id)?.[1];
  if (beside === undefined || !Object.hasOwn(EXO_DBAAS_SOURCES, beside)) return bundleRequire(id);
  if (!loaded.has(beside)) loaded.set(beside, load(beside, bundleRequire));
  return loaded.get(beside);
}, bundleRequire);
load("exo", requireFromBundle);
