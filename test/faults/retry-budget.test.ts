// One retry budget per command (60 s): a Retry-After beyond what is left fails at once with the
// reason; each wait is announced on a terminal, never with -Q nor to a pipe.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { runCli } from "../helpers/run-cli.js";
import { cliEnv, SERVICE, ZONE } from "./commands.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.faults.clear());

async function exo(argv: string[], terminal: boolean) {
  const started = Date.now();
  const result = await runCli(argv, { env: cliEnv(emulator), cwd: "/", stderrTTY: terminal });
  return { ...result, elapsedMs: Date.now() - started };
}

it("a Retry-After beyond the budget fails at once, naming it", async () => {
  emulator.faults.inject({ kind: "status", status: 503, retryAfter: 86_400, method: "GET", pathPrefix: "/v2/dbaas-kafka", count: 1 });
  const result = await exo(["dbaas", "show", SERVICE, "-z", ZONE], true);
  expect(result.exitCode).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^error: 503 Service Unavailable, Retry-After 86400s exceeds the 60s retry budget \((60|59\.\d)s left\)\n$/);
  expect(result.elapsedMs).toBeLessThan(10_000);
});

it("each wait is announced on a terminal, and the command goes on", async () => {
  emulator.faults.inject({ kind: "status", status: 503, retryAfter: 1, method: "GET", pathPrefix: "/v2/dbaas-kafka", count: 1 });
  const result = await exo(["dbaas", "show", SERVICE, "-z", ZONE, "-O", "json"], true);
  expect(result.exitCode).toBe(0);
  expect(result.stderr).toBe("\r\x1b[Kretrying in 1s after 503 Service Unavailable (attempt 2 of 5)\n");
  expect(JSON.parse(result.stdout).name).toBe(SERVICE);
});

it.each([
  ["with -Q", ["-Q"], true],
  ["to a pipe", [], false],
])("nothing is announced %s", async (_, extra, terminal) => {
  emulator.faults.inject({ kind: "status", status: 503, retryAfter: 1, method: "GET", pathPrefix: "/v2/dbaas-kafka", count: 1 });
  const result = await exo(["dbaas", "show", SERVICE, "-z", ZONE, "-O", "json", ...extra], terminal);
  expect(result.exitCode).toBe(0);
  expect(result.stderr).toBe("");
});
