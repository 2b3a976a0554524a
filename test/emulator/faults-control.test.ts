import { request } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { call } from "./client.js";

let emu: Emulator;
const base = () => emu.url.replace(/\/v2$/, "");
const control = async (method: string, path: string, body?: unknown) => {
  const r = await fetch(base() + path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, json: (await r.json()) as any };
};

/** A raw request that reports how the exchange ended, for faults that break HTTP. */
function rawGet(path: string): Promise<{ outcome: "error" | "aborted" | "complete"; status?: number; received: number; declared?: number; contentType?: string }> {
  return new Promise((resolve) => {
    const url = new URL(base() + path);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: "GET", headers: { authorization: "x" } }, (res) => {
      let received = 0;
      res.on("data", (c: Buffer) => (received += c.length));
      const declared = Number(res.headers["content-length"]);
      res.on("end", () => resolve({ outcome: "complete", status: res.statusCode, received, declared, contentType: res.headers["content-type"] }));
      res.on("aborted", () => resolve({ outcome: "aborted", status: res.statusCode, received, declared }));
      res.on("error", () => resolve({ outcome: "aborted", status: res.statusCode, received, declared }));
    });
    req.on("error", () => resolve({ outcome: "error", received: 0 }));
    req.end();
  });
}

beforeAll(async () => {
  emu = await startEmulator({ operationDelayMs: 0, rebuildDelayMs: 0, seed: true });
});
afterAll(() => emu.close());
afterEach(async () => {
  emu.faults.clear();
  emu.clearCanned();
});

