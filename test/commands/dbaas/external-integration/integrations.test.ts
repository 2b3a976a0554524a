// external-integration attach|detach|list|show|settings against the emulator: exo's progress lines,
// request bodies, tables, JSON, text and templates; bad input refused with nothing sent.
import { describe, expect, it } from "vitest";
import { useEndpointSession } from "../../../helpers/endpoint-session.js";

const s = useEndpointSession();
const ei = (...argv: string[]) => s.exo(["dbaas", "external-integration", ...argv]);
const ID = "3bd2a2a4-5f04-4a2b-8a56-8e2f8a5c1b27";

/** Attaches test-kafka to a new endpoint of the type; returns the endpoint and integration ids. */
async function attach(type: string, name = `${type}-ep`): Promise<{ endpoint: string; integration: string }> {
  const endpoint = await s.create(type, name);
  const r = await ei("attach", type, "--source-service-name", "test-kafka", "--destination-endpoint-id", endpoint);
  expect(r.exitCode).toBe(0);
  const list = JSON.parse((await ei("list", "test-kafka", "-O", "json")).stdout) as Array<{ id: string; "dest-endpoint-id": string }>;
  return { endpoint, integration: list.find((i) => i["dest-endpoint-id"] === endpoint)!.id };
}

describe("attach and detach", () => {
  it("attach prints nothing but its progress line and sends exo's body", async () => {
    const endpoint = await s.create("prometheus", "prom");
    const r = await ei("attach", "prometheus", "--source-service-name", "test-kafka", "--destination-endpoint-id", endpoint.toUpperCase());
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`Attaching service test-kafka to endpoint ${endpoint}`);
    expect(s.sent().slice(1)).toEqual([`PUT /v2/dbaas-external-endpoint/test-kafka/attach {"dest-endpoint-id":"${endpoint}","type":"prometheus"}`]);
  });

  it("`a` is attach, as cobra resolves exo's alias", async () => {
    const endpoint = await s.create("rsyslog", "logs");
    const r = await ei("a", "rsyslog", "--source-service-name", "test-kafka", "--destination-endpoint-id", endpoint);
    expect(r.exitCode).toBe(0);
    expect(s.sent().slice(1)[0]).toMatch(/\/attach /);
  });

  it("detach of an integration the service does not have is refused before the PUT", async () => {
    const r = await ei("detach", "test-kafka", "--integration-id", ID);
    expect(r).toEqual({ exitCode: 1, stdout: "", stderr: `error: integration ${ID} not found for service "test-kafka"\n` });
    expect(s.sent()).toEqual([]);
  });

  it("detach sends the integration id and the integration is gone", async () => {
    const { integration } = await attach("prometheus");
    const r = await ei("detach", "test-kafka", "--integration-id", integration);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`Detaching service test-kafka from endpoint ${integration}`);
    expect(s.sent().at(-1)).toBe(`PUT /v2/dbaas-external-endpoint/test-kafka/detach {"integration-id":"${integration}"}`);
    expect((await ei("list", "test-kafka")).stdout).toBe("");
  });

  it("refusals: unknown service (the API), type mismatch (before sending), already attached (the API)", async () => {
    const endpoint = await s.create("prometheus", "prom");
    const missing = await ei("attach", "prometheus", "--source-service-name", "no-such-service", "--destination-endpoint-id", endpoint);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/^error: .*not found/im);
    const mismatch = await ei("attach", "datadog", "--source-service-name", "test-kafka", "--destination-endpoint-id", endpoint);
    expect(mismatch).toEqual({ exitCode: 1, stdout: "", stderr: `error: external endpoint ${endpoint} is a prometheus endpoint, not datadog\n` });
    expect(s.sent().filter((m) => m.includes('"type":"datadog"'))).toEqual([]);
    await ei("attach", "prometheus", "--source-service-name", "test-kafka", "--destination-endpoint-id", endpoint);
    const again = await ei("attach", "prometheus", "--source-service-name", "test-kafka", "--destination-endpoint-id", endpoint);
    expect(again.exitCode).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr).toMatch(/already attached/);
  });
});

