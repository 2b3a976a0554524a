// `exo dbaas update` against the emulator: every flag changes what it should, the seed's
// commands, confirmation, dry run, waiting, and exo's exact output on canned responses.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { KafkaService } from "../../../../src/api/schemas.js";
import { ExitCode } from "../../../../src/errors.js";
import { openSession, useSession } from "../../../helpers/session.js";
import { EXAMPLES_DIR } from "../../../helpers/shared.js";

const s = useSession();

const update = (...flags: string[]) => ["dbaas", "update", "test-kafka", "-z", "de-muc-1", "-f", "-Q", ...flags];

describe("each flag changes the service as intended", () => {
  const cases: Array<{ flags: string[]; body: unknown; check: (svc: KafkaService) => void }> = [
    {
      flags: ["--kafka-enable-sasl-auth"],
      body: { "authentication-methods": { sasl: true } },
      check: (svc) => expect(svc["authentication-methods"]).toEqual({ certificate: true, sasl: true }),
    },
    {
      flags: ["--kafka-enable-cert-auth=false", "--kafka-enable-sasl-auth=true"],
      body: { "authentication-methods": { certificate: false, sasl: true } },
      check: (svc) => expect(svc["authentication-methods"]).toEqual({ certificate: false, sasl: true }),
    },
    {
      flags: ["--kafka-enable-kafka-connect"],
      body: { "kafka-connect-enabled": true },
      check: (svc) => expect(svc["kafka-connect-enabled"]).toBe(true),
    },
    {
      flags: ["--kafka-enable-kafka-rest=1"],
      body: { "kafka-rest-enabled": true },
      check: (svc) => expect(svc["kafka-rest-enabled"]).toBe(true),
    },
    {
      flags: ["--kafka-enable-schema-registry", "true"],
      body: { "schema-registry-enabled": true },
      check: (svc) => expect(svc["schema-registry-enabled"]).toBe(true),
    },
    {
      flags: ["--kafka-ip-filter=1.2.3.4/32,5.6.7.8/24"],
      body: { "ip-filter": ["1.2.3.4/32", "5.6.7.8/24"] },
      check: (svc) => expect(svc["ip-filter"]).toEqual(["1.2.3.4/32", "5.6.7.8/24"]),
    },
    {
      flags: ["--kafka-ip-filter", "10.0.0.0/8", "--kafka-ip-filter", "192.168.1.7,2001:DB8::/32"],
      body: { "ip-filter": ["10.0.0.0/8", "192.168.1.7/32", "2001:db8::/32"] },
      check: (svc) => expect(svc["ip-filter"]).toEqual(["10.0.0.0/8", "192.168.1.7/32", "2001:db8::/32"]),
    },
    {
      flags: ["--kafka-ip-filter-add", "10.0.0.0/8"],
      body: { "ip-filter": ["0.0.0.0/0", "10.0.0.0/8"] },
      check: (svc) => expect(svc["ip-filter"]).toEqual(["0.0.0.0/0", "10.0.0.0/8"]),
    },
    {
      flags: ["--kafka-ip-filter-remove", "0.0.0.0/0", "--kafka-ip-filter-add=10.1.0.0/16,10.2.0.0/16"],
      body: { "ip-filter": ["10.1.0.0/16", "10.2.0.0/16"] },
      check: (svc) => expect(svc["ip-filter"]).toEqual(["10.1.0.0/16", "10.2.0.0/16"]),
    },
    {
      flags: ["--kafka-settings", '{"compression_type":"lz4","num_partitions":3}'],
      body: { "kafka-settings": { compression_type: "lz4", num_partitions: 3 } },
      check: (svc) => expect(svc["kafka-settings"]).toMatchObject({ compression_type: "lz4", num_partitions: 3 }),
    },
    {
      flags: ["--kafka-connect-settings", '{"consumer_max_poll_records":100}'],
      body: { "kafka-connect-settings": { consumer_max_poll_records: 100 } },
      check: (svc) => expect(svc["kafka-connect-settings"]).toMatchObject({ consumer_max_poll_records: 100 }),
    },
    {
      flags: ["--kafka-rest-settings", '{"producer_linger_ms":10}'],
      body: { "kafka-rest-settings": { producer_linger_ms: 10 } },
      check: (svc) => expect(svc["kafka-rest-settings"]).toMatchObject({ producer_linger_ms: 10 }),
    },
    {
      flags: ["--kafka-schema-registry-settings", '{"leader_eligibility":false}'],
      body: { "schema-registry-settings": { leader_eligibility: false } },
      check: (svc) => expect(svc["schema-registry-settings"]).toMatchObject({ leader_eligibility: false }),
    },
    {
      flags: ["--plan", "business-4"],
      body: { plan: "business-4" },
      check: (svc) => expect(svc.plan).toBe("business-4"),
    },
    {
      flags: ["--maintenance-dow", "monday", "--maintenance-time", "03:30:00"],
      body: { maintenance: { dow: "monday", time: "03:30:00" } },
      check: (svc) => expect(svc.maintenance).toMatchObject({ dow: "monday", time: "03:30:00" }),
    },
    {
      flags: ["--termination-protection"],
      body: { "termination-protection": true },
      check: (svc) => expect(svc["termination-protection"]).toBe(true),
    },
  ];

  for (const { flags, body, check } of cases) {
    it(flags.join(" "), async () => {
      s.emulator.clearRequests();
      const result = await s.exo(update(...flags));
      expect(result).toEqual({ exitCode: 0, stdout: "", stderr: "" });
      expect(s.sent()).toEqual([`PUT /v2/dbaas-kafka/test-kafka ${JSON.stringify(body)}`]);
      check(await s.service("test-kafka"));
    });
  }

  it("--termination-protection=false turns protection off (an explicit false is sent)", async () => {
    await s.exo(update("--termination-protection"));
    s.emulator.clearRequests();
    expect((await s.exo(update("--termination-protection=false"))).exitCode).toBe(0);
    expect(s.sent()).toEqual(['PUT /v2/dbaas-kafka/test-kafka {"termination-protection":false}']);
    expect((await s.service("test-kafka"))["termination-protection"]).toBe(false);
  });

  it("--kafka-enable-sasl-auth false (separate word) sends false", async () => {
    await s.exo(update("--kafka-enable-sasl-auth"));
    s.emulator.clearRequests();
    expect((await s.exo(update("--kafka-enable-sasl-auth", "false"))).exitCode).toBe(0);
    expect(s.sent()).toEqual(['PUT /v2/dbaas-kafka/test-kafka {"authentication-methods":{"sasl":false}}']);
    expect((await s.service("test-kafka"))["authentication-methods"]?.sasl).toBe(false);
  });

  it("every flag at once: one PUT with exo's key order", async () => {
    s.emulator.clearRequests();
    const result = await s.exo(
      update(
        "--termination-protection",
        '--kafka-schema-registry-settings={"topic_name":"_schemas"}',
        "--plan=business-8",
        "--maintenance-time=01:02:03",
        "--maintenance-dow=friday",
        "--kafka-settings={\"num_partitions\":2}",
        "--kafka-rest-settings={\"producer_linger_ms\":1}",
        "--kafka-enable-kafka-rest",
        "--kafka-connect-settings={\"producer_linger_ms\":2}",
        "--kafka-enable-kafka-connect=false",
        "--kafka-ip-filter=10.0.0.0/8",
        "--kafka-enable-schema-registry",
        "--kafka-enable-sasl-auth",
        "--kafka-enable-cert-auth",
      ),
    );
    expect(result.exitCode).toBe(0);
    const keys = Object.keys((s.emulator.requests().find((r) => r.method === "PUT")!.body as Record<string, unknown>) ?? {});
    expect(keys).toEqual([
      "authentication-methods",
      "ip-filter",
      "kafka-connect-enabled",
      "kafka-connect-settings",
      "kafka-rest-enabled",
      "kafka-rest-settings",
      "kafka-settings",
      "maintenance",
      "plan",
      "schema-registry-enabled",
      "schema-registry-settings",
      "termination-protection",
    ]);
    const svc = await s.service("test-kafka");
    expect(svc.plan).toBe("business-8");
    expect(svc["schema-registry-settings"]).toMatchObject({ topic_name: "_schemas" });
  });

  it("with no change flag: no PUT, no prompt, the service is shown", async () => {
    s.emulator.clearRequests();
    const result = await s.exo(["dbaas", "update", "test-kafka", "-z", "de-muc-1"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("| Name                    | test-kafka");
    expect(s.sent()).toEqual([]);
  });
});

describe("the seed's commands, as written", () => {
  const question = '[+] Updating Database Service "test-kafka" can trigger a service restart. Do you want to continue? [yN]: ';

  it("exo dbaas update -z de-muc-1 test-kafka --kafka-enable-sasl-auth true (terminal answers y)", async () => {
    s.emulator.clearRequests();
    const result = await s.exo(["dbaas", "update", "-z", "de-muc-1", "test-kafka", "--kafka-enable-sasl-auth", "true"], { terminal: true, input: ["y"] });
    expect(result.exitCode).toBe(0);
    expect(result.stderr.startsWith(question)).toBe(true);
    expect(result.stderr).toContain('Updating Database Service "test-kafka"...');
    expect(result.stdout).toMatch(/^\| +DATABASE SERVICE +\|/);
    expect(result.stdout).toContain("| Authentication Methods  | certificate, SASL");
    expect(s.sent()).toEqual(['PUT /v2/dbaas-kafka/test-kafka {"authentication-methods":{"sasl":true}}']);
    expect((await s.service("test-kafka"))["authentication-methods"]?.sasl).toBe(true);
  });

  it("exo dbaas update -z de-muc-1 test-kafka --kafka-ip-filter=1.2.3.4/32,5.6.7.8/24", async () => {
    s.emulator.clearRequests();
    const result = await s.exo(["dbaas", "update", "-z", "de-muc-1", "test-kafka", "--kafka-ip-filter=1.2.3.4/32,5.6.7.8/24"], { terminal: true, input: ["yes"] });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("| IP Filter               | 1.2.3.4/32, 5.6.7.8/24");
    expect((await s.service("test-kafka"))["ip-filter"]).toEqual(["1.2.3.4/32", "5.6.7.8/24"]);
  });

  it(`exo dbaas update --zone de-fra-1 target-kafka-service-name --kafka-settings '{"compression_type":"lz4"}'`, async () => {
    expect((await s.exo(["dbaas", "create", "kafka", "startup-2", "target-kafka-service-name", "-z", "de-fra-1", "-Q"])).exitCode).toBe(0);
    s.emulator.clearRequests();
    const result = await s.exo(["dbaas", "update", "--zone", "de-fra-1", "target-kafka-service-name", "--kafka-settings", '{"compression_type":"lz4"}'], {
      terminal: true,
      input: ["Y"],
    });
    expect(result.exitCode).toBe(0);
    expect(s.sent()).toEqual(['PUT /v2/dbaas-kafka/target-kafka-service-name {"kafka-settings":{"compression_type":"lz4"}}']);
    expect((await s.service("target-kafka-service-name", "de-fra-1"))["kafka-settings"]).toMatchObject({ compression_type: "lz4" });
  });
});

describe("confirmation", () => {
  const argv = ["dbaas", "update", "-z", "de-muc-1", "test-kafka", "--kafka-enable-sasl-auth"];
  const question = '[+] Updating Database Service "test-kafka" can trigger a service restart. Do you want to continue? [yN]: ';

  it("without a terminal and without -f: refuses, sends nothing", async () => {
    s.emulator.clearRequests();
    const result = await s.exo(argv);
    expect(result).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: refusing to update "test-kafka" without confirmation: stdin is not a terminal; pass -f/--force\n',
    });
    expect(s.emulator.requests()).toEqual([]);
  });

  it("declined on the terminal: exit 0, nothing on stdout, nothing sent", async () => {
    s.emulator.clearRequests();
    for (const answer of ["n", "", "nope"]) {
      const result = await s.exo(argv, { terminal: true, input: [answer] });
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe("");
    }
    expect(s.sent()).toEqual([]);
  });

  it("end of input at the prompt: EOF, exit 1", async () => {
    s.emulator.clearRequests();
    const result = await s.exo(argv, { terminal: true, input: [] });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`${question}\nerror: EOF\n`);
    expect(s.sent()).toEqual([]);
  });

  it("-f on a terminal does not ask", async () => {
    const result = await s.exo([...argv, "-f", "-Q"], { terminal: true, input: [] });
    expect(result).toEqual({ exitCode: 0, stdout: "", stderr: "" });
  });
});

