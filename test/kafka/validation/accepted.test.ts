// Valid input passes and comes out as it must be sent.

import { describe, expect, test } from "vitest";
import {
  GO_BOOL_VALUES,
  addIpFilter,
  parseCidr,
  parseGoBool,
  parseIpFilter,
  removeIpFilter,
  validateAclPermission,
  validateAclTopic,
  validateAclUsername,
  validateKafkaVersion,
  validateMaintenance,
  validatePassword,
  validatePlan,
  validateSchemaRegistryAclPermission,
  validateSchemaRegistryResource,
  validateSettings,
  validateTopic,
  validateUsername,
} from "../../../src/kafka/validation/index.js";
import { servedSettings, specSettings } from "./fixtures.js";

describe("settings", () => {
  test("keeps the key order given and exact 64-bit integers", () => {
    const raw = '{"num_partitions":3,"auto_create_topics_enable":false,"log_retention_bytes":9223372036854775807,"compression_type":"zstd"}';
    for (const schema of [specSettings, servedSettings]) {
      const out = validateSettings("kafka", raw, schema);
      expect(Object.keys(out)).toEqual(["num_partitions", "auto_create_topics_enable", "log_retention_bytes", "compression_type"]);
      expect(out).toEqual({ num_partitions: 3, auto_create_topics_enable: false, log_retention_bytes: 9223372036854775807n, compression_type: "zstd" });
    }
  });

  test("the log cleaner object is accepted nested, with either schema shape", () => {
    const raw = '{"log-cleanup-and-compaction":{"log_cleanup_policy":"compact,delete","log_cleaner_min_cleanable_ratio":0.5,"log_cleaner_min_compaction_lag_ms":9223372036854775807}}';
    const expected = {
      "log-cleanup-and-compaction": { log_cleanup_policy: "compact,delete", log_cleaner_min_cleanable_ratio: 0.5, log_cleaner_min_compaction_lag_ms: 2n ** 63n - 1n },
    };
    expect(validateSettings("kafka", raw, specSettings)).toEqual(expected);
    expect(validateSettings("kafka", raw, servedSettings)).toEqual(expected);
  });

  test("bounds are inclusive and exact", () => {
    expect(validateSettings("kafka", '{"log_local_retention_bytes":-2,"num_partitions":1000}', specSettings)).toEqual({ log_local_retention_bytes: -2, num_partitions: 1000 });
    expect(validateSettings("kafka", '{"log-cleanup-and-compaction":{"log_cleaner_min_cleanable_ratio":0.2}}', servedSettings)).toEqual({
      "log-cleanup-and-compaction": { log_cleaner_min_cleanable_ratio: 0.2 },
    });
  });

  test("the other kinds", () => {
    expect(validateSettings("kafka-rest", '{"producer_acks":"all","consumer_request_timeout_ms":15000}', specSettings)).toEqual({ producer_acks: "all", consumer_request_timeout_ms: 15000 });
    expect(validateSettings("kafka-connect", ' { "consumer_isolation_level" : "read_committed" } ', specSettings)).toEqual({ consumer_isolation_level: "read_committed" });
    expect(validateSettings("schema-registry", '{"topic_name":"_schemas","leader_eligibility":true}', specSettings)).toEqual({ topic_name: "_schemas", leader_eligibility: true });
    expect(validateSettings("kafka", "{}", specSettings)).toEqual({});
  });

  test("the schema may be the whole response, its settings, or one kind's schema", () => {
    const settings = (specSettings as { settings: Record<string, unknown> }).settings;
    for (const schema of [specSettings, settings, settings["kafka-rest"]])
      expect(() => validateSettings("kafka-rest", '{"producer_acks":1}', schema)).toThrow('producer_acks must be one of "all", "-1", "0", "1", got number 1');
  });

  test("without a usable schema only the JSON object is checked", () => {
    expect(validateSettings("kafka", '{"anything":[1,{"b":12345678901234567890}]}', undefined)).toEqual({ anything: [1, { b: 12345678901234567890n }] });
    expect(() => validateSettings("kafka", "[]", { settings: {} })).toThrow("kafka settings must be a JSON object, got an array");
  });

  test("unknown keys pass when the schema does not close the object", () => {
    const schema = { type: "object", properties: { a: { type: "integer" } } };
    expect(validateSettings("kafka-rest", '{"b":"x","a":1}', schema)).toEqual({ b: "x", a: 1 });
  });

  test("a pattern JavaScript cannot compile is not checked; one it compiles without the u flag is", () => {
    const schema = { type: "object", additionalProperties: false, properties: { py: { type: "string", pattern: "^(?P<n>a)$" }, dash: { type: "string", pattern: "^a\\-b$" } } };
    expect(validateSettings("kafka-rest", '{"py":"anything"}', schema)).toEqual({ py: "anything" });
    expect(validateSettings("kafka-rest", '{"dash":"a-b"}', schema)).toEqual({ dash: "a-b" });
    expect(() => validateSettings("kafka-rest", '{"dash":"ab"}', schema)).toThrow('dash must match /^a\\-b$/, got "ab"');
  });

  test("type lists, exclusive and fractional bounds", () => {
    const schema = {
      type: "object",
      additionalProperties: false,
      properties: {
        n: { type: ["integer", "null"], exclusiveMinimum: 0, maximum: 10.5 },
        old: { type: "integer", minimum: 5, exclusiveMinimum: true },
      },
    };
    expect(validateSettings("kafka-rest", '{"n":null}', schema)).toEqual({ n: null });
    expect(validateSettings("kafka-rest", '{"n":10,"old":6}', schema)).toEqual({ n: 10, old: 6 });
    expect(() => validateSettings("kafka-rest", '{"n":0}', schema)).toThrow("n must be between 1 and 10, got 0");
    expect(() => validateSettings("kafka-rest", '{"n":"1"}', schema)).toThrow('n must be an integer or null, got string "1"');
    expect(() => validateSettings("kafka-rest", '{"old":5}', schema)).toThrow("old must be between 6 and 9223372036854775807, got 5");
  });

  test("long values are cut in messages", () => {
    expect(() => validateSettings("kafka", `{"compression_type":"${"z".repeat(100)}"}`, specSettings)).toThrow(`got "${"z".repeat(60)}"…`);
  });
});

