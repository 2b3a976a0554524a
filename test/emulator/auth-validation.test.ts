import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { call } from "./client.js";

let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ operationDelayMs: 0, rebuildDelayMs: 0, apiKey: "EXOtestkey", apiSecret: "test-secret-value" });
});
afterAll(() => emu.close());

describe("signature verification", () => {
  it("accepts a correctly signed request", async () => {
    expect((await call(emu, "GET", "/dbaas-service")).status).toBe(200);
  });

  it("rejects a missing signature, an unknown key, a wrong secret and a malformed header with 403", async () => {
    const missing = await call(emu, "GET", "/dbaas-service", { unsigned: true });
    expect(missing.status).toBe(403);
    expect(missing.json.message).toMatch(/missing Authorization/);

    const wrongKey = await call(emu, "GET", "/dbaas-service", { key: "EXOother" });
    expect(wrongKey.status).toBe(403);
    expect(wrongKey.json.message).toMatch(/unknown API key/);

    const wrongSecret = await call(emu, "GET", "/dbaas-service", { secret: "not-the-secret" });
    expect(wrongSecret.status).toBe(403);
    expect(wrongSecret.json.message).toMatch(/invalid request signature/);
    expect(wrongSecret.text).not.toContain("test-secret-value");

    const malformed = await call(emu, "GET", "/dbaas-service", { unsigned: true, headers: { authorization: "Bearer abc" } });
    expect(malformed.status).toBe(403);
    expect(malformed.json.message).toMatch(/malformed/);
  });

  it("rejects an expired signature", async () => {
    const r = await call(emu, "GET", "/dbaas-service", { expires: Math.floor(Date.now() / 1000) - 5 });
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ message: "request signature expired" });
  });

  it("rejects a body that differs from the signed one", async () => {
    const { signRequest } = await import("../../src/api/sign.js");
    const url = `${emu.url}/dbaas-kafka/x`;
    const authorization = signRequest({ method: "POST", url, body: '{"plan":"startup-2"}', key: emu.apiKey, secret: emu.apiSecret, expires: Math.floor(Date.now() / 1000) + 60 });
    const r = await fetch(url, { method: "POST", body: '{"plan":"business-4"}', headers: { authorization } });
    expect(r.status).toBe(403);
  });

  it("signs query arguments like the SDK", async () => {
    expect((await call(emu, "GET", "/dbaas-service?b=2&a=1")).status).toBe(200);
    expect((await call(emu, "GET", "/dbaas-service?b=2&a=1&a=3&empty=")).status).toBe(200);
    // the query is part of what is signed: a request whose query differs from the signed one is refused
    const { signRequest } = await import("../../src/api/sign.js");
    const authorization = signRequest({ method: "GET", url: `${emu.url}/dbaas-service?a=1`, key: emu.apiKey, secret: emu.apiSecret, expires: Math.floor(Date.now() / 1000) + 60 });
    expect((await fetch(`${emu.url}/dbaas-service?a=2`, { headers: { authorization } })).status).toBe(403);
  });
});

