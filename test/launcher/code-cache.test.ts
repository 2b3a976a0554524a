// The launcher's code cache files (src/launcher/code-cache.ts): a cache is used only for the source and
// the Node it was made for and only intact; writes are whole or nothing, private, and never fail the run.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cacheLocation,
  commandKey,
  commandsToRewrite,
  encodeCodeCache,
  MAX_COMMANDS,
  readCodeCache,
  runtimeName,
  userCacheDirectory,
  writeCodeCache,
} from "../../src/launcher/code-cache.js";
import { tempDir } from "../helpers/temp-dir.js";

const identity = { source: "a".repeat(64), runtime: "v22.23.5-x64" };
const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));

function cacheFile(content: Buffer | string): string {
  const file = join(tempDir("exo-code-cache-"), "c.cache");
  writeFileSync(file, content);
  return file;
}

describe("runtimeName", () => {
  it("is the version and architecture when no option can set V8 flags", () => {
    expect(runtimeName("v22.23.5", "x64", [], undefined)).toBe("v22.23.5-x64");
    expect(runtimeName("v22.23.5", "x64", [], "")).toBe("v22.23.5-x64");
  });

  it("names other options by a hash, not by their text, one name per set of options", () => {
    const a = runtimeName("v22.23.5", "x64", [], "--max-old-space-size=512 --secret-ish=hunter2");
    const b = runtimeName("v22.23.5", "x64", ["--max-old-space-size=512"], undefined);
    expect(a).toMatch(/^v22\.23\.5-x64-[0-9a-f]{8}$/);
    expect(b).toMatch(/^v22\.23\.5-x64-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("hunter2");
  });
});

describe("userCacheDirectory", () => {
  it("is $XDG_CACHE_HOME/exo-dbaas/code-cache; the cache home may be made, not its parent", () => {
    expect(userCacheDirectory({ XDG_CACHE_HOME: "/x/cache", HOME: "/home/u" }, "linux")).toEqual({ dir: "/x/cache/exo-dbaas/code-cache", root: "/x" });
  });

  it("else ~/.cache (~/Library/Caches on macOS), never making the home directory", () => {
    expect(userCacheDirectory({ HOME: "/home/u" }, "linux")).toEqual({ dir: "/home/u/.cache/exo-dbaas/code-cache", root: "/home/u" });
    expect(userCacheDirectory({ HOME: "/Users/u" }, "darwin")).toEqual({ dir: "/Users/u/Library/Caches/exo-dbaas/code-cache", root: "/Users/u/Library" });
  });

  it("ignores a relative path (the XDG rule) and has none without either variable", () => {
    expect(userCacheDirectory({ XDG_CACHE_HOME: "cache", HOME: "/home/u" }, "linux")?.dir).toBe("/home/u/.cache/exo-dbaas/code-cache");
    expect(userCacheDirectory({ XDG_CACHE_HOME: "cache", HOME: "home" }, "linux")).toBeUndefined();
    expect(userCacheDirectory({}, "linux")).toBeUndefined();
  });

  it("names a script's file by the script and the runtime", () => {
    expect(cacheLocation({ dir: "/c", root: "/" }, "exo", "v24.21.0-x64").file).toBe("/c/exo-v24.21.0-x64.cache");
  });
});

describe("commandKey", () => {
  it.each([
    [["dbaas", "show", "test-kafka", "-z", "de-muc-1"], "dbaas show"],
    [["dbaas", "user", "list", "test-kafka"], "dbaas user"],
    [["version"], "version"],
    [["dbaas", "-z", "de-muc-1", "show"], "dbaas"],
    [["-z", "de-muc-1", "dbaas", "show"], ""],
    [[], ""],
  ])("%j is %j", (argv, key) => expect(commandKey(argv)).toBe(key));
});

describe("readCodeCache", () => {
  it("returns the data and commands of a file made for this source and runtime", () => {
    const cache = readCodeCache(cacheFile(encodeCodeCache(identity, ["dbaas show", "version"], data)), identity);
    expect(cache?.data.equals(data)).toBe(true);
    expect(cache?.commands).toEqual(["dbaas show", "version"]);
  });

  it("ignores a cache made for another source or another runtime", () => {
    const file = cacheFile(encodeCodeCache(identity, ["dbaas show"], data));
    expect(readCodeCache(file, { ...identity, source: "b".repeat(64) })).toBeUndefined();
    expect(readCodeCache(file, { ...identity, runtime: "v24.21.0-x64" })).toBeUndefined();
  });

  it("ignores damaged data: one byte changed, cut short, or grown", () => {
    const good = encodeCodeCache(identity, ["dbaas show"], data);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100]! ^= 1;
    expect(readCodeCache(cacheFile(flipped), identity)).toBeUndefined();
    expect(readCodeCache(cacheFile(good.subarray(0, good.length - 1)), identity)).toBeUndefined();
    expect(readCodeCache(cacheFile(Buffer.concat([good, Buffer.from([0])])), identity)).toBeUndefined();
    expect(readCodeCache(cacheFile(good), identity)).toBeDefined();
  });

  it.each([
    ["an empty file", ""],
    ["V8 data without a header", data],
    ["the earlier format", `exo-dbaas code cache 1 ${JSON.stringify({ ...identity, sha256: "", commands: [] })}\n${data}`],
    ["a header that is not JSON", "exo-dbaas code cache 2 {source:\n"],
    ["a header of the wrong shape", `exo-dbaas code cache 2 ${JSON.stringify({ ...identity, crc32: 1, commands: "dbaas show" })}\nx`],
    ["a header without data", encodeCodeCache(identity, [], Buffer.alloc(0))],
    ["a header line too long to be one", Buffer.concat([Buffer.from("exo-dbaas code cache 2 "), Buffer.alloc(10_000, 0x20), Buffer.from("\n")])],
  ])("ignores %s", (_name, content) => {
    expect(readCodeCache(cacheFile(content), identity)).toBeUndefined();
  });

  it("ignores a missing file and a directory", () => {
    const dir = tempDir("exo-code-cache-");
    expect(readCodeCache(join(dir, "none.cache"), identity)).toBeUndefined();
    expect(readCodeCache(dir, identity)).toBeUndefined();
  });
});

