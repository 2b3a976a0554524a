// Hostile command lines, for every command: surplus words, `--` tricks, names that would leave
// their URL path segment or drive a terminal, every Go spelling of a boolean, malformed CSV and
// durations. Each case asserts the exit code, ONE stderr line, empty stdout and the emulator's
// request log: nothing sent, or exactly the request meant.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { stringify } from "../../src/api/json.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { ARGUMENT_SAMPLES, registeredLeaves, SAMPLE_UUID, takesZone } from "../helpers/commands.js";
import { runCli, apiEnv } from "../helpers/run-cli.js";
import { declaredArguments, usageWords } from "../../src/commands/argument-kinds.js";

const Z = ["-z", "de-muc-1"];

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.clearRequests());

async function exo(argv: string[]) {
  const env = apiEnv(emulator);
  const result = await runCli(argv, { env });
  const sent = emulator
    .requests()
    .filter((r) => !r.path.startsWith("/_emulator"))
    .map((r) => `${r.method} ${r.path}${r.body === undefined ? "" : ` ${stringify(r.body)}`}`);
  return { ...result, sent };
}

const REGISTERED = await registeredLeaves();
/** -z where the command the words start with declares it (type, external endpoints and integrations, completion and version do not) */
const zoneOf = (words: readonly string[]) => {
  const leaf = REGISTERED.find(({ path }) => path.every((word, i) => words[i] === word));
  return leaf && takesZone(leaf.definition) ? Z : [];
};

/** A refusal: exit 1, exactly this one stderr line, nothing on stdout, nothing sent. */
async function expectRefused(argv: string[], message: string) {
  const result = await exo(argv);
  expect(result).toEqual({ exitCode: 1, stdout: "", stderr: `error: ${message}\n`, sent: [] });
}


interface Leaf {
  path: string[];
  /** valid-looking positional arguments, one per declared argument */
  args: string[];
  /** what each position names in refusals */
  kinds: string[];
  usage: string;
}

// every registered command (the `dbaas kafka` commands' own refusals are in test/commands/dbaas/kafka/arguments.test.ts)
const COVERED = REGISTERED;

/** Each registered command's row, from its declaration: a sample word per argument kind, the usage its names give. */
const LEAVES: Leaf[] = COVERED.map(({ path, definition }) => {
  const declared = declaredArguments(definition);
  return {
    path,
    args: declared.map((a) => ARGUMENT_SAMPLES[a.kind].word),
    kinds: declared.map((a) => ARGUMENT_SAMPLES[a.kind].refusedAs ?? a.name),
    usage: ["exo", ...path, ...usageWords(definition)].join(" "),
  };
});

describe("the table of commands", () => {
  it("has a row for every registered command", () => {
    expect(LEAVES.map((leaf) => leaf.path.join(" "))).toContain("dbaas user rotate");
    expect(LEAVES).toHaveLength(COVERED.length);
  });
  it("spells the usage lines as exo does", () => {
    const usage = (...path: string[]) => LEAVES.find((leaf) => leaf.path.join(" ") === path.join(" "))?.usage;
    expect(usage("dbaas", "create")).toBe("exo dbaas create TYPE PLAN NAME");
    expect(usage("dbaas", "acl", "delete")).toBe("exo dbaas acl delete NAME ACL-ID");
    expect(usage("dbaas", "external-endpoint", "update")).toBe("exo dbaas external-endpoint update [TYPE] [ID]");
  });
});

const MAX: Record<string, number> = { "service name": 63, "service type": 63, username: 64, "ACL id": 40, endpoint: 255 };

/** Values that cannot be a path segment, with the reason the CLI gives, written out here on purpose. */
const UNFIT: Array<[value: string, quoted: string, reason: string]> = [
  ["", '""', "must not be empty"],
  [".", '"."', '"." and ".." are not names'],
  ["..", '".."', '"." and ".." are not names'],
  ["a\x1b]0;owned\x07b", '"a\\x1b]0;owned\\ab"', "must not contain control characters"],
  ["a\nb", '"a\\nb"', "must not contain control characters"],
  ["a\rb", '"a\\rb"', "must not contain control characters"],
  ["a\u0085b", '"a\\u0085b"', "must not contain control characters"],
];

