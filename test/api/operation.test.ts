import { afterEach, describe, expect, it } from "vitest";
import { ApiClient } from "../../src/api/client.js";
import { OperationFailedError, OperationTimeoutError, waitForOperation } from "../../src/api/operation.js";
import { json, startServer, type LoopbackServer } from "../helpers/loopback-server.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function setup(states: (string | number)[]) {
  let now = 0;
  const sleeps: number[] = [];
  const clock = { now: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)) };
  return startServer((req, res, i) => {
    const s = states[Math.min(i, states.length - 1)]!;
    if (typeof s === "number") return json(res, s, { message: "flaky" });
    json(res, 200, { id: "op-1", state: s, reason: s === "failure" ? "busy" : undefined, message: s === "failure" ? "cluster busy" : undefined });
  }).then((srv) => {
    server = srv;
    const client = new ApiClient({ endpoint: `${srv.origin}/v2`, credentials: { key: "k", secret: "s" }, retry: { retries: 0 }, ...clock });
    return { client, sleeps, clock };
  });
}

describe("waitForOperation", () => {
  it("returns at once when the operation already succeeded", async () => {
    const { client } = await setup(["success"]);
    await expect(waitForOperation(client, { id: "op-1", state: "success" })).resolves.toMatchObject({ state: "success" });
    expect(server!.requests).toHaveLength(0);
  });

  it("treats an immediate failure as an error (unlike the Go SDK)", async () => {
    const { client } = await setup(["success"]);
    const error = await waitForOperation(client, { id: "op-1", state: "failure", reason: "busy", message: "nope" }).catch((e) => e);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect(error.message).toBe('operation: "op-1" {  }, state: failure, reason: "busy", message: "nope"');
  });

  it("polls with a growing, bounded interval until success, reporting progress", async () => {
    const { client, sleeps, clock } = await setup(["pending", "pending", "pending", "pending", "pending", "pending", "success"]);
    const seen: string[] = [];
    const op = await waitForOperation(client, { id: "op-1", state: "pending" }, { ...clock, onProgress: (o) => seen.push(o.state!) });
    expect(op.state).toBe("success");
    expect(server!.requests.map((r) => r.url)).toEqual(Array(7).fill("/v2/operation/op-1"));
    expect(sleeps).toEqual([300, 450, 675, 1013, 1520, 2280, 3000]);
    expect(seen.at(-1)).toBe("success");
  });

  it("raises the operation's reason and message on failure", async () => {
    const { client, clock } = await setup(["pending", "failure"]);
    await expect(waitForOperation(client, { id: "op-1", state: "pending" }, clock)).rejects.toThrow(
      'operation: "op-1" {  }, state: failure, reason: "busy", message: "cluster busy"',
    );
  });

  it("tolerates a few transient poll errors", async () => {
    const { client, clock } = await setup([503, 502, "success"]);
    await expect(waitForOperation(client, { id: "op-1", state: "pending" }, clock)).resolves.toMatchObject({ state: "success" });
  });

  it("gives up after too many consecutive poll errors", async () => {
    const { client, clock } = await setup([503]);
    await expect(waitForOperation(client, { id: "op-1", state: "pending" }, { ...clock, maxPollErrors: 3 })).rejects.toThrow("Service Unavailable: flaky");
    expect(server!.requests).toHaveLength(3);
  });

  it("stops at the timeout with a distinct error", async () => {
    const { client, clock } = await setup(["pending"]);
    const error = await waitForOperation(client, { id: "op-1", state: "pending" }, { ...clock, timeoutMs: 5000 }).catch((e) => e);
    expect(error).toBeInstanceOf(OperationTimeoutError);
    expect(error.message).toBe('operation "op-1": still pending after 5s, gave up waiting');
  });
});
