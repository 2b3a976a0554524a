// exo dbaas type show in each output format, with --plans, --backup-config and --settings.
import { describe, expect, it } from "vitest";
import { cannedBody, expected } from "../../../helpers/reference-examples.js";
import { useCannedEmulator } from "../../../helpers/session.js";

const t = useCannedEmulator();
const ok = (stdout: string) => ({ exitCode: 0, stdout, stderr: "" });

describe("dbaas type show", () => {
  const TYPE = ["dbaas", "type", "show", "kafka"];
  it("in every format", async () => {
    expect(await t.exo([...TYPE, "-O", "text"])).toEqual(ok("kafka\tApache Kafka - High-throughput distributed messaging system\t[3.0 3.1]\t3.1"));
    expect(await t.exo([...TYPE, "--output-template", "{{range .AvailableVersions}}v{{.}} {{end}}"])).toEqual(ok("v3.0 v3.1 "));
    expect(await t.exo(["dbaas", "type", "get", "kafka", "-O", "json"])).toEqual(ok(expected("type-show-json.stdout")));
  });

  it("--plans in every format (sizes in SI units)", async () => {
    expect(await t.exo([...TYPE, "--plans"])).toEqual(
      ok(
        "|    NAME    | # NODES | # CPUS | NODE MEMORY | DISK SPACE | AUTHORIZED |\n" +
          "|------------|---------|--------|-------------|------------|------------|\n" +
          "| startup-2  | 3       | 2      | 2.1 GB      | 97 GB      | true       |\n" +
          "| business-4 | 3       | 2      | 4.3 GB      | 644 GB     | true       |\n",
      ),
    );
    expect(await t.exo([...TYPE, "--plans", "-O", "json"])).toEqual(
      ok(
        '[{"name":"startup-2","nodes":3,"node_cpus":2,"node_memory":2147483648,"disk_space":96636764160,"authorized":true},' +
          '{"name":"business-4","nodes":3,"node_cpus":2,"node_memory":4294967296,"disk_space":644245094400,"authorized":true}]\n',
      ),
    );
    expect(await t.exo([...TYPE, "--plans", "-O", "text"])).toEqual(
      ok("startup-2\t3\t2\t2147483648\t96636764160\ttrue\nbusiness-4\t3\t2\t4294967296\t644245094400\ttrue\n"),
    );
    // --plans wins over --settings and --backup-config
    expect((await t.exo([...TYPE, "--plans", "--settings", "kafka", "--backup-config", "x", "--output-template", "{{.Name}}"])).stdout).toBe(
      "startup-2\nbusiness-4\n",
    );
  });

  it("--backup-config in JSON and text", async () => {
    expect(await t.exo([...TYPE, "--backup-config", "business-4", "-O", "json"])).toEqual(
      ok(
        '{"interval":24,"max_count":2,"recovery_mode":"basic","frequent_interval_minutes":0,"frequent_oldest_age_minutes":0,' +
          '"infrequent_interval_minutes":0,"infrequent_oldest_age_minutes":0}\n',
      ),
    );
    expect(await t.exo([...TYPE, "--backup-config", "startup-2", "--output-template", "{{.Interval}}h x{{.MaxCount}} {{.RecoveryMode}}"])).toEqual(
      ok("24h x2 basic"),
    );
    // -O text: every field TAB-separated; exo 1.97 gives absent intervals their zero value (1.68 printed <nil>)
    expect(await t.exo([...TYPE, "--backup-config", "startup-2", "-O", "text"])).toEqual(ok("24\t2\tbasic\t0\t0\t0\t0"));
    expect(await t.exo([...TYPE, "--backup-config", "startup-2", "--output-template", "{{.FrequentIntervalMinutes}}|{{.InfrequentOldestAgeMinutes}}"])).toEqual(ok("0|0"));
  });

  it("--settings is a table whatever -O says, and makes one more request", async () => {
    const table = (await t.exo([...TYPE, "--settings", "kafka"])).stdout;
    expect(table.startsWith("|")).toBe(true);
    expect(await t.exo([...TYPE, "--settings", "kafka", "-O", "json"])).toEqual(ok(table));
    expect(await t.exo([...TYPE, "--settings", "kafka", "--output-template", "{{.Name}}"])).toEqual(ok(table));
    expect(t.requests().slice(-2).sort()).toEqual(["GET /v2/dbaas-service-type/kafka", "GET /v2/dbaas-settings-kafka"]);
  });

  it("--settings of the other kinds, rows sorted by key", async () => {
    const settings = cannedBody("GET_dbaas-settings-kafka.json").settings;
    for (const kind of ["kafka-connect", "kafka-rest", "schema-registry"]) {
      const { stdout, exitCode } = await t.exo([...TYPE, "--settings", kind]);
      expect(exitCode).toBe(0);
      const keys = stdout.split("\n").slice(2).map((l) => l.split("|")[1]?.trim()).filter((k): k is string => !!k);
      expect(keys).toEqual(Object.keys(settings[kind]?.properties ?? {}).sort());
    }
  });

  it("--settings of a type this CLI does not describe prints nothing", async () => {
    await t.can("GET", "/dbaas-service-type/pg", { name: "pg", plans: [] });
    expect(await t.exo(["dbaas", "type", "show", "pg", "--settings", "pg"])).toEqual(ok(""));
  });
});