describe("request validation", () => {
  const bad = async (body: string | object, path = "/dbaas-kafka/v1", method = "POST") => {
    const r = await call(emu, method, path, typeof body === "string" ? { body } : { json: body });
    expect(r.status, JSON.stringify(body)).toBe(400);
    return r.json.message as string;
  };

  it("rejects invalid JSON, wrong types and unknown fields", async () => {
    expect(await bad('{"plan": ')).toMatch(/invalid JSON body/);
    expect(await bad("[1]")).toMatch(/must be a JSON object/);
    expect(await bad({ plan: 3 })).toMatch(/plan: expected a string/);
    expect(await bad({})).toMatch(/plan: field is required/);
    expect(await bad({ plan: "startup-2", "kafka-rest-enabled": "yes" })).toMatch(/kafka-rest-enabled: expected a boolean/);
    expect(await bad({ plan: "startup-2", colour: "blue" })).toMatch(/unknown field "colour"/);
  });

  it("rejects unknown plans and versions, bad maintenance windows, bad CIDRs and names", async () => {
    expect(await bad({ plan: "gigantic-99" })).toMatch(/invalid plan "gigantic-99".*startup-2/);
    expect(await bad({ plan: "startup-2", version: "1.0" })).toMatch(/unsupported Kafka version/);
    expect(await bad({ plan: "startup-2", maintenance: { dow: "funday", time: "10:00:00" } })).toMatch(/maintenance.dow/);
    expect(await bad({ plan: "startup-2", maintenance: { dow: "monday", time: "25:00:00" } })).toMatch(/maintenance.time/);
    expect(await bad({ plan: "startup-2", "ip-filter": ["300.1.1.1/8"] })).toMatch(/ip-filter\[0\]/);
    expect(await bad({ plan: "startup-2", "ip-filter": ["10.0.0.0/33"] })).toMatch(/not a valid CIDR/);
    expect(await bad({ plan: "startup-2" }, "/dbaas-kafka/Bad_Name")).toMatch(/invalid service name/);
  });

  it("rejects a zone header naming no zone", async () => {
    const r = await call(emu, "POST", "/dbaas-kafka/zoned", { json: { plan: "startup-2" }, headers: { "Exoscale-Zone": "mars-1" } });
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(/invalid zone "mars-1"/);
  });

  it("validates settings against the schema: types, bounds, enums, unknown keys, nested objects, patterns", async () => {
    const settings = (s: object, key = "kafka-settings") => bad({ plan: "startup-2", [key]: s });
    expect(await settings({ num_partitions: "3" })).toMatch(/kafka-settings.num_partitions: expected an integer, got string/);
    expect(await settings({ num_partitions: 1.5 })).toMatch(/expected an integer, got number/);
    expect(await settings({ num_partitions: 1001 })).toMatch(/must be at most 1000/);
    expect(await settings({ log_retention_hours: -2 })).toMatch(/must be at least -1/);
    expect(await settings({ compression_type: "brotli" })).toMatch(/must be one of "gzip"/);
    expect(await settings({ no_such_setting: 1 })).toMatch(/unknown setting "no_such_setting"/);
    expect(await settings({ "log-cleanup-and-compaction": { log_cleaner_min_cleanable_ratio: 0.95 } })).toMatch(
      /log-cleanup-and-compaction.log_cleaner_min_cleanable_ratio: must be at most 0.9/,
    );
    expect(await settings({ "log-cleanup-and-compaction": { bogus: true } })).toMatch(/unknown setting "bogus"/);
    expect(await settings({ topic_name: ".." }, "schema-registry-settings")).toMatch(/does not match the pattern/);
    expect(await settings({ producer_acks: 1 }, "kafka-rest-settings")).toMatch(/expected a string/);
    expect(await settings({ consumer_request_timeout_ms: 2000 }, "kafka-rest-settings")).toMatch(/must be one of 1000, 15000, 30000/);
  });

  // keys every object inherits ("constructor", "toString"...) are no more settings than "nope" is
  const inherited = ["constructor", "toString", "hasOwnProperty", "__proto__", "nope"];

  it("refuses Kafka settings keys that are not the schema's own, nested ones too", async () => {
    for (const key of inherited) {
      const raw = `{"plan":"startup-2","kafka-settings":{${JSON.stringify(key)}:1}}`;
      expect(await bad(raw)).toMatch(`unknown setting ${JSON.stringify(key)}`);
      const nested = `{"plan":"startup-2","kafka-settings":{"log-cleanup-and-compaction":{${JSON.stringify(key)}:1}}}`;
      expect(await bad(nested)).toMatch(`unknown setting ${JSON.stringify(key)}`);
    }
  });

  it("refuses external endpoint settings keys that are not the type's own fields", async () => {
    for (const key of inherited) {
      const raw = `{"settings":{"url":"https://es.example.net:9200","index-prefix":"kafka",${JSON.stringify(key)}:"x"}}`;
      expect(await bad(raw, "/dbaas-external-endpoint-elasticsearch/es-logs")).toBe(`settings: unknown field ${JSON.stringify(key)}`);
    }
  });

  it("handles integers beyond 2^53 exactly", async () => {
    const over = await bad('{"plan":"startup-2","kafka-settings":{"log_retention_ms":9223372036854775808}}');
    expect(over).toMatch(/must be at most 9223372036854775807 \(got 9223372036854775808\)/);
    const ok = await call(emu, "POST", "/dbaas-kafka/big", { body: '{"plan":"startup-2","kafka-settings":{"log_retention_ms":9223372036854775807,"log_flush_interval_messages":9007199254740993}}' });
    expect(ok.status).toBe(200);
    const shown = await call(emu, "GET", "/dbaas-kafka/big");
    expect(shown.text).toContain('"log_retention_ms":9223372036854775807');
    expect(shown.text).toContain('"log_flush_interval_messages":9007199254740993');
  });

  it("merges settings on update and removes keys set to null", async () => {
    await call(emu, "POST", "/dbaas-kafka/merge", { json: { plan: "startup-2", "kafka-settings": { num_partitions: 3, auto_create_topics_enable: true } } });
    await call(emu, "PUT", "/dbaas-kafka/merge", { json: { "kafka-settings": { num_partitions: 6, auto_create_topics_enable: null } } });
    expect((await call(emu, "GET", "/dbaas-kafka/merge")).json["kafka-settings"]).toEqual({ num_partitions: 6 });
    const r = await call(emu, "PUT", "/dbaas-kafka/merge", { json: { plan: "nope" } });
    expect(r.status).toBe(400);
    expect((await call(emu, "PUT", "/dbaas-kafka/missing", { json: {} })).status).toBe(404);
  });

  it("validates user and ACL bodies", async () => {
    await call(emu, "POST", "/dbaas-kafka/users", { json: { plan: "startup-2" } });
    expect(await bad({}, "/dbaas-kafka/users/user")).toMatch(/username: field is required/);
    expect(await bad({ username: "x".repeat(65) }, "/dbaas-kafka/users/user")).toMatch(/between 1 and 64/);
    expect(await bad({ username: "a", password: "p" }, "/dbaas-kafka/users/user")).toMatch(/unknown field "password"/);
    expect(await bad({ username: "a", topic: "t" }, "/dbaas-kafka/users/topic/acl-config")).toMatch(/permission: must be one of/);
    expect(await bad({ username: "a", resource: "r", permission: "admin" }, "/dbaas-kafka/users/schema-registry/acl-config")).toMatch(/schema_registry_read/);
  });
});
