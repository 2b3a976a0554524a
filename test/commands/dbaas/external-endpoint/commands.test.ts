// external-endpoint list|show|create|update|delete against the emulator: exo's tables, JSON, text
// and templates on its Go field names, its progress lines, and the exact request bodies.
import { describe, expect, it } from "vitest";
import { DEFAULT_FLAGS, ID_LINE, PRIVATE_KEY, useEndpointSession } from "../../../helpers/endpoint-session.js";

const s = useEndpointSession();
const ee = (...argv: string[]) => s.exo(["dbaas", "external-endpoint", ...argv]);
const bodies = () => s.sent();

describe("list", () => {
  it("prints nothing as a table, [] as JSON, when there is no endpoint", async () => {
    expect(await ee("list")).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect((await ee("list", "-O", "json")).stdout).toBe("[]\n");
    expect((await ee("ls", "-O", "text")).stdout).toBe("");
  });

  it("lists name, id and type in every output form", async () => {
    const prom = await s.create("prometheus", "prom");
    const logs = await s.create("rsyslog", "kafka-logs");
    expect((await ee("list")).stdout).toBe(
      "|    NAME    |                  ID                  |    TYPE    |\n" +
        "|------------|--------------------------------------|------------|\n" +
        `| prom       | ${prom} | prometheus |\n` +
        `| kafka-logs | ${logs} | rsyslog    |\n`,
    );
    expect(JSON.parse((await ee("list", "-O", "json")).stdout)).toEqual([
      { name: "prom", id: prom, type: "prometheus" },
      { name: "kafka-logs", id: logs, type: "rsyslog" },
    ]);
    expect((await ee("list", "-O", "text")).stdout).toBe(`prom\t${prom}\tprometheus\nkafka-logs\t${logs}\trsyslog\n`);
    expect((await ee("list", "--output-template", "{{.Type}}={{.Name}}")).stdout).toBe("prometheus=prom\nrsyslog=kafka-logs\n");
    expect(s.apiRequests().filter((r) => r.startsWith("GET /v2/dbaas-external-endpoints"))).toHaveLength(4);
  });

  it("draws box tables on a terminal", async () => {
    const id = await s.create("prometheus", "prom");
    const r = await s.exo(["dbaas", "external-endpoint", "list"], { stdoutTTY: true });
    expect(r.stdout).toBe(
      "┼──────┼──────────────────────────────────────┼────────────┼\n" +
        "│ NAME │                  ID                  │    TYPE    │\n" +
        "┼──────┼──────────────────────────────────────┼────────────┼\n" +
        `│ prom │ ${id} │ prometheus │\n` +
        "┼──────┼──────────────────────────────────────┼────────────┼\n",
    );
  });

  it("wraps an API failure as exo does", async () => {
    s.emulator.canned({ method: "GET", path: "/v2/dbaas-external-endpoints", status: 403, body: `{"message":"boom"}` });
    const r = await ee("list");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error: error listing endpoints: .*boom/m);
  });
});