describe("list and show", () => {
  it("list: exo's columns in every output form", async () => {
    const { endpoint, integration } = await attach("prometheus", "prom");
    const table = (await ei("list", "test-kafka")).stdout.split("\n");
    expect(table[0]).toMatch(/^\| +DESCRIPTION +\| DEST ENDPOINT NAME \| +DEST ENDPOINT ID +\| +INTEGRATION ID +\| STATUS \| SOURCE SERVICE NAME \| SOURCE SERVICE TYPE \| +TYPE +\|$/);
    expect(table[2]).toBe(`| Send metrics of test-kafka to Prometheus | prom               | ${endpoint} | ${integration} | active | test-kafka          | kafka               | prometheus |`);
    expect(JSON.parse((await ei("ls", "test-kafka", "-O", "json")).stdout)).toEqual([
      {
        description: "Send metrics of test-kafka to Prometheus",
        "dest-endpoint-name": "prom",
        "dest-endpoint-id": endpoint,
        id: integration,
        status: "active",
        "source-service-name": "test-kafka",
        "source-service-type": "kafka",
        type: "prometheus",
      },
    ]);
    expect((await ei("list", "test-kafka", "-O", "text")).stdout).toBe(
      `Send metrics of test-kafka to Prometheus\tprom\t${endpoint}\t${integration}\tactive\ttest-kafka\tkafka\tprometheus\n`,
    );
    expect((await ei("list", "test-kafka", "--output-template", "{{.IntegrationID}} {{.DestEndpointName}}")).stdout).toBe(`${integration} prom\n`);
  });

  it("list of a service without integrations: nothing, or []", async () => {
    expect(await ei("list", "test-kafka")).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect((await ei("list", "test-kafka", "-O", "json")).stdout).toBe("[]\n");
  });

  it("list of an unknown service is exo's wrapped error", async () => {
    const r = await ei("list", "nope");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error: error listing integrations: .*not found/im);
  });

  it("show: label/value rows, JSON and templates", async () => {
    const { endpoint, integration } = await attach("rsyslog", "logs");
    expect((await ei("show", integration)).stdout).toBe(
      "| Description         | Send logs of test-kafka to Remote Syslog |\n" +
        `| Dest Endpoint Name  | logs                                     |\n` +
        `| Dest Endpoint ID    | ${endpoint}     |\n` +
        `| Integration ID      | ${integration}     |\n` +
        "| Status              | active                                   |\n" +
        "| Source Service Name | test-kafka                               |\n" +
        "| Source Service Type | kafka                                    |\n" +
        "| Type                | rsyslog                                  |\n",
    );
    expect(JSON.parse((await ei("get", integration, "-O", "json")).stdout)).toMatchObject({ id: integration, type: "rsyslog", "dest-endpoint-id": endpoint });
    expect((await ei("show", integration, "--output-template", "{{.Type}}:{{.Status}}")).stdout).toBe("rsyslog:active");
    const missing = await ei("show", ID);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/^error: error showing integration: .*not found/im);
  });

  it("deleting the endpoint ends its integrations", async () => {
    const { endpoint } = await attach("prometheus");
    expect((await s.exo(["dbaas", "external-endpoint", "delete", "prometheus", endpoint])).exitCode).toBe(0);
    expect((await ei("list", "test-kafka", "-O", "json")).stdout).toBe("[]\n");
  });
});

