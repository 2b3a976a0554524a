// The `exo` executable as installed (dist/cli.cjs): runs the CLI bundle (dist/exo.cjs) from V8's code
// cache (dist/exo.cache), written at build time by running typical commands.
//
// Why: compiling the bundle's source is the largest part of a short command's start-up. A cache
// made by another Node/V8 version is rejected by V8 itself and the source is compiled as usual.
// Built as CommonJS (hence __dirname): an ES module entry alone costs Node ~30 ms more to start.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Script } from "node:vm";

const here = __dirname;
const bundlePath = join(here, "exo.cjs");
const cachePath = join(here, "exo.cache");

let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cachePath);
} catch {
  // no cache: compile from source
}
// scripts/build.mjs checks that the bundle is ASCII, so latin1 reads it as utf8 would, without decoding
const source = readFileSync(bundlePath, "latin1");
// The bundle has no import(): scripts/build.mjs turns each into a require(), which a vm.Script can call.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundlePath, cachedData });

// Build-time only (scripts/build.mjs): add what this run compiled to the cache.
if (process.env.EXO_DBAAS_WRITE_CODE_CACHE === "1") {
  process.once("exit", () => {
    try {
      writeFileSync(cachePath, script.createCachedData());
    } catch {
      // an installed, read-only dist/: the command's own result stands
    }
  });
}

const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundlePath), module, bundlePath, here);
