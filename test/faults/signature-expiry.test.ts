// Signature expiry against the emulator, which refuses an expired signature: the client's clock is
// set so that a signature lives about two seconds, the first attempt is answered 503 with
// Retry-After: 3, and the retry, sent once the first signature has expired, is signed afresh and
// accepted. Replaying the first attempt's signature at that moment is refused as expired.
import { request } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient } from "../../src/api/client.js";
import { getKafkaService } from "../../src/api/dbaas.js";
import { httpFetch } from "../../src/api/http-transport.js";
import { parseAuthorization } from "../../src/api/sign.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { SERVICE, ZONE } from "./commands.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
});
afterAll(() => emulator?.close());

/** GET with a given Authorization header, as the first attempt sent it. */
function replay(url: string, authorization: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "GET", headers: { authorization, "exoscale-zone": ZONE, accept: "application/json" } }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

it("a retry after the signature expired is signed again and accepted", async () => {
  const sent: { url: string; authorization: string; at: number }[] = [];
  // signatures live 600 s: a clock 598 s behind makes them expire about two seconds after they are made
  const client = new ApiClient({
    endpoint: emulator.url,
    credentials: { key: emulator.apiKey, secret: emulator.apiSecret },
    headers: { "Exoscale-Zone": ZONE },
    now: () => Date.now() - 598_000,
    fetch: (url, init) => {
      sent.push({ url, authorization: String(init?.headers?.["Authorization"] ?? ""), at: Date.now() });
      return httpFetch(url, init);
    },
  });
  emulator.clearRequests();
  emulator.faults.inject({ kind: "status", status: 503, retryAfter: 3, method: "GET", pathPrefix: `/dbaas-kafka/${SERVICE}`, count: 1 });

  const service = await getKafkaService(client, SERVICE);
  expect(service.name).toBe(SERVICE);

  expect(sent).toHaveLength(2);
  const [first, second] = sent.map((s) => parseAuthorization(s.authorization)!);
  // the first signature had expired when the retry was sent; the retry's had not
  expect(first!.expires).toBeLessThan(Math.floor(sent[1]!.at / 1000));
  expect(second!.expires).toBeGreaterThan(first!.expires);
  expect(second!.signature).not.toBe(first!.signature);
  expect(emulator.requests().filter((r) => r.path === `/v2/dbaas-kafka/${SERVICE}`).map((r) => r.status)).toEqual([503, 200]);

  // the emulator refuses the first attempt's signature now
  const stale = await replay(sent[0]!.url, sent[0]!.authorization);
  expect(stale.status).toBe(403);
  expect(JSON.parse(stale.body)).toEqual({ message: "request signature expired" });
});
