// External endpoints (Datadog, Elasticsearch, OpenSearch, Prometheus, rsyslog) and the integrations
// attaching a service to them. These calls live in the account's default zone. Bodies keep the API's
// kebab-case names; members are inserted in the order Go's encoder writes them (alphabetical).
import * as z from "zod/mini";
import type { ApiClient } from "./client.js";
import { pathSegment } from "./path-segment.js";
import { lazy, operationSchema, type Operation } from "./schemas.js";

export const EXTERNAL_ENDPOINT_TYPES = ["datadog", "elasticsearch", "opensearch", "prometheus", "rsyslog"] as const;
export type ExternalEndpointType = (typeof EXTERNAL_ENDPOINT_TYPES)[number];

export const isExternalEndpointType = (value: string): value is ExternalEndpointType => (EXTERNAL_ENDPOINT_TYPES as readonly string[]).includes(value);

const int = () => z.optional(z.union([z.int(), z.bigint()]));
const str = () => z.optional(z.string());

const endpointListSchema = lazy(() =>
  z.looseObject({
    "dbaas-endpoints": z.optional(z.array(z.looseObject({ id: str(), name: str(), type: str() }))),
  }),
);
export type ExternalEndpointSummary = { id?: string; name?: string; type?: string };

const endpointTypesSchema = lazy(() =>
  z.looseObject({
    "endpoint-types": z.optional(z.array(z.looseObject({ type: str(), title: str(), "service-types": z.optional(z.array(z.string())) }))),
  }),
);

const datadogTagSchema = () => z.looseObject({ tag: z.string(), comment: str() });

/** Settings as the API shows them: never a secret (no API key, password or private key). */
const settingsSchema = () =>
  z.looseObject({
    // datadog
    site: str(),
    "datadog-tags": z.optional(z.array(datadogTagSchema())),
    "disable-consumer-stats": z.optional(z.boolean()),
    "kafka-consumer-check-instances": int(),
    "kafka-consumer-stats-timeout": int(),
    "max-partition-contexts": int(),
    // elasticsearch / opensearch
    url: str(),
    "index-prefix": str(),
    "index-days-max": int(),
    timeout: int(),
    // prometheus
    "basic-auth-username": str(),
    // rsyslog
    server: str(),
    port: int(),
    tls: z.optional(z.boolean()),
    format: str(),
    logline: str(),
    sd: str(),
    "max-message-size": int(),
  });

const endpointSchema = lazy(() => z.looseObject({ id: str(), name: str(), type: str(), settings: z.optional(settingsSchema()) }));
export type ExternalEndpoint = {
  id?: string;
  name?: string;
  type?: string;
  settings?: z.output<ReturnType<typeof settingsSchema>>;
};
export type ExternalEndpointSettings = NonNullable<ExternalEndpoint["settings"]>;

const integrationItem = () =>
  z.looseObject({
    description: str(),
    "dest-endpoint-id": str(),
    "dest-endpoint-name": str(),
    "integration-id": str(),
    "source-service-name": str(),
    "source-service-type": str(),
    status: str(),
    type: str(),
  });
export type ExternalIntegration = z.output<ReturnType<typeof integrationItem>>;
const integrationSchema = lazy(integrationItem);
const integrationListSchema = lazy(() => z.looseObject({ "external-integrations": z.optional(z.array(integrationItem())) }));

const datadogIntegrationSettingsSchema = lazy(() =>
  z.looseObject({
    settings: z.optional(z.looseObject({ "datadog-dbm-enabled": z.optional(z.boolean()), "datadog-pgbouncer-enabled": z.optional(z.boolean()) })),
  }),
);
export interface DatadogIntegrationSettings {
  "datadog-dbm-enabled"?: boolean;
  "datadog-pgbouncer-enabled"?: boolean;
}

/** `{"settings": {...}}`: the body of every endpoint create and update. */
export type EndpointSettingsBody = Record<string, unknown>;

export async function listExternalEndpoints(client: ApiClient): Promise<ExternalEndpointSummary[]> {
  const res = await client.request({ method: "GET", path: "/dbaas-external-endpoints", schema: endpointListSchema, operationId: "list-dbaas-external-endpoints" });
  return res["dbaas-endpoints"] ?? [];
}