describe("--help", () => {
  it("lists the IP filter edits (not exo's, so not in --help-kafka) and hides exo's Kafka flags", async () => {
    const result = await s.exo(["dbaas", "update", "--help"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/\n {2}--kafka-ip-filter-add <[^>]+> +add CIDR address blocks/);
    expect(result.stdout).toMatch(/\n {2}--kafka-ip-filter-remove <[^>]+> +remove CIDR address blocks/);
    // the examples may use exo's Kafka flags; the option list does not show them
    const options = result.stdout.split("\nExamples:\n")[0]!;
    expect(options).toContain("--kafka-ip-filter-add");
    expect(options).not.toMatch(/--kafka-ip-filter[ =<]|--kafka-enable-sasl-auth|--kafka-settings/);
    expect((await s.exo(["dbaas", "update", "--help-kafka"])).stdout).not.toContain("--kafka-ip-filter-add");
  });
});

describe("--dry-run", () => {
  it("prints the body that would be sent and sends nothing, without asking", async () => {
    s.emulator.clearRequests();
    const result = await s.exo([
      "dbaas",
      "update",
      "-z",
      "de-muc-1",
      "test-kafka",
      "--kafka-ip-filter-add=10.0.0.0/8",
      "--kafka-settings",
      '{"log_retention_bytes":9223372036854775807}',
      "--dry-run",
    ]);
    expect(result).toEqual({
      exitCode: 0,
      stdout: '{"ip-filter":["0.0.0.0/0","10.0.0.0/8"],"kafka-settings":{"log_retention_bytes":9223372036854775807}}\n',
      stderr: "",
    });
    expect(s.sent()).toEqual([]);
    expect((await s.service("test-kafka"))["ip-filter"]).toEqual(["0.0.0.0/0"]);
  });
});

describe("waiting for the operation", () => {
  it("waits while the operation is pending, with the spinner line on stderr, then shows", async () => {
    const slow = await openSession({ operationDelayMs: 700 });
    try {
      const result = await slow.exo(["dbaas", "update", "-z", "de-muc-1", "test-kafka", "--kafka-enable-kafka-rest", "-f"]);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toMatch(/^✔ Updating Database Service "test-kafka"\.\.\. \d+s\n$/);
      expect(result.stdout).toContain("| Kafka REST Enabled      | true");
      const polls = slow.emulator.requests().filter((r) => r.path.startsWith("/v2/operation/"));
      expect(polls.length).toBeGreaterThan(0);
    } finally {
      await slow.emulator.close();
    }
  });

  it("-Q: no spinner and no output", async () => {
    const result = await s.exo(update("--kafka-enable-kafka-rest"), { terminal: true });
    expect(result).toEqual({ exitCode: 0, stdout: "", stderr: "" });
  });

  it("--wait-timeout: gives up with exit code 3 and says the change may still happen", async () => {
    const slow = await openSession({ operationDelayMs: 10_000 });
    try {
      const started = Date.now();
      const result = await slow.exo(["dbaas", "update", "-z", "de-muc-1", "test-kafka", "--kafka-enable-kafka-rest", "-f", "--wait-timeout", "600ms"]);
      // the operation stays pending for 10 s (the margin is for a loaded machine)
      expect(Date.now() - started).toBeLessThan(8000);
      expect(result.exitCode).toBe(ExitCode.OPERATION_TIMEOUT);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(
        /^error: operation "[^"]+": still pending after \d+ms, gave up waiting; the change may still complete, check with: exo dbaas show test-kafka -z de-muc-1\n$/,
      );
    } finally {
      await slow.emulator.close();
    }
  });

  it("an operation ending in failure: exit 1 with its reason and message", async () => {
    s.emulator.canned({ method: "PUT", path: "/dbaas-kafka/test-kafka", status: 200, body: { id: "4a7c1d36-0c3e-4b8e-9a52-3f7f1d0f0b11", state: "pending" } });
    s.emulator.canned({
      method: "GET",
      path: "/operation/4a7c1d36-0c3e-4b8e-9a52-3f7f1d0f0b11",
      status: 200,
      body: { id: "4a7c1d36-0c3e-4b8e-9a52-3f7f1d0f0b11", state: "failure", reason: "incorrect", message: "plan downgrade refused" },
    });
    const result = await s.exo(update("--plan", "business-4"));
    expect(result).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: operation: "4a7c1d36-0c3e-4b8e-9a52-3f7f1d0f0b11" {  }, state: failure, reason: "incorrect", message: "plan downgrade refused"\n',
    });
  });
});

