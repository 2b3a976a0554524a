// The emulator's side of path segments: a request whose path holds an empty, ".", "..",
// control-character or over-long segment gets 400 (not another resource), whether the client
// encoded it or not. The CLI refuses the same values before sending (test/cli/hostile.test.ts).
import { request } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { call } from "./client.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
});
afterAll(() => emu?.close());

/** Sends the path byte for byte (fetch would resolve the dot segments first). */
function raw(method: string, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(emu.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

it.each([
  ["GET", "/v2/dbaas-kafka/..", 'invalid path segment "..": "." and ".." are not names'],
  ["GET", "/v2/dbaas-kafka/.", 'invalid path segment ".": "." and ".." are not names'],
  ["GET", "/v2/dbaas-kafka/%2e%2E", 'invalid path segment "%2e%2E": "." and ".." are not names'],
  ["PUT", "/v2/dbaas-kafka/test-kafka/user/../password/reset", 'invalid path segment "..": "." and ".." are not names'],
  ["POST", "/v2/dbaas-kafka/", 'invalid path segment "": must not be empty'],
  ["GET", "/v2/dbaas-kafka//acl-config", 'invalid path segment "": must not be empty'],
  ["GET", "/v2/dbaas-kafka/a%1Bb", 'invalid path segment "a%1Bb": must not contain control characters'],
  ["DELETE", "/v2/dbaas-service/a%0Ab", 'invalid path segment "a%0Ab": must not contain control characters'],
  ["GET", "/v2/dbaas-kafka/a%zz", "malformed percent-encoding in the path"],
])("%s %s → 400", async (method, path, message) => {
  const res = await raw(method, path);
  expect(res.status).toBe(400);
  expect(JSON.parse(res.body)).toEqual({ message });
});

it.each([
  ["GET", `/dbaas-kafka/${"x".repeat(64)}`, `invalid name "${"x".repeat(64)}": must be at most 63 characters long, got 64`],
  ["DELETE", `/dbaas-kafka/test-kafka/user/${"u".repeat(65)}`, `invalid username "${"u".repeat(65)}": must be at most 64 characters long, got 65`],
  ["DELETE", `/dbaas-kafka/test-kafka/topic/acl-config/${"a".repeat(41)}`, `invalid id "${"a".repeat(41)}": must be at most 40 characters long, got 41`],
])("%s over-long %s → 400", async (method, path, message) => {
  const res = await call(emu, method, path);
  expect(res.status).toBe(400);
  expect(res.json).toEqual({ message });
});

it("the longest names the API schema allows still reach their resource", async () => {
  expect((await call(emu, "GET", `/dbaas-kafka/${"x".repeat(63)}`)).status).toBe(404);
  expect((await call(emu, "GET", "/dbaas-kafka/a%2Fb")).json).toEqual({ message: "resource not found" });
});