describe("create and show, per type", () => {
  it("prometheus: body, progress line, table, JSON and templates", async () => {
    const r = await ee("create", "prometheus", "prom", ...DEFAULT_FLAGS.prometheus!);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/Creating DBaaS Prometheus external Endpoint "prom"/);
    const id = ID_LINE.exec(r.stdout)![1]!;
    expect(r.stdout).toBe(
      "| PROMETHEUS EXTERNAL ENDPOINT |                                      |\n" +
        "|------------------------------|--------------------------------------|\n" +
        `| Endpoint ID                  | ${id} |\n` +
        "| Endpoint Name                | prom                                 |\n" +
        "| Endpoint Type                | prometheus                           |\n" +
        "| Basic Auth Username          | scraper                              |\n",
    );
    expect(bodies()).toEqual(['POST /v2/dbaas-external-endpoint-prometheus/prom {"settings":{"basic-auth-password":"[redacted]","basic-auth-username":"scraper"}}']);
    expect(s.stored().endpoints[0]!.secrets).toEqual({ "basic-auth-password": "prom-pass-0123" });
    expect((await ee("show", "prometheus", id, "-O", "json")).stdout).toBe(
      `{"id":"${id}","name":"prom","type":"prometheus","settings":{"basic-auth-username":"scraper"}}\n`,
    );
    expect((await ee("show", "prometheus", id, "-O", "text")).stdout).toBe(`${id}\tprom\tprometheus\t{scraper}`);
    expect((await ee("get", "prometheus", id, "--output-template", "{{.Settings.BasicAuthUsername}}")).stdout).toBe("scraper");
  });

  it("datadog: tags, consumer statistics flags, default site; table and JSON", async () => {
    const r = await ee(
      "create",
      "datadog",
      "dd",
      "--datadog-api-key",
      "dd-api-key-0123456789abcdef",
      "--datadog-tags",
      '[{"tag":"env:prod","comment":"production"},{"TAG":"team:data"}]',
      "--datadog-disable-consumer-stats",
      "--datadog-kafka-consumer-check-instances",
      "4",
      "--datadog-kafka-consumer-stats-timeout",
      "30",
      "--datadog-max-partition-contexts",
      "1000",
    );
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/Creating DBaaS Datadog external Endpoint "dd"/);
    expect(bodies()).toEqual([
      'POST /v2/dbaas-external-endpoint-datadog/dd {"settings":{"datadog-api-key":"dd-api-key-0123456789abcdef","datadog-tags":[{"comment":"production","tag":"env:prod"},{"tag":"team:data"}],"disable-consumer-stats":true,"kafka-consumer-check-instances":4,"kafka-consumer-stats-timeout":30,"max-partition-contexts":1000,"site":"datadoghq.com"}}',
    ]);
    const id = ID_LINE.exec(r.stdout)![1]!;
    expect(r.stdout).toBe(
      "|   DATADOG EXTERNAL ENDPOINT    |                                      |\n" +
        "|--------------------------------|--------------------------------------|\n" +
        `| Endpoint ID                    | ${id} |\n` +
        "| Endpoint Name                  | dd                                   |\n" +
        "| Endpoint Type                  | datadog                              |\n" +
        "| Site                           | datadoghq.com                        |\n" +
        "| Disable Consumer Stats         | true                                 |\n" +
        "| Kafka Consumer Check Instances | 4                                    |\n" +
        "| Kafka Consumer Stats Timeout   | 30                                   |\n" +
        "| Max Partition Contexts         | 1000                                 |\n" +
        "| Datadog Tags                   | env:prod (production)                |\n" +
        "|                                | team:data ()                         |\n",
    );
    expect(JSON.parse((await ee("show", "datadog", id, "-O", "json")).stdout)).toEqual({
      id,
      name: "dd",
      type: "datadog",
      settings: {
        "datadog-tags": [{ comment: "production", tag: "env:prod" }, { tag: "team:data" }],
        "disable-consumer-stats": true,
        "kafka-consumer-check-instances": 4,
        "kafka-consumer-stats-timeout": 30,
        "max-partition-contexts": 1000,
        site: "datadoghq.com",
      },
    });
    const t = await ee("show", "datadog", id, "--output-template", "{{.Settings.Site}} {{range .Settings.DatadogTags}}{{.Tag}};{{end}} {{.Settings.MaxPartitionContexts}}");
    expect(t.stdout).toBe("datadoghq.com env:prod;team:data; 1000");
    // the API key is kept, never shown
    expect(s.stored().endpoints[0]!.secrets).toEqual({ "datadog-api-key": "dd-api-key-0123456789abcdef" });
    expect((await ee("show", "datadog", id, "-O", "json")).stdout).not.toContain("dd-api-key");
  });

  it("datadog without tags shows None", async () => {
    const id = await s.create("datadog", "dd", [...DEFAULT_FLAGS.datadog!, "--datadog-site", "datadoghq.eu"]);
    const out = (await ee("show", "datadog", id)).stdout;
    expect(out).toMatch(/^\| Datadog Tags +\| None +\|$/m);
    expect(out).toMatch(/^\| Site +\| datadoghq\.eu +\|$/m);
    expect(out).toMatch(/^\| Disable Consumer Stats +\| false +\|$/m);
  });

  it.each(["elasticsearch", "opensearch"] as const)("%s: URL, prefix, CA, days and timeout", async (type) => {
    const title = type === "opensearch" ? "OpenSearch" : "ElasticSearch";
    const urlLabel = type === "opensearch" ? "OpenSearch URL" : "Elasticsearch URL";
    const r = await ee(
      "create",
      type,
      "search",
      `--${type}-url`,
      "https://search.example.net:9200",
      `--${type}-index-prefix`,
      "kafka-logs",
      `--${type}-ca`,
      s.certPem,
      `--${type}-index-days-max`,
      "7",
      `--${type}-timeout`,
      "30",
    );
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(`Creating DBaaS ${title} external Endpoint "search"`);
    expect(bodies()[0]).toBe(
      `POST /v2/dbaas-external-endpoint-${type}/search {"settings":{"ca":${JSON.stringify(s.certPem)},"index-days-max":7,"index-prefix":"kafka-logs","timeout":30,"url":"https://search.example.net:9200"}}`,
    );
    const id = ID_LINE.exec(r.stdout)![1]!;
    expect(r.stdout.split("\n").slice(3)).toEqual([
      expect.stringMatching(/^\| Endpoint Name +\| search +\|$/),
      expect.stringMatching(new RegExp(`^\\| Endpoint Type +\\| ${type} +\\|$`)),
      expect.stringMatching(new RegExp(`^\\| ${urlLabel} +\\| https://search\\.example\\.net:9200 +\\|$`)),
      expect.stringMatching(/^\| Index Prefix +\| kafka-logs +\|$/),
      expect.stringMatching(/^\| Index Days Max +\| 7 +\|$/),
      expect.stringMatching(/^\| Timeout +\| 30 +\|$/),
      "",
    ]);
    expect(r.stdout.split("\n")[0]).toMatch(new RegExp(`^\\| ${type === "opensearch" ? "OPENSEARCH" : "ELASTICSEARCH"} EXTERNAL ENDPOINT \\|`));
    expect(JSON.parse((await ee("show", type, id, "-O", "json")).stdout).settings).toEqual({
      "index-days-max": 7,
      "index-prefix": "kafka-logs",
      timeout: 30,
      url: "https://search.example.net:9200",
    });
    expect((await ee("show", type, id, "--output-template", "{{.Settings.URL}} {{.Settings.IndexDaysMax}}")).stdout).toBe("https://search.example.net:9200 7");
  });

  it("rsyslog: TLS with client certificate and key; table, JSON, text", async () => {
    const r = await ee(
      "create",
      "rsyslog",
      "kafka-logs",
      "--rsyslog-server",
      "logs.example.net",
      "--rsyslog-port",
      "6514",
      "--rsyslog-tls",
      "--rsyslog-format",
      "custom",
      "--rsyslog-logline",
      "<%pri%>%timestamp:::date-rfc3339% %HOSTNAME% %app-name% %msg%",
      "--rsyslog-sd",
      "[token@41058 tag=\"kafka\"]",
      "--rsyslog-ca",
      s.certPem,
      "--rsyslog-cert",
      s.certPem,
      "--rsyslog-key",
      PRIVATE_KEY,
      "--rsyslog-max-message-size",
      "8192",
    );
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('Creating DBaaS Rsyslog external Endpoint "kafka-logs"');
    const body = JSON.parse(bodies()[0]!.replace(/^POST \S+ /, ""));
    expect(Object.keys(body.settings)).toEqual(["ca", "cert", "format", "key", "logline", "max-message-size", "port", "sd", "server", "tls"]);
    expect(body.settings).toMatchObject({ format: "custom", port: 6514, server: "logs.example.net", tls: true, "max-message-size": 8192 });
    expect(s.stored().endpoints[0]!.secrets.key).toBe(PRIVATE_KEY);
    const id = ID_LINE.exec(r.stdout)![1]!;
    expect(r.stdout.split("\n").slice(5)).toEqual([
      "| Server                    | logs.example.net                                              |",
      "| Port                      | 6514                                                          |",
      "| Tls                       | true                                                          |",
      "| Max Message Size          | 8192                                                          |",
      '| Structured data block     | [token@41058 tag="kafka"]                                     |',
      "| Custom logline format     | <%pri%>%timestamp:::date-rfc3339% %HOSTNAME% %app-name% %msg% |",
      "",
    ]);
    expect(JSON.parse((await ee("show", "rsyslog", id, "-O", "json")).stdout)).toEqual({
      id,
      name: "kafka-logs",
      type: "rsyslog",
      settings: {
        format: "custom",
        logline: "<%pri%>%timestamp:::date-rfc3339% %HOSTNAME% %app-name% %msg%",
        "max-message-size": 8192,
        port: 6514,
        sd: '[token@41058 tag="kafka"]',
        server: "logs.example.net",
        tls: true,
      },
    });
    expect((await ee("show", "rsyslog", id, "--output-template", "{{.Settings.Server}}:{{.Settings.Port}} tls={{.Settings.Tls}}")).stdout).toBe("logs.example.net:6514 tls=true");
  });

  it("rsyslog without --rsyslog-tls asks for no TLS", async () => {
    await s.create("rsyslog", "plain");
    expect(bodies()).toEqual(['POST /v2/dbaas-external-endpoint-rsyslog/plain {"settings":{"format":"rfc5424","port":514,"server":"logs.example.net","tls":false}}']);
  });

  it("-Q creates without printing the endpoint", async () => {
    const r = await ee("create", "prometheus", "quiet", ...DEFAULT_FLAGS.prometheus!, "-Q");
    expect(r).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect((await ee("list", "-O", "json")).stdout).toContain('"name":"quiet"');
  });

  it("an API refusal is exo's error, with nothing on stdout", async () => {
    await s.create("prometheus", "prom");
    const r = await ee("create", "prometheus", "prom", ...DEFAULT_FLAGS.prometheus!);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error: .*already exists/m);
    const short = await ee("create", "prometheus", "p2", "--prometheus-basic-auth-username", "ab");
    expect(short.exitCode).toBe(1);
    expect(short.stderr).toMatch(/^error: .*basic-auth-username: length must be between 5 and 32/m);
  });
});

