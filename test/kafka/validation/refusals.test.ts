// Every refusal is an InputError with one exact, single-line message.

import { describe, expect, test } from "vitest";
import {
  InputError,
  addIpFilter,
  parseGoBool,
  parseIpFilter,
  removeIpFilter,
  validateAclId,
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

const kafka = (raw: string) => () => validateSettings("kafka", raw, specSettings);
const served = (raw: string) => () => validateSettings("kafka", raw, servedSettings);
const rest = (raw: string) => () => validateSettings("kafka-rest", raw, specSettings);
const connect = (raw: string) => () => validateSettings("kafka-connect", raw, specSettings);
const registry = (raw: string) => () => validateSettings("schema-registry", raw, specSettings);
const plans = [{ name: "startup-2" }, { name: "business-4" }];
const currentFilter = ["10.0.0.0/8", "2001:db8::/32"];

const cases: Array<[string, () => unknown, string]> = [
  // settings: JSON syntax and shape
  ["truncated JSON", kafka('{"num_partitions":3'), "invalid JSON in kafka settings (--kafka-settings): unexpected end of input, expected ',' or '}' at position 19"],
  ["garbage", kafka("x"), 'invalid JSON in kafka settings (--kafka-settings): unexpected character "x", expected a JSON value at position 0'],
  ["empty text", kafka(""), "invalid JSON in kafka settings (--kafka-settings): unexpected end of input, expected a JSON value at position 0"],
  ["single quotes", rest("{'a':1}"), `invalid JSON in kafka-rest settings (--kafka-rest-settings): unexpected character "'", expected a property name in double quotes at position 1`],
  ["trailing comma", connect('{"producer_linger_ms":1,}'), `invalid JSON in kafka-connect settings (--kafka-connect-settings): unexpected character "}", expected a property name in double quotes at position 24`],
  ["two documents", registry("{} {}"), `invalid JSON in schema-registry settings (--kafka-schema-registry-settings): unexpected character "{" after the JSON value at position 3`],
  ["leading zero", kafka('{"num_partitions":03}'), "invalid JSON in kafka settings (--kafka-settings): invalid number at position 19"],
  ["raw newline in string", kafka('{"compression_type":"gz\nip"}'), "invalid JSON in kafka settings (--kafka-settings): control character U+000a in string at position 23"],
  ["bad escape", kafka('{"compression_type":"\\x"}'), "invalid JSON in kafka settings (--kafka-settings): invalid escape in string at position 21"],
  ["null", kafka("null"), "kafka settings must be a JSON object, got null"],
  ["array", kafka("[1]"), "kafka settings must be a JSON object, got an array"],
  ["number", rest("42"), "kafka-rest settings must be a JSON object, got number 42"],
  ["string", registry('"x"'), 'schema-registry settings must be a JSON object, got string "x"'],
  // settings: keys
  ["typo", kafka('{"compresion_type":"gzip"}'), 'unknown setting "compresion_type" for kafka; did you mean "compression_type"?'],
  ["Kafka's dotted name", kafka('{"num.partitions":3}'), 'unknown setting "num.partitions" for kafka; did you mean "num_partitions"?'],
  ["swapped letters", connect('{"sesison_timeout_ms":1}'), 'unknown setting "sesison_timeout_ms" for kafka-connect; did you mean "session_timeout_ms"?'],
  ["unrelated key", kafka('{"foo":1}'), 'unknown setting "foo" for kafka (the valid settings are listed by "exo dbaas type show kafka --settings kafka")'],
  ["key of another kind", registry('{"num_partitions":1}'), 'unknown setting "num_partitions" for schema-registry (the valid settings are listed by "exo dbaas type show kafka --settings schema-registry")'],
  ["duplicate key", kafka('{"num_partitions":1,"num_partitions":2}'), 'duplicate setting "num_partitions" for kafka'],
  ["__proto__ key", kafka('{"__proto__":{"x":1}}'), 'unknown setting "__proto__" for kafka (the valid settings are listed by "exo dbaas type show kafka --settings kafka")'],
  ["top-level log_cleanup_policy (spec schema)", kafka('{"log_cleanup_policy":"compact"}'), 'setting "log_cleanup_policy" for kafka belongs inside "log-cleanup-and-compaction": {"log-cleanup-and-compaction":{"log_cleanup_policy":"compact"}}'],
  ["top-level log_cleanup_policy (served schema)", served('{"log_cleanup_policy":"delete"}'), 'setting "log_cleanup_policy" for kafka belongs inside "log-cleanup-and-compaction": {"log-cleanup-and-compaction":{"log_cleanup_policy":"delete"}}'],
  ["top-level cleaner ratio", served('{"log_cleaner_min_cleanable_ratio":0.5}'), 'setting "log_cleaner_min_cleanable_ratio" for kafka belongs inside "log-cleanup-and-compaction": {"log-cleanup-and-compaction":{"log_cleaner_min_cleanable_ratio":0.5}}'],
  ["broker key inside the cleaner object", kafka('{"log-cleanup-and-compaction":{"num_partitions":3}}'), 'setting "num_partitions" for kafka belongs at the top level, not inside "log-cleanup-and-compaction"'],
  ["typo inside the cleaner object", served('{"log-cleanup-and-compaction":{"log_cleanup_polcy":"delete"}}'), 'unknown setting "log-cleanup-and-compaction.log_cleanup_polcy" for kafka; did you mean "log-cleanup-and-compaction.log_cleanup_policy"?'],
  ["cleaner object not an object", kafka('{"log-cleanup-and-compaction":"compact"}'), 'log-cleanup-and-compaction must be an object, got string "compact"'],
  ["cleaner object null", served('{"log-cleanup-and-compaction":null}'), "log-cleanup-and-compaction must be an object, got null"],
  // settings: types
  ["integer as string", kafka('{"num_partitions":"3"}'), 'num_partitions must be an integer, got string "3"'],
  ["whole float", kafka('{"num_partitions":3.0}'), "num_partitions must be an integer, got number 3.0 (write 3 without a fraction or exponent)"],
  ["exponent", kafka('{"log_segment_bytes":1.5e7}'), "log_segment_bytes must be an integer, got number 1.5e7 (write 15000000 without a fraction or exponent)"],
  ["fraction", kafka('{"num_partitions":0.5}'), "num_partitions must be an integer, got number 0.5"],
  ["integer as boolean", connect('{"producer_linger_ms":true}'), "producer_linger_ms must be an integer, got boolean true"],
  ["integer as null", kafka('{"num_partitions":null}'), "num_partitions must be an integer, got null"],
  ["boolean as string", kafka('{"auto_create_topics_enable":"true"}'), 'auto_create_topics_enable must be a boolean (true or false), got string "true"'],
  ["boolean as number", rest('{"consumer_enable_auto_commit":1}'), "consumer_enable_auto_commit must be a boolean (true or false), got number 1"],
  ["string as number", kafka('{"sasl_oauthbearer_expected_issuer":5}'), "sasl_oauthbearer_expected_issuer must be a string, got number 5"],
  ["number as string", kafka('{"log-cleanup-and-compaction":{"log_cleaner_min_cleanable_ratio":"0.5"}}'), 'log-cleanup-and-compaction.log_cleaner_min_cleanable_ratio must be a number, got string "0.5"'],
  ["string as object", registry('{"topic_name":{}}'), "topic_name must be a string, got an object"],
  // settings: ranges
  ["below minimum", kafka('{"num_partitions":0}'), "num_partitions must be between 1 and 1000, got 0"],
  ["above maximum", kafka('{"num_partitions":1001}'), "num_partitions must be between 1 and 1000, got 1001"],
  ["negative", kafka('{"log_retention_bytes":-2}'), "log_retention_bytes must be between -1 and 9223372036854775807, got -2"],
  ["2^63 with a bigint schema", kafka('{"log_retention_bytes":9223372036854775808}'), "log_retention_bytes must be between -1 and 9223372036854775807, got 9223372036854775808"],
  ["2^63 with a rounded schema", served('{"log_flush_interval_ms":9223372036854775808}'), "log_flush_interval_ms must be between 0 and 9223372036854775807, got 9223372036854775808"],
  ["huge integer", kafka('{"log_roll_ms":100000000000000000000000000000}'), "log_roll_ms must be between 1 and 9223372036854775807, got 100000000000000000000000000000"],
  ["int32 field", kafka('{"log_retention_hours":2147483648}'), "log_retention_hours must be between -1 and 2147483647, got 2147483648"],
  ["number below minimum", kafka('{"log-cleanup-and-compaction":{"log_cleaner_min_cleanable_ratio":0.1}}'), "log-cleanup-and-compaction.log_cleaner_min_cleanable_ratio must be at least 0.2, got 0.1"],
  ["number above maximum", served('{"log-cleanup-and-compaction":{"log_cleaner_min_cleanable_ratio":0.95}}'), "log-cleanup-and-compaction.log_cleaner_min_cleanable_ratio must be at most 0.9, got 0.95"],
  ["number overflow", kafka('{"log-cleanup-and-compaction":{"log_cleaner_min_cleanable_ratio":1e999}}'), "log-cleanup-and-compaction.log_cleaner_min_cleanable_ratio is too large for a number, got 1e999"],
  ["nested integer range", kafka('{"log-cleanup-and-compaction":{"log_cleaner_max_compaction_lag_ms":29999}}'), "log-cleanup-and-compaction.log_cleaner_max_compaction_lag_ms must be between 30000 and 9223372036854775807, got 29999"],
  // settings: enums, lengths, patterns
  ["string enum", kafka('{"compression_type":"brotli"}'), 'compression_type must be one of "gzip", "snappy", "lz4", "zstd", "uncompressed", "producer", got "brotli"'],
  ["nested enum", kafka('{"log-cleanup-and-compaction":{"log_cleanup_policy":"compact, delete"}}'), 'log-cleanup-and-compaction.log_cleanup_policy must be one of "delete", "compact", "compact,delete", got "compact, delete"'],
  ["integer enum", rest('{"consumer_request_timeout_ms":2000}'), "consumer_request_timeout_ms must be one of 1000, 15000, 30000, got 2000"],
  ["string enum given a number", rest('{"producer_acks":1}'), 'producer_acks must be one of "all", "-1", "0", "1", got number 1'],
  ["enum case matters", connect('{"connector_client_config_override_policy":"none"}'), 'connector_client_config_override_policy must be one of "None", "All", got "none"'],
  ["maxLength", kafka(`{"sasl_oauthbearer_expected_audience":"${"a".repeat(129)}"}`), "sasl_oauthbearer_expected_audience must be at most 128 characters long, got 129"],
  ["maxLength counts characters", kafka(`{"sasl_oauthbearer_expected_issuer":"${"é".repeat(129)}"}`), "sasl_oauthbearer_expected_issuer must be at most 128 characters long, got 129"],
  ["minLength", registry('{"topic_name":""}'), "topic_name must be at least 1 character long, got 0"],
  ["pattern", kafka('{"sasl_oauthbearer_sub_claim_name":"a\\nb"}'), 'sasl_oauthbearer_sub_claim_name must match /^[^\\r\\n]*$/, got "a\\nb"'],
  ["lookahead pattern", registry('{"topic_name":".."}'), 'topic_name must match /^(?!\\.$|\\.\\.$)[-_.A-Za-z0-9]+$/, got ".."'],
  ["first problem in key order wins", kafka('{"num_partitions":0,"compression_type":"x"}'), "num_partitions must be between 1 and 1000, got 0"],
  // IP filters
  ["bad octet", () => parseIpFilter(["1.2.3.400/32"]), 'invalid IP filter entry "1.2.3.400/32": not an IPv4 or IPv6 CIDR'],
  ["three octets", () => parseIpFilter(["10.0.0/8"]), 'invalid IP filter entry "10.0.0/8": not an IPv4 or IPv6 CIDR'],
  ["leading zero octet", () => parseIpFilter(["01.2.3.4"]), 'invalid IP filter entry "01.2.3.4": leading zeros in "01" are ambiguous (octal or decimal?)'],
  ["prefix too long v4", () => parseIpFilter(["10.0.0.0/33"]), 'invalid IP filter entry "10.0.0.0/33": prefix length 33 is more than 32 for IPv4'],
  ["prefix too long v6", () => parseIpFilter(["::1/129"]), 'invalid IP filter entry "::1/129": prefix length 129 is more than 128 for IPv6'],
  ["prefix with leading zero", () => parseIpFilter(["10.0.0.0/08"]), 'invalid IP filter entry "10.0.0.0/08": not an IPv4 or IPv6 CIDR'],
  ["empty prefix", () => parseIpFilter(["10.0.0.0/"]), 'invalid IP filter entry "10.0.0.0/": not an IPv4 or IPv6 CIDR'],
  ["empty entry", () => parseIpFilter(["10.0.0.0/8", "", "192.168.0.0/16"]), 'invalid IP filter entry "": empty entry (is there a stray comma?)'],
  ["trailing comma", () => parseIpFilter(["10.0.0.0/8", ""]), 'invalid IP filter entry "": empty entry (is there a stray comma?)'],
  ["space after comma", () => parseIpFilter(["10.0.0.0/8", " 192.168.0.0/16"]), 'invalid IP filter entry " 192.168.0.0/16": contains whitespace'],
  ["space inside", () => parseIpFilter(["10.0.0.0 /8"]), 'invalid IP filter entry "10.0.0.0 /8": contains whitespace'],
  ["hostname", () => parseIpFilter(["example.com"]), 'invalid IP filter entry "example.com": not an IPv4 or IPv6 CIDR'],
  ["two double colons", () => parseIpFilter(["1::2::3"]), 'invalid IP filter entry "1::2::3": not an IPv4 or IPv6 CIDR'],
  ["IPv6 zone", () => parseIpFilter(["fe80::1%eth0"]), 'invalid IP filter entry "fe80::1%eth0": not an IPv4 or IPv6 CIDR'],
  ["IPv6 group too long", () => parseIpFilter(["2001:db8:00000::/48"]), 'invalid IP filter entry "2001:db8:00000::/48": not an IPv4 or IPv6 CIDR'],
  ["IPv6 too many groups", () => parseIpFilter(["1:2:3:4:5:6:7:8:9"]), 'invalid IP filter entry "1:2:3:4:5:6:7:8:9": not an IPv4 or IPv6 CIDR'],
  ["remove absent entry", () => removeIpFilter(currentFilter, ["192.168.0.0/16"]), 'cannot remove IP filter entry "192.168.0.0/16": not in the filter (current list: 10.0.0.0/8, 2001:db8::/32)'],
  ["remove from empty list", () => removeIpFilter([], ["10.0.0.1"]), 'cannot remove IP filter entry "10.0.0.1": not in the filter (the current list is empty)'],
  ["add invalid entry", () => addIpFilter(currentFilter, ["300.0.0.0/8"]), 'invalid IP filter entry "300.0.0.0/8": not an IPv4 or IPv6 CIDR'],
  // booleans: the Go CLI's own text
  ["yes", () => parseGoBool("--kafka-enable-sasl-auth", "yes"), 'invalid argument "yes" for "--kafka-enable-sasl-auth" flag: strconv.ParseBool: parsing "yes": invalid syntax (accepted: true, false, 1, 0, t, f, T, F, TRUE, FALSE, True, False)'],
  ["tRUE", () => parseGoBool("kafka-enable-cert-auth", "tRUE"), 'invalid argument "tRUE" for "--kafka-enable-cert-auth" flag: strconv.ParseBool: parsing "tRUE": invalid syntax (accepted: true, false, 1, 0, t, f, T, F, TRUE, FALSE, True, False)'],
  ["empty bool", () => parseGoBool("--termination-protection", ""), 'invalid argument "" for "--termination-protection" flag: strconv.ParseBool: parsing "": invalid syntax (accepted: true, false, 1, 0, t, f, T, F, TRUE, FALSE, True, False)'],
  ["bool with tab", () => parseGoBool("--force", "true\t"), 'invalid argument "true\\t" for "--force" flag: strconv.ParseBool: parsing "true\\t": invalid syntax (accepted: true, false, 1, 0, t, f, T, F, TRUE, FALSE, True, False)'],
  // maintenance
  ["dow alone", () => validateMaintenance("monday", undefined), "both --maintenance-dow and --maintenance-time must be specified"],
  ["time alone", () => validateMaintenance(undefined, "03:00:00"), "both --maintenance-dow and --maintenance-time must be specified"],
  ["abbreviated day", () => validateMaintenance("mon", "03:00:00"), 'invalid --maintenance-dow "mon": must be one of never, monday, tuesday, wednesday, thursday, friday, saturday, sunday'],
  ["capitalised day", () => validateMaintenance("Monday", "03:00:00"), 'invalid --maintenance-dow "Monday": must be one of never, monday, tuesday, wednesday, thursday, friday, saturday, sunday'],
  ["hour 25", () => validateMaintenance("monday", "25:00:00"), 'invalid --maintenance-time "25:00:00": must be HH:MM:SS in 24-hour UTC time, e.g. 03:30:00'],
  ["short time", () => validateMaintenance("monday", "9:00"), 'invalid --maintenance-time "9:00": must be HH:MM:SS in 24-hour UTC time, e.g. 03:30:00'],
  ["leap second", () => validateMaintenance("sunday", "23:59:60"), 'invalid --maintenance-time "23:59:60": must be HH:MM:SS in 24-hour UTC time, e.g. 03:30:00'],
  // plans and versions
  ["unknown plan", () => validatePlan("business-5", plans), 'invalid plan "business-5" for kafka (valid plans: startup-2, business-4); did you mean "business-4"?'],
  ["unrelated plan", () => validatePlan("hobbyist", plans), 'invalid plan "hobbyist" for kafka (valid plans: startup-2, business-4)'],
  ["unknown version", () => validateKafkaVersion("2.8", ["3.0", "3.1"]), 'invalid --kafka-version "2.8" (available versions: 3.0, 3.1)'],
  // users, topics, ACLs
  ["empty username", () => validateUsername(""), 'invalid username "": must be 1 to 64 characters long, got 0'],
  ["long username", () => validateUsername("u".repeat(65)), `invalid username "${"u".repeat(65)}": must be 1 to 64 characters long, got 65`],
  ["username with space", () => validateUsername("bad name"), 'invalid username "bad name": use letters, digits, ".", "_", "-", "@" or "+" (not starting with "-")'],
  ["username like a flag", () => validateUsername("-alice"), 'invalid username "-alice": use letters, digits, ".", "_", "-", "@" or "+" (not starting with "-")'],
  ["wildcard outside ACL", () => validateUsername("ali*"), 'invalid username "ali*": use letters, digits, ".", "_", "-", "@" or "+" (not starting with "-")'],
  ["ACL username with slash", () => validateAclUsername("a/b"), 'invalid ACL username "a/b": use letters, digits, ".", "_", "-", "@", "+" and the wildcards "*" and "?" (not starting with "-")'],
  ["topic dot", () => validateTopic("."), 'invalid topic name ".": "." and ".." are not allowed'],
  ["topic dotdot", () => validateTopic(".."), 'invalid topic name "..": "." and ".." are not allowed'],
  ["topic slash", () => validateTopic("a/b"), 'invalid topic name "a/b": use letters, digits, ".", "_" and "-"'],
  ["topic too long", () => validateTopic("t".repeat(250)), `invalid topic name "${"t".repeat(250)}": must be 1 to 249 characters long, got 250`],
  ["ACL topic with space", () => validateAclTopic("orders *"), 'invalid ACL topic "orders *": use letters, digits, ".", "_", "-" and the wildcards "*" and "?"'],
  ["ACL permission", () => validateAclPermission("rw"), 'invalid ACL permission "rw": must be one of admin, read, readwrite, write'],
  ["ACL permission case", () => validateAclPermission("READ"), 'invalid ACL permission "READ": must be one of admin, read, readwrite, write'],
  ["SR permission", () => validateSchemaRegistryAclPermission("read"), 'invalid Schema Registry ACL permission "read": must be one of schema_registry_read, schema_registry_write'],
  ["SR resource with newline", () => validateSchemaRegistryResource("Subject:a\nb"), 'invalid Schema Registry resource "Subject:a\\nb": must not contain whitespace or control characters'],
  ["SR resource empty", () => validateSchemaRegistryResource(""), 'invalid Schema Registry resource "": must be 1 to 249 characters long, got 0'],
  ["ACL id too long", () => validateAclId("x".repeat(41)), `invalid ACL id "${"x".repeat(41)}": must be 1 to 40 characters long, got 41`],
  ["short password, not echoed", () => validatePassword("hunter2"), "invalid --password: must be 8 to 256 characters long, got 7"],
];

describe("refusals", () => {
  test("the table is large enough", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  test.each(cases)("%s", (_name, run, message) => {
    let thrown: unknown;
    try {
      run();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toBe(message);
    expect((thrown as Error).message).not.toMatch(/[\r\n]/);
  });
});
