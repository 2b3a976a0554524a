// Every command against the emulator's fault injection, in-process. For each command a clean run
// gives the requests it makes; then its first read (a GET, or the POST of logs and metrics, which
// change nothing) and its first write are faulted:
//  - a read answered 429/500/502/503, dropped, or reset mid-body is retried and the command succeeds;
//  - a read failing every time gives up after 5 attempts; a wrong content type or truncated JSON in a
//    whole response is not retried; --timeout limits only dbaas list, as in exo: a slower read or write
//    fails list and nothing else;
//  - a write (POST/PUT/DELETE) that reached the server is never retried, whatever happened;
//  - every failure: exit 1, one `error: ...` line naming the cause, nothing on stdout.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../../src/api/client.js";
import { startEmulator, type Emulator, type FaultRule, type RecordedRequest } from "../../src/emulator/index.js";
import { runCli, type CliResult } from "../helpers/run-cli.js";
import { registeredLeaves } from "../helpers/commands.js";
import { KIND_FIXTURES } from "../helpers/argument-fixtures.js";
import { declaredArguments } from "../../src/commands/argument-kinds.js";
import type { ValueKind } from "../../src/commands/define.js";
import { cliEnv, COMMAND_CASES, MISSING_CASE, registeredApiCommands, settle, setupClient, type CommandCase } from "./commands.js";

let emulator: Emulator;
let api: ApiClient;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
  api = setupClient(emulator);
});
afterAll(() => emulator?.close());
afterEach(() => emulator.faults.clear());

interface Run {
  result: CliResult;
  requests: RecordedRequest[];
  elapsedMs: number;
}

async function run(cmd: CommandCase, faults: FaultRule[] = [], extraArgs: string[] = []): Promise<Run> {
  const argv = await cmd.prepare(api);
  emulator.clearRequests();
  for (const fault of faults) emulator.faults.inject(fault);
  const started = Date.now();
  const result = await runCli([...argv, ...extraArgs], { env: cliEnv(emulator) });
  const elapsedMs = Date.now() - started;
  await settle(emulator);
  return { result, requests: emulator.requests(), elapsedMs };
}

const count = (requests: RecordedRequest[], method: string, path: string) => requests.filter((r) => r.method === method && r.path === path).length;

/** Reads the client may retry: GETs (but the zone list) and the POSTs that only fetch. */
const isRead = (r: RecordedRequest) => (r.method === "GET" && !r.path.endsWith("/zone")) || /^\/v2\/dbaas-service-(logs|metrics)\//.test(r.path);

