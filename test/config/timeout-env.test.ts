// EXOSCALE_TIMEOUT stands for --timeout (the per-zone budget of list commands) when the flag is not given.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { runCli, apiEnv } from "../helpers/run-cli.js";

let emulator: Emulator;
let env: Record<string, string>;
beforeAll(async () => {
  emulator = await startEmulator({ operationDelayMs: 0, seed: true });
  env = apiEnv(emulator);
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

describe("EXOSCALE_TIMEOUT", () => {
  it("bounds a slow list, and --timeout beats it", async () => {
    // a response 10 s late: the 300 ms limit ends the wait long before it (the margin is for a loaded machine)
    emulator.faults.inject({ kind: "slow", delayMs: 10_000, method: "GET", pathPrefix: "/dbaas-service", count: 1 });
    const started = Date.now();
    const slow = await runCli(["dbaas", "list", "--output-template", "{{.Name}}"], { env: { ...env, EXOSCALE_TIMEOUT: "300ms" } });
    expect(Date.now() - started).toBeLessThan(6000);
    expect(slow.exitCode).toBe(1);
    expect(slow.stderr).toMatch(/timed out after 300ms/);
    expect(slow.stderr).not.toContain(emulator.apiSecret);

    emulator.faults.inject({ kind: "slow", delayMs: 500, method: "GET", pathPrefix: "/dbaas-service", count: 1 });
    const flag = await runCli(["dbaas", "list", "--timeout", "10s", "--output-template", "{{.Name}}"], { env: { ...env, EXOSCALE_TIMEOUT: "100ms" } });
    expect(flag).toEqual({ exitCode: 0, stdout: "test-kafka\n", stderr: "" });
  });

  it.each([
    ["abc", 'error: invalid argument "abc" for EXOSCALE_TIMEOUT: time: invalid duration "abc"\n'],
    ["0s", "error: --timeout must be a positive duration (e.g. 15s), or -1s to disable\n"],
  ])("%j is refused in one line before anything is sent", async (value, stderr) => {
    emulator.clearRequests();
    expect(await runCli(["dbaas", "list"], { env: { ...env, EXOSCALE_TIMEOUT: value } })).toEqual({ exitCode: 1, stdout: "", stderr });
    expect(emulator.requests()).toEqual([]);
  });
});
