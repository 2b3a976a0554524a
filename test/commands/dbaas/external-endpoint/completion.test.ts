// Shell completion of the external endpoint and integration commands, from the emulator's API.
import { describe, expect, it } from "vitest";
import { runCli } from "../../../helpers/run-cli.js";
import { useEndpointSession } from "../../../helpers/endpoint-session.js";

const s = useEndpointSession();
const complete = async (...words: string[]) => {
  // the service lives in de-muc-1: make it the default zone these commands work in
  const r = await runCli(["__complete", "--", ...words], { env: { ...s.env, EXOSCALE_ZONE: "de-muc-1" } });
  expect(r.exitCode).toBe(0);
  return r.stdout.split("\n").filter((l) => l !== "" && !l.startsWith(":"));
};

describe("completion", () => {
  it("lists the endpoint types the API serves", async () => {
    expect(await complete("dbaas", "external-endpoint", "show", "")).toEqual(["datadog", "elasticsearch", "opensearch", "prometheus", "rsyslog"]);
    expect(await complete("dbaas", "external-endpoint", "create", "r")).toEqual(["rsyslog"]);
    expect(await complete("dbaas", "external-integration", "attach", "p")).toEqual(["prometheus"]);
    expect(await complete("dbaas", "external-integration", "settings", "show", "")).toEqual(["datadog"]);
  });

  it("lists endpoint IDs of the type given, and nothing for a new name", async () => {
    const prom = await s.create("prometheus", "prom");
    const logs = await s.create("rsyslog", "logs");
    expect(await complete("dbaas", "external-endpoint", "show", "prometheus", "")).toEqual([prom]);
    expect(await complete("dbaas", "external-endpoint", "delete", "rsyslog", "")).toEqual([logs]);
    expect(await complete("dbaas", "external-endpoint", "create", "rsyslog", "")).toEqual([]);
    expect(await complete("dbaas", "external-integration", "attach", "rsyslog", "--destination-endpoint-id", "")).toEqual([logs]);
    expect(await complete("dbaas", "external-integration", "attach", "rsyslog", "--source-service-name", "")).toEqual(["test-kafka"]);
  });

  it("lists integration IDs, per service for --integration-id", async () => {
    const endpoint = await s.create("datadog", "dd");
    await s.exo(["dbaas", "external-integration", "attach", "datadog", "--source-service-name", "test-kafka", "--destination-endpoint-id", endpoint]);
    const integration = JSON.parse((await s.exo(["dbaas", "external-integration", "list", "test-kafka", "-O", "json"])).stdout)[0].id as string;
    expect(await complete("dbaas", "external-integration", "show", "")).toEqual([integration]);
    expect(await complete("dbaas", "external-integration", "detach", "test-kafka", "--integration-id", "")).toEqual([integration]);
    expect(await complete("dbaas", "external-integration", "settings", "update", "datadog", "")).toEqual([integration]);
    expect(await complete("dbaas", "external-integration", "list", "")).toEqual(["test-kafka"]);
  });
});
