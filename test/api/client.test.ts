import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, type ClientOptions } from "../../src/api/client.js";
import { AuthError, InvalidResponseError, NetworkError, NotFoundError, ServerError, TimeoutError } from "../../src/api/errors.js";
import { getCaCertificate, listServices, createKafkaUser, getKafkaService } from "../../src/api/dbaas.js";
import { parseAuthorization, signRequest } from "../../src/api/sign.js";
import { closedPort, json, startServer, type LoopbackServer } from "../helpers/loopback-server.js";

const KEY = "EXOa1b2c3d4e5f6a7b8c9d0e1f2";
const SECRET = "s3cr3t-Example-Secret-For-Tests_0123456789";
const T0 = 1_767_225_600_000;

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client with a pinned clock that sleeping advances, so tests run instantly. */
function testClient(endpoint: string, extra: Partial<ClientOptions> = {}) {
  let now = T0;
  const sleeps: number[] = [];
  const client = new ApiClient({
    endpoint,
    credentials: { key: KEY, secret: SECRET },
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0.5,
    ...extra,
  });
  return { client, sleeps, advance: (ms: number) => (now += ms) };
}

describe("ApiClient", () => {
  it("signs requests verifiably and decodes the body", async () => {
    server = await startServer((_req, res) => json(res, 200, { certificate: "PEM\n" }));
    const { client } = testClient(`${server.origin}/v2`);
    await expect(getCaCertificate(client)).resolves.toEqual({ certificate: "PEM\n" });
    const req = server.requests[0]!;
    expect(req.url).toBe("/v2/dbaas-ca-certificate");
    const auth = parseAuthorization(req.headers.authorization)!;
    expect(auth.credential).toBe(KEY);
    expect(auth.expires).toBe(T0 / 1000 + 600);
    const expected = signRequest({ method: "GET", url: "/v2/dbaas-ca-certificate", key: KEY, secret: SECRET, expires: auth.expires });
    expect(req.headers.authorization).toBe(expected);
  });

  it("has the response schema built while the answer is on its way, not after it arrives", async () => {
    const events: string[] = [];
    let answer: () => void = () => undefined;
    server = await startServer((_req, res) => {
      events.push("request received");
      answer = () => json(res, 200, { id: "x" });
    });
    const { client } = testClient(`${server.origin}/v2`);
    const schema = {
      prepare: () => void events.push("prepared"),
      safeParse: (value: unknown) => (events.push("parsed"), { success: true as const, data: value }),
    };
    const pending = client.request({ method: "GET", path: "/operation/x", schema, operationId: "get-operation" });
    await expect.poll(() => events.length).toBe(2);
    expect(events.sort()).toEqual(["prepared", "request received"]);
    answer();
    await expect(pending).resolves.toEqual({ id: "x" });
    expect(events.at(-1)).toBe("parsed");
  });

  it("sends JSON bodies Go-style and signs the exact bytes", async () => {
    server = await startServer((_req, res) => json(res, 200, { id: "op-1", state: "pending" }));
    const { client } = testClient(`${server.origin}/v2`);
    await createKafkaUser(client, "k1", "a<b");
    const req = server.requests[0]!;
    expect(req.body).toBe('{"username":"a\\u003cb"}');
    expect(req.headers["content-type"]).toBe("application/json");
    const auth = parseAuthorization(req.headers.authorization)!;
    expect(req.headers.authorization).toBe(signRequest({ method: "POST", url: req.url, body: req.body, key: KEY, secret: SECRET, expires: auth.expires }));
  });

  it("retries GET on 503 with backoff, then succeeds", async () => {
    server = await startServer((_req, res, i) => (i < 2 ? json(res, 503, { message: "busy" }) : json(res, 200, { "dbaas-services": [] })));
    const { client, sleeps } = testClient(`${server.origin}/v2`);
    await expect(listServices(client)).resolves.toEqual([]);
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([188, 375]); // full jitter at random=0.5: step*(3/4) for 250 ms, 500 ms
  });

  it("gives up after the configured retries with the API's message", async () => {
    server = await startServer((_req, res) => json(res, 500, { message: "boom" }));
    const { client, sleeps } = testClient(`${server.origin}/v2`);
    const error = await getCaCertificate(client).catch((e) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe("Internal Server Error: boom (gave up after 5 attempts)");
    expect(server.requests).toHaveLength(5);
    expect(sleeps).toHaveLength(4);
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(4000);
  });

  it("does not retry 501 or 4xx", async () => {
    server = await startServer((req, res) => (req.url.endsWith("certificate") ? json(res, 501, {}) : json(res, 404, { message: "resource not found" })));
    const { client } = testClient(`${server.origin}/v2`);
    await expect(getCaCertificate(client)).rejects.toThrow("Not Implemented");
    const notFound = await getKafkaService(client, "nope").catch((e) => e);
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect(notFound.message).toBe("Not Found: resource not found");
    expect(server.requests).toHaveLength(2);
  });

  it("honours Retry-After in seconds and as an HTTP date, within one retry budget", async () => {
    const date = new Date(T0 + 7000).toUTCString();
    server = await startServer((_req, res, i) => {
      if (i === 0) return json(res, 429, {}, { "retry-after": "2" });
      if (i === 1) return json(res, 503, {}, { "retry-after": date });
      if (i === 2) return json(res, 503, {}, { "retry-after": "12" });
      json(res, 200, { certificate: "x" });
    });
    const notices: string[] = [];
    const { client, sleeps } = testClient(`${server.origin}/v2`, { retry: { retryAfterCapMs: 10_000 }, onRetry: (n) => notices.push(n) });
    await getCaCertificate(client);
    expect(sleeps).toEqual([2000, 5000, 10_000]);
    expect(notices).toEqual([
      "retrying in 2s after 429 Too Many Requests (attempt 2 of 5)",
      "retrying in 5s after 503 Service Unavailable (attempt 3 of 5)",
      "retrying in 10s after 503 Service Unavailable (attempt 4 of 5)",
    ]);
  });

  it("fails at once when a Retry-After goes beyond what is left of the budget", async () => {
    server = await startServer((_req, res, i) => (i === 0 ? json(res, 503, {}, { "retry-after": "20" }) : json(res, 503, {}, { "retry-after": "100000" })));
    const { client, sleeps } = testClient(`${server.origin}/v2`, { retry: { budgetMs: 30_000 } });
    const error = await getCaCertificate(client).catch((e) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe("503 Service Unavailable, Retry-After 100000s exceeds the 30s retry budget (10s left)");
    expect(sleeps).toEqual([20_000]);
    expect(server.requests).toHaveLength(2);
  });

  it("clients sharing a budget spend it together, whatever time passes outside the waits", async () => {
    server = await startServer((_req, res, i) => (i % 2 === 0 ? json(res, 503, {}, { "retry-after": "2" }) : json(res, 200, { certificate: "x" })));
    const budget = { remainingMs: 3000 };
    const first = testClient(`${server.origin}/v2`, { retryBudget: budget });
    await getCaCertificate(first.client);
    expect(budget.remainingMs).toBe(1000);
    // an hour spent elsewhere (an operation wait) costs the budget nothing
    const second = testClient(`${server.origin}/v2`, { retryBudget: budget });
    second.advance(3_600_000);
    await expect(getCaCertificate(second.client)).rejects.toThrow("503 Service Unavailable, Retry-After 2s exceeds the 60s retry budget (1s left)");
    expect(second.sleeps).toEqual([]);
  });

  it("never retries a POST that reached the server", async () => {
    server = await startServer((_req, res) => json(res, 503, { message: "down" }));
    const { client, sleeps } = testClient(`${server.origin}/v2`);
    await expect(createKafkaUser(client, "k", "u")).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("never retries a POST after a reset connection", async () => {
    server = await startServer((req, res) => {
      req.url && res.socket?.destroy();
    });
    const { client } = testClient(`${server.origin}/v2`);
    const error = await createKafkaUser(client, "k", "u").catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(server.requests).toHaveLength(1);
    // the same failure on a GET is retried
    await expect(getCaCertificate(client)).rejects.toBeInstanceOf(NetworkError);
    expect(server.requests).toHaveLength(6);
  });

  it("retries a POST whose connection was refused, and says so", async () => {
    const port = await closedPort();
    const { client, sleeps } = testClient(`http://127.0.0.1:${port}/v2`);
    const error = await createKafkaUser(client, "k", "u").catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.networkKind).toBe("refused");
    expect(error.message).toMatch(new RegExp(`^connection refused: POST http://127.0.0.1:${port}/v2/dbaas-kafka/k/user \\(ECONNREFUSED\\) \\(gave up after 5 attempts\\)$`));
    expect(sleeps).toHaveLength(4);
  });

  it("re-signs every attempt, so a retry after a long wait has a fresh expiry", async () => {
    server = await startServer((_req, res, i) => (i === 0 ? json(res, 503, {}, { "retry-after": "700" }) : json(res, 200, { certificate: "x" })));
    const { client } = testClient(`${server.origin}/v2`, { retry: { retryAfterCapMs: 1_000_000, budgetMs: 1_000_000 } });
    await getCaCertificate(client);
    const [first, second] = server.requests.map((r) => parseAuthorization(r.headers.authorization)!);
    expect(first!.expires).toBe(T0 / 1000 + 600);
    expect(second!.expires).toBe(T0 / 1000 + 700 + 600);
    expect(second!.signature).not.toBe(first!.signature);
  });

  it("times out a slow attempt, retries GETs within the deadline", async () => {
    server = await startServer((_req, res, i) => {
      if (i === 0) setTimeout(() => json(res, 200, { certificate: "late" }), 2000);
      else json(res, 200, { certificate: "ok" });
    });
    const { client } = testClient(`${server.origin}/v2`, { requestTimeoutMs: 100 });
    await expect(getCaCertificate(client)).resolves.toEqual({ certificate: "ok" });
    expect(server.requests).toHaveLength(2);
  });

  it("reports a timeout when every attempt is too slow, and the overall deadline bounds retries", async () => {
    server = await startServer((_req, res) => void setTimeout(() => json(res, 200, { certificate: "late" }), 2000));
    const { client } = testClient(`${server.origin}/v2`, { requestTimeoutMs: 50, deadlineMs: 400, retry: { retries: 10 } });
    const error = await getCaCertificate(client).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain("request timed out after 50ms: GET");
    expect(server.requests.length).toBeLessThan(11);
  });

  it("rejects a wrong content type, bad JSON and a wrong shape with clear messages", async () => {
    server = await startServer((req, res) => {
      if (req.url.endsWith("certificate")) {
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<html>");
        return;
      }
      if (req.url.endsWith("kafka/bad")) return json(res, 200, "{not json");
      json(res, 200, { "dbaas-services": [{ name: "a", type: "kafka", plan: 7 }] });
    });
    const { client } = testClient(`${server.origin}/v2`);
    await expect(getCaCertificate(client)).rejects.toThrow(/^unexpected content type "text\/html" in the response to GET .*\/v2\/dbaas-ca-certificate \(status 200\)$/);
    await expect(getKafkaService(client, "bad")).rejects.toThrow(/^invalid JSON in the response to GET .*: expected a string key at position 1$/);
    const shape = await listServices(client).catch((e) => e);
    expect(shape).toBeInstanceOf(InvalidResponseError);
    expect(shape.message).toMatch(/field dbaas-services\[0\]\.plan: .*expected string/);
  });

  it("keeps unknown fields and big integers in responses", async () => {
    server = await startServer((_req, res) => json(res, 200, '{"name":"k","type":"kafka","plan":"p","disk-size":9223372036854775807,"new-field":{"x":1}}'));
    const { client } = testClient(`${server.origin}/v2`);
    const svc = await getKafkaService(client, "k");
    expect(svc["disk-size"]).toBe(9223372036854775807n);
    expect((svc as Record<string, unknown>)["new-field"]).toEqual({ x: 1 });
  });

  it("maps 401/403 to AuthError", async () => {
    server = await startServer((_req, res) => json(res, 403, { message: "Invalid request signature" }));
    const { client } = testClient(`${server.origin}/v2`);
    const error = await getCaCertificate(client).catch((e) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe("Forbidden: Invalid request signature");
  });

  it("traces requests and responses without any secret", async () => {
    const responseBody = {
      password: "user-pass-123",
      "access-key": "-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----\n",
      "access-cert": "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n",
      uri: "kafka://avnadmin:uri-pass-456@host:1",
      echo: SECRET,
    };
    server = await startServer((_req, res) => json(res, 200, responseBody));
    let trace = "";
    const { client } = testClient(`${server.origin}/v2`, { trace: (t) => (trace += t), headers: { "X-Custom": "1" } });
    await client.request({ method: "PUT", path: "/dbaas-kafka/k/user/u/password/reset", body: { password: "new-pass-789" }, operationId: "reset-dbaas-kafka-user-password" });
    for (const secret of [SECRET, "user-pass-123", "new-pass-789", "uri-pass-456", "MIIEvQ", "signature="]) expect(trace).not.toContain(secret);
    expect(trace).toContain(">>> Operation: reset-dbaas-kafka-user-password\nPUT /v2/dbaas-kafka/k/user/u/password/reset HTTP/1.1\n");
    expect(trace).toContain("Authorization: [REDACTED]");
    expect(trace).toContain("X-Custom: 1");
    expect(trace).toContain("<<< HTTP/1.1 200 OK\n");
    expect(trace).toContain("-----BEGIN CERTIFICATE-----"); // certificates are public
    expect(trace).toContain('"password":"[REDACTED]"');
    expect(trace).toContain("kafka://avnadmin:[REDACTED]@host:1");
    expect(trace.endsWith("-".repeat(70) + "\n")).toBe(true);
  });

  it("leaves out of later errors and traces the secrets it received, also in a non-JSON body, with the clients sharing them", async () => {
    const revealed = { password: "revealed-pass-321", uri: "kafka://avnadmin:uri%40pass:654@host:1" };
    let calls = 0;
    server = await startServer((_req, res) => {
      if (calls++ === 0) return json(res, 200, revealed);
      res.writeHead(500, { "content-type": "text/plain" }).end(`failed for revealed-pass-321 and uri@pass:654, uri%40pass:654, ${SECRET}`);
    });
    const knownSecrets = new Set<string>();
    let trace = "";
    const first = testClient(`${server.origin}/v2`, { knownSecrets }).client;
    const second = testClient(`${server.origin}/v2`, { knownSecrets, trace: (t) => (trace += t), retry: { retries: 0 } }).client;
    await first.request({ method: "PUT", path: "/dbaas-kafka/k/user/u/password/reveal", operationId: "reveal-dbaas-kafka-user-password" });
    const error = (await second.request({ method: "GET", path: "/dbaas-kafka/k", operationId: "get-dbaas-service-kafka" }).catch((e: unknown) => e)) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe("Internal Server Error: failed for [REDACTED] and [REDACTED], [REDACTED], [REDACTED]");
    expect(error.body).not.toContain("revealed-pass-321");
    expect(trace).toContain("failed for [REDACTED] and [REDACTED], [REDACTED], [REDACTED]\n");
  });

  it("sends GET /zone unsigned", async () => {
    server = await startServer((_req, res) => json(res, 200, { zones: [{ name: "ch-gva-2" }] }));
    const { client } = testClient(`${server.origin}/v2`);
    const { listZones } = await import("../../src/api/dbaas.js");
    await expect(listZones(client)).resolves.toEqual([{ name: "ch-gva-2" }]);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });
});

describe("ApiClient over TLS", () => {
  it("reports an untrusted certificate as a TLS failure, without retrying", async () => {
    const { startEmulator } = await import("../../src/emulator/index.js");
    const emulator = await startEmulator({ https: true });
    try {
      const { client, sleeps } = testClient(emulator.url);
      const error = await getCaCertificate(client).catch((e) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error.networkKind).toBe("tls");
      expect(error.message).toMatch(/^TLS handshake failed: GET https:\/\/127\.0\.0\.1:\d+\/v2\/dbaas-ca-certificate \([A-Z_]+: .+\)$/);
      expect(sleeps).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});
