// Start-up per Node version, for npm run bench: this Node and the pinned others that scripts/node/fetch.sh
// fetched (scripts/node/versions), each beside its own `node -e 0`. show's first run on a Node (no code
// cache of its own yet: it makes one at exit), its later runs, and, on Nodes that have it, Node's own
// compile cache (module.enableCompileCache) running the same bundle, the alternative the launcher measured
// itself against.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, timeSpawn } from "./lib/timing.mjs";

/** This Node and the fetched pinned ones: { version, executable }. */
export function benchedNodes(root) {
  const dir = process.env.NODE_BINARIES_DIR ?? join(root, ".cache", "node");
  const pinned = readFileSync(join(root, "scripts", "node", "versions"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trimStart().startsWith("#"))
    .map((line) => line.trim().split(/\s+/)[0]);
  const others = pinned.map((version) => ({ version: `v${version}`, executable: join(dir, version, "bin", "node") })).filter((n) => existsSync(n.executable));
  return [{ version: process.version, executable: process.execPath }, ...others.filter((n) => n.version !== process.version)];
}

const hasCompileCache = (version) => {
  const [major, minor] = version.slice(1).split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 1);
};

/**
 * RUNS rounds; each runs, on every Node in turn, `node -e 0`, show's first run (in a new, empty cache
 * directory), show's later runs (in a cache directory a first run filled) and show through Node's compile
 * cache; with NODE_EXTRA_CA_CERTS (CA, a file), `node -e 0` and show's later runs again with it. Ratios are
 * medians of each round's ratio to the same Node's `node -e 0` in that round.
 */
export function nodeVersionsStartup({ root, emuEnv, runs, ca }) {
  const cli = join(root, "dist", "cli.cjs");
  const show = ["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Name}}"];
  const work = mkdtempSync(join(tmpdir(), "exo-bench-nodes-"));
  try {
    // Node's compile cache, in a directory of its own, in front of the same bundle
    const compileCacheEntry = join(work, "compile-cache.cjs");
    writeFileSync(compileCacheEntry, `require("node:module").enableCompileCache(${JSON.stringify(join(work, "compile-cache"))});\nrequire(${JSON.stringify(join(root, "dist", "exo.cjs"))});\n`);
    const base = { PATH: process.env.PATH ?? "", HOME: "/nonexistent", ...emuEnv };
    const nodes = benchedNodes(root).map((node) => {
      const later = join(work, `later-${node.version}`);
      mkdirSync(later);
      const variants = {
        node: [["-e", "0"], {}],
        first: [[cli, ...show], { XDG_CACHE_HOME: "" }],
        later: [[cli, ...show], { XDG_CACHE_HOME: later }],
        ...(hasCompileCache(node.version) ? { compileCache: [[compileCacheEntry, ...show], {}] } : {}),
        ...(ca ? { nodeCa: [["-e", "0"], { NODE_EXTRA_CA_CERTS: ca }], laterCa: [[cli, ...show], { XDG_CACHE_HOME: later, NODE_EXTRA_CA_CERTS: ca }] } : {}),
      };
      // the caches the later runs use: made by one run each
      for (const name of ["later", "compileCache"]) if (variants[name]) timeSpawn(node.executable, variants[name][0], { ...base, ...variants[name][1] });
      return { node, variants, times: {} };
    });
    for (let round = 0; round < runs; round++) {
      for (const { node, variants, times } of nodes) {
        for (const [name, [args, extra]] of Object.entries(variants)) {
          // a first run: a cache directory of its own, empty
          const fresh = extra.XDG_CACHE_HOME === "" ? mkdtempSync(join(work, "first-")) : undefined;
          const { ms, stdout } = timeSpawn(node.executable, args, { ...base, ...extra, ...(fresh ? { XDG_CACHE_HOME: fresh } : {}) });
          if (name !== "node" && name !== "nodeCa" && stdout !== "test-kafka") throw new Error(`${name} on Node ${node.version} printed ${JSON.stringify(stdout)}`);
          if (fresh) rmSync(fresh, { recursive: true, force: true });
          (times[name] ??= []).push(ms);
        }
      }
    }
    return nodes.map(({ node, times }) => {
      const ratio = (name, to) => (times[name] ? median(times[name].map((t, i) => t / times[to][i])) : undefined);
      const med = Object.fromEntries(Object.entries(times).map(([name, t]) => [name, median(t)]));
      return { version: node.version, med, ratio: { first: ratio("first", "node"), later: ratio("later", "node"), compileCache: ratio("compileCache", "node"), laterCa: ratio("laterCa", "nodeCa") } };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const ms = (v) => (v === undefined ? "n/a" : `${v.toFixed(1)} ms`);
const x = (v) => (v === undefined ? "n/a" : v.toFixed(2));

/** The section of BENCH.md: the rows, and, when measured, the same with NODE_EXTRA_CA_CERTS. */
export function nodeVersionsTable(rows) {
  const lines = [
    "| Node | `node -e 0` | `show`, first run | ÷ `node -e 0` | `show`, later runs | ÷ `node -e 0` | `show` through Node's compile cache, later runs | ÷ `node -e 0` |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.version} | ${ms(r.med.node)} | ${ms(r.med.first)} | ${x(r.ratio.first)} | ${ms(r.med.later)} | ${x(r.ratio.later)} | ${ms(r.med.compileCache)} | ${x(r.ratio.compileCache)} |`),
  ];
  if (rows[0]?.med.nodeCa !== undefined) {
    lines.push(
      "",
      "The same with NODE_EXTRA_CA_CERTS set (as on this machine): Node 20 reads the file at every start-up,",
      "`node -e 0` included; Node 22 and 24 do not for these lines, which open no TLS connection:",
      "",
      "| Node | `node -e 0` | `show`, later runs | ÷ `node -e 0` |",
      "| --- | --- | --- | --- |",
      ...rows.map((r) => `| ${r.version} | ${ms(r.med.nodeCa)} | ${ms(r.med.laterCa)} | ${x(r.ratio.laterCa)} |`),
    );
  }
  return lines.join("\n");
}
