// The user document's read commands against the seeded emulator (test-kafka in de-muc-1): the
// certificate and key come out exactly as the API holds them, ready for `> file.pem`.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiClient } from "../../src/api/client.js";
import { getKafkaService, updateKafkaService } from "../../src/api/dbaas.js";
import { waitForOperation } from "../../src/api/operation.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { runCli, apiEnv } from "../helpers/run-cli.js";

let emulator: Emulator;
let env: Record<string, string>;
let api: ApiClient;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
  env = apiEnv(emulator);
  api = new ApiClient({ endpoint: emulator.url, credentials: { key: emulator.apiKey, secret: emulator.apiSecret }, headers: { "Exoscale-Zone": "de-muc-1" } });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.clearRequests());

const SHOW = ["dbaas", "show", "test-kafka", "-z", "de-muc-1"];
const template = (t: string, tty = false) => runCli([...SHOW, "--output-template", t], { env, tty });

describe("exo dbaas show test-kafka -z de-muc-1 --output-template …", () => {
  it("{{.Kafka.ConnectionInfo.AccessCert}} prints exactly the PEM, no newline added", async () => {
    const cert = (await getKafkaService(api, "test-kafka"))["connection-info"]?.["access-cert"];
    expect(cert).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n?$/);
    for (const tty of [false, true]) {
      expect(await template("{{.Kafka.ConnectionInfo.AccessCert}}", tty)).toEqual({ exitCode: 0, stdout: cert, stderr: "" });
    }
    // a `+` in base64 stays a `+` (exo 1.68 HTML-escaped it)
    expect(cert).toContain("+");
  });

  it("{{.Kafka.ConnectionInfo.AccessKey}} prints exactly the private key", async () => {
    const key = (await getKafkaService(api, "test-kafka"))["connection-info"]?.["access-key"];
    expect(key).toMatch(/^-----BEGIN (RSA |EC )?PRIVATE KEY-----\n/);
    expect(await template("{{.Kafka.ConnectionInfo.AccessKey}}")).toEqual({ exitCode: 0, stdout: key, stderr: "" });
  });

  it("show makes exactly 2 requests, all reads (exo's lookup in the service list only when not found)", async () => {
    await template("{{.Kafka.ConnectionInfo.AccessCert}}");
    expect(emulator.requests().map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      "GET /v2/dbaas-kafka/test-kafka",
      "GET /v2/dbaas-kafka/test-kafka/acl-config",
    ]);
  });

  it("{{.Kafka.AuthenticationMethods.SASL}} prints false, then true once SASL is enabled", async () => {
    expect(await template("{{.Kafka.AuthenticationMethods.SASL}}")).toEqual({ exitCode: 0, stdout: "false", stderr: "" });
    const op = await updateKafkaService(api, "test-kafka", { "authentication-methods": { sasl: true } });
    await waitForOperation(api, op, { initialDelayMs: 10 });
    expect(await template("{{.Kafka.AuthenticationMethods.SASL}}")).toEqual({ exitCode: 0, stdout: "true", stderr: "" });

    // the SASL port now shows among the components, and -O json carries the user's password
    const table = await runCli(SHOW, { env });
    expect(table.stdout).toMatch(/\| Authentication Methods  \| certificate, SASL +\|/);
    expect(table.stdout).toMatch(/auth:sasl/);
    const json = JSON.parse((await runCli([...SHOW, "-O", "json"], { env })).stdout);
    expect(json.kafka.authentication_methods).toEqual({ certificate: true, sasl: true });
    expect(json.kafka.users[0]).toMatchObject({ username: "avnadmin", type: "primary", password: expect.any(String) });
  });

  it("the service appears in the list of its zone only", async () => {
    expect((await runCli(["dbaas", "list", "-z", "de-muc-1", "-O", "text"], { env })).stdout).toBe("test-kafka\tkafka\tstartup-2\tde-muc-1\n");
    expect(await runCli(["dbaas", "list", "-z", "ch-gva-2", "-O", "json"], { env })).toEqual({ exitCode: 0, stdout: "[]\n", stderr: "" });
    expect((await runCli(["dbaas", "list", "--output-template", "{{.Name}} {{.Zone}}"], { env })).stdout).toBe("test-kafka de-muc-1\n");
  });

  it("in another zone the service does not exist", async () => {
    expect(await runCli(["dbaas", "show", "test-kafka", "-z", "ch-gva-2"], { env })).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: "test-kafka" Database Service not found in zone "ch-gva-2"\n',
    });
  });
});
