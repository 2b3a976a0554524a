// Bad input to create/update/delete: one `error:` line on stderr, exit 1, empty stdout, and no
// mutating request reaches the API (reads such as the settings schema are allowed); input that
// needs no API to be judged sends no request at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Session } from "../helpers/session.js";

let s: Session;
beforeAll(async () => {
  s = await openSession();
});
afterAll(() => s.emulator.close());

const update = (...flags: string[]) => ["dbaas", "update", "test-kafka", "-z", "de-muc-1", "-f", ...flags];
const create = (...words: string[]) => ["dbaas", "create", ...words, "-z", "de-muc-1"];

/** Refusals decided without the API: not even a read may be sent. */
const OFFLINE = new Set<string[]>();
const offline = (argv: string[]) => (OFFLINE.add(argv), argv);

const CASES: Array<[argv: string[], message: string | RegExp]> = [
  // booleans
  [offline(update("--kafka-enable-sasl-auth=yes")), 'invalid argument "yes" for "--kafka-enable-sasl-auth" flag: strconv.ParseBool: parsing "yes": invalid syntax (accepted: true, false, 1, 0, t, f, T, F, TRUE, FALSE, True, False)'],
  [offline(update("--kafka-enable-cert-auth=2")), 'invalid argument "2" for "--kafka-enable-cert-auth" flag'],
  [offline(update("--kafka-enable-kafka-connect=on")), 'invalid argument "on" for "--kafka-enable-kafka-connect" flag'],
  [offline(update("--termination-protection=maybe")), 'invalid argument "maybe" for "--termination-protection" flag'],
  [offline(create("kafka", "startup-2", "k2", "--termination-protection=nah")), 'invalid argument "nah" for "--termination-protection" flag'],
  // IP filters
  [offline(update("--kafka-ip-filter=1.2.3.4/33")), 'invalid IP filter entry "1.2.3.4/33": prefix length 33 is more than 32 for IPv4'],
  [offline(update("--kafka-ip-filter=300.1.1.1/32")), 'invalid IP filter entry "300.1.1.1/32": not an IPv4 or IPv6 CIDR'],
  [offline(update("--kafka-ip-filter=1.2.3.4/32,,5.6.7.8/24")), 'invalid IP filter entry "": empty entry (is there a stray comma?)'],
  [offline(update("--kafka-ip-filter=not-an-ip")), 'invalid IP filter entry "not-an-ip"'],
  [offline(update("--kafka-ip-filter=01.2.3.4")), "leading zeros"],
  [offline(update("--kafka-ip-filter=2001:db8::/129")), "prefix length 129 is more than 128 for IPv6"],
  [offline(update("--kafka-ip-filter=1.2.3.4/32 ")), "contains whitespace"],
  [offline(update("--kafka-ip-filter=1.2.3.4", "--kafka-ip-filter-add=5.6.7.8")), "cannot be combined with --kafka-ip-filter-add or --kafka-ip-filter-remove"],
  [offline(update("--kafka-ip-filter-add=1.2.3.4", "--kafka-ip-filter-remove=1.2.3.4/32")), 'IP filter entry "1.2.3.4/32" is both in --kafka-ip-filter-add and --kafka-ip-filter-remove'],
  [update("--kafka-ip-filter-remove=10.9.9.9/32"), 'cannot remove IP filter entry "10.9.9.9/32": not in the filter (current list: 0.0.0.0/0)'],
  [offline(update("--kafka-ip-filter-add=10.0.0.0/x")), 'invalid IP filter entry "10.0.0.0/x"'],
  [offline(create("kafka", "startup-2", "k2", "--kafka-ip-filter=1.2.3")), 'invalid IP filter entry "1.2.3"'],
  // settings JSON
  [offline(update("--kafka-settings", "{")), /^invalid JSON in kafka settings \(--kafka-settings\): /],
  [offline(update("--kafka-settings", "[]")), /kafka settings/],
  [offline(update("--kafka-settings", "null")), /kafka settings/],
  [update("--kafka-settings", '{"compression_type":"brotli"}'), /compression_type/],
  [update("--kafka-settings", '{"num_partitions":0}'), /num_partitions/],
  [update("--kafka-settings", '{"num_partitions":1001}'), /num_partitions/],
  [update("--kafka-settings", '{"num_partitions":"3"}'), /num_partitions/],
  [update("--kafka-settings", '{"num_partitions":1.5}'), /num_partitions/],
  [update("--kafka-settings", '{"no_such_setting":1}'), /no_such_setting/],
  [update("--kafka-settings", '{"log-cleanup-and-compaction":{"num_partitions":3}}'), /num_partitions/],
  [offline(update("--kafka-settings", '{"a":1,"a":2}')), /"a"/],
  [update("--kafka-connect-settings", '{"consumer_max_poll_records":0}'), /consumer_max_poll_records/],
  [offline(update("--kafka-connect-settings", "x")), /^invalid JSON in kafka-connect settings \(--kafka-connect-settings\): /],
  [update("--kafka-rest-settings", '{"consumer_request_timeout_ms":5}'), /consumer_request_timeout_ms/],
  [update("--kafka-rest-settings", '{"producer_linger_ms":-1}'), /producer_linger_ms/],
  [update("--kafka-schema-registry-settings", '{"leader_eligibility":"yes"}'), /leader_eligibility/],
  [update("--kafka-schema-registry-settings", '{"topic_name":""}'), /topic_name/],
  // exo's order: connect, rest, kafka, schema-registry; the first refusal wins
  [update("--kafka-settings", '{"num_partitions":0}', "--kafka-connect-settings", '{"consumer_max_poll_records":0}'), /consumer_max_poll_records/],
  [update("--kafka-schema-registry-settings", '{"leader_eligibility":1}', "--kafka-rest-settings", '{"producer_linger_ms":-1}'), /producer_linger_ms/],
  [create("kafka", "startup-2", "k2", "--kafka-settings", '{"num_partitions":0}'), /num_partitions/],
  // maintenance
  [offline(update("--maintenance-dow", "monday")), "both --maintenance-dow and --maintenance-time must be specified"],
  [offline(update("--maintenance-time", "03:00:00")), "both --maintenance-dow and --maintenance-time must be specified"],
  [offline(update("--maintenance-dow", "someday", "--maintenance-time", "03:00:00")), 'invalid --maintenance-dow "someday"'],
  [offline(update("--maintenance-dow", "monday", "--maintenance-time", "25:00:00")), 'invalid --maintenance-time "25:00:00"'],
  [offline(create("kafka", "startup-2", "k2", "--maintenance-time", "03:00")), "both --maintenance-dow and --maintenance-time must be specified"],
  // plan, version, type
  [update("--plan", "business-3"), /^invalid plan "business-3" for kafka \(valid plans: .*\); did you mean "business-[48]"\?$/],
  [create("kafka", "nope-plan", "k2"), 'invalid plan "nope-plan" for kafka'],
  [create("kafka", "startup-2", "k2", "--kafka-version", "2.0"), 'invalid --kafka-version "2.0" (available versions: 3.7, 3.8)'],
  [offline(create("pg", "hobbyist-2", "p1")), 'unsupported service type "pg" (only kafka is supported)'],
  [offline(create("mongodb", "x", "y")), 'unsupported service type "mongodb"'],
  [offline(create("kafka", "startup-2", "k".repeat(64))), /^invalid service name "k{64}": must be at most 63 characters long, got 64$/],
  [offline(create("kafka", "startup-2", "")), 'invalid service name "": must not be empty'],
  // arguments and flags
  [offline(update("--wait-timeout", "soon")), 'invalid argument "soon" for "--wait-timeout" flag: time: invalid duration "soon"'],
  [offline(update("--wait-timeout", "-1s")), 'invalid --wait-timeout "-1s"'],
  [offline(update("--kafka-enable-foo")), "unknown flag: --kafka-enable-foo"],
  [offline(update("--kafka-version", "3.8")), "unknown flag: --kafka-version"],
  [offline(["dbaas", "update", "-z", "de-muc-1", "-f", "--kafka-enable-sasl-auth"]), "missing argument NAME, run with --help for usage"],
  [offline(create("kafka", "startup-2")), "missing argument NAME, run with --help for usage"],
  [offline(["dbaas", "delete", "-z", "de-muc-1", "-f"]), "missing argument NAME, run with --help for usage"],
  [offline(["dbaas", "delete", "test-kafka", "-z", "de-muc-1", "-f", "--wait-timeout", "x"]), 'invalid argument "x" for "--wait-timeout" flag'],
  // services that do not exist, and no confirmation possible
  [["dbaas", "update", "nope", "-z", "de-muc-1", "-f", "--kafka-enable-sasl-auth"], '"nope" Database Service not found in zone "de-muc-1"'],
  [["dbaas", "update", "test-kafka", "-z", "de-fra-1", "-f", "--kafka-enable-sasl-auth"], '"test-kafka" Database Service not found in zone "de-fra-1"'],
  [["dbaas", "delete", "nope", "-z", "de-muc-1", "-f"], '"nope" Database Service not found in zone "de-muc-1"'],
  [offline(["dbaas", "update", "test-kafka", "-z", "de-muc-1", "--kafka-enable-sasl-auth"]), 'refusing to update "test-kafka" without confirmation: stdin is not a terminal; pass -f/--force'],
  [offline(["dbaas", "delete", "test-kafka", "-z", "de-muc-1"]), 'refusing to delete "test-kafka" without confirmation: stdin is not a terminal; pass -f/--force'],
];

describe("refusals send nothing", () => {
  it("has at least 40 cases", () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  for (const [argv, message] of CASES) {
    it(argv.slice(1).join(" "), async () => {
      s.emulator.clearRequests();
      const result = await s.exo(argv);
      expect(result.stdout).toBe("");
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/^error: [^\n]+\n$/);
      const line = result.stderr.slice("error: ".length, -1);
      if (typeof message === "string") expect(line).toContain(message);
      else expect(line).toMatch(message);
      expect(s.sent()).toEqual([]);
      if (OFFLINE.has(argv)) expect(s.emulator.requests()).toEqual([]);
    });
  }

  it("most refusals are decided without any request", () => expect(OFFLINE.size).toBeGreaterThanOrEqual(40));

  it("the service is unchanged afterwards", async () => {
    const svc = await s.service("test-kafka");
    expect(svc["ip-filter"]).toEqual(["0.0.0.0/0"]);
    expect(svc["authentication-methods"]).toEqual({ certificate: true, sasl: false });
    expect(svc.plan).toBe("startup-2");
  });
});
