// Bad input to the external endpoint commands: one `error:` line, exit 1, empty stdout, and not a
// single request sent (the emulator's request log stays empty).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../../helpers/temp-dir.js";
import { DEFAULT_FLAGS, PRIVATE_KEY, useEndpointSession } from "../../../helpers/endpoint-session.js";

// refusals send nothing, so the state never needs resetting between tests
const s = useEndpointSession({ resetEach: false });
const stored = (name: string) => s.stored().endpoints.find((e) => e.name === name)!;
const ID = "3bd2a2a4-5f04-4a2b-8a56-8e2f8a5c1b27";
const create = (type: string, ...flags: string[]) => ["dbaas", "external-endpoint", "create", type, "ep", ...flags];
const update = (type: string, ...flags: string[]) => ["dbaas", "external-endpoint", "update", type, ID, ...flags];
const BROKEN_KEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgSnIxPcuHNefTgCO\n-----END PRIVATE KEY-----\n";
const CERT = "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n";

/** Go's uuid.Parse error, and where the IDs are found */
const notAnId = (reason: string, input: string) => `invalid endpoint ID: ${reason} (${JSON.stringify(input)} is not an endpoint ID; the IDs are listed by: exo dbaas external-endpoint list)`;

const CASES: Array<[argv: string[], message: string | RegExp]> = [
  // types
  [["dbaas", "external-endpoint", "show", "kafka", ID], 'unsupported external endpoint type "kafka"'],
  [["dbaas", "external-endpoint", "delete", "Prometheus", ID], 'unsupported external endpoint type "Prometheus"'],
  [create("splunk"), 'unsupported external endpoint type "splunk"'],
  [["dbaas", "external-endpoint", "update", "", ID], 'invalid type "": must not be empty'],
  // UUIDs, with Go's uuid.Parse messages
  [["dbaas", "external-endpoint", "show", "prometheus", "abc"], notAnId("invalid UUID length: 3", "abc")],
  [["dbaas", "external-endpoint", "show", "prometheus", ""], 'invalid id "": must not be empty'],
  [["dbaas", "external-endpoint", "delete", "rsyslog", "3bd2a2a4-5f04-4a2b-8a56-8e2f8a5c1b2z"], notAnId("invalid UUID format", "3bd2a2a4-5f04-4a2b-8a56-8e2f8a5c1b2z")],
  [["dbaas", "external-endpoint", "delete", "rsyslog", "3bd2a2a4x5f04-4a2b-8a56-8e2f8a5c1b27"], notAnId("invalid UUID format", "3bd2a2a4x5f04-4a2b-8a56-8e2f8a5c1b27")],
  [["dbaas", "external-endpoint", "show", "rsyslog", "../../dbaas-service/test-kafka"], notAnId("invalid UUID length: 30", "../../dbaas-service/test-kafka")],
  [["dbaas", "external-endpoint", "show", "rsyslog", "é".repeat(18)], notAnId("invalid UUID format", "é".repeat(18))],
  [["dbaas", "external-endpoint", "show", "rsyslog", "urx:uuid:3bd2a2a4-5f04-4a2b-8a56-8e2f8a5c1b27"], notAnId('invalid urn prefix: "urx:uuid:"', "urx:uuid:3bd2a2a4-5f04-4a2b-8a56-8e2f8a5c1b27")],
  [update("prometheus").map((w) => (w === ID ? "not-a-uuid" : w)), notAnId("invalid UUID length: 10", "not-a-uuid")],
  // ports and integers
  [create("rsyslog", "--rsyslog-server", "logs.example.net", "--rsyslog-format", "rfc5424", "--rsyslog-port", "0"), "invalid --rsyslog-port 0: must be a port number between 1 and 65535"],
  [create("rsyslog", "--rsyslog-server", "logs.example.net", "--rsyslog-format", "rfc5424", "--rsyslog-port", "65536"), /^invalid --rsyslog-port 65536: /],
  [update("rsyslog", "--rsyslog-port", "-1"), /^invalid --rsyslog-port -1: /],
  [update("rsyslog", "--rsyslog-port", "http"), /invalid argument "http" for "--rsyslog-port" flag/],
  [update("opensearch", "--opensearch-timeout", "0"), "invalid --opensearch-timeout 0: must be a positive integer"],
  [update("datadog", "--datadog-api-key", "k", "--datadog-max-partition-contexts", "-5"), "invalid --datadog-max-partition-contexts -5: must be a positive integer"],
  // URLs
  [create("opensearch", "--opensearch-url", "search.example.net", "--opensearch-index-prefix", "k"), "invalid --opensearch-url: not an absolute URL (expected https://host[:port][/path])"],
  [create("elasticsearch", "--elasticsearch-url", "ftp://es.example.net", "--elasticsearch-index-prefix", "k"), "invalid --elasticsearch-url: the scheme must be http or https"],
  [update("elasticsearch", "--elasticsearch-url", "https://es.example.net/a b"), "invalid --elasticsearch-url: the URL contains whitespace or control characters"],
  // PEM
  [update("opensearch", "--opensearch-ca", "hello"), "--opensearch-ca is not valid PEM"],
  [update("rsyslog", "--rsyslog-ca", CERT), "--rsyslog-ca is not valid PEM"],
  [update("rsyslog", "--rsyslog-cert", PRIVATE_KEY), "--rsyslog-cert holds a PRIVATE KEY block, expected CERTIFICATE"],
  [update("rsyslog", "--rsyslog-key", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"), "--rsyslog-key is not a single unencrypted private key"],
  [update("rsyslog", "--rsyslog-key", BROKEN_KEY), "--rsyslog-key is not a valid private key"],
  // datadog tags and enums
  [create("datadog", "--datadog-api-key", "k", "--datadog-tags", "{tag"), "failed to parse datadog tags: invalid character 't' looking for beginning of object key string"],
  [create("datadog", "--datadog-api-key", "k", "--datadog-tags", '{"tag":"a"}'), "failed to parse datadog tags: json: cannot unmarshal object into Go value of type []v3.DBAASDatadogTag"],
  [create("datadog", "--datadog-api-key", "k", "--datadog-tags", '[{"tag":1}]'), "failed to parse datadog tags: json: cannot unmarshal number into Go struct field DBAASDatadogTag.tag of type string"],
  // the four messages above and this one are Go's encoding/json words, checked against Go itself
  [create("datadog", "--datadog-api-key", "k", "--datadog-tags", "[1]"), "failed to parse datadog tags: json: cannot unmarshal number into Go value of type v3.DBAASDatadogTag"],
  [create("datadog", "--datadog-api-key", "k", "--datadog-tags", '[{"comment":"x"}]'), 'failed to parse datadog tags: element 0: "tag" is required'],
  [create("datadog", "--datadog-api-key", "k", "--datadog-site", "datadoghq.org"), 'invalid --datadog-site "datadoghq.org": must be one of datadoghq.com, datadoghq.eu, us3.datadoghq.com, us5.datadoghq.com, ap1.datadoghq.com, ddog-gov.com'],
  [create("rsyslog", "--rsyslog-server", "logs.example.net", "--rsyslog-port", "514", "--rsyslog-format", "json"), 'invalid --rsyslog-format "json": must be one of rfc5424, rfc3164, custom'],
  [create("rsyslog", "--rsyslog-server", "https://logs.example.net", "--rsyslog-port", "514", "--rsyslog-format", "rfc5424"), 'invalid --rsyslog-server "https://logs.example.net": expected a host name or IP address'],
  // what exo would drop without a word
  [create("prometheus", "--rsyslog-port", "514"), "--rsyslog-port does not apply to prometheus endpoints"],
  [update("datadog", "--datadog-api-key", "k", "--opensearch-url", "https://x.example.net"), "--opensearch-url does not apply to datadog endpoints"],
  [update("prometheus", "--prometheus-basic-auth-username", ""), "--prometheus-basic-auth-username: empty value"],
  [update("prometheus", "--prometheus-basic-auth-password", "x", "--prometheus-basic-auth-password-file", "/nonexistent"), "--prometheus-basic-auth-password and --prometheus-basic-auth-password-file cannot be combined"],
  [update("prometheus", "--prometheus-basic-auth-password-file", "/nonexistent/password"), 'cannot read --prometheus-basic-auth-password-file "/nonexistent/password": ENOENT'],
  // required on create
  [create("datadog"), "--datadog-api-key (or --datadog-api-key-file) is required: the API asks for the key on every datadog create"],
  [update("datadog", "--datadog-site", "datadoghq.eu"), "--datadog-api-key (or --datadog-api-key-file) is required: the API asks for the key on every datadog update"],
  [create("opensearch", "--opensearch-index-prefix", "k"), "--opensearch-url is required to create a opensearch endpoint"],
  [create("elasticsearch", "--elasticsearch-url", "https://es.example.net"), "--elasticsearch-index-prefix is required to create a elasticsearch endpoint"],
  [create("rsyslog", "--rsyslog-server", "logs.example.net", "--rsyslog-port", "514"), "--rsyslog-format (rfc5424, rfc3164, custom) is required to create a rsyslog endpoint"],
  [["dbaas", "external-endpoint", "create", "prometheus", "", ...DEFAULT_FLAGS.prometheus!], 'invalid endpoint "": must not be empty'],
  [["dbaas", "external-endpoint", "create", "prometheus", "a\nb", ...DEFAULT_FLAGS.prometheus!], /^invalid endpoint "a\\nb": must not contain control characters/],
  // arguments and flags
  [["dbaas", "external-endpoint", "create", "prometheus"], "missing argument NAME, run with --help for usage"],
  [["dbaas", "external-endpoint", "show", "prometheus"], /missing|argument/],
  [["dbaas", "external-endpoint", "list", "-z", "de-muc-1"], /unknown shorthand flag: 'z'/],
  [["dbaas", "external-endpoint", "show", "prometheus", ID, "--zone", "de-muc-1"], /unknown flag: --zone/],
  [["dbaas", "external-endpoint", "update", "rsyslog", ID, "--rsyslog-tls=maybe"], /invalid argument "maybe" for "--rsyslog-tls" flag/],
  [["dbaas", "external-endpoint", "delete", "prometheus", ID, "--wait-timeout", "soon"], /invalid argument "soon" for "--wait-timeout" flag/],
];

describe("refused before anything is sent", () => {
  it.each(CASES)("%j", async (argv, message) => {
    s.emulator.clearRequests();
    const r = await s.exo(argv);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    const line = r.stderr.split("\n").find((l) => l.startsWith("error: "));
    if (typeof message === "string") expect(line).toBe(`error: ${message}`);
    else expect(line?.slice("error: ".length)).toMatch(message);
    expect(s.apiRequests()).toEqual([]);
  });

  it("no error quotes a secret given on the line", async () => {
    const secretKey = BROKEN_KEY;
    for (const argv of [
      update("rsyslog", "--rsyslog-key", secretKey, "--rsyslog-port", "0"),
      update("rsyslog", "--rsyslog-key", secretKey),
      update("prometheus", "--prometheus-basic-auth-password", "VerySecret-Password-42", "--rsyslog-port", "5"),
      update("datadog", "--datadog-api-key", "VerySecret-ApiKey-42", "--datadog-tags", "[1]"),
    ]) {
      const r = await s.exo(argv);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).not.toContain("VerySecret");
      expect(r.stderr).not.toContain(secretKey.split("\n")[1]!);
    }
  });
});

describe("secrets from a file or stdin", () => {
  it("--prometheus-basic-auth-password-file reads a file (one trailing newline dropped)", async () => {
    const dir = tempDir("exo-secret-");
    const file = join(dir, "password");
    writeFileSync(file, "from-a-file-pass\n", { mode: 0o600 });
    const r = await s.exo(["dbaas", "external-endpoint", "create", "prometheus", "p", "--prometheus-basic-auth-username", "scraper", "--prometheus-basic-auth-password-file", file]);
    expect(r.exitCode).toBe(0);
    expect(stored("p").secrets).toEqual({ "basic-auth-password": "from-a-file-pass" });
  });

  it("- reads stdin: API key and private key", async () => {
    const dd = await s.exo(["dbaas", "external-endpoint", "create", "datadog", "dd", "--datadog-api-key-file", "-"], { input: ["api-key-from-stdin-0000"] });
    expect(dd.exitCode).toBe(0);
    const key = await s.exo(
      ["dbaas", "external-endpoint", "create", "rsyslog", "r", ...DEFAULT_FLAGS.rsyslog!, "--rsyslog-tls", "--rsyslog-key-file", "-"],
      { input: PRIVATE_KEY.trimEnd().split("\n") },
    );
    expect(key.exitCode).toBe(0);
    expect(stored("dd").secrets).toEqual({ "datadog-api-key": "api-key-from-stdin-0000" });
    expect(stored("r").secrets.key).toBe(PRIVATE_KEY.trimEnd());
  });

  it("a key file that is not a private key is refused with nothing sent", async () => {
    s.emulator.clearRequests();
    const r = await s.exo(["dbaas", "external-endpoint", "update", "rsyslog", ID, "--rsyslog-key-file", "-"], { input: ["just a line"] });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("error: --rsyslog-key is not valid PEM\n");
    expect(s.apiRequests()).toEqual([]);
  });
});
