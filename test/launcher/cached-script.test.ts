// compileCached (src/launcher/cached-script.ts), in this process's V8: which cache a script is compiled
// from, that V8 takes the caches it writes, and when a run writes one. Each load compiles the same source
// under a new file name: V8 keeps what it compiled by source and name, and would not look at a cache for
// a script it has compiled before.
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { compileCached, type CachedScriptOptions } from "../../src/launcher/cached-script.js";
import { encodeCodeCache, readCodeCache, type CacheLocation } from "../../src/launcher/code-cache.js";
import { tempDir } from "../helpers/temp-dir.js";

const SOURCE = `exports.double = (xs) => xs.map((x) => x * 2);\nexports.name = () => __filename;\n`;

function setUp(overrides: Partial<CachedScriptOptions> = {}) {
  const dir = tempDir("exo-cached-script-");
  let loads = 0;
  const shipped: CacheLocation = { file: join(dir, "m-rt.cache"), root: dir, mode: 0o644, installed: true };
  const user: CacheLocation = { file: join(dir, "user", "exo-dbaas", "code-cache", "m-rt.cache"), root: dir };
  const options: CachedScriptOptions = { identity: { source: "s".repeat(64), runtime: "rt" }, shipped, user, building: false, command: "dbaas show", ...overrides };
  /** compiles and runs the module as the launcher does; returns the script and what it exported */
  const load = (more: Partial<CachedScriptOptions> = {}) => {
    const file = join(dir, `m${++loads}.cjs`);
    writeFileSync(file, SOURCE);
    const script = compileCached(file, { ...options, ...more });
    const module = { exports: {} as { double(xs: number[]): number[]; name(): string } };
    script.run(module.exports, require, module, file, dir);
    return { script, exports: module.exports };
  };
  return { shipped, user, options, load };
}

describe("compileCached", () => {
  it("without a cache: compiles the source, and a successful run writes the user's cache, which V8 then takes", () => {
    const { user, load, options } = setUp();
    const first = load();
    expect(first.exports.double([1, 2])).toEqual([2, 4]);
    expect(first.script.from).toBeUndefined();
    first.script.finish(0);
    expect(readCodeCache(user.file, options.identity)?.commands).toEqual(["dbaas show"]);

    const second = load();
    expect(second.script).toMatchObject({ from: "user", rejected: false });
    expect(second.exports.double([3])).toEqual([6]);
    const written = statSync(user.file).mtimeMs;
    second.script.finish(0);
    expect(statSync(user.file).mtimeMs).toBe(written);
  });

  it("a failed run writes nothing", () => {
    const { user, load } = setUp();
    load().script.finish(1);
    expect(existsSync(user.file)).toBe(false);
  });

  it("a run of another command adds to the user's cache", () => {
    const { user, load, options } = setUp();
    load().script.finish(0);
    load({ command: "dbaas list" }).script.finish(0);
    expect(readCodeCache(user.file, options.identity)?.commands).toEqual(["dbaas show", "dbaas list"]);
  });

  it("uses the shipped cache when it fits, and then writes nothing", () => {
    const { shipped, user, load } = setUp();
    load({ building: true }).script.finish(0);
    expect(statSync(shipped.file).mode & 0o777).toBe(0o644);
    const run = load();
    expect(run.script).toMatchObject({ from: "shipped", rejected: false });
    run.script.finish(0);
    expect(existsSync(user.file)).toBe(false);
  });

  it("while building, adds each run's command to the shipped cache and never touches the user's", () => {
    const { shipped, user, load, options } = setUp();
    load({ building: true, user: undefined }).script.finish(0);
    load({ building: true, user: undefined, command: "version" }).script.finish(0);
    expect(readCodeCache(shipped.file, options.identity)?.commands).toEqual(["dbaas show", "version"]);
    expect(existsSync(user.file)).toBe(false);
  });

  it("ignores a shipped cache made for another source, and writes the user's", () => {
    const { shipped, user, load, options } = setUp();
    writeFileSync(shipped.file, encodeCodeCache({ ...options.identity, source: "o".repeat(64) }, ["dbaas show"], new Script(SOURCE).createCachedData()));
    const run = load();
    expect(run.script.from).toBeUndefined();
    run.script.finish(0);
    expect(load().script).toMatchObject({ from: "user", rejected: false });
  });

  it("a cache V8 rejects (intact, but not for this source) is rewritten with what this run compiled", () => {
    const { user, load, options } = setUp();
    load().script.finish(0);
    const foreign = new Script("exports.other = 1;").createCachedData();
    writeFileSync(user.file, encodeCodeCache(options.identity, ["dbaas show", "version"], foreign));
    const run = load();
    expect(run.script).toMatchObject({ from: "user", rejected: true });
    expect(run.exports.double([2])).toEqual([4]);
    run.script.finish(0);
    expect(readCodeCache(user.file, options.identity)?.commands).toEqual(["dbaas show"]);
    expect(load().script).toMatchObject({ from: "user", rejected: false });
  });

  it("a damaged user's cache is not given to V8, and is replaced", () => {
    const { user, load, options } = setUp();
    load().script.finish(0);
    const damaged = readFileSync(user.file);
    damaged[damaged.length - 1]! ^= 0xff;
    writeFileSync(user.file, damaged);
    const run = load();
    expect(run.script.from).toBeUndefined();
    expect(run.exports.name()).toMatch(/m2\.cjs$/);
    run.script.finish(0);
    expect(readCodeCache(user.file, options.identity)).toBeDefined();
  });

  it("a shipped cache cut short is refused by V8's own length check, and the run writes the user's", () => {
    const { shipped, user, load } = setUp();
    load({ building: true }).script.finish(0);
    writeFileSync(shipped.file, readFileSync(shipped.file).subarray(0, -64));
    const run = load();
    expect(run.script).toMatchObject({ from: "shipped", rejected: true });
    expect(run.exports.double([5])).toEqual([10]);
    run.script.finish(0);
    expect(load().script).toMatchObject({ from: "user", rejected: false });
  });
});
