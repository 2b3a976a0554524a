// The external endpoint and integration commands as fault cases; each prepares its own endpoint
// (and integration) through the API, so cases never depend on one another.
import type { ApiClient } from "../../src/api/client.js";
import { attachServiceToEndpoint, createExternalEndpoint, listExternalIntegrations, type ExternalEndpointType } from "../../src/api/external.js";
import type { CommandCase } from "./commands.js";

const SERVICE = "test-kafka";
let counter = 0;
const unique = (prefix: string) => `${prefix}${process.pid % 1000}x${++counter}`;

const SETTINGS: Record<string, Record<string, unknown>> = {
  prometheus: { "basic-auth-username": "scraper" },
  datadog: { "datadog-api-key": "fault-case-api-key", site: "datadoghq.com" },
};

async function endpoint(api: ApiClient, type: ExternalEndpointType = "prometheus"): Promise<string> {
  const op = await createExternalEndpoint(api, type, unique("ep"), SETTINGS[type]!);
  return op.reference!.id!;
}

async function integration(api: ApiClient, type: ExternalEndpointType = "prometheus"): Promise<string> {
  const id = await endpoint(api, type);
  await attachServiceToEndpoint(api, SERVICE, id, type);
  const found = (await listExternalIntegrations(api, SERVICE)).find((i) => i["dest-endpoint-id"] === id);
  return found!["integration-id"]!;
}

// commands that change nothing (or change it the same way each time) share one target, so the
// path of their first read is the same in every run
const shared: Record<string, Promise<string>> = {};
const once = (key: string, make: () => Promise<string>) => (shared[key] ??= make());

export const EXTERNAL_CASES: readonly CommandCase[] = [
  { name: "dbaas external-endpoint list", prepare: async () => ["dbaas", "external-endpoint", "list"] },
  { name: "dbaas external-endpoint show", prepare: async (api) => ["dbaas", "external-endpoint", "show", "prometheus", await once("endpoint", () => endpoint(api))] },
  {
    name: "dbaas external-endpoint create",
    prepare: async () => ["dbaas", "external-endpoint", "create", "prometheus", unique("ep"), "--prometheus-basic-auth-username", "scraper"],
  },
  {
    name: "dbaas external-endpoint update",
    prepare: async (api) => ["dbaas", "external-endpoint", "update", "prometheus", await once("endpoint", () => endpoint(api)), "--prometheus-basic-auth-username", "other"],
  },
  { name: "dbaas external-endpoint delete", prepare: async (api) => ["dbaas", "external-endpoint", "delete", "prometheus", await endpoint(api)] },
  {
    name: "dbaas external-integration attach",
    prepare: async (api) => ["dbaas", "external-integration", "attach", "prometheus", "--source-service-name", SERVICE, "--destination-endpoint-id", await endpoint(api)],
  },
  {
    name: "dbaas external-integration detach",
    prepare: async (api) => ["dbaas", "external-integration", "detach", SERVICE, "--integration-id", await integration(api)],
  },
  { name: "dbaas external-integration list", prepare: async () => ["dbaas", "external-integration", "list", SERVICE] },
  { name: "dbaas external-integration show", prepare: async (api) => ["dbaas", "external-integration", "show", await once("integration", () => integration(api))] },
  {
    name: "dbaas external-integration settings show",
    prepare: async (api) => ["dbaas", "external-integration", "settings", "show", "datadog", await once("datadog", () => integration(api, "datadog"))],
  },
  {
    name: "dbaas external-integration settings update",
    prepare: async (api) => ["dbaas", "external-integration", "settings", "update", "datadog", await once("datadog", () => integration(api, "datadog")), "--datadog-dbm-enabled"],
  },
];
