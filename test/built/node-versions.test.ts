// The built CLI on the other Node versions users run (scripts/node/versions: 22 and 24, fetched by
// .ci/setup-extra), beside this process's Node: every command against one emulator, with the same output
// byte for byte; and on each, the code cache its first run makes and the runs after it use.
// Outside CI a machine may lack the binaries: their tests are then skipped, saying so; in CI they fail.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../../src/api/client.js";
import { startEmulator, type Emulator, type RecordedRequest } from "../../src/emulator/index.js";
import { readCodeCache, runtimeName } from "../../src/launcher/code-cache.js";
import { cliEnv, COMMAND_CASES, settle, setupClient, SERVICE } from "../faults/commands.js";
import { ensureBuilt, ROOT, runBuilt } from "../helpers/built-cli.js";
import { pinnedNodes, type PinnedNode } from "../helpers/node-versions.js";
import type { CliResult } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const NODES = pinnedNodes();
const fetched = NODES.filter((n) => n.fetched);

describe("the pinned Node versions", () => {
  it("package.json's engines is a list of Node lines (from a minimum release), among them this one's and the pinned ones", () => {
    const { engines } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { engines: { node: string } };
    const lines = engines.node.split(" || ");
    expect(lines.every((line) => /^\^\d+(\.\d+\.\d+)?$/.test(line))).toBe(true);
    const major = (v: string) => Number(v.replace(/^\^/, "").split(".")[0]);
    const atLeast = (version: string, line: string) => {
      const [a = 0, b = 0, c = 0] = version.split(".").map(Number);
      const [x, y = 0, z = 0] = line.replace(/^\^/, "").split(".").map(Number);
      return a === x && (b > y || (b === y && c >= z));
    };
    for (const version of [process.versions.node, ...NODES.map((n) => n.version)]) {
      expect(lines.filter((line) => major(line) === major(version) && atLeast(version, line)), version).toHaveLength(1);
    }
  });

  for (const { version, node, fetched: present } of NODES) {
    if (present) it(`Node ${version} is at ${node}`, () => expect(statSync(node).isFile()).toBe(true));
    else if (process.env.CI === "true") it(`Node ${version} is fetched`, () => expect.fail(`${node} is missing: .ci/setup-extra fetches it (scripts/node/fetch.sh)`));
    else it.skip(`Node ${version}: not fetched here (scripts/node/fetch.sh fetches it)`, () => {});
  }
});

/** Lines whose output depends on nothing but the seeded emulator, in each output form. */
const FIXED_LINES = [
  ["version"],
  ["dbaas", "show", SERVICE, "-O", "json"],
  ["dbaas", "show", SERVICE, "-O", "text"],
  ["dbaas", "show", SERVICE, "--output-template", "{{.Kafka.ConnectionInfo.AccessCert}}"],
  ["dbaas", "type", "show", "kafka", "--settings", "kafka", "-O", "json"],
  ["dbaas", "list", "-O", "json"],
  ["dbaas", "show", "no-such-service"],
  ["dbaas", "user", "--help"],
  ["completion", "bash"],
].map((argv) => ({ line: argv.join(" "), argv }));

/**
 * What two runs of a write share: the exit code, stderr with the words its line was prepared with (new
 * names, ids, directories) as in the first run's line and numbers (durations) as #, and the number of
 * lines on stdout (which shows what the emulator made up: ids, dates, maintenance windows).
 */
function shape(result: CliResult, argv: string[], first: string[]) {
  const swap = (text: string) => argv.reduce((t, word, i) => (word !== first[i] ? t.replaceAll(word, first[i] ?? "") : t), text).replace(/\d+/g, "#");
  return { exitCode: result.exitCode, stderr: swap(result.stderr), stdoutLines: result.stdout.split("\n").length };
}

/** Requests that change nothing: GETs, and the POSTs of logs and metrics. */
const isRead = (r: RecordedRequest) => r.method === "GET" || /^\/v2\/dbaas-service-(logs|metrics)\//.test(r.path);

describe.runIf(fetched.length > 0)(`the built CLI on Node ${fetched.map((n) => n.version).join(" and ")}`, () => {
  let emulator: Emulator;
  let api: ApiClient;
  const cacheHomes = new Map<PinnedNode | undefined, string>();

  beforeAll(async () => {
    await ensureBuilt();
    emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
    api = setupClient(emulator);
    for (const node of [undefined, ...fetched]) cacheHomes.set(node, tempDir("exo-cache-home-"));
  }, 120_000);
  afterAll(() => emulator?.close());

  /** `exo ARGV` on NODE (this process's when undefined), each Node with its own cache directory */
  const exo = (node: PinnedNode | undefined, argv: string[], cacheHome = cacheHomes.get(node)!): Promise<CliResult> =>
    runBuilt(argv, { node: node?.node, env: { ...cliEnv(emulator), XDG_CACHE_HOME: cacheHome } });

  it.each(FIXED_LINES)("exo $line: the same exit code, stdout and stderr on every Node", async ({ argv }) => {
    const here = await exo(undefined, argv);
    for (const node of fetched) expect(await exo(node, argv), `Node ${node.version}`).toEqual(here);
  });

  it.each(COMMAND_CASES)("$name: the same result on every Node (a write: prepared again for each, alike)", async (cmd) => {
    const argv = await cmd.prepare(api);
    emulator.clearRequests();
    const here = await exo(undefined, argv);
    expect(here.exitCode, here.stderr).toBe(0);
    await settle(emulator);
    const readOnly = emulator.requests().every(isRead);
    for (const node of fetched) {
      if (readOnly) expect(await exo(node, argv), `Node ${node.version}`).toEqual(here);
      else {
        const again = await cmd.prepare(api);
        expect(shape(await exo(node, again), again, argv), `Node ${node.version}`).toEqual(shape(here, argv, argv));
      }
    }
  });

  it.each(fetched)("Node $version: the first run makes a code cache, the runs after it use it unchanged", async (node) => {
    const runtime = runtimeName(`v${node.version}`, process.arch, [], undefined);
    const source = createHash("sha256").update(readFileSync(join(ROOT, "dist", "exo.cjs"))).digest("hex");
    const show = ["dbaas", "show", SERVICE, "--output-template", "{{.Name}} {{.Plan}} {{.Type}}"];
    const cacheHome = tempDir("exo-cache-home-");
    const file = join(cacheHome, "exo-dbaas", "code-cache", `exo-${runtime}.cache`);
    const first = await exo(node, show, cacheHome);
    expect(first).toEqual({ exitCode: 0, stdout: "test-kafka startup-2 kafka", stderr: "" });
    expect(readCodeCache(file, { source, runtime })?.commands).toEqual(["dbaas show"]);
    // V8 took it: a run whose cache is rejected writes it again
    const written = statSync(file);
    expect(await exo(node, show, cacheHome)).toEqual(first);
    expect(statSync(file)).toMatchObject({ ino: written.ino, mtimeMs: written.mtimeMs });
    // the cache of all the commands above, made along the way
    expect(readCodeCache(join(cacheHomes.get(node)!, "exo-dbaas", "code-cache", `exo-${runtime}.cache`), { source, runtime })?.commands.length).toBeGreaterThan(1);
  });
});