describe("update", () => {
  it("sends only the settings given, then shows the endpoint", async () => {
    const id = await s.create("rsyslog", "logs");
    const r = await ee("update", "rsyslog", id, "--rsyslog-port", "1514", "--rsyslog-tls=false");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(`Updating DBaaS Rsyslog external Endpoint "${id}"`);
    expect(bodies().slice(1)).toEqual([`PUT /v2/dbaas-external-endpoint-rsyslog/${id} {"settings":{"port":1514,"tls":false}}`]);
    expect(r.stdout).toMatch(/^\| Port +\| 1514 +\|$/m);
    expect(r.stdout).toMatch(/^\| Server +\| logs\.example\.net +\|$/m);
  });

  it("an upper-case or braced UUID is sent in canonical form; the progress line quotes it as given", async () => {
    const id = await s.create("prometheus", "prom");
    const r = await ee("update", "prometheus", `{${id.toUpperCase()}}`, "--prometheus-basic-auth-username", "newname", "-O", "json");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(`Updating DBaaS Prometheus external Endpoint "{${id.toUpperCase()}}"`);
    expect(bodies()[1]).toBe(`PUT /v2/dbaas-external-endpoint-prometheus/${id} {"settings":{"basic-auth-username":"newname"}}`);
    expect(JSON.parse(r.stdout).settings).toEqual({ "basic-auth-username": "newname" });
  });

  it("datadog: the API key is required on update, as the API asks", async () => {
    const id = await s.create("datadog", "dd");
    const r = await ee("update", "datadog", id, "--datadog-site", "us5.datadoghq.com", "--datadog-api-key", "new-key-000000000000");
    expect(r.exitCode).toBe(0);
    expect(bodies()[1]).toBe(`PUT /v2/dbaas-external-endpoint-datadog/${id} {"settings":{"datadog-api-key":"new-key-000000000000","site":"us5.datadoghq.com"}}`);
    expect(r.stdout).toMatch(/^\| Site +\| us5\.datadoghq\.com +\|$/m);
  });

  it("an unknown endpoint is refused before the PUT is sent", async () => {
    const r = await ee("update", "prometheus", "00000000-0000-4000-8000-000000000000", "--prometheus-basic-auth-username", "newname");
    expect(r).toEqual({ exitCode: 1, stdout: "", stderr: "error: external endpoint 00000000-0000-4000-8000-000000000000 not found\n" });
    expect(s.sent()).toEqual([]);
  });
});

