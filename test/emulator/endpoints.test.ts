import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { call } from "./client.js";

let emu: Emulator;

beforeAll(async () => {
  const started = performance.now();
  emu = await startEmulator({ operationDelayMs: 0, rebuildDelayMs: 0, seed: true });
  console.log(`emulator with seed started in ${Math.round(performance.now() - started)} ms`);
});
afterAll(() => emu.close());

describe("platform endpoints", () => {
  it("GET /zone is unsigned and lists the 8 zones pointing at the emulator", async () => {
    const r = await call(emu, "GET", "/zone", { unsigned: true });
    expect(r.status).toBe(200);
    expect(r.json.zones.map((z: any) => z.name)).toEqual(["ch-gva-2", "ch-dk-2", "de-fra-1", "de-muc-1", "at-vie-1", "at-vie-2", "bg-sof-1", "hr-zag-1"]);
    for (const z of r.json.zones) expect(z["api-endpoint"]).toBe(emu.url);
  });

  it("GET /dbaas-ca-certificate returns the project CA", async () => {
    const r = await call(emu, "GET", "/dbaas-ca-certificate");
    expect(r.status).toBe(200);
    expect(r.json.certificate).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
    expect(r.json.certificate).toBe(await emu.caCertificatePem());
  });

  it("lists and shows service types with plans", async () => {
    const list = await call(emu, "GET", "/dbaas-service-type");
    expect(list.json["dbaas-service-types"].map((t: any) => t.name)).toEqual(expect.arrayContaining(["kafka", "pg", "mysql"]));
    const kafka = await call(emu, "GET", "/dbaas-service-type/kafka");
    expect(kafka.json["default-version"]).toBe("3.8");
    expect(kafka.json.plans.map((p: any) => p.name)).toEqual(expect.arrayContaining(["startup-2", "business-4", "business-8", "premium-6x-8"]));
    expect(kafka.json.plans[0]["backup-config"]).toEqual({ interval: 24, "max-count": 2, "recovery-mode": "basic" });
    expect((await call(emu, "GET", "/dbaas-service-type/nope")).status).toBe(404);
  });

  it("serves the settings schemas with exact 2^63-1 maxima and the 39 reference settings", async () => {
    const r = await call(emu, "GET", "/dbaas-settings-kafka");
    expect(r.status).toBe(200);
    const s = r.json.settings;
    expect(Object.keys(s)).toEqual(["kafka", "kafka-connect", "kafka-rest", "schema-registry"]);
    const kafkaKeys = Object.keys(s.kafka.properties);
    expect(kafkaKeys.length).toBeGreaterThanOrEqual(39);
    for (const key of ["log_retention_ms", "log_cleanup_policy", "log_cleaner_min_cleanable_ratio", "num_partitions", "log-cleanup-and-compaction", "sasl_oauthbearer_jwks_endpoint_url"]) {
      expect(kafkaKeys).toContain(key);
    }
    expect(r.text).toContain('"maximum":9223372036854775807');
    expect(s["kafka-rest"].properties.producer_acks.default).toBe("1");
    expect(new RegExp(s["schema-registry"].properties.topic_name.pattern).test("_schemas")).toBe(true);
    expect(s.kafka.additionalProperties).toBe(false);
  });
});

