// The CLI as a process: exit status, streams and the retry test knob (EXO_DBAAS_RETRY_BASE_MS)
// under faults, for a read and a write.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { buildCliBundle, type CliBundle } from "./bundle.js";
import { cliEnv, SERVICE } from "./commands.js";

let emulator: Emulator;
let bundle: CliBundle;

beforeAll(async () => {
  [emulator, bundle] = await Promise.all([startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 }), buildCliBundle()]);
}, 60_000);
afterAll(async () => {
  await emulator?.close();
  bundle?.remove();
});

it("a read survives a 503 burst, retried without the full backoff", async () => {
  const clean = await bundle.run(["dbaas", "show", SERVICE, "-O", "json"], cliEnv(emulator));
  emulator.faults.inject({ kind: "status", status: 503, count: 4, method: "GET", pathPrefix: "/dbaas-kafka/test-kafka/acl-config" });
  emulator.clearRequests();
  const faulted = await bundle.run(["dbaas", "show", SERVICE, "-O", "json"], cliEnv(emulator));
  expect(faulted).toEqual(clean);
  expect(faulted.code).toBe(0);
  const attempts = emulator.requests().filter((r) => r.path === "/v2/dbaas-kafka/test-kafka/acl-config");
  expect(attempts.map((r) => r.status)).toEqual([503, 503, 503, 503, 200]);
  // without the knob, the four waits alone would take at least 1875 ms (250/500/1000/2000 ms steps, jittered
  // down to half); with it, 1-8 ms each (the margin is for a loaded machine)
  const spanMs = Date.parse(attempts[4]!.time) - Date.parse(attempts[0]!.time);
  expect(spanMs).toBeLessThan(1500);
});

it("a write answered 503 exits 1 with one line and is sent once", async () => {
  emulator.clearRequests();
  emulator.faults.inject({ kind: "status", status: 503, count: 3, method: "PUT" });
  const result = await bundle.run(["dbaas", "update", SERVICE, "--force", "--kafka-ip-filter", "10.2.0.0/16"], cliEnv(emulator));
  emulator.faults.clear();
  expect(result).toEqual({ code: 1, stdout: "", stderr: "error: Service Unavailable: Service Unavailable\n" });
  expect(emulator.requests().filter((r) => r.method === "PUT")).toHaveLength(1);
});