describe("surplus words are refused, naming the first", () => {
  for (const leaf of LEAVES) {
    it(`${leaf.path.join(" ")} … extra`, () => expectRefused([...leaf.path, ...leaf.args, "extra", ...zoneOf(leaf.path)], `unexpected argument "extra" (usage: ${leaf.usage})`));
    it(`${leaf.path.join(" ")} … -- --dry-run`, () =>
      expectRefused([...leaf.path, ...leaf.args, ...zoneOf(leaf.path), "--", "--dry-run"], `unexpected argument "--dry-run" (usage: ${leaf.usage})`));
    it(`${leaf.path.join(" ")} … -- -f x`, () => expectRefused([...leaf.path, ...leaf.args, "--", "-f", "x"], `unexpected argument "-f" (usage: ${leaf.usage})`));
  }
});

describe("names that would leave their path segment or reach a terminal", () => {
  for (const leaf of LEAVES) {
    leaf.args.forEach((_, position) => {
      const kind = leaf.kinds[position]!;
      const unfit: typeof UNFIT = [...UNFIT];
      if (MAX[kind]) unfit.push(["x".repeat(MAX[kind] + 1), `"${"x".repeat(MAX[kind] + 1)}"`, `must be at most ${MAX[kind]} characters long, got ${MAX[kind] + 1}`]);
      for (const [value, quoted, reason] of unfit) {
        const args = leaf.args.map((a, i) => (i === position ? value : a));
        it(`${leaf.path.join(" ")} ${kind} ${JSON.stringify(value).slice(0, 20)}`, () => expectRefused([...leaf.path, ...args, ...zoneOf(leaf.path)], `invalid ${kind} ${quoted}: ${reason}`));
      }
    });
  }

  it.each([
    // a name with a slash or a percent sign is one encoded segment: the API looks for exactly that name
    [["dbaas", "show", "a/b"], ["GET /v2/dbaas-kafka/a%2Fb", "GET /v2/dbaas-kafka/a%2Fb/acl-config", "GET /v2/dbaas-service"], 'error: "a/b" Database Service not found in zone "de-muc-1"\n'],
    [["dbaas", "show", "..%2F"], ["GET /v2/dbaas-kafka/..%252F", "GET /v2/dbaas-kafka/..%252F/acl-config", "GET /v2/dbaas-service"], 'error: "..%2F" Database Service not found in zone "de-muc-1"\n'],
    [["dbaas", "user", "reveal-secrets", "test-kafka", "../.."], ["GET /v2/dbaas-kafka/test-kafka/user/..%2F../password/reveal", "GET /v2/dbaas-service"], "error: "],
    [["dbaas", "type", "show", "kafka/../x"], ["GET /v2/dbaas-service-type/kafka%2F..%2Fx"], "error: "],
    [["dbaas", "logs", "%2e%2e"], ["POST /v2/dbaas-service-logs/%252e%252e"], "error: "],
  ])("%j is sent as one segment", async (argv, sent, stderrStart) => {
    const result = await exo([...argv, ...zoneOf(argv)]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.startsWith(stderrStart)).toBe(true);
    expect(result.stderr).toMatch(/^error: [^\n]*\n$/);
    expect(result.sent.map((r) => r.replace(/ \{.*$/, ""))).toEqual(sent);
  });
});

const TRUE = ["1", "t", "T", "true", "TRUE", "True"];
const FALSE = ["0", "f", "F", "false", "FALSE", "False"];

describe("every Go spelling of a boolean is the flag's value, separate or after =", () => {
  const update = (...flags: string[]) => ["dbaas", "update", "test-kafka", ...Z, "-f", "-Q", ...flags];
  for (const [spelling, value] of [...TRUE.map((s) => [s, true] as const), ...FALSE.map((s) => [s, false] as const)]) {
    for (const form of ["separate", "inline"] as const) {
      it(`--kafka-enable-sasl-auth ${form === "inline" ? "=" : ""}${spelling}`, async () => {
        const flags = form === "inline" ? [`--kafka-enable-sasl-auth=${spelling}`] : ["--kafka-enable-sasl-auth", spelling];
        const result = await exo(update(...flags));
        expect(result.exitCode).toBe(0);
        expect(result.stderr).toBe("");
        expect(result.sent.filter((r) => !r.startsWith("GET"))).toEqual([`PUT /v2/dbaas-kafka/test-kafka {"authentication-methods":{"sasl":${value}}}`]);
      });
    }
  }

  it.each([
    ["--termination-protection", "False", '"termination-protection":false'],
    ["--kafka-enable-kafka-rest", "0", '"kafka-rest-enabled":false'],
    ["--kafka-enable-schema-registry", "T", '"schema-registry-enabled":true'],
  ])("%s %s", async (flag, spelling, body) => {
    const result = await exo(update(flag, spelling));
    expect(result.exitCode).toBe(0);
    expect(result.sent.filter((r) => !r.startsWith("GET"))).toEqual([`PUT /v2/dbaas-kafka/test-kafka {${body}}`]);
  });

  it("a word ParseBool does not accept stays a positional argument, and is refused as surplus", () =>
    expectRefused(update("--kafka-enable-sasl-auth", "yes"), 'unexpected argument "yes" (usage: exo dbaas update NAME)'));

  it.each(["yes", "no", "on", "off", "tRUE", "2", ""])("--kafka-enable-sasl-auth=%j is refused with pflag's text", (spelling) =>
    expectRefused(
      update(`--kafka-enable-sasl-auth=${spelling}`),
      `invalid argument "${spelling}" for "--kafka-enable-sasl-auth" flag: strconv.ParseBool: parsing "${spelling}": invalid syntax (accepted: true, false, 1, 0, t, f, T, F, TRUE, FALSE, True, False)`,
    ),
  );

  it("-f false asks instead of forcing (stdin is no terminal: refused before sending)", () =>
    expectRefused(["dbaas", "delete", "test-kafka", ...Z, "-f", "false"], 'refusing to delete "test-kafka" without confirmation: stdin is not a terminal; pass -f/--force'));

  it("-Q 0 before the command words is not a command word", async () => {
    const result = await exo(["-Q", "0", "dbaas", "show", "test-kafka", ...Z, "-O", "json"]);
    expect(result.exitCode).toBe(0);
  });
});

describe("CSV lists as pflag's StringSlice reads them (Go's encoding/csv errors)", () => {
  const csvError = (value: string, quoted: string, flag: string, reason: string) => [value, quoted, flag, reason] as const;
  const CASES = [
    csvError('"10.0.0.0/8', '"\\"10.0.0.0/8"', "--kafka-ip-filter", 'parse error on line 1, column 12: extraneous or missing " in quoted-field'),
    csvError('10.0.0.0/8,1"0.0.0.1', '"10.0.0.0/8,1\\"0.0.0.1"', "--kafka-ip-filter", 'parse error on line 1, column 13: bare " in non-quoted-field'),
    csvError('"10.0.0.0/8"x', '"\\"10.0.0.0/8\\"x"', "--kafka-ip-filter", 'parse error on line 1, column 12: extraneous or missing " in quoted-field'),
    csvError('"10.0.0.0/8" ,1.1.1.1', '"\\"10.0.0.0/8\\" ,1.1.1.1"', "--kafka-ip-filter-add", 'parse error on line 1, column 12: extraneous or missing " in quoted-field'),
    csvError("\n", '"\\n"', "--kafka-ip-filter-remove", "EOF"),
    csvError('1.1.1.1,"2.2.2.2\n', '"1.1.1.1,\\"2.2.2.2\\n"', "--kafka-ip-filter", 'parse error on line 1, column 18: extraneous or missing " in quoted-field'),
    csvError('"1.1.1.1\n2.2.2.2', '"\\"1.1.1.1\\n2.2.2.2"', "--kafka-ip-filter", 'record on line 1; parse error on line 2, column 8: extraneous or missing " in quoted-field'),
  ];
  for (const [value, quoted, flag, reason] of CASES) {
    it(`update ${flag} ${JSON.stringify(value)}`, () =>
      expectRefused(["dbaas", "update", "test-kafka", ...Z, "-f", flag, value], `invalid argument ${quoted} for "${flag}" flag: ${reason}`));
  }
  it("create --kafka-ip-filter with an unclosed quote", () =>
    expectRefused(["dbaas", "create", "kafka", "startup-2", "k9", ...Z, '--kafka-ip-filter="10.0.0.0/8'], `invalid argument "\\"10.0.0.0/8" for "--kafka-ip-filter" flag: parse error on line 1, column 12: extraneous or missing " in quoted-field`));

  it("quotes keep a comma inside an entry, which is then no CIDR", () =>
    expectRefused(["dbaas", "update", "test-kafka", ...Z, "-f", "--kafka-ip-filter", '"10.0.0.0/8,10.1.0.0/16"'], 'invalid IP filter entry "10.0.0.0/8,10.1.0.0/16": not an IPv4 or IPv6 CIDR'));

  it("quoted entries and repeated flags give exactly the meant list", async () => {
    const result = await exo(["dbaas", "update", "test-kafka", ...Z, "-f", "-Q", "--kafka-ip-filter", '"10.0.0.0/8",10.1.0.0/16', "--kafka-ip-filter", "10.2.0.0/16"]);
    expect(result.exitCode).toBe(0);
    expect(result.sent.filter((r) => !r.startsWith("GET"))).toEqual(['PUT /v2/dbaas-kafka/test-kafka {"ip-filter":["10.0.0.0/8","10.1.0.0/16","10.2.0.0/16"]}']);
  });
});

describe("durations with Go's range and texts", () => {
  it.each([
    ["2562048h", 'invalid argument "2562048h" for "--timeout" flag: time: invalid duration "2562048h"'],
    ["9223372036854775808ns", 'invalid argument "9223372036854775808ns" for "--timeout" flag: time: invalid duration "9223372036854775808ns"'],
    ["1", 'invalid argument "1" for "--timeout" flag: time: missing unit in duration "1"'],
    ["1x", 'invalid argument "1x" for "--timeout" flag: time: unknown unit "x" in duration "1x"'],
    ["15S", 'invalid argument "15S" for "--timeout" flag: time: unknown unit "S" in duration "15S"'],
    ["1\x1bs", 'invalid argument "1\\x1bs" for "--timeout" flag: time: unknown unit "\\x1bs" in duration "1\\x1bs"'],
    [".s", 'invalid argument ".s" for "--timeout" flag: time: invalid duration ".s"'],
  ])("list --timeout %j", (value, message) => expectRefused(["dbaas", "list", "--timeout", value], message));

  it.each([
    ["2562048h", 'invalid argument "2562048h" for "--wait-timeout" flag: time: invalid duration "2562048h"'],
    ["-1s", 'invalid --wait-timeout "-1s": must be 0 (no limit) or a positive duration such as 10m'],
    ["10", 'invalid argument "10" for "--wait-timeout" flag: time: missing unit in duration "10"'],
  ])("update --wait-timeout %j", (value, message) => expectRefused(["dbaas", "update", "test-kafka", ...Z, "-f", "--kafka-enable-sasl-auth", "--wait-timeout", value], message));

  it("the largest duration Go accepts is accepted", async () => {
    const result = await exo(["dbaas", "list", "--timeout", "2562047h47m16.854775807s", "-O", "json"]);
    expect(result.exitCode).toBe(0);
  });
});

describe("missing arguments are named, for every command", () => {
  for (const leaf of LEAVES.filter((l) => l.args.length > 0)) {
    const names = leaf.usage.split(" ").slice(leaf.path.length + 1).map((w) => w.replace(/^\[|\]$/g, ""));
    const missing = `missing argument${names.length > 1 ? "s" : ""} ${names.join(", ")}, run with --help for usage`;
    it(`${leaf.path.join(" ")} with no argument`, () => expectRefused([...leaf.path, ...zoneOf(leaf.path)], missing));
  }
  it("only the ones missing", () => expectRefused(["dbaas", "user", "rotate", "test-kafka", ...Z], "missing arguments OLD, NEW, run with --help for usage"));
});

describe("-O takes table, json or text, once, for every command", () => {
  const allowed = "must be one of table, json, text";
  for (const leaf of LEAVES) {
    const line = [...leaf.path, ...leaf.args, ...zoneOf(leaf.path)];
    for (const value of ["yaml", "csv", "", "JSON", "table "]) {
      it(`${leaf.path.join(" ")} -O ${JSON.stringify(value)}`, () => expectRefused([...line, "-O", value], `invalid argument ${JSON.stringify(value)} for "-O, --output-format" flag: ${allowed}`));
    }
    it(`${leaf.path.join(" ")} -O json -O yaml`, () => expectRefused([...line, "-O", "json", "-O", "yaml"], `invalid argument "yaml" for "-O, --output-format" flag: ${allowed}`));
    it(`${leaf.path.join(" ")} -O json --output-format=text`, () =>
      expectRefused(["-O", "json", ...line, "--output-format=text"], '-O/--output-format given twice ("json", then "text"): give one format'));
  }

  it.each([
    [["-O", "json", "-O", "json"]],
    [["--output-format=text", "-Otext"]],
    [["-O=table"]],
  ])("%j is what it says", async (flags) => {
    const result = await exo(["dbaas", "show", "test-kafka", ...Z, ...flags]);
    expect(result.exitCode).toBe(0);
    const format = flags.at(-1)!.replace(/^-O=?|^--output-format=/, "") || flags[1]!;
    if (format === "json") expect(JSON.parse(result.stdout).name).toBe("test-kafka");
    else if (format === "text") expect(result.stdout).toMatch(/^[^|{][^\n]*\ttest-kafka\t/);
    else expect(result.stdout).toMatch(/^\| +DATABASE SERVICE/);
  });
});

describe("flags that take one of a set of values refuse any other, naming the set, before sending", () => {
  const download = ["dbaas", "credentials", "download", "test-kafka", ...Z, "--dir", "/nonexistent-dir"];
  it.each([
    [["dbaas", "metrics", "test-kafka", ...Z, "--period", "hours"], 'invalid --period "hours": must be one of hour, day, week, month, year'],
    [["dbaas", "metrics", "test-kafka", ...Z, "--period", "Day"], 'invalid --period "Day": must be one of hour, day, week, month, year'],
    [["dbaas", "logs", "test-kafka", ...Z, "--sort", "descending"], 'invalid --sort "descending": must be one of asc, desc'],
    [["dbaas", "logs", "test-kafka", ...Z, "--sort=ASC"], 'invalid --sort "ASC": must be one of asc, desc'],
    [["dbaas", "show", "test-kafka", ...Z, "--settings", "kafka_rest"], 'invalid settings value "kafka_rest", expected one of: kafka, kafka-rest, kafka-connect, schema-registry'],
    [["dbaas", "type", "show", "kafka", "--settings", "pg"], /^invalid settings value "pg", expected one of: kafka, /],
    [["dbaas", "update", "test-kafka", ...Z, "-f", "--maintenance-dow", "mon", "--maintenance-time", "01:00:00"], 'invalid --maintenance-dow "mon": must be one of never, monday, tuesday, wednesday, thursday, friday, saturday, sunday'],
    [["dbaas", "acl", "create", "test-kafka", ...Z, "--username", "app", "--topic", "t", "--permission", "all"], 'invalid ACL permission "all": must be one of admin, read, readwrite, write'],
    [[...download, "--client", "kcat"], 'invalid --client "kcat": expected a comma-separated list of java, librdkafka, env'],
    [[...download, "--client", "java", "--auth", "scram"], 'invalid --auth "scram": expected certificate or sasl'],
    [["dbaas", "external-endpoint", "create", "rsyslog", "r1", "--rsyslog-server", "h", "--rsyslog-port", "514", "--rsyslog-format", "json"], 'invalid --rsyslog-format "json": must be one of rfc5424, rfc3164, custom'],
    [["dbaas", "external-endpoint", "create", "datadog", "d1", "--datadog-api-key", "k", "--datadog-site", "datadog.com"], /^invalid --datadog-site "datadog.com": must be one of datadoghq.com, /],
    [["dbaas", "external-endpoint", "show", "graphite", SAMPLE_UUID], 'unsupported external endpoint type "graphite"'],
    [["completion", "tcsh"], 'unsupported shell "tcsh": expected one of bash, zsh, fish'],
    [["dbaas", "credentials", "check", "test-kafka", ...Z, "--connect", "--auth", "plain"], 'invalid --auth "plain": expected certificate or sasl'],
    [["dbaas", "user", "rotate", "test-kafka", "u1", "u2", ...Z, "--dir", "/nonexistent-dir", "--client", "java", "--auth", "plain"], 'invalid --auth "plain": expected certificate or sasl'],
    [["dbaas", "external-integration", "settings", "show", "rsyslog", SAMPLE_UUID], 'unsupported external integration settings for type "rsyslog"'],
    [["dbaas", "create", "pg", "hobbyist-2", "p1", ...Z], 'unsupported service type "pg" (only kafka is supported)'],
    [["dbaas", "user", "create", "test-kafka", "u9", ...Z, "--mysql-authentication-method", "sha2"], 'invalid --mysql-authentication-method "sha2": must be one of caching_sha2_password, mysql_native_password'],
    [["dbaas", "user", "reset-credentials", "test-kafka", "avnadmin", ...Z, "--mysql-auhentication-method", ""], 'invalid --mysql-auhentication-method "": must be one of caching_sha2_password, mysql_native_password'],
  ])("%j", async (argv, message) => {
    const result = await exo(argv);
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: expect.stringMatching(/^error: [^\n]*\n$/), sent: [] });
    if (typeof message === "string") expect(result.stderr).toBe(`error: ${message}\n`);
    else expect(result.stderr.slice("error: ".length)).toMatch(message);
  });

  it("a MySQL authentication method among exo's is ignored for a Kafka user, as by exo", async () => {
    const result = await exo(["dbaas", "user", "create", "test-kafka", "u8", ...Z, "-Q", "--mysql-authentication-method", "mysql_native_password"]);
    expect(result.exitCode).toBe(0);
    expect(result.sent.filter((r) => r.startsWith("POST"))).toEqual(['POST /v2/dbaas-kafka/test-kafka/user {"username":"u8"}']);
  });

  it("an empty --period or --sort leaves the choice to the API, as exo's omitempty does", async () => {
    const posted = async (argv: string[]) => {
      emulator.clearRequests();
      return (await exo(argv)).sent.filter((r) => r.startsWith("POST"));
    };
    const metrics = await posted(["dbaas", "metrics", "test-kafka", ...Z, "--period", ""]);
    expect(metrics).toEqual(["POST /v2/dbaas-service-metrics/test-kafka {}"]);
    expect(await posted(["dbaas", "logs", "test-kafka", ...Z, "--sort", ""])).toEqual(["POST /v2/dbaas-service-logs/test-kafka {}"]);
  });
});

describe("-z on a command without a zone says these commands have none", () => {
  for (const leaf of LEAVES.filter((l) => l.path[0] === "dbaas" && zoneOf(l.path).length === 0)) {
    const group = ["exo", ...leaf.path.slice(0, -1)].join(" ");
    const why = `(${group} commands have no zone: they work in the account's default zone, from EXOSCALE_ZONE or defaultZone)`;
    it(`${leaf.path.join(" ")} -z`, () => expectRefused([...leaf.path, ...leaf.args, "-z", "de-muc-1"], `unknown shorthand flag: 'z' in -z ${why}`));
    it(`${leaf.path.join(" ")} --zone=`, () => expectRefused([...leaf.path, ...leaf.args, "--zone=de-muc-1"], `unknown flag: --zone ${why}`));
  }
  it("other unknown flags keep pflag's words alone", () => expectRefused(["dbaas", "type", "list", "-y"], "unknown shorthand flag: 'y' in -y"));
  it("commands outside dbaas keep pflag's words alone", () => expectRefused(["version", "-z", "x"], "unknown shorthand flag: 'z' in -z"));
});