describe("Kafka service endpoints", () => {
  it("shows the seeded service with every field of dbaas-service-kafka", async () => {
    const r = await call(emu, "GET", "/dbaas-kafka/test-kafka");
    expect(r.status).toBe(200);
    const s = r.json;
    expect(s).toMatchObject({ name: "test-kafka", type: "kafka", plan: "startup-2", state: "running", zone: "de-muc-1", version: "3.8" });
    expect(s["node-count"]).toBe(3);
    expect(s.uri).toBe(`${s["uri-params"].host}:${s["uri-params"].port}`);
    expect(s.components).toEqual([
      { component: "kafka", host: s["uri-params"].host, port: 21701, "kafka-authentication-method": "certificate", route: "dynamic", usage: "primary" },
    ]);
    expect(s["ip-filter"]).toEqual(["0.0.0.0/0"]);
    expect(s.users).toHaveLength(1);
    expect(s.users[0]).toMatchObject({ username: "avnadmin", type: "primary" });
    expect(s.users[0].password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(s["connection-info"]["access-cert"]).toBe(s.users[0]["access-cert"]);
    expect(s["connection-info"]["access-key"]).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(s["node-states"].map((n: any) => n.state)).toEqual(["running", "running", "running"]);
    expect(s.maintenance.updates).toEqual([]);
    for (const key of ["backups", "notifications", "integrations", "prometheus-uri", "authentication-methods", "kafka-settings", "created-at", "updated-at"]) {
      expect(s).toHaveProperty([key]);
    }
  });

  it("creates, updates and deletes a service; components follow the enabled features", async () => {
    const create = await call(emu, "POST", "/dbaas-kafka/feat", {
      json: { plan: "business-4", "authentication-methods": { sasl: true }, "kafka-connect-enabled": true, "termination-protection": true },
      headers: { "Exoscale-Zone": "at-vie-1" },
    });
    expect(create.status).toBe(200);
    expect(create.json).toMatchObject({ state: "success", reference: { command: "create-dbaas-service-kafka" } });
    let s = (await call(emu, "GET", "/dbaas-kafka/feat")).json;
    expect(s.zone).toBe("at-vie-1");
    expect(s.components.map((c: any) => [c.component, c["kafka-authentication-method"]])).toEqual([
      ["kafka", "certificate"],
      ["kafka", "sasl"],
      ["kafka_connect", undefined],
    ]);
    expect(s["connection-info"]["connect-uri"]).toMatch(/^https:\/\//);

    const update = await call(emu, "PUT", "/dbaas-kafka/feat", {
      json: { "kafka-rest-enabled": true, "schema-registry-enabled": true, "ip-filter": ["10.0.0.0/8"], maintenance: { dow: "monday", time: "01:02:03" } },
    });
    expect(update.status).toBe(200);
    s = (await call(emu, "GET", "/dbaas-kafka/feat")).json;
    expect(s["kafka-rest-enabled"]).toBe(true);
    expect(s.components.map((c: any) => c.component)).toEqual(["kafka", "kafka", "kafka_connect", "kafka_rest", "schema_registry"]);
    expect(s["ip-filter"]).toEqual(["10.0.0.0/8"]);
    expect(s.maintenance).toEqual({ dow: "monday", time: "01:02:03", updates: [] });
    expect(Date.parse(s["updated-at"])).toBeGreaterThan(Date.parse(s["created-at"]));

    const protectedDelete = await call(emu, "DELETE", "/dbaas-kafka/feat");
    expect(protectedDelete.status).toBe(403);
    expect(protectedDelete.json.message).toMatch(/protected against termination/);
    expect((await call(emu, "DELETE", "/dbaas-service/feat")).status).toBe(403);
    await call(emu, "PUT", "/dbaas-kafka/feat", { json: { "termination-protection": false } });
    expect((await call(emu, "DELETE", "/dbaas-kafka/feat")).status).toBe(200);
    expect((await call(emu, "GET", "/dbaas-kafka/feat")).json).toEqual({ message: "resource not found" });
  });

  it("lists services with their zone and deletes through /dbaas-service", async () => {
    await call(emu, "POST", "/dbaas-kafka/gen", { json: { plan: "startup-2" } });
    const list = await call(emu, "GET", "/dbaas-service");
    const gen = list.json["dbaas-services"].find((s: any) => s.name === "gen");
    expect(gen).toMatchObject({ type: "kafka", zone: "ch-gva-2", plan: "startup-2", "termination-protection": false });
    expect((await call(emu, "DELETE", "/dbaas-service/gen")).json.reference.command).toBe("delete-dbaas-service");
    expect((await call(emu, "DELETE", "/dbaas-service/gen")).status).toBe(404);
  });

  it("rejects a duplicate name with 409", async () => {
    const r = await call(emu, "POST", "/dbaas-kafka/test-kafka", { json: { plan: "startup-2" } });
    expect(r.status).toBe(409);
  });

  it("starts maintenance (PUT without body)", async () => {
    const r = await call(emu, "PUT", "/dbaas-kafka/test-kafka/maintenance/start");
    expect(r.json.reference.command).toBe("start-dbaas-kafka-maintenance");
  });

  it("returns logs and metrics for a service", async () => {
    const logs = await call(emu, "POST", "/dbaas-service-logs/test-kafka", { json: { limit: 5, "sort-order": "asc" } });
    expect(logs.status).toBe(200);
    expect(logs.json.logs.length).toBeGreaterThanOrEqual(1);
    expect(logs.json.logs[0]).toEqual({ time: expect.any(String), unit: expect.any(String), node: expect.stringMatching(/^test-kafka-\d$/), message: expect.any(String) });
    expect(typeof logs.json.offset).toBe("string");
    expect((await call(emu, "POST", "/dbaas-service-logs/test-kafka", { json: { limit: 501 } })).status).toBe(400);
    const metrics = await call(emu, "POST", "/dbaas-service-metrics/test-kafka", { json: { period: "day" } });
    expect(metrics.json.metrics.cpu_usage.data.rows).toHaveLength(96);
    expect(metrics.json.metrics.cpu_usage.data.cols[1].label).toBe("test-kafka-1");
    expect((await call(emu, "POST", "/dbaas-service-metrics/test-kafka", { json: { period: "decade" } })).status).toBe(400);
    expect((await call(emu, "POST", "/dbaas-service-metrics/missing", { json: {} })).status).toBe(404);
  });
});

describe("users and ACLs", () => {
  it("creates a user, resets and reveals its password, deletes it", async () => {
    expect((await call(emu, "POST", "/dbaas-kafka/test-kafka/user", { json: { username: "alice" } })).status).toBe(200);
    const first = await call(emu, "GET", "/dbaas-kafka/test-kafka/user/alice/password/reveal");
    expect(first.json).toMatchObject({ username: "alice", password: expect.stringMatching(/^[A-Za-z0-9]{24}$/) });
    expect(first.json["access-cert-expiry"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    await call(emu, "PUT", "/dbaas-kafka/test-kafka/user/alice/password/reset", { json: {} });
    const second = await call(emu, "GET", "/dbaas-kafka/test-kafka/user/alice/password/reveal");
    expect(second.json.password).not.toBe(first.json.password);

    await call(emu, "PUT", "/dbaas-kafka/test-kafka/user/alice/password/reset", { json: { password: "chosen-password" } });
    expect((await call(emu, "GET", "/dbaas-kafka/test-kafka/user/alice/password/reveal")).json.password).toBe("chosen-password");
    expect((await call(emu, "PUT", "/dbaas-kafka/test-kafka/user/alice/password/reset", { json: { password: "short" } })).status).toBe(400);

    const svc = (await call(emu, "GET", "/dbaas-kafka/test-kafka")).json;
    expect(svc.users.map((u: any) => [u.username, u.type])).toEqual([["avnadmin", "primary"], ["alice", "normal"]]);

    expect((await call(emu, "POST", "/dbaas-kafka/test-kafka/user", { json: { username: "alice" } })).status).toBe(409);
    // the real broker's own listeners are ANONYMOUS, its super user: no service user may take that name
    const reserved = await call(emu, "POST", "/dbaas-kafka/test-kafka/user", { json: { username: "ANONYMOUS" } });
    expect([reserved.status, reserved.json.message]).toEqual([400, 'username: "ANONYMOUS" is reserved']);
    expect((await call(emu, "DELETE", "/dbaas-kafka/test-kafka/user/alice")).status).toBe(200);
    expect((await call(emu, "DELETE", "/dbaas-kafka/test-kafka/user/alice")).status).toBe(404);
    expect((await call(emu, "DELETE", "/dbaas-kafka/test-kafka/user/avnadmin")).status).toBe(400);
    expect((await call(emu, "GET", "/dbaas-kafka/test-kafka/user/alice/password/reveal")).status).toBe(404);
  });

  it("reveals the Kafka Connect password only when Connect is enabled", async () => {
    expect((await call(emu, "GET", "/dbaas-kafka/test-kafka/connect/password/reveal")).status).toBe(400);
    await call(emu, "POST", "/dbaas-kafka/conn", { json: { plan: "startup-2", "kafka-connect-enabled": true } });
    const r = await call(emu, "GET", "/dbaas-kafka/conn/connect/password/reveal");
    expect(r.json).toEqual({ username: "avnadmin", password: expect.stringMatching(/^.{24}$/) });
  });

  it("manages topic and schema-registry ACLs", async () => {
    const initial = await call(emu, "GET", "/dbaas-kafka/test-kafka/acl-config");
    expect(initial.json).toEqual({ "topic-acl": [{ id: "default", username: "avnadmin", topic: "*", permission: "admin" }], "schema-registry-acl": [] });

    expect((await call(emu, "POST", "/dbaas-kafka/test-kafka/topic/acl-config", { json: { username: "bob", topic: "orders", permission: "read" } })).status).toBe(200);
    expect((await call(emu, "POST", "/dbaas-kafka/test-kafka/topic/acl-config", { json: { username: "bob", topic: "orders", permission: "delete" } })).status).toBe(400);
    expect((await call(emu, "POST", "/dbaas-kafka/test-kafka/schema-registry/acl-config", { json: { username: "bob", resource: "Subject:orders", permission: "schema_registry_read" } })).status).toBe(200);

    const acls = (await call(emu, "GET", "/dbaas-kafka/test-kafka/acl-config")).json;
    const topic = acls["topic-acl"].find((a: any) => a.username === "bob");
    expect(topic).toMatchObject({ topic: "orders", permission: "read", id: expect.stringMatching(/^acl[0-9a-f]+$/) });
    const sr = acls["schema-registry-acl"][0];
    expect(sr).toMatchObject({ username: "bob", resource: "Subject:orders", permission: "schema_registry_read" });

    expect((await call(emu, "DELETE", `/dbaas-kafka/test-kafka/topic/acl-config/${topic.id}`)).status).toBe(200);
    expect((await call(emu, "DELETE", `/dbaas-kafka/test-kafka/schema-registry/acl-config/${sr.id}`)).status).toBe(200);
    expect((await call(emu, "DELETE", `/dbaas-kafka/test-kafka/topic/acl-config/${topic.id}`)).status).toBe(404);
    expect((await call(emu, "GET", "/dbaas-kafka/test-kafka/acl-config")).json).toEqual(initial.json);
  });

  it("answers 404 with the API's message for unknown services and paths", async () => {
    for (const [method, path] of [
      ["GET", "/dbaas-kafka/missing"],
      ["PUT", "/dbaas-kafka/missing/maintenance/start"],
      ["GET", "/dbaas-kafka/missing/acl-config"],
      ["GET", "/operation/00000000-0000-0000-0000-000000000000"],
      ["GET", "/no-such-endpoint"],
    ] as const) {
      const r = await call(emu, method, path);
      expect(r.status, path).toBe(404);
      expect(r.json).toEqual({ message: "resource not found" });
    }
  });
});