describe("writeCodeCache", () => {
  it("makes the directories 0700 below an existing root and the file 0600, leaving no temporary file", () => {
    const root = tempDir("exo-code-cache-");
    const location = { file: join(root, "cache", "exo-dbaas", "code-cache", "exo-v1-x64.cache"), root };
    expect(writeCodeCache(location, Buffer.from("one"))).toBe(true);
    expect(readFileSync(location.file, "utf8")).toBe("one");
    expect(statSync(location.file).mode & 0o777).toBe(0o600);
    for (const dir of ["cache", "cache/exo-dbaas", "cache/exo-dbaas/code-cache"]) expect(statSync(join(root, dir)).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(root, "cache", "exo-dbaas", "code-cache"))).toEqual(["exo-v1-x64.cache"]);
  });

  it("replaces a file by renaming a new one over it (a reader sees the old or the new, whole)", () => {
    const root = tempDir("exo-code-cache-");
    const location = { file: join(root, "c.cache"), root, mode: 0o644 };
    writeFileSync(location.file, "old");
    const before = statSync(location.file).ino;
    expect(writeCodeCache(location, Buffer.from("new"))).toBe(true);
    expect(readFileSync(location.file, "utf8")).toBe("new");
    expect(statSync(location.file).ino).not.toBe(before);
    expect(statSync(location.file).mode & 0o777).toBe(0o644);
  });

  it("makes nothing when the root is missing (a home directory that does not exist)", () => {
    const root = join(tempDir("exo-code-cache-"), "no-home");
    expect(writeCodeCache({ file: join(root, ".cache", "exo-dbaas", "code-cache", "x.cache"), root }, Buffer.from("x"))).toBe(false);
    expect(existsSync(root)).toBe(false);
  });

  it("returns false, without throwing, where nothing can be written", () => {
    const root = tempDir("exo-code-cache-");
    writeFileSync(join(root, "file"), "");
    // a file where a directory should be
    expect(writeCodeCache({ file: join(root, "file", "code-cache", "x.cache"), root }, Buffer.from("x"))).toBe(false);
    // (a file system that takes no new directory, /proc, is in test/built/code-cache.test.ts: a regression there hangs)
    // a read-only directory (root may write to it all the same)
    const readOnly = join(root, "read-only");
    mkdirSync(readOnly, { mode: 0o500 });
    chmodSync(readOnly, 0o500);
    const written = writeCodeCache({ file: join(readOnly, "x.cache"), root }, Buffer.from("x"));
    expect(written).toBe(process.getuid?.() === 0);
    expect(readdirSync(readOnly).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("commandsToRewrite", () => {
  const cache = (commands: string[]) => ({ data, commands });

  it("writes a cache when there was none, or V8 rejected it, for this command alone", () => {
    expect(commandsToRewrite(undefined, false, "dbaas show")).toEqual(["dbaas show"]);
    expect(commandsToRewrite(cache(["version", "dbaas list"]), true, "dbaas show")).toEqual(["dbaas show"]);
  });

  it("adds a command the cache was not made by, and leaves a cache alone for a command it knows", () => {
    expect(commandsToRewrite(cache(["version"]), false, "dbaas show")).toEqual(["version", "dbaas show"]);
    expect(commandsToRewrite(cache(["version", "dbaas show"]), false, "dbaas show")).toBeUndefined();
  });

  it(`stops growing at ${MAX_COMMANDS} commands`, () => {
    const full = Array.from({ length: MAX_COMMANDS }, (_, i) => `c${i}`);
    expect(commandsToRewrite(cache(full.slice(1)), false, "dbaas show")).toHaveLength(MAX_COMMANDS);
    expect(commandsToRewrite(cache(full), false, "dbaas show")).toBeUndefined();
  });
});
