// The built executable's code caches on this machine's Node: the shipped ones fit it, and a Node they do
// not fit (here: this Node under options that change V8's flags) makes its own in the user's cache
// directory on its first successful run, uses it afterwards, and never fails or prints because of it.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { readCodeCache, runtimeName } from "../../src/launcher/code-cache.js";
import { ROOT, runBuilt } from "../helpers/built-cli.js";
import { useBuiltCliEmulator } from "../helpers/built-session.js";
import { tempDir } from "../helpers/temp-dir.js";

const DIST = join(ROOT, "dist");
const SCRIPTS = ["exo", "exo-asn1"];
/** V8 takes no cache made under other flags: to this launcher, another Node */
const OTHER_FLAGS = "--max-old-space-size=1024";
const SHOW = ["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Name}} {{.Plan}}"];

const built = useBuiltCliEmulator();

const sourceHash = (name: string) => createHash("sha256").update(readFileSync(join(DIST, `${name}.cjs`))).digest("hex");
const exo = (args: string[], extra: Record<string, string> = {}) => runBuilt(args, { env: { ...built.env, ...extra } });
/** the user's cache files under CACHE_HOME, by name */
const cacheFiles = (cacheHome: string) => {
  const dir = join(cacheHome, "exo-dbaas", "code-cache");
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};