describe("IP filters", () => {
  test("bare addresses get their full prefix; host bits and prefixes are kept", () => {
    expect(parseIpFilter(["10.0.0.1", "10.20.0.0/16", "10.0.0.1/24"])).toEqual(["10.0.0.1/32", "10.20.0.0/16", "10.0.0.1/24"]);
    expect(parseIpFilter(["0.0.0.0/0", "::/0"])).toEqual(["0.0.0.0/0", "::/0"]);
  });

  test("IPv6 is written in canonical form", () => {
    expect(parseCidr("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1/128");
    expect(parseCidr("2001:0db8::/32")).toBe("2001:db8::/32");
    expect(parseCidr("1:0:0:2:0:0:0:3")).toBe("1:0:0:2::3/128");
    expect(parseCidr("1:0:2:0:3:0:4:0")).toBe("1:0:2:0:3:0:4:0/128");
    expect(parseCidr("::")).toBe("::/128");
    expect(parseCidr("::FFFF:1.2.3.4/120")).toBe("::ffff:1.2.3.4/120");
    expect(parseCidr("64:ff9b::192.0.2.33")).toBe("64:ff9b::c000:221/128");
  });

  test("duplicates are dropped, the first kept", () => {
    expect(parseIpFilter(["10.0.0.1/32", "10.0.0.2", "10.0.0.3"])).toEqual(["10.0.0.1/32", "10.0.0.2/32", "10.0.0.3/32"]);
    expect(parseIpFilter(["10.0.0.1", "10.0.0.1/32", "10.0.0.1"])).toEqual(["10.0.0.1/32"]);
    expect(parseIpFilter([])).toEqual([]);
  });

  test("add appends new entries and ignores ones already present", () => {
    const current = ["10.0.0.0/8", "2001:db8::/32"];
    expect(addIpFilter(current, ["192.168.0.1", "10.0.0.0/8", "2001:DB8:0::/32"])).toEqual(["10.0.0.0/8", "2001:db8::/32", "192.168.0.1/32"]);
    expect(addIpFilter([], ["10.0.0.1", "10.0.0.1/32"])).toEqual(["10.0.0.1/32"]);
    expect(current).toEqual(["10.0.0.0/8", "2001:db8::/32"]);
  });

  test("remove matches equal blocks whatever their spelling", () => {
    expect(removeIpFilter(["10.0.0.1/32", "2001:db8::/32", "192.168.0.0/16"], ["10.0.0.1", "2001:0DB8::/32"])).toEqual(["192.168.0.0/16"]);
    expect(removeIpFilter(["10.0.0.0/8"], ["10.0.0.0/8"])).toEqual([]);
  });
});

describe("flags and names", () => {
  test("Go booleans", () => {
    expect(GO_BOOL_VALUES.map((v) => parseGoBool("--force", v))).toEqual([true, true, true, true, true, true, false, false, false, false, false, false]);
  });

  test("maintenance", () => {
    expect(validateMaintenance()).toBeUndefined();
    expect(validateMaintenance("never", "00:00:00")).toEqual({ dow: "never", time: "00:00:00" });
    expect(validateMaintenance("sunday", "23:59:59")).toEqual({ dow: "sunday", time: "23:59:59" });
  });

  test("plans and versions", () => {
    expect(validatePlan("business-4", [{ name: "startup-2" }, { name: "business-4" }])).toBe("business-4");
    expect(validatePlan("startup-2", ["startup-2"])).toBe("startup-2");
    expect(validatePlan("anything", [])).toBe("anything");
    expect(validateKafkaVersion("3.1", ["3.0", "3.1"])).toBe("3.1");
  });

  test("users, topics and ACLs", () => {
    expect(validateUsername("alice.smith@example-1")).toBe("alice.smith@example-1");
    expect(validateUsername("u".repeat(64))).toHaveLength(64);
    expect(validateAclUsername("team-*")).toBe("team-*");
    expect(validateTopic("orders.v1_eu-west")).toBe("orders.v1_eu-west");
    expect(validateTopic("t".repeat(249))).toHaveLength(249);
    expect(validateTopic("...")).toBe("...");
    expect(validateAclTopic("*")).toBe("*");
    expect(validateAclTopic("orders-?")).toBe("orders-?");
    expect(validateAclPermission("readwrite")).toBe("readwrite");
    expect(validateSchemaRegistryAclPermission("schema_registry_write")).toBe("schema_registry_write");
    expect(validateSchemaRegistryResource("Subject:orders-value")).toBe("Subject:orders-value");
    expect(validatePassword("correct horse")).toBe("correct horse");
  });
});
