// Compiles one of the CLI's CommonJS files (dist/NAME.cjs) as a vm.Script from the first usable V8 code
// cache, and writes one at exit when it is due (see commandsToRewrite).
import { readFileSync } from "node:fs";
import { Script } from "node:vm";
import { commandsToRewrite, encodeCodeCache, readCodeCache, writeCodeCache, type CacheIdentity, type CacheLocation, type CodeCache } from "./code-cache.js";

/** A CommonJS module's body, as Node's loader wraps it. */
export type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

export interface CachedScriptOptions {
  identity: CacheIdentity;
  /** the cache shipped beside the script, made by the build for the Node that built it */
  shipped: CacheLocation;
  /** the user's cache for this Node; undefined when there is no cache directory (or while building) */
  user: CacheLocation | undefined;
  /** while building: each run adds what it compiled to the shipped cache */
  building: boolean;
  /** the command the line runs (commandKey) */
  command: string;
}

export interface CachedScript {
  /** the module's body, to call as Node's loader would */
  run: ModuleFunction;
  /** which cache V8 was given: "user", "shipped" or none */
  from: "user" | "shipped" | undefined;
  /** V8 refused the cache it was given (then the source was compiled) */
  rejected: boolean;
  /** to call at exit with the exit code: writes the cache when due, never throws */
  finish(code: number): void;
}

export function compileCached(file: string, options: CachedScriptOptions): CachedScript {
  const { identity, shipped, user, building, command } = options;
  let cache: CodeCache | undefined;
  let from: CacheLocation | undefined;
  // the user's first: it exists only where the shipped one is missing or was rejected
  for (const location of [user, shipped]) {
    cache = location && readCodeCache(location.file, identity, location.installed);
    if (cache) {
      from = location;
      break;
    }
  }
  // scripts/build.mjs checks that the file is ASCII, so latin1 reads it as utf8 would, without decoding
  const source = readFileSync(file, "latin1");
  // no import() in it: scripts/build.mjs turns each into a require(), which a vm.Script can call
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData: cache?.data });

  const rejected = script.cachedDataRejected === true;
  const target = building ? shipped : from === shipped && !rejected ? undefined : user;
  const commands = building ? [...new Set([...(cache?.commands ?? []), command])] : commandsToRewrite(cache, rejected, command);
  return {
    run: script.runInThisContext() as ModuleFunction,
    from: from === undefined ? undefined : from === user ? "user" : "shipped",
    rejected,
    finish(code) {
      // a refused or failed line leaves nothing behind, and compiled little of its command
      if (code !== 0 || !target || !commands) return;
      try {
        writeCodeCache(target, encodeCodeCache(identity, commands, script.createCachedData()));
      } catch {
        // the command's own result stands
      }
    },
  };
}
