// `exo dbaas create kafka` against the emulator.
import { describe, expect, it } from "vitest";
import { kafkaFlagsHelp } from "../../../src/kafka/views/index.js";
import { ExitCode } from "../../../src/errors.js";
import { openSession, useSession } from "../../helpers/session.js";

const s = useSession();

describe("exo dbaas create kafka PLAN NAME", () => {
  it("sends exo's minimal body, waits, then shows the new service", async () => {
    const result = await s.exo(["dbaas", "create", "kafka", "business-4", "k1", "-z", "ch-gva-2"]);
    expect(result.exitCode).toBe(0);
    expect(s.sent()).toEqual([
      'POST /v2/dbaas-kafka/k1 {"kafka-connect-enabled":false,"kafka-rest-enabled":false,"plan":"business-4","schema-registry-enabled":false,"termination-protection":true}',
    ]);
    expect(result.stderr).toBe('✔ Creating Database Service "k1"... 0s\n');
    expect(result.stdout).toMatch(/^\| +DATABASE SERVICE +\|/);
    expect(result.stdout).toContain("| Zone                    | ch-gva-2");
    expect(result.stdout).toContain("| Plan                    | business-4");
    const svc = await s.service("k1", "ch-gva-2");
    expect(svc["termination-protection"]).toBe(true);
    expect(svc.zone).toBe("ch-gva-2");
  });

  it("alias add, every Kafka flag, -O json output", async () => {
    const result = await s.exo([
      "-O",
      "json",
      "dbaas",
      "add",
      "kafka",
      "startup-2",
      "k2",
      "-z",
      "de-muc-1",
      "--kafka-version=3.7",
      "--kafka-enable-sasl-auth",
      "--kafka-enable-kafka-connect",
      "--kafka-enable-kafka-rest",
      "--kafka-enable-schema-registry",
      "--kafka-ip-filter=1.2.3.4/32,5.6.7.8/24",
      "--kafka-settings",
      '{"compression_type":"lz4"}',
      "--kafka-connect-settings",
      '{"consumer_max_poll_records":100}',
      "--kafka-rest-settings",
      '{"producer_linger_ms":10}',
      "--kafka-schema-registry-settings",
      '{"leader_eligibility":true}',
      "--maintenance-dow=tuesday",
      "--maintenance-time=04:05:06",
      "--termination-protection=false",
    ]);
    expect(result.exitCode).toBe(0);
    expect(s.sent()).toEqual([
      "POST /v2/dbaas-kafka/k2 " +
        JSON.stringify({
          "authentication-methods": { certificate: false, sasl: true },
          "ip-filter": ["1.2.3.4/32", "5.6.7.8/24"],
          "kafka-connect-enabled": true,
          "kafka-connect-settings": { consumer_max_poll_records: 100 },
          "kafka-rest-enabled": true,
          "kafka-rest-settings": { producer_linger_ms: 10 },
          "kafka-settings": { compression_type: "lz4" },
          maintenance: { dow: "tuesday", time: "04:05:06" },
          plan: "startup-2",
          "schema-registry-enabled": true,
          "schema-registry-settings": { leader_eligibility: true },
          "termination-protection": false,
          version: "3.7",
        }),
    ]);
    const shown = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(shown.name).toBe("k2");
    const svc = await s.service("k2");
    expect(svc.version).toBe("3.7");
    expect(svc["ip-filter"]).toEqual(["1.2.3.4/32", "5.6.7.8/24"]);
    expect(svc["authentication-methods"]).toEqual({ certificate: false, sasl: true });
    expect(svc.maintenance).toMatchObject({ dow: "tuesday", time: "04:05:06" });
    expect(svc["termination-protection"]).toBe(false);
  });

  it("-Q prints nothing", async () => {
    expect(await s.exo(["dbaas", "create", "kafka", "startup-2", "k3", "-z", "de-muc-1", "-Q"])).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect((await s.service("k3")).plan).toBe("startup-2");
  });

  it("--dry-run prints the body and creates nothing", async () => {
    s.emulator.clearRequests();
    const result = await s.exo(["dbaas", "create", "kafka", "startup-2", "k4", "-z", "de-muc-1", "--kafka-enable-cert-auth", "--dry-run"]);
    expect(result).toEqual({
      exitCode: 0,
      stdout:
        '{"authentication-methods":{"certificate":true,"sasl":false},"kafka-connect-enabled":false,"kafka-rest-enabled":false,"plan":"startup-2","schema-registry-enabled":false,"termination-protection":true}\n',
      stderr: "",
    });
    expect(s.sent()).toEqual([]);
    await expect(s.service("k4")).rejects.toThrow();
  });

  it("--help-kafka lists the Kafka flags as exo does, without positional arguments", async () => {
    // exo's embedded table, byte for byte: flags padded to 32, usages to 52, two trailing spaces
    const HELP_KAFKA = [
      "  --kafka-connect-settings           Kafka Connect configuration settings (JSON format)    ",
      "  --kafka-enable-cert-auth           enable certificate-based authentication method        ",
      "  --kafka-enable-kafka-connect       enable Kafka Connect                                  ",
      "  --kafka-enable-kafka-rest          enable Kafka REST                                     ",
      "  --kafka-enable-sasl-auth           enable SASL-based authentication method               ",
      "  --kafka-enable-schema-registry     enable Schema Registry                                ",
      "  --kafka-ip-filter                  allow incoming connections from CIDR address block    ",
      "  --kafka-rest-settings              Kafka REST configuration settings (JSON format)       ",
      "  --kafka-schema-registry-settings   Schema Registry configuration settings (JSON format)  ",
      "  --kafka-settings                   Kafka configuration settings (JSON format)            ",
      "  --kafka-version                    Kafka major version                                   ",
    ];
    s.emulator.clearRequests();
    const result = await s.exo(["dbaas", "create", "--help-kafka"]);
    expect(result).toEqual({ exitCode: 0, stdout: `${HELP_KAFKA.join("\n")}\n`, stderr: "" });
    expect(kafkaFlagsHelp("create")).toBe(result.stdout);
    const update = await s.exo(["dbaas", "update", "--help-kafka", "-z", "de-muc-1"]);
    expect(update).toEqual({ exitCode: 0, stdout: `${HELP_KAFKA.slice(0, -1).join("\n")}\n`, stderr: "" });
    expect(s.emulator.requests()).toEqual([]);
  });

  it("--help hides the Kafka flags", async () => {
    const result = await s.exo(["dbaas", "create", "--help"]);
    expect(result.exitCode).toBe(0);
    // the examples may use the Kafka flags; the option list does not show them
    const options = result.stdout.split("\nExamples:\n")[0]!;
    expect(options).toContain("--help-kafka");
    expect(options).not.toContain("--kafka-enable-sasl-auth");
  });

  it("an existing name: the API's conflict, exit 1", async () => {
    const result = await s.exo(["dbaas", "create", "kafka", "startup-2", "test-kafka", "-z", "de-muc-1"]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: Conflict: .*test-kafka.*\n$/);
  });

  it("--wait-timeout: exit code 3 while the new service's operation is pending", async () => {
    const slow = await openSession({ operationDelayMs: 10_000 });
    try {
      const result = await slow.exo(["dbaas", "create", "kafka", "startup-2", "k5", "-z", "de-muc-1", "--wait-timeout=300ms"]);
      expect(result.exitCode).toBe(ExitCode.OPERATION_TIMEOUT);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/gave up waiting; the change may still complete, check with: exo dbaas show k5 -z de-muc-1\n$/);
    } finally {
      await slow.emulator.close();
    }
  });
});
