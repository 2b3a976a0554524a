// Template-only connection extras of `exo dbaas show` (.Kafka.SASLPort, .Kafka.SASLBootstrap,
// .Kafka.CertificateBootstrap): reachable from templates, absent from exo's JSON and text output.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../../../src/api/client.js";
import { updateKafkaService } from "../../../../src/api/dbaas.js";
import { openSession, SERVICE, ZONE, type Session } from "../../../helpers/session.js";

let s: Session;
beforeAll(async () => {
  s = await openSession();
});
afterAll(() => s.emulator.close());

const show = (...flags: string[]) => s.exo(["dbaas", "show", SERVICE, "-z", ZONE, ...flags]);

describe("show templates reach the Kafka endpoints", () => {
  it("a SASL method fails clearly while SASL is off; the certificate endpoint works", async () => {
    const json = JSON.parse((await show("-O", "json")).stdout);
    const cert = json.kafka.components.find((c: { authentication_method: string }) => c.authentication_method === "certificate");
    expect((await show("--output-template", "{{.Kafka.CertificateBootstrap}}"))).toEqual({ exitCode: 0, stdout: `${cert.host}:${cert.port}`, stderr: "" });
    expect(await show("--output-template", "{{.Kafka.SASLPort}}")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        'error: unable to encode output using template: template: out:1:8: executing "out" at <.Kafka.SASLPort>: error calling SASLPort: SASL authentication is not enabled on this service\n',
    });
  });

  it("with SASL on, SASLPort and SASLBootstrap match the SASL component, and JSON/text do not show them", async () => {
    const client = new ApiClient({ endpoint: s.emulator.url, credentials: { key: s.emulator.apiKey, secret: s.emulator.apiSecret }, headers: { "Exoscale-Zone": ZONE } });
    await updateKafkaService(client, SERVICE, { "authentication-methods": { certificate: true, sasl: true } });
    const jsonText = (await show("-O", "json")).stdout;
    const json = JSON.parse(jsonText);
    const sasl = json.kafka.components.find((c: { authentication_method: string }) => c.authentication_method === "sasl");
    expect(sasl).toBeDefined();
    expect((await show("--output-template", "{{.Kafka.SASLPort}}")).stdout).toBe(String(sasl.port));
    expect((await show("--output-template", "{{.Kafka.SASLBootstrap}} {{.Kafka.AuthenticationMethods.SASL}}")).stdout).toBe(`${sasl.host}:${sasl.port} true`);

    // exo's JSON: the same keys as exo's dbServiceKafkaShowOutput, nothing more
    expect(Object.keys(json.kafka)).toEqual([
      "acl",
      "authentication_methods",
      "components",
      "connection_info",
      "ip_filter",
      "kafka_connect_enabled",
      "kafka_rest_enabled",
      "schema_registry_enabled",
      "uri",
      "uri_params",
      "users",
      "version",
    ]);
    expect(jsonText).not.toMatch(/SASLPort|Bootstrap/i);
    // SASL credentials, as exo prints them: each user's username and password
    const revealed = JSON.parse((await s.exo(["dbaas", "user", "reveal-secrets", SERVICE, "avnadmin", "-z", ZONE, "-O", "json"])).stdout);
    expect(revealed.password).toMatch(/^\S{8,}$/);
    expect(json.kafka.users).toContainEqual(expect.objectContaining({ username: "avnadmin", type: "primary", password: revealed.password }));
    const text = (await show("-O", "text")).stdout;
    expect(text).not.toContain(`${sasl.host}:${sasl.port}`);
    expect(text).not.toMatch(/SASLPort|Bootstrap/);
  });
});
