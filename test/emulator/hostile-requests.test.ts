// No request brings the emulator down: raw malformed request lines, every bad control value, and
// clients too slow to finish their request. After each, the next normal request is answered.
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { connect as tlsConnect } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { call } from "./client.js";

let emu: Emulator;
beforeAll(async () => {
  // short timeouts so the slow-client tests take a fraction of a second
  emu = await startEmulator({ operationDelayMs: 0, rebuildDelayMs: 0, seed: true, headersTimeoutMs: 300, requestTimeoutMs: 600 });
});
afterAll(() => emu.close());

const port = () => Number(new URL(emu.url).port);

/** Sends raw bytes on a new connection; resolves with everything received once the server closes it (or after 2 s). */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port(), "127.0.0.1");
    let received = "";
    socket.on("data", (c) => (received += c));
    const done = () => resolve(received);
    socket.on("close", done);
    socket.on("error", done);
    setTimeout(() => (socket.destroy(), done()), 2000);
    socket.write(bytes);
  });
}

async function stillAnswers(): Promise<void> {
  const res = await call(emu, "GET", "/dbaas-kafka/test-kafka");
  expect(res.status).toBe(200);
}

describe("malformed request lines", () => {
  it.each([
    ["a target that is not a URL", "GET //[ HTTP/1.1\r\nHost: x\r\n\r\n"],
    ["an absolute-form target with a port out of range", "GET http://a:99999/v2/dbaas-service HTTP/1.1\r\nHost: a\r\n\r\n"],
    ["an absolute-form target with a broken IPv6 host", "GET http://[::1/v2/zone HTTP/1.1\r\nHost: a\r\n\r\n"],
    ["a control API target that is not a URL", "POST //[/_emulator/faults HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"],
  ])("%s: 400 with a JSON error", async (_name, request) => {
    const answer = await raw(request);
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer.slice(answer.indexOf("\r\n\r\n") + 4)).toBe('{"message":"malformed request target"}');
    await stillAnswers();
  });

  it.each([
    ["a request line that is not HTTP", "HELLO\r\n\r\n"],
    ["a header with a control character", "GET /v2/zone HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n"],
    ["a bad percent-encoding", "GET /v2/dbaas-kafka/%zz HTTP/1.1\r\nHost: x\r\n\r\n"],
  ])("%s: refused, and the emulator goes on", async (_name, request) => {
    expect(await raw(request)).toMatch(/^HTTP\/1\.1 4\d\d /);
    await stillAnswers();
  });
});