describe("exo's output on the canned API responses", () => {
  const dir = EXAMPLES_DIR;
  const canned = (file: string) => readFileSync(join(dir, "api", file), "utf8");

  it("equals update-sasl.stdout", async () => {
    // what the API answered after the update: the same service, updated at 16:00:00
    const service = canned("GET_dbaas-kafka_test-kafka.json").replace('"updated-at": "2021-11-01T15:55:54Z"', '"updated-at": "2021-11-01T16:00:00Z"');
    expect(service).toContain("2021-11-01T16:00:00Z");
    s.emulator.canned({ method: "GET", path: "/dbaas-service", status: 200, body: canned("GET_dbaas-service.json") });
    s.emulator.canned({ method: "GET", path: "/dbaas-kafka/test-kafka", status: 200, body: service });
    s.emulator.canned({ method: "GET", path: "/dbaas-kafka/test-kafka/acl-config", status: 200, body: canned("GET_dbaas-kafka_test-kafka_acl-config.json") });
    s.emulator.canned({ method: "GET", path: "/dbaas-settings-kafka", status: 200, body: canned("GET_dbaas-settings-kafka.json") });
    s.emulator.canned({ method: "PUT", path: "/dbaas-kafka/test-kafka", status: 200, body: { id: "e0b5a1f4-3f1c-4d1b-9f0e-1c2d3e4f5a6b", state: "success" } });
    const result = await s.exo(["dbaas", "update", "-z", "de-muc-1", "test-kafka", "--kafka-enable-sasl-auth", "true", "-f"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(dir, "update-sasl.stdout"), "utf8"));
    expect(result.stderr).toBe('✔ Updating Database Service "test-kafka"... 0s\n');
  });
});
