// Ctrl-C (the IO's abort signal) during a slow request and during an operation wait: the command
// stops at once with exo's `error: context canceled` (saying so when a change was sent), exit 1, nothing on stdout.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { runCli } from "../helpers/run-cli.js";
import { cliEnv, SERVICE } from "./commands.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 10_000, rebuildDelayMs: 0 });
});
afterAll(() => emulator?.close());

async function interrupted(argv: string[], afterMs: number) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(Object.assign(new Error("context canceled"), { name: "AbortError" })), afterMs);
  const started = Date.now();
  const result = await runCli(argv, { env: cliEnv(emulator), cwd: "/", signal: controller.signal });
  return { ...result, elapsedMs: Date.now() - started };
}

it("during a slow response", async () => {
  // responses 20 s late: the interruption ends the wait long before (the margin is for a loaded machine)
  emulator.faults.inject({ kind: "slow", delayMs: 20_000, method: "GET", count: 10 });
  const result = await interrupted(["dbaas", "show", SERVICE], 150);
  emulator.faults.clear();
  expect(result).toMatchObject({ exitCode: 1, stdout: "", stderr: "error: context canceled\n" });
  expect(result.elapsedMs).toBeLessThan(8000);
});

it("while waiting for an operation", async () => {
  const result = await interrupted(["dbaas", "update", SERVICE, "--force", "--kafka-ip-filter", "10.1.0.0/16"], 300);
  expect(result.exitCode).toBe(1);
  expect(result.stdout).toBe("");
  // once the PUT was sent, the line says so (test/faults/interrupt-after-change.test.ts); on a loaded machine
  // the interrupt may come before
  expect(result.stderr).toMatch(/(^|\n)error: context canceled(: the change was sent and may still complete; check with exo dbaas show test-kafka -z de-muc-1)?\n$/);
  // the operation stays pending for 10 s
  expect(result.elapsedMs).toBeLessThan(8000);
});

it("before a request starts: nothing is sent", async () => {
  const { ApiClient } = await import("../../src/api/client.js");
  const controller = new AbortController();
  controller.abort(Object.assign(new Error("context canceled"), { name: "AbortError" }));
  const client = new ApiClient({ endpoint: emulator.url, credentials: { key: emulator.apiKey, secret: emulator.apiSecret }, signal: controller.signal });
  emulator.clearRequests();
  await expect(client.request({ method: "GET", path: "/dbaas-service", operationId: "list-dbaas-services" })).rejects.toThrow("context canceled");
  await new Promise((r) => setTimeout(r, 50));
  expect(emulator.requests()).toEqual([]);
});