describe("the shipped caches", () => {
  const runtime = runtimeName(process.version, process.arch, [], undefined);

  it.each(SCRIPTS)("dist/%s-RUNTIME.cache is made for this Node and the source beside it, and V8 takes it", (name) => {
    const cache = readCodeCache(join(DIST, `${name}-${runtime}.cache`), { source: sourceHash(name), runtime });
    expect(cache).toBeDefined();
    const source = readFileSync(join(DIST, `${name}.cjs`), "latin1");
    // a vm.Script cannot run import(): the build turns each one into require()
    expect(source).not.toMatch(/\bimport\(/);
    // pure ASCII, so V8 keeps the source as a one-byte string, and latin1 reads it unchanged
    expect(source).toMatch(/^[\x00-\x7f]*$/);
    const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
    // a name of its own, or V8 would answer from what this process compiled before
    expect(new Script(wrapped, { filename: join(DIST, `${name}.check.cjs`), cachedData: cache!.data }).cachedDataRejected).toBe(false);
  });

  it("on this Node, commands leave nothing in the user's cache directory", async () => {
    const cacheHome = tempDir("exo-cache-home-");
    expect(await exo(SHOW, { XDG_CACHE_HOME: cacheHome })).toEqual({ exitCode: 0, stdout: "test-kafka startup-2", stderr: "" });
    const java = await exo(["dbaas", "credentials", "download", "test-kafka", "-z", "de-muc-1", "--client", "java", "--dir", tempDir("exo-java-")], { XDG_CACHE_HOME: cacheHome });
    expect(java).toMatchObject({ exitCode: 0, stderr: "" });
    expect(readdirSync(cacheHome)).toEqual([]);
  });
});

describe("what start-up loads", () => {
  const preload = join(ROOT, "test", "built", "report-builtins.cjs");

  // node:crypto alone costs about 2 ms to load, node:zlib 0.5 ms: the shipped cache needs neither
  it("the launcher requires neither node:crypto nor node:zlib up front", () => {
    expect(readFileSync(join(DIST, "cli.cjs"), "latin1")).not.toMatch(/require\("(node:)?(crypto|zlib)"\)/);
  });

  // a preload is an option V8's flags may depend on, so these runs use (and first make) a user's cache,
  // whose check loads node:zlib
  it.each([
    ["version", ["version"]],
    ["help", ["dbaas", "show", "--help"]],
    ["completion", ["__complete", "dbaas", "sh"]],
  ])("%s loads no node:crypto, before and after its cache is made", async (_name, args) => {
    const cacheHome = tempDir("exo-cache-home-");
    for (let run = 0; run < 2; run++) {
      const result = await exo(args, { XDG_CACHE_HOME: cacheHome, NODE_OPTIONS: `--require ${preload}` });
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe("built-ins loaded: zlib\n");
    }
    expect(cacheFiles(cacheHome)).toHaveLength(1);
  });
});

describe("on a Node the shipped caches do not fit", () => {
  const runtime = runtimeName(process.version, process.arch, [], OTHER_FLAGS);
  const other = (cacheHome: string) => ({ XDG_CACHE_HOME: cacheHome, NODE_OPTIONS: OTHER_FLAGS });

  it("the first successful run writes a private cache, whole; later runs use it as it is", async () => {
    const cacheHome = tempDir("exo-cache-home-");
    expect(await exo(SHOW, other(cacheHome))).toEqual({ exitCode: 0, stdout: "test-kafka startup-2", stderr: "" });
    expect(cacheFiles(cacheHome)).toEqual([`exo-${runtime}.cache`]);
    const file = join(cacheHome, "exo-dbaas", "code-cache", `exo-${runtime}.cache`);
    expect(readCodeCache(file, { source: sourceHash("exo"), runtime })?.commands).toEqual(["dbaas show"]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(cacheHome, "exo-dbaas")).mode & 0o777).toBe(0o700);

    // V8 took it: a run whose cache is rejected writes it again
    const written = statSync(file);
    expect(await exo(SHOW, other(cacheHome))).toEqual({ exitCode: 0, stdout: "test-kafka startup-2", stderr: "" });
    expect(statSync(file)).toMatchObject({ ino: written.ino, mtimeMs: written.mtimeMs });
  });

  it("another command adds to it; the key stores' libraries get a cache of their own", async () => {
    const cacheHome = tempDir("exo-cache-home-");
    await exo(SHOW, other(cacheHome));
    expect((await exo(["dbaas", "list", "-O", "text"], other(cacheHome))).stdout).toBe("test-kafka\tkafka\tstartup-2\tde-muc-1\n");
    const file = join(cacheHome, "exo-dbaas", "code-cache", `exo-${runtime}.cache`);
    expect(readCodeCache(file, { source: sourceHash("exo"), runtime })?.commands).toEqual(["dbaas show", "dbaas list"]);
    const java = await exo(["dbaas", "credentials", "download", "test-kafka", "-z", "de-muc-1", "--client", "java", "--dir", tempDir("exo-java-")], other(cacheHome));
    expect(java).toMatchObject({ exitCode: 0, stderr: "" });
    expect(cacheFiles(cacheHome)).toEqual([`exo-${runtime}.cache`, `exo-asn1-${runtime}.cache`].sort());
    expect(readCodeCache(join(cacheHome, "exo-dbaas", "code-cache", `exo-asn1-${runtime}.cache`), { source: sourceHash("exo-asn1"), runtime })).toBeDefined();
  });

  it("a failed run writes nothing", async () => {
    const cacheHome = tempDir("exo-cache-home-");
    const result = await exo(["dbaas", "show", "no-such-service", "-z", "de-muc-1"], other(cacheHome));
    expect(result).toMatchObject({ exitCode: 1, stdout: "" });
    expect(readdirSync(cacheHome)).toEqual([]);
  });

  it("a damaged cache is not used, and the run replaces it", async () => {
    const cacheHome = tempDir("exo-cache-home-");
    await exo(SHOW, other(cacheHome));
    const file = join(cacheHome, "exo-dbaas", "code-cache", `exo-${runtime}.cache`);
    const damaged = readFileSync(file);
    damaged[Math.floor(damaged.length / 2)]! ^= 0xff;
    writeFileSync(file, damaged);
    expect(await exo(SHOW, other(cacheHome))).toEqual({ exitCode: 0, stdout: "test-kafka startup-2", stderr: "" });
    expect(readCodeCache(file, { source: sourceHash("exo"), runtime })).toBeDefined();
  });

  it("a cache directory that cannot be written changes nothing in the run", async () => {
    const blocked = tempDir("exo-cache-home-");
    writeFileSync(join(blocked, "exo-dbaas"), "a file where the directory would be");
    // /proc takes no new directory (Node's recursive mkdir never returns there)
    for (const cacheHome of [blocked, "/proc/self/cache"]) {
      const result = await runBuilt(SHOW, { env: { ...built.env, ...other(cacheHome) }, timeoutMs: 20_000 });
      expect(result).toEqual({ exitCode: 0, stdout: "test-kafka startup-2", stderr: "" });
    }
  });

  it("does not make the home directory: without XDG_CACHE_HOME, only under an existing HOME", async () => {
    const parent = tempDir("exo-home-");
    const missingHome = join(parent, "home");
    expect(await exo(SHOW, { HOME: missingHome, NODE_OPTIONS: OTHER_FLAGS })).toMatchObject({ exitCode: 0, stdout: "test-kafka startup-2" });
    expect(existsSync(missingHome)).toBe(false);
    mkdirSync(missingHome);
    await exo(SHOW, { HOME: missingHome, NODE_OPTIONS: OTHER_FLAGS });
    expect(cacheFiles(join(missingHome, ".cache"))).toEqual([`exo-${runtime}.cache`]);
  });
});