describe("delete", () => {
  it("deletes without asking, prints nothing, and the endpoint is gone", async () => {
    const id = await s.create("opensearch", "os");
    const r = await ee("delete", "opensearch", id);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`Deleting external endpoint opensearch ${id}`);
    expect(bodies().slice(1)).toEqual([`DELETE /v2/dbaas-external-endpoint-opensearch/${id}`]);
    expect((await ee("list")).stdout).toBe("");
    const show = await ee("show", "opensearch", id);
    expect(show.exitCode).toBe(1);
    expect(show.stdout).toBe("");
    expect(show.stderr).toMatch(/^error: error getting OpenSearch external endpoint: .*not found/im);
  });

  it("an id of another type, or unknown, is refused before the DELETE is sent", async () => {
    const id = await s.create("prometheus", "prom");
    s.emulator.clearRequests();
    const r = await ee("rm", "rsyslog", id);
    expect(r).toEqual({ exitCode: 1, stdout: "", stderr: `error: external endpoint ${id} is a prometheus endpoint, not rsyslog\n` });
    const unknown = await ee("delete", "prometheus", "00000000-0000-4000-8000-000000000000");
    expect(unknown.stderr).toBe("error: external endpoint 00000000-0000-4000-8000-000000000000 not found\n");
    expect(s.apiRequests()).toEqual(["GET /v2/dbaas-external-endpoints", "GET /v2/dbaas-external-endpoints"]);
    expect((await ee("list", "-O", "json")).stdout).toContain(id);
  });
});