describe("settings (datadog)", () => {
  it("show, update with only the flags given, then show again", async () => {
    const { integration } = await attach("datadog");
    expect((await ei("settings", "show", "datadog", integration)).stdout).toBe(
      "| Datadog Dbm Enabled       | false |\n| Datadog Pgbouncer Enabled | false |\n",
    );
    const r = await ei("settings", "update", "datadog", integration, "--datadog-dbm-enabled");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(`Updating DBaaS Datadog external integration settings "${integration}"`);
    expect(s.sent().at(-1)).toBe(`POST /v2/dbaas-external-integration-settings-datadog/${integration} {"settings":{"datadog-dbm-enabled":true}}`);
    expect(r.stdout).toBe("| Datadog Dbm Enabled       | true  |\n| Datadog Pgbouncer Enabled | false |\n");
    const off = await ei("settings", "update", "datadog", integration, "--datadog-dbm-enabled=false", "--datadog-pgbouncer-enabled", "-O", "json");
    expect(s.sent().at(-1)).toBe(
      `POST /v2/dbaas-external-integration-settings-datadog/${integration} {"settings":{"datadog-dbm-enabled":false,"datadog-pgbouncer-enabled":true}}`,
    );
    expect(off.stdout).toBe('{"datadog-dbm-enabled":false,"datadog-pgbouncer-enabled":true}\n');
    expect((await ei("settings", "show", "datadog", integration, "-O", "text")).stdout).toBe("false\ttrue");
    expect((await ei("settings", "get", "datadog", integration, "--output-template", "{{.DatadogPgbouncerEnabled}}")).stdout).toBe("true");
  });

  it("--help-datadog lists the settings flags", async () => {
    const r = await ei("settings", "update", "--help-datadog");
    expect(r.stdout).toBe(
      "  --datadog-dbm-enabled         Enable/Disable pg stats with Datadog         \n" +
        "  --datadog-pgbouncer-enabled   Enable/Disable pgbouncer stats with Datadog  \n",
    );
  });

  it("a non-datadog integration has no settings (the API's refusal)", async () => {
    const { integration } = await attach("prometheus");
    const r = await ei("settings", "show", "datadog", integration);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: error getting settings for integration: .*not a datadog integration/m);
  });
});

describe("refused before anything is sent", () => {
  const CASES: Array<[string[], string | RegExp]> = [
    [["attach", "prometheus", "--source-service-name", "test-kafka"], 'invalid endpoint ID: invalid UUID length: 0 ("" is not an endpoint ID; the IDs are listed by: exo dbaas external-endpoint list)'],
    [["attach", "prometheus", "--source-service-name", "test-kafka", "--destination-endpoint-id", "xyz"], "invalid endpoint ID: invalid UUID length: 3 (\"xyz\" is not an endpoint ID; the IDs are listed by: exo dbaas external-endpoint list)"],
    [["attach", "graphite", "--source-service-name", "test-kafka", "--destination-endpoint-id", ID], 'unsupported external endpoint type "graphite"'],
    [["attach", "prometheus", "--destination-endpoint-id", ID], "--source-service-name is required"],
    [["attach", "prometheus", "--source-service-name", "..", "--destination-endpoint-id", ID], 'invalid service name ".."'],
    [["attach", "prometheus", "--source-service-name", "a/b", "--destination-endpoint-id", ID], 'invalid service name "a/b"'],
    [["detach", "test-kafka"], "invalid integration ID: invalid UUID length: 0"],
    [["detach", "test-kafka", "--integration-id", "1234"], "invalid integration ID: invalid UUID length: 4"],
    [["detach", "", "--integration-id", ID], 'invalid service name "": must not be empty'],
    [["list", "."], 'invalid service name ".": "." and ".." are not names'],
    [["show", "zz"], "invalid integration ID: invalid UUID length: 2"],
    [["show", "3bd2a2a45f044a2b8a568e2f8a5c1b2g"], "invalid integration ID: invalid UUID format"],
    [["settings", "show", "prometheus", ID], 'unsupported external integration settings for type "prometheus"'],
    [["settings", "show", "datadog", "x"], "invalid integration ID: invalid UUID length: 1"],
    [["settings", "update", "rsyslog", ID], 'unsupported updating external integration settings for type "rsyslog"'],
    [["settings", "update", "datadog", ID, "--datadog-dbm-enabled=yes"], /invalid argument "yes" for "--datadog-dbm-enabled" flag/],
    [["settings", "update", "datadog"], "missing argument ID, run with --help for usage"],
    [["list", "test-kafka", "-z", "de-muc-1"], /unknown shorthand flag: 'z'/],
  ];
  it.each(CASES)("%j", async (argv, message) => {
    s.emulator.clearRequests();
    const r = await ei(...argv);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    const line = r.stderr.split("\n").find((l) => l.startsWith("error: "))?.slice("error: ".length);
    if (typeof message === "string") expect(line).toBe(message);
    else expect(line).toMatch(message);
    expect(s.apiRequests()).toEqual([]);
  });
});