export async function listExternalEndpointTypes(client: ApiClient): Promise<string[]> {
  const res = await client.request({
    method: "GET",
    path: "/dbaas-external-endpoint-types",
    schema: endpointTypesSchema,
    operationId: "list-dbaas-external-endpoint-types",
  });
  return (res["endpoint-types"] ?? []).map((t) => t.type).filter((t): t is string => !!t);
}

export function getExternalEndpoint(client: ApiClient, type: ExternalEndpointType, id: string): Promise<ExternalEndpoint> {
  return client.request({
    method: "GET",
    path: `/dbaas-external-endpoint-${type}/${pathSegment("endpoint", id)}`,
    schema: endpointSchema,
    operationId: `get-dbaas-external-endpoint-${type}`,
  });
}

export function createExternalEndpoint(client: ApiClient, type: ExternalEndpointType, name: string, settings: EndpointSettingsBody): Promise<Operation> {
  return mutate(client, "POST", `/dbaas-external-endpoint-${type}/${pathSegment("endpoint", name)}`, `create-dbaas-external-endpoint-${type}`, { settings });
}

export function updateExternalEndpoint(client: ApiClient, type: ExternalEndpointType, id: string, settings: EndpointSettingsBody): Promise<Operation> {
  return mutate(client, "PUT", `/dbaas-external-endpoint-${type}/${pathSegment("endpoint", id)}`, `update-dbaas-external-endpoint-${type}`, { settings });
}

export function deleteExternalEndpoint(client: ApiClient, type: ExternalEndpointType, id: string): Promise<Operation> {
  return mutate(client, "DELETE", `/dbaas-external-endpoint-${type}/${pathSegment("endpoint", id)}`, `delete-dbaas-external-endpoint-${type}`);
}

/** Members in Go's order: dest-endpoint-id, type. */
export function attachServiceToEndpoint(client: ApiClient, service: string, endpointId: string, type: ExternalEndpointType): Promise<Operation> {
  return mutate(client, "PUT", `/dbaas-external-endpoint/${pathSegment("service name", service)}/attach`, "attach-dbaas-service-to-endpoint", {
    "dest-endpoint-id": endpointId,
    type,
  });
}

export function detachServiceFromEndpoint(client: ApiClient, service: string, integrationId: string): Promise<Operation> {
  return mutate(client, "PUT", `/dbaas-external-endpoint/${pathSegment("service name", service)}/detach`, "detach-dbaas-service-from-endpoint", {
    "integration-id": integrationId,
  });
}

export async function listExternalIntegrations(client: ApiClient, service: string): Promise<ExternalIntegration[]> {
  const res = await client.request({
    method: "GET",
    path: `/dbaas-external-integrations/${pathSegment("service name", service)}`,
    schema: integrationListSchema,
    operationId: "list-dbaas-external-integrations",
  });
  return res["external-integrations"] ?? [];
}

export function getExternalIntegration(client: ApiClient, id: string): Promise<ExternalIntegration> {
  return client.request({
    method: "GET",
    path: `/dbaas-external-integration/${pathSegment("integration ID", id)}`,
    schema: integrationSchema,
    operationId: "get-dbaas-external-integration",
  });
}

export async function getDatadogIntegrationSettings(client: ApiClient, id: string): Promise<DatadogIntegrationSettings | undefined> {
  const res = await client.request({
    method: "GET",
    path: `/dbaas-external-integration-settings-datadog/${pathSegment("integration ID", id)}`,
    schema: datadogIntegrationSettingsSchema,
    operationId: "get-dbaas-external-integration-settings-datadog",
  });
  return res.settings;
}

export function updateDatadogIntegrationSettings(client: ApiClient, id: string, settings: DatadogIntegrationSettings): Promise<Operation> {
  return mutate(
    client,
    "POST",
    `/dbaas-external-integration-settings-datadog/${pathSegment("integration ID", id)}`,
    "update-dbaas-external-integration-settings-datadog",
    { settings },
  );
}

function mutate(client: ApiClient, method: "POST" | "PUT" | "DELETE", path: string, operationId: string, body?: unknown): Promise<Operation> {
  return client.request({ method, path, body, schema: operationSchema, operationId });
}