describe("control API values", () => {
  const control = async (method: string, path: string, body: unknown) => {
    const r = await fetch(emu.url.replace(/\/v2$/, "") + path, { method, body: typeof body === "string" ? body : JSON.stringify(body) });
    return { status: r.status, json: (await r.json()) as { message: string; field?: string } };
  };

  it.each([
    [{ kind: "status", status: 99 }, "status"],
    [{ kind: "status", status: 600 }, "status"],
    [{ kind: "status", status: 503.5 }, "status"],
    [{ kind: "status", status: "503" }, "status"],
    [{ kind: "status" }, "status"],
    [{ kind: "status", status: 503, retryAfter: "1\r\nx-injected: 1" }, "retryAfter"],
    [{ kind: "status", status: 503, retryAfter: -1 }, "retryAfter"],
    [{ kind: "status", status: 503, body: 5 }, "body"],
    [{ kind: "content-type", contentType: "text/html\r\nx-injected: 1" }, "contentType"],
    [{ kind: "content-type", contentType: "" }, "contentType"],
    [{ kind: "slow", delayMs: "abc" }, "delayMs"],
    [{ kind: "slow", delayMs: -5 }, "delayMs"],
    [{ kind: "slow", delayMs: 1e300 }, "delayMs"],
    [{ kind: "slow", count: 0 }, "count"],
    [{ kind: "slow", count: 1.5 }, "count"],
    [{ kind: "slow", method: "GET\r\n" }, "method"],
    [{ kind: "slow", path: "no-slash" }, "path"],
    [{ kind: "slow", pathPrefix: 7 }, "pathPrefix"],
    [{ kind: "drop", when: "later" }, "when"],
    [{ kind: "truncate", complete: "yes" }, "complete"],
    [{ kind: "explode" }, "kind"],
    [{ kind: "slow", delay: 5 }, "delay"],
    [{ latencyMs: "abc" }, "latencyMs"],
    [{ latencyMs: -1 }, "latencyMs"],
    [{ latencyMs: 10, rules: [{ kind: "slow" }, { kind: "status", status: 99 }] }, "rules[1].status"],
    [{ rules: "all" }, "rules"],
    [{ clear: "yes" }, "clear"],
  ])("fault %j: 400 naming %s, nothing stored", async (body, field) => {
    const before = emu.faults.list();
    const res = await control("POST", "/_emulator/faults", body);
    expect(res.status).toBe(400);
    expect(res.json.field).toBe(field);
    expect(res.json.message).toContain(JSON.stringify(field));
    expect(emu.faults.list()).toEqual(before);
    await stillAnswers();
  });

  it.each([
    [{ method: "GET", path: "/zone", status: 99 }, "status"],
    [{ method: "GET", path: "/zone", status: 600 }, "status"],
    [{ method: "GET", path: "/zone", status: "200" }, "status"],
    [{ method: "GET", path: "/zone" }, "status"],
    [{ method: "GET", path: "/zone", status: 200, headers: { "x-test": "a\r\nb" } }, "headers"],
    [{ method: "GET", path: "/zone", status: 200, headers: { "bad name": "a" } }, "headers"],
    [{ method: "GET", path: "/zone", status: 200, headers: { "x-n": 5 } }, "headers"],
    [{ method: "GET", path: "/zone", status: 200, headers: { "Content-Length": "1" } }, "headers"],
    [{ method: "GET", path: "/zone", status: 200, headers: ["x"] }, "headers"],
    [{ method: "GET\n", path: "/zone", status: 200 }, "method"],
    [{ method: "GET", path: "zone", status: 200 }, "path"],
    [{ method: "GET", path: "/zone", status: 200, extra: 1 }, "extra"],
  ])("canned %j: 400 naming %s, nothing stored", async (body, field) => {
    const res = await control("POST", "/_emulator/canned", body);
    expect(res.status).toBe(400);
    expect(res.json.field).toBe(field);
    expect(emu.faults.list().rules).toEqual([]);
    expect((await control("GET", "/_emulator/canned", undefined).catch(() => undefined))?.status ?? 200).toBe(200);
    await stillAnswers();
  });

  it("not JSON, or not an object: 400, and the emulator goes on", async () => {
    expect((await control("POST", "/_emulator/faults", "{")).status).toBe(400);
    expect((await control("POST", "/_emulator/canned", "[1]")).status).toBe(400);
    await stillAnswers();
  });

  it("the in-process API refuses the same values", () => {
    expect(() => emu.faults.inject({ kind: "slow", delayMs: Number.NaN })).toThrow('invalid "delayMs"');
    expect(() => emu.canned({ method: "GET", path: "/zone", status: 99, body: "" })).toThrow('invalid "status"');
  });

  it("valid values still work: a canned header and a fault content type reach the client", async () => {
    emu.canned({ method: "GET", path: "/dbaas-kafka/canned-one", status: 418, body: { message: "teapot" }, headers: { "x-test": "1" } });
    const canned = await call(emu, "GET", "/dbaas-kafka/canned-one");
    expect([canned.status, canned.headers.get("x-test")]).toEqual([418, "1"]);
    emu.clearCanned();
    emu.faults.inject({ kind: "content-type", contentType: "text/plain; charset=utf-8" });
    expect((await call(emu, "GET", "/dbaas-service")).headers.get("content-type")).toBe("text/plain; charset=utf-8");
  });
});