/** exit 1, empty stdout, exactly one `error:` line matching the pattern */
function expectOneLineFailure(result: CliResult, pattern: RegExp): void {
  expect(result.stdout).toBe("");
  expect(result.exitCode).toBe(1);
  expect(result.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
}

it("every registered dbaas command has a fault case", () => {
  const missing = registeredApiCommands().filter((name) => !COMMAND_CASES.some((c) => c.name === name));
  expect(missing, MISSING_CASE).toEqual([]);
});

it("every singleUse name is an argument or a flag of its command, and each run gets a word of its own", async () => {
  const wrong = (await registeredLeaves()).flatMap(({ path, definition }) => {
    const kinds = new Map<string, ValueKind | undefined>([
      ...declaredArguments(definition).map((a) => [a.name, a.kind] as const),
      ...Object.values(definition.options ?? {}).map((o) => [o.long, o.names] as const),
    ]);
    return (definition.singleUse ?? []).filter((name) => {
      const kind = kinds.get(name);
      return !kinds.has(name) || (kind !== undefined && !KIND_FIXTURES[kind].own);
    }).map((name) => `${path.join(" ")}: ${name}`);
  });
  expect(wrong, "name an argument or a flag (long name); a kind used up by a run needs an `own` fixture in test/helpers/argument-fixtures.ts").toEqual([]);
});

describe.each(COMMAND_CASES)("$name", (cmd) => {
  let firstRead: { method: string; path: string };
  let firstWrite: RecordedRequest | undefined;
  let baselineReads: number;
  let baselineEmpty: boolean;

  beforeAll(async () => {
    const clean = await run(cmd);
    // a case runs many times: a line that fails once its target is used up declares it `singleUse`
    expect(clean.result.stderr, "a clean run fails: does the command use up an argument it does not declare singleUse?").not.toContain("error");
    expect(clean.result.exitCode).toBe(0);
    const read = clean.requests.find(isRead);
    if (!read) throw new Error(`${cmd.name} made no read`);
    firstRead = { method: read.method, path: read.path };
    baselineReads = count(clean.requests, read.method, read.path);
    firstWrite = clean.requests.find((r) => r.method !== "GET" && !isRead(r));
    baselineEmpty = clean.result.stdout === "";
  });

  // the exact path: /dbaas-kafka/NAME must not also fault /dbaas-kafka/NAME/acl-config
  const onRead = (rule: Omit<FaultRule, "method" | "pathPrefix">): FaultRule => ({ ...rule, method: firstRead.method, path: firstRead.path });
  const reads = (requests: RecordedRequest[]) => count(requests, firstRead.method, firstRead.path);

  const survivable = [
    ["503 twice (2 retries)", { kind: "status", status: 503, count: 2 }, 2],
    ["500 twice (2 retries)", { kind: "status", status: 500, count: 2 }, 2],
    ["502 once (1 retry)", { kind: "status", status: 502, count: 1 }, 1],
    ["429 with Retry-After: 0 (1 retry)", { kind: "status", status: 429, retryAfter: 0, count: 1 }, 1],
    ["a connection dropped before handling (1 retry)", { kind: "drop", when: "before", count: 1 }, 1],
    ["a connection dropped after handling (1 retry)", { kind: "drop", when: "after", count: 1 }, 1],
    ["a truncated body (1 retry)", { kind: "truncate", count: 1 }, 1],
    ["a slow response of 300 ms (no retry)", { kind: "slow", delayMs: 300, count: 1 }, 0],
  ] as const;
  // the costly commands run the kinds that take different paths in the client: status, transport, body
  const cases = cmd.costly ? survivable.filter((c) => /^(503|a connection dropped before|a truncated)/.test(c[0])) : survivable;
  it.each(cases)("its first read survives %s", async (_label, rule, extra) => {
    const { result, requests } = await run(cmd, [onRead(rule as Omit<FaultRule, "method" | "pathPrefix">)]);
    expect(result.stderr).not.toContain("error:");
    expect(result.exitCode).toBe(0);
    expect(result.stdout === "").toBe(baselineEmpty);
    expect(reads(requests)).toBe(baselineReads + extra);
  });

  it("a read answered 500 every time: gives up after 5 attempts", async () => {
    const { result, requests } = await run(cmd, [onRead({ kind: "status", status: 500, count: 100 })]);
    // exo prefixes some commands' API errors with what failed ("error listing endpoints: ...")
    expectOneLineFailure(result, /^error: (?:[a-z][A-Za-z ]+: )?Internal Server Error: Internal Server Error \(gave up after 5 attempts\)\n$/);
    expect(reads(requests)).toBe(5);
  });

  it("a read answered with truncated JSON in a whole response: not retried", async () => {
    const { result, requests } = await run(cmd, [onRead({ kind: "truncate", complete: true, count: 1 })]);
    expectOneLineFailure(result, /^error: invalid JSON in the response to (GET|POST) http:\/\/127\.0\.0\.1:\d+\/v2\/\S+: [^\n]+\n$/);
    expect(reads(requests)).toBe(1);
  });

  it("a read slower than --timeout: only dbaas list gives up (exo's per-zone list limit)", async () => {
    const { result, elapsedMs } = await run(cmd, [onRead({ kind: "slow", delayMs: 400, count: 20 })], ["--timeout", "100ms"]);
    if (cmd.name === "dbaas list") {
      expect(result.stdout).toBe("");
      expect(result.exitCode).toBe(1);
      // each zone's failure is a warning before the error line
      expect(result.stderr).toMatch(/^(warning: [^\n]+\n)*error: [^\n]+\n$/);
      expect(result.stderr).toMatch(/request timed out after 100ms: GET http:\/\/127\.0\.0\.1:\d+\/v2\/\S+/);
    } else {
      expect([result.exitCode, result.stderr]).toEqual([0, expect.not.stringContaining("timed out")]);
      expect(elapsedMs).toBeGreaterThanOrEqual(400); // the slow answer was waited for
    }
  });

  it("a read answered with a wrong content type: not retried", async () => {
    const { result, requests } = await run(cmd, [onRead({ kind: "content-type", count: 1 })]);
    expectOneLineFailure(result, /^error: unexpected content type "text\/html; charset=utf-8" in the response to (GET|POST) http:\/\/127\.0\.0\.1:\d+\/v2\/\S+ \(status 200\)\n$/);
    expect(reads(requests)).toBe(1);
  });

  describe("its first write", () => {
    const writes: [string, Omit<FaultRule, "method" | "pathPrefix">, RegExp][] = [
      ["503", { kind: "status", status: 503, retryAfter: 0 }, /^error: (?:[a-z][A-Za-z ]+: )?Service Unavailable: Service Unavailable\n$/],
      ["500", { kind: "status", status: 500 }, /^error: (?:[a-z][A-Za-z ]+: )?Internal Server Error: Internal Server Error\n$/],
      ["429 with Retry-After", { kind: "status", status: 429, retryAfter: 0 }, /^error: (?:[a-z][A-Za-z ]+: )?Too Many Requests: Too Many Requests\n$/],
      ["a connection dropped before handling", { kind: "drop", when: "before" }, /^error: connection reset by the server: (POST|PUT|DELETE) http:\/\/127\.0\.0\.1:\d+\/v2\/\S+ \(\w+\)\n$/],
      ["a connection dropped after handling", { kind: "drop", when: "after" }, /^error: connection reset by the server: (POST|PUT|DELETE) \S+ \(\w+\)\n$/],
      ["a truncated body", { kind: "truncate" }, /^error: connection reset by the server: (POST|PUT|DELETE) \S+ \(\w+\)\n$/],
      ["truncated JSON in a whole response", { kind: "truncate", complete: true }, /^error: invalid JSON in the response to (POST|PUT|DELETE) \S+: [^\n]+\n$/],
      ["a wrong content type", { kind: "content-type" }, /^error: unexpected content type "text\/html; charset=utf-8" in the response to (POST|PUT|DELETE) \S+ \(status 200\)\n$/],
    ];
    it.each(writes)("%s: one attempt, one error line", async (_label, rule, pattern) => {
      if (!firstWrite) return; // a read-only command
      // the path holds names unique to each run: the first request of that method is the one
      const { result, requests } = await run(cmd, [{ ...rule, count: 5, method: firstWrite.method }]);
      expectOneLineFailure(result, pattern);
      expect(requests.filter((r) => r.method === firstWrite!.method).length).toBe(1);
    });

    // not for the commands that pay a key pair for each success
    it.skipIf(cmd.costly)("slower than --timeout: carried out, sent once (no time limit on writes, as in exo)", async () => {
      if (!firstWrite) return; // a read-only command
      const { result, requests } = await run(cmd, [{ kind: "slow", delayMs: 600, count: 1, method: firstWrite.method }], ["--timeout", "100ms"]);
      expect(result.exitCode).toBe(0);
      expect(requests.filter((r) => r.method === firstWrite!.method).length).toBe(1);
    });
  });
});

describe("timing", () => {
  const show = COMMAND_CASES.find((c) => c.name === "dbaas show")!;
  const list = COMMAND_CASES.find((c) => c.name === "dbaas list")!;

  it("honours Retry-After on a GET", async () => {
    const { result, elapsedMs } = await run(show, [{ kind: "status", status: 429, retryAfter: 1, method: "GET", count: 1 }]);
    expect(result.exitCode).toBe(0);
    expect(elapsedMs).toBeGreaterThanOrEqual(950);
  });

  it("list: --timeout shorter than a slow response fails in time, with one line", async () => {
    // responses 10 s late: the 200 ms limit ends the wait long before (the margin is for a loaded machine)
    const { result, elapsedMs } = await run(list, [{ kind: "slow", delayMs: 10_000, method: "GET", pathPrefix: "/dbaas-service", count: 20 }], ["--timeout", "200ms"]);
    expect(result.stdout).toBe("");
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^(warning: [^\n]+\n)*error: [^\n]*(timed out|deadline)[^\n]*\n$/);
    expect(elapsedMs).toBeLessThan(6000);
  });
});
