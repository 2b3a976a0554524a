// Settings JSON through `exo dbaas update` against the emulator: the schema comes from the API
// (GET /dbaas-settings-kafka), refusals name the problem, and large integers travel exactly.
import { describe, expect, it } from "vitest";
import { stringify } from "../../../../src/api/json.js";
import { kafkaSettingsSchemas } from "../../../../src/emulator/data/kafka-settings-schemas.js";
import { useSession } from "../../../helpers/session.js";

const s = useSession();

const update = (...flags: string[]) => ["dbaas", "update", "test-kafka", "-z", "de-muc-1", "-f", "-Q", ...flags];

describe("refusals name the problem, from the schema the API serves", () => {
  it.each([
    ["closest valid key", ["--kafka-settings", '{"compresion_type":"lz4"}'], 'unknown setting "compresion_type" for kafka; did you mean "compression_type"?'],
    ["minimum and maximum", ["--kafka-settings", '{"num_partitions":1001}'], "num_partitions must be between 1 and 1000, got 1001"],
    ["enum values listed", ["--kafka-settings", '{"compression_type":"brotli"}'], 'compression_type must be one of "gzip", "snappy", "lz4", "zstd", "uncompressed", "producer", got "brotli"'],
    [
      "nested log-cleanup-and-compaction",
      ["--kafka-settings", '{"log-cleanup-and-compaction":{"log_cleaner_min_cleanable_ratio":0.95}}'],
      "log-cleanup-and-compaction.log_cleaner_min_cleanable_ratio must be at most 0.9, got 0.95",
    ],
    ["64-bit bound kept exact", ["--kafka-settings", '{"log_retention_bytes":9223372036854775808}'], "log_retention_bytes must be between -1 and 9223372036854775807, got 9223372036854775808"],
  ])("%s", async (_name, flags, message) => {
    s.emulator.clearRequests();
    expect(await s.exo(update(...flags))).toEqual({ exitCode: 1, stdout: "", stderr: `error: ${message}\n` });
    expect(s.sent()).toEqual([]);
    expect(s.emulator.requests().map((r) => r.path)).toContain("/v2/dbaas-settings-kafka");
  });
});

describe("accepted values", () => {
  it("integers beyond 2^53 reach the API and come back with their exact value", async () => {
    s.emulator.clearRequests();
    const settings = '{"log_retention_bytes":9007199254740993,"log_segment_bytes":1073741823,"log_roll_ms":9223372036854775807}';
    expect(await s.exo(update("--kafka-settings", settings))).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect(s.sent()).toEqual([`PUT /v2/dbaas-kafka/test-kafka {"kafka-settings":${settings}}`]);
    const stored = (await s.service("test-kafka"))["kafka-settings"] as Record<string, unknown>;
    expect(stored.log_retention_bytes).toBe(9007199254740993n);
    expect(stored.log_roll_ms).toBe(9223372036854775807n);
  });

  it("a schema pattern JavaScript cannot compile does not block a valid value", async () => {
    // a Python-style named group, as a JSON schema written for another engine may hold
    const registry = kafkaSettingsSchemas["schema-registry"] as { properties: Record<string, Record<string, unknown>> };
    // (minLength 3, unlike the emulator's 1, shows that the served schema is the one applied)
    const topicName = { ...registry.properties.topic_name, minLength: 3, pattern: "^(?P<name>[-_.A-Za-z0-9]+)$" };
    const served = { settings: { ...kafkaSettingsSchemas, "schema-registry": { ...registry, properties: { ...registry.properties, topic_name: topicName } } } };
    s.emulator.canned({ method: "GET", path: "/dbaas-settings-kafka", status: 200, body: stringify(served) });
    expect(() => new RegExp(topicName.pattern, "u")).toThrow();

    s.emulator.clearRequests();
    expect(await s.exo(update("--kafka-schema-registry-settings", '{"topic_name":"_schemas_v2"}'))).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect(s.sent()).toEqual(['PUT /v2/dbaas-kafka/test-kafka {"schema-registry-settings":{"topic_name":"_schemas_v2"}}']);
    expect((await s.service("test-kafka"))["schema-registry-settings"]).toMatchObject({ topic_name: "_schemas_v2" });
    // the rest of that schema still applies
    expect((await s.exo(update("--kafka-schema-registry-settings", '{"topic_name":"ab"}'))).stderr).toBe("error: topic_name must be at least 3 characters long, got 2\n");
  });
});