describe("--help-TYPE", () => {
  it("lists exo's prometheus flags on create and update", async () => {
    const expected =
      "  --prometheus-basic-auth-password   Prometheus basic authentication password  \n" +
      "  --prometheus-basic-auth-username   Prometheus basic authentication username  \n";
    expect(await ee("create", "--help-prometheus")).toEqual({ exitCode: 0, stdout: expected, stderr: "" });
    expect((await ee("update", "--help-prometheus")).stdout).toBe(expected);
    expect(s.apiRequests()).toEqual([]);
  });

  it.each([
    ["datadog", 7],
    ["elasticsearch", 5],
    ["opensearch", 5],
    ["rsyslog", 10],
  ])("--help-%s lists its %i flags, sorted", async (type, count) => {
    const out = (await ee("create", `--help-${type}`)).stdout;
    const names = out.split("\n").filter(Boolean).map((l) => l.trim().split(/\s+/)[0]);
    expect(names).toHaveLength(count);
    expect(names.every((n) => n!.startsWith(`--${type}-`))).toBe(true);
    expect([...names].sort()).toEqual(names);
  });

  it("the --help text says there is no --zone and names the -file flags", async () => {
    const out = (await ee("create", "--help")).stdout;
    expect(out).toContain("take no --zone");
    expect(out).toContain("--prometheus-basic-auth-password-file");
    expect(out).not.toMatch(/^\s+-z, --zone/m);
  });
});

describe("hostile API text", () => {
  it("control characters in a name are escaped on a terminal, kept byte-exact in JSON and piped tables", async () => {
    const body = JSON.stringify({ "dbaas-endpoints": [{ id: "a", name: "ev\u001b[31mil", type: "prometheus" }] });
    s.emulator.canned({ method: "GET", path: "/v2/dbaas-external-endpoints", status: 200, body });
    const tty = await s.exo(["dbaas", "external-endpoint", "list"], { stdoutTTY: true });
    expect(tty.stdout).not.toContain("\u001b");
    expect(tty.stdout).toContain("ev\\x1b[31mil");
    expect((await ee("list", "-O", "json")).stdout).toBe('[{"name":"ev\\u001b[31mil","id":"a","type":"prometheus"}]\n');
    expect((await ee("list")).stdout).toContain("ev\u001b[31mil");
  });

  it("an answer that is not the expected shape is an error, with nothing on stdout", async () => {
    s.emulator.canned({ method: "GET", path: "/v2/dbaas-external-endpoints", status: 200, body: '{"dbaas-endpoints":[{"id":5}]}' });
    const r = await ee("list");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
  });
});