describe("fault injection", () => {
  it("fails the next N matching requests with a status and Retry-After", async () => {
    emu.faults.inject({ kind: "status", status: 503, retryAfter: 2, count: 2, method: "GET", pathPrefix: "/dbaas-kafka/" });
    expect((await call(emu, "GET", "/dbaas-service")).status).toBe(200); // does not match the prefix
    const first = await call(emu, "GET", "/dbaas-kafka/test-kafka");
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("2");
    expect((await call(emu, "GET", "/dbaas-kafka/test-kafka")).status).toBe(503);
    expect((await call(emu, "GET", "/dbaas-kafka/test-kafka")).status).toBe(200);
  });

  it("matches one exact path, with or without /v2, when given `path`", async () => {
    emu.faults.inject({ kind: "status", status: 503, count: 2, path: "/dbaas-kafka/test-kafka" });
    expect((await call(emu, "GET", "/dbaas-kafka/test-kafka/acl-config")).status).toBe(200); // longer path: no match
    expect((await call(emu, "GET", "/dbaas-kafka/test-kafka")).status).toBe(503);
    emu.faults.clear();
    emu.faults.inject({ kind: "status", status: 502, path: "/v2/dbaas-kafka/test-kafka/acl-config" });
    expect((await call(emu, "GET", "/dbaas-kafka/test-kafka")).status).toBe(200);
    expect((await call(emu, "GET", "/dbaas-kafka/test-kafka/acl-config")).status).toBe(502);
  });

  it("answers 429 and 500/502 too, without touching the state", async () => {
    for (const status of [429, 500, 502]) {
      emu.faults.inject({ kind: "status", status, method: "POST" });
      expect((await call(emu, "POST", "/dbaas-kafka/never", { json: { plan: "startup-2" } })).status).toBe(status);
    }
    expect((await call(emu, "GET", "/dbaas-kafka/never")).status).toBe(404);
  });

  it("drops the connection before any response", async () => {
    emu.faults.inject({ kind: "drop" });
    const r = await rawGet("/v2/zone");
    expect(r.outcome).toBe("error");
    expect(emu.requests().at(-1)).toMatchObject({ path: "/v2/zone", status: 0, fault: "drop" });
  });

  it("drops the connection after handling the request when asked", async () => {
    emu.faults.inject({ kind: "drop", when: "after", method: "POST" });
    await expect(call(emu, "POST", "/dbaas-kafka/dropped", { json: { plan: "startup-2" } })).rejects.toThrow();
    expect((await call(emu, "GET", "/dbaas-kafka/dropped")).status).toBe(200);
  });

  it("truncates a body below its Content-Length", async () => {
    emu.faults.inject({ kind: "truncate" });
    const r = await rawGet("/v2/zone");
    expect(r.outcome).toBe("aborted");
    expect(r.received).toBeLessThan(r.declared!);
  });

  it("with complete: true, sends half the JSON as a whole response", async () => {
    const whole = await rawGet("/v2/zone");
    emu.faults.inject({ kind: "truncate", complete: true });
    const r = await rawGet("/v2/zone");
    expect(r).toMatchObject({ outcome: "complete", status: 200, contentType: "application/json" });
    expect(r.received).toBe(r.declared);
    expect(r.received).toBe(Math.floor(whole.received / 2));
  });

  it("sends a wrong content type", async () => {
    emu.faults.inject({ kind: "content-type" });
    const r = await rawGet("/v2/zone");
    expect(r.contentType).toBe("text/html; charset=utf-8");
  });

  it("delays the headers of a slow response, and adds latency to every request", async () => {
    emu.faults.inject({ kind: "slow", delayMs: 300 });
    let t = Date.now();
    expect((await call(emu, "GET", "/zone", { unsigned: true })).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(280);
    // the rule was for one request: the next one is not delayed
    const before = emu.requests().length;
    await call(emu, "GET", "/zone", { unsigned: true });
    expect(emu.requests().slice(before).map((r) => r.fault)).toEqual([undefined]);

    emu.faults.latencyMs = 150;
    t = Date.now();
    await call(emu, "GET", "/zone", { unsigned: true });
    await call(emu, "GET", "/zone", { unsigned: true });
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
  });

  it("rejects malformed fault rules", () => {
    expect(() => emu.faults.inject({ kind: "status" })).toThrow(/status between 400 and 599/);
    expect(() => emu.faults.inject({ kind: "explode" as never })).toThrow(/unknown fault kind/);
    // keys every object inherits are no more fields than "nope" is
    for (const key of ["constructor", "toString", "hasOwnProperty", "__proto__", "nope"]) {
      expect(() => emu.faults.inject(JSON.parse(`{"kind":"status","status":500,${JSON.stringify(key)}:1}`))).toThrow(`invalid ${JSON.stringify(key)}: unknown field`);
    }
  });
});

describe("control API", () => {
  it("configures faults over HTTP", async () => {
    const set = await control("POST", "/_emulator/faults", { latencyMs: 0, rules: [{ kind: "status", status: 500, pathPrefix: "/v2/dbaas-service" }] });
    expect(set.json.rules).toHaveLength(1);
    expect((await call(emu, "GET", "/dbaas-service")).status).toBe(500);
    await control("POST", "/_emulator/faults", { kind: "status", status: 502 });
    expect((await control("GET", "/_emulator/faults")).json.rules).toHaveLength(1);
    expect((await control("DELETE", "/_emulator/faults")).status).toBe(200);
    expect((await control("POST", "/_emulator/faults", { kind: "nope" })).status).toBe(400);
  });

  it("records requests without credentials, and mutating bodies with passwords redacted", async () => {
    await control("POST", "/_emulator/requests/clear");
    await call(emu, "PUT", "/dbaas-kafka/test-kafka/user/avnadmin/password/reset", { json: { password: "very-secret-pass" } });
    await call(emu, "GET", "/dbaas-kafka/test-kafka");
    const { json } = await control("GET", "/_emulator/requests");
    expect(json.requests).toHaveLength(2);
    expect(json.requests[0]).toMatchObject({ method: "PUT", path: "/v2/dbaas-kafka/test-kafka/user/avnadmin/password/reset", status: 200, body: { password: "[redacted]" } });
    expect(json.requests[1]).toMatchObject({ method: "GET", status: 200 });
    expect(json.requests[1].body).toBeUndefined();
    const text = JSON.stringify(json);
    expect(text).not.toContain("very-secret-pass");
    expect(text).not.toContain("EXO2-HMAC");
    expect(text).not.toContain("BEGIN PRIVATE KEY");
  });

  it("serves canned responses verbatim until cleared", async () => {
    const body = '{\n  "dbaas-services": []\n}';
    expect((await control("POST", "/_emulator/canned", { method: "GET", path: "/v2/dbaas-service", status: 200, body })).status).toBe(200);
    const r = await call(emu, "GET", "/dbaas-service");
    expect(r.text).toBe(body);
    emu.canned({ method: "GET", path: "/dbaas-kafka/ghost", status: 418, body: { message: "teapot" }, headers: { "x-test": "1" } });
    const ghost = await call(emu, "GET", "/dbaas-kafka/ghost");
    expect([ghost.status, ghost.text, ghost.headers.get("x-test")]).toEqual([418, '{"message":"teapot"}', "1"]);
    await control("DELETE", "/_emulator/canned");
    expect((await call(emu, "GET", "/dbaas-service")).json["dbaas-services"].length).toBeGreaterThan(0);
    expect((await call(emu, "GET", "/dbaas-kafka/ghost")).status).toBe(404);
  });

  it("resets the state (re-seeding) over HTTP", async () => {
    await call(emu, "POST", "/dbaas-kafka/temp", { json: { plan: "startup-2" } });
    expect((await control("POST", "/_emulator/reset")).status).toBe(200);
    const names = (await call(emu, "GET", "/dbaas-service")).json["dbaas-services"].map((s: any) => s.name);
    expect(names).toEqual(["test-kafka"]);
    expect(emu.requests().map((r) => r.path)).toEqual(["/v2/dbaas-service"]);
  });

  it("answers unknown control paths with 404", async () => {
    expect((await control("GET", "/_emulator/nothing")).status).toBe(404);
  });
});
