// exo dbaas show in each output format: table, JSON, text (default template) and a template.
import { describe, expect, it } from "vitest";
import { cannedBody, expected } from "../../../helpers/reference-examples.js";
import { useCannedEmulator } from "../../../helpers/session.js";

const t = useCannedEmulator();
const SHOW = ["dbaas", "show", "test-kafka", "-z", "de-muc-1"];
const ok = (stdout: string) => ({ exitCode: 0, stdout, stderr: "" });

const kafka = () => cannedBody("GET_dbaas-kafka_test-kafka.json");

describe("dbaas show", () => {
  it("-O text: every top-level field TAB-separated, nil pointers as <nil>, no trailing newline", async () => {
    const { stdout, exitCode } = await t.exo([...SHOW, "-O", "text"]);
    expect(exitCode).toBe(0);
    expect(stdout.startsWith(
      "2021-11-01 15:11:37 +0000 UTC\t96636764160\t{wednesday 18:48:43}\ttest-kafka\t2\t2147483648\t3\tstartup-2\trunning\ttrue\tkafka\t" +
        "2021-11-01 15:55:54 +0000 UTC\tde-muc-1\t<nil>\t{[{default admin * avnadmin}] {true true} [{certificate kafka ",
    )).toBe(true);
    expect(stdout.endsWith(" 3.0}\t<nil>\t<nil>\t<nil>\t<nil>\t<nil>")).toBe(true);
    expect(stdout.split("\t")).toHaveLength(20);
  });

  it("a template wins over -O and gets no trailing newline", async () => {
    for (const format of [[], ["-O", "json"], ["-O", "text"], ["-O", "table"]]) {
      expect(await t.exo([...SHOW, ...format, "--output-template", "{{.Name}} {{.Plan}} {{.Kafka.URI}}"])).toEqual(
        ok("test-kafka startup-2 test-kafka-exoscale-08b0165e-ef03-47ec-926f-f01163d557ed.aivencloud.com:21701"),
      );
    }
  });

  it("templates reach nested slices, maps and pointers", async () => {
    const cases: [string, string][] = [
      ["{{range .Kafka.Users}}{{.Username}}:{{.Type}} {{end}}", "avnadmin:primary "],
      ["{{range .Kafka.Components}}{{.Port}},{{end}}", "21701,21712,"],
      ['{{index .Kafka.URIParams "port"}}', "21701"],
      ["{{.Kafka.ConnectionInfo.Nodes}}", "[10.0.0.1:21701 10.0.0.2:21701 10.0.0.3:21701]"],
      ["{{.Maintenance.DOW}} {{.TerminationProtection}} {{.NodeMemory}}", "wednesday true 2147483648"],
      ["{{len .Kafka.ACL}} {{(index .Kafka.ACL 0).Permission}}", "1 admin"],
    ];
    for (const [template, want] of cases) expect(await t.exo([...SHOW, "--output-template", template])).toEqual(ok(want));
  });

  it("--uri and --settings ignore -O and templates", async () => {
    for (const extra of [["-O", "json"], ["-O", "text"], ["--output-template", "{{.Name}}"]]) {
      expect(await t.exo([...SHOW, "--uri", ...extra])).toEqual(ok(expected("show-uri.stdout")));
      expect(await t.exo([...SHOW, "--settings", "kafka", ...extra])).toEqual(ok(expected("show-settings-kafka.stdout")));
    }
  });

  it("--settings for each kind: the typed struct, null when the service has none", async () => {
    for (const kind of ["kafka-connect", "kafka-rest", "schema-registry"]) {
      expect(await t.exo([...SHOW, "--settings", kind])).toEqual(ok("{}\n"));
    }
    const { "kafka-rest-settings": _absent, ...withoutRest } = kafka();
    await t.can("GET", "/dbaas-kafka/test-kafka", {
      ...withoutRest,
      "schema-registry-settings": { leader_eligibility: false, topic_name: "<s>", unknown_key: 1 },
    });
    expect(await t.exo([...SHOW, "--settings", "kafka-rest"])).toEqual(ok("null\n"));
    expect(await t.exo([...SHOW, "--settings", "schema-registry"])).toEqual(
      ok('{\n  "leader_eligibility": false,\n  "topic_name": "\\u003cs\\u003e"\n}\n'),
    );
  });

  describe("--backups", () => {
    const backups = [
      { "backup-name": "b-1", "backup-time": "2024-05-01T10:00:00Z", "data-size": 1024 },
      { "backup-name": "b-2", "backup-time": "2024-05-02T10:00:00.5Z", "data-size": 2048 },
    ];
    it("in every format", async () => {
      await t.can("GET", "/dbaas-kafka/test-kafka", { ...kafka(), backups });
      expect(await t.exo([...SHOW, "--backups"])).toEqual(
        ok(
          "| NAME |              DATE               | SIZE |\n" +
            "|------|---------------------------------|------|\n" +
            "| b-1  | 2024-05-01 10:00:00 +0000 UTC   | 1024 |\n" +
            "| b-2  | 2024-05-02 10:00:00.5 +0000 UTC | 2048 |\n",
        ),
      );
      expect(await t.exo([...SHOW, "--backups", "-O", "json"])).toEqual(
        ok('[{"name":"b-1","date":"2024-05-01T10:00:00Z","size":1024},{"name":"b-2","date":"2024-05-02T10:00:00.5Z","size":2048}]\n'),
      );
      expect(await t.exo([...SHOW, "--backups", "-O", "text"])).toEqual(
        ok("b-1\t2024-05-01 10:00:00 +0000 UTC\t1024\nb-2\t2024-05-02 10:00:00.5 +0000 UTC\t2048\n"),
      );
      expect(await t.exo([...SHOW, "--backups", "--output-template", "{{.Name}}"])).toEqual(ok("b-1\nb-2\n"));
    });
    it("none: no table at all, an empty JSON array", async () => {
      expect(await t.exo([...SHOW, "--backups"])).toEqual(ok(""));
      expect(await t.exo([...SHOW, "--backups", "-O", "json"])).toEqual(ok("[]\n"));
    });
  });

  it("--notifications: messages wrapped at 50 columns, in JSON too", async () => {
    const message = "The service will be upgraded to a newer version during the next maintenance window";
    await t.can("GET", "/dbaas-kafka/test-kafka", { ...kafka(), notifications: [{ level: "warning", message, type: "service_end_of_life", metadata: {} }] });
    const wrapped = "The service will be upgraded to a newer version\nduring the next maintenance window";
    expect(await t.exo([...SHOW, "--notifications", "-O", "json"])).toEqual(
      ok(`[{"level":"warning","message":${JSON.stringify(wrapped)},"type":"service_end_of_life"}]\n`),
    );
    expect((await t.exo([...SHOW, "--notifications"])).stdout).toBe(
      "|  LEVEL  |                     MESSAGE                     |\n" +
        "|---------|-------------------------------------------------|\n" +
        "| warning | The service will be upgraded to a newer version |\n" +
        "|         | during the next maintenance window              |\n",
    );
    expect(await t.exo([...SHOW, "--notifications", "-O", "text"])).toEqual(ok(`warning\t${wrapped}\tservice_end_of_life\n`));
    expect(await t.exo([...SHOW, "--notifications", "--output-template", "{{.Level}}/{{.Type}}"])).toEqual(ok("warning/service_end_of_life\n"));
  });

  it("the first view asked for wins: --backups, --notifications, --settings, --uri", async () => {
    expect(await t.exo([...SHOW, "--uri", "--backups", "-O", "json"])).toEqual(ok("[]\n"));
    expect(await t.exo([...SHOW, "--uri", "--notifications", "-O", "json"])).toEqual(ok("[]\n"));
    expect(await t.exo([...SHOW, "--uri", "--settings", "kafka"])).toEqual(ok(expected("show-settings-kafka.stdout")));
    // exo never looks at --settings when --backups wins, so a bad value goes unnoticed
    expect(await t.exo([...SHOW, "--backups", "--settings", "nope", "-O", "json"])).toEqual(ok("[]\n"));
  });

  it("missing fields print Go zero values instead of failing", async () => {
    await t.can("GET", "/dbaas-kafka/test-kafka", { name: "test-kafka", type: "kafka", plan: "startup-2" });
    await t.can("GET", "/dbaas-kafka/test-kafka/acl-config", {});
    const json = JSON.parse((await t.exo([...SHOW, "-O", "json"])).stdout);
    expect(json).toMatchObject({
      creation_date: "0001-01-01T00:00:00Z",
      disk_size: 0,
      maintenance: null,
      termination_protection: false,
      zone: "de-muc-1",
      kafka: {
        acl: null,
        authentication_methods: { certificate: false, sasl: false },
        components: null,
        connection_info: { access_cert: "", access_key: "", nodes: null, registry_uri: "", rest_uri: "" },
        ip_filter: null,
        users: null,
        version: "",
      },
    });
    expect(await t.exo([...SHOW, "--output-template", "{{.Kafka.ConnectionInfo.AccessCert}}"])).toEqual(ok(""));
    const table = await t.exo(SHOW);
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toContain("| Disk Size               | 0 B                           |\n");
    expect(table.stdout).toContain("| Maintenance             | n/a                           |\n");
    expect(table.stdout).toContain("| Users                   | n/a                           |\n");
    expect(await t.exo([...SHOW, "--uri"])).toEqual(ok("\n"));
  });
});