describe("slow clients are dropped", () => {
  /** Opens a connection that sends `start`, then one more byte of `drip` every 50 ms; resolves when the server closes it. */
  function dribble(start: string, drip: string): { closed: Promise<number>; socket: Socket } {
    const opened = Date.now();
    const socket = connect(port(), "127.0.0.1");
    socket.write(start);
    let i = 0;
    const timer = setInterval(() => !socket.destroyed && socket.write(drip[i++ % drip.length]!), 50);
    socket.on("error", () => undefined);
    socket.resume();
    const closed = new Promise<number>((resolve) => socket.on("close", () => (clearInterval(timer), resolve(Date.now() - opened))));
    return { closed, socket };
  }

  it("headers that never end: 50 connections all closed after the headers timeout", async () => {
    const clients = Array.from({ length: 50 }, () => dribble("GET /v2/zone HTTP/1.1\r\nHost: x\r\n", "X-Slow: aaaaaaaa\r\n"));
    const times = await Promise.all(clients.map((c) => c.closed));
    // 300 ms configured, checked every 75 ms; the margin is for a loaded machine
    expect(Math.max(...times)).toBeLessThan(5000);
    await stillAnswers();
  });

  /** How long the server took to close a connection on which nothing is sent; Infinity if still open after 5 s. */
  function silent(socket: Socket): Promise<number> {
    const opened = Date.now();
    socket.on("error", () => undefined);
    socket.resume();
    return new Promise((resolve) => {
      const timer = setTimeout(() => (resolve(Infinity), socket.destroy()), 5000);
      socket.on("close", () => (clearTimeout(timer), resolve(Date.now() - opened)));
    });
  }

  // a request timeout far beyond the headers timeout: the headers timeout alone must close them
  const timeouts = { headersTimeoutMs: 300, requestTimeoutMs: 60_000 };

  it("connections that never send a byte: 400 of them all closed after the headers timeout", async () => {
    const idle = await startEmulator(timeouts);
    try {
      const idlePort = Number(new URL(idle.url).port);
      // 400 keeps both ends (800 descriptors) within a 1024 descriptor limit
      const times = await Promise.all(Array.from({ length: 400 }, () => silent(connect(idlePort, "127.0.0.1"))));
      expect(Math.min(...times)).toBeGreaterThanOrEqual(250);
      expect(Math.max(...times)).toBeLessThan(5000);
      expect((await call(idle, "GET", "/zone", { unsigned: true })).status).toBe(200);
    } finally {
      await idle.close();
    }
  });

  it("over TLS too: 300 silent before the handshake, and one silent after it", async () => {
    const https = await startEmulator({ https: true, ...timeouts });
    try {
      const httpsPort = Number(new URL(https.url).port);
      const beforeHandshake = Promise.all(Array.from({ length: 300 }, () => silent(connect(httpsPort, "127.0.0.1"))));
      const afterHandshake = silent(tlsConnect({ port: httpsPort, host: "127.0.0.1", ca: readFileSync(https.tlsCaPath!) }));
      expect({ beforeHandshake: Math.max(...(await beforeHandshake)) < 5000, afterHandshake: (await afterHandshake) < 5000 }).toEqual({ beforeHandshake: true, afterHandshake: true });
    } finally {
      await https.close();
    }
  });

  it("a body that never ends: closed after the request timeout", async () => {
    const { closed } = dribble("PUT /v2/dbaas-kafka/test-kafka HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n", "{");
    expect(await closed).toBeLessThan(5000);
    await stillAnswers();
  });

  it("a slow answer (fault rule) is not cut by the request timeout", async () => {
    emu.faults.inject({ kind: "slow", delayMs: 900 });
    expect((await call(emu, "GET", "/dbaas-service")).status).toBe(200);
  });
});
