// Typed DBaaS endpoints (Kafka and the generic service calls). Results keep the API's kebab-case
// field names. Mutating calls return the Operation to wait on (see operation.ts).
import type { ApiClient } from "./client.js";
import {
  caCertificateSchema,
  kafkaAclsSchema,
  kafkaServiceSchema,
  kafkaSettingsSchemaResponseSchema,
  kafkaUserSecretsSchema,
  operationSchema,
  serviceListSchema,
  serviceLogsSchema,
  serviceMetricsSchema,
  serviceTypeListSchema,
  serviceTypeResponseSchema,
  zoneListSchema,
  type CaCertificate,
  type KafkaAcls,
  type KafkaService,
  type KafkaSettingsSchemaResponse,
  type KafkaUserSecrets,
  type Operation,
  type ServiceCommon,
  type ServiceLogs,
  type ServiceMetrics,
  type ServiceType,
  type Zone,
} from "./schemas.js";
import { pathSegment } from "./path-segment.js";

const serviceSeg = (name: string) => pathSegment("service name", name);
const userSeg = (name: string) => pathSegment("username", name);
const aclSeg = (id: string) => pathSegment("ACL id", id);

/** Body of create (plan required) and update (everything optional) of a Kafka service. */
export interface KafkaServiceRequest {
  plan?: string;
  version?: string;
  "authentication-methods"?: { certificate?: boolean; sasl?: boolean };
  "kafka-rest-enabled"?: boolean;
  "kafka-connect-enabled"?: boolean;
  "schema-registry-enabled"?: boolean;
  "ip-filter"?: string[];
  "termination-protection"?: boolean;
  maintenance?: { dow: string; time: string };
  "kafka-settings"?: Record<string, unknown>;
  "kafka-connect-settings"?: Record<string, unknown>;
  "kafka-rest-settings"?: Record<string, unknown>;
  "schema-registry-settings"?: Record<string, unknown>;
}

export interface TopicAclRequest {
  username: string;
  topic: string;
  permission: "admin" | "read" | "readwrite" | "write";
}

export interface SchemaRegistryAclRequest {
  username: string;
  resource: string;
  permission: "schema_registry_read" | "schema_registry_write";
}

/** The API's `enum-sort-order`. */
export const LOG_SORT_ORDERS = ["asc", "desc"] as const;
/** The API's metrics periods (get-dbaas-service-metrics). */
export const METRICS_PERIODS = ["hour", "day", "week", "month", "year"] as const;
export type MetricsPeriod = (typeof METRICS_PERIODS)[number];

export interface ServiceLogsRequest {
  limit?: number;
  "sort-order"?: (typeof LOG_SORT_ORDERS)[number];
  offset?: string;
}

/** GET /zone: the only unsigned call. */
export async function listZones(client: ApiClient): Promise<Zone[]> {
  const res = await client.request({ method: "GET", path: "/zone", schema: zoneListSchema, operationId: "list-zones", unsigned: true });
  return res.zones;
}

export function getCaCertificate(client: ApiClient): Promise<CaCertificate> {
  return client.request({ method: "GET", path: "/dbaas-ca-certificate", schema: caCertificateSchema, operationId: "get-dbaas-ca-certificate" });
}

export async function listServices(client: ApiClient): Promise<ServiceCommon[]> {
  const res = await client.request({ method: "GET", path: "/dbaas-service", schema: serviceListSchema, operationId: "list-dbaas-services" });
  return res["dbaas-services"];
}

export function getKafkaService(client: ApiClient, name: string): Promise<KafkaService> {
  return client.request({ method: "GET", path: `/dbaas-kafka/${serviceSeg(name)}`, schema: kafkaServiceSchema, operationId: "get-dbaas-service-kafka" });
}

export function getKafkaAclConfig(client: ApiClient, name: string): Promise<KafkaAcls> {
  return client.request({
    method: "GET",
    path: `/dbaas-kafka/${serviceSeg(name)}/acl-config`,
    schema: kafkaAclsSchema,
    operationId: "get-dbaas-kafka-acl-config",
  });
}

export function createKafkaService(client: ApiClient, name: string, body: KafkaServiceRequest & { plan: string }): Promise<Operation> {
  return mutate(client, "POST", `/dbaas-kafka/${serviceSeg(name)}`, "create-dbaas-service-kafka", body);
}

export function updateKafkaService(client: ApiClient, name: string, body: KafkaServiceRequest): Promise<Operation> {
  return mutate(client, "PUT", `/dbaas-kafka/${serviceSeg(name)}`, "update-dbaas-service-kafka", body);
}

/** Type-agnostic delete (DELETE /dbaas-service/{name}), as exo uses. */
export function deleteService(client: ApiClient, name: string): Promise<Operation> {
  return mutate(client, "DELETE", `/dbaas-service/${serviceSeg(name)}`, "delete-dbaas-service");
}

export async function listServiceTypes(client: ApiClient): Promise<ServiceType[]> {
  const res = await client.request({
    method: "GET",
    path: "/dbaas-service-type",
    schema: serviceTypeListSchema,
    operationId: "list-dbaas-service-types",
  });
  return res["dbaas-service-types"];
}

export function getServiceType(client: ApiClient, name: string): Promise<ServiceType> {
  return client.request({
    method: "GET",
    path: `/dbaas-service-type/${pathSegment("service type", name)}`,
    schema: serviceTypeResponseSchema,
    operationId: "get-dbaas-service-type",
  });
}

export function getKafkaSettingsSchema(client: ApiClient): Promise<KafkaSettingsSchemaResponse> {
  return client.request({
    method: "GET",
    path: "/dbaas-settings-kafka",
    schema: kafkaSettingsSchemaResponseSchema,
    operationId: "get-dbaas-settings-kafka",
  });
}

export function createKafkaUser(client: ApiClient, service: string, username: string): Promise<Operation> {
  return mutate(client, "POST", `/dbaas-kafka/${serviceSeg(service)}/user`, "create-dbaas-kafka-user", { username });
}

export function deleteKafkaUser(client: ApiClient, service: string, username: string): Promise<Operation> {
  return mutate(client, "DELETE", `/dbaas-kafka/${serviceSeg(service)}/user/${userSeg(username)}`, "delete-dbaas-kafka-user");
}

/** Without a password the server generates one. */
export function resetKafkaUserPassword(client: ApiClient, service: string, username: string, password?: string): Promise<Operation> {
  return mutate(
    client,
    "PUT",
    `/dbaas-kafka/${serviceSeg(service)}/user/${userSeg(username)}/password/reset`,
    "reset-dbaas-kafka-user-password",
    password === undefined ? {} : { password },
  );
}

export function revealKafkaUserSecrets(client: ApiClient, service: string, username: string): Promise<KafkaUserSecrets> {
  return client.request({
    method: "GET",
    path: `/dbaas-kafka/${serviceSeg(service)}/user/${userSeg(username)}/password/reveal`,
    schema: kafkaUserSecretsSchema,
    operationId: "reveal-dbaas-kafka-user-password",
  });
}

export function createKafkaTopicAcl(client: ApiClient, service: string, entry: TopicAclRequest): Promise<Operation> {
  return mutate(client, "POST", `/dbaas-kafka/${serviceSeg(service)}/topic/acl-config`, "create-dbaas-kafka-topic-acl-config", entry);
}

export function deleteKafkaTopicAcl(client: ApiClient, service: string, aclId: string): Promise<Operation> {
  return mutate(client, "DELETE", `/dbaas-kafka/${serviceSeg(service)}/topic/acl-config/${aclSeg(aclId)}`, "delete-dbaas-kafka-topic-acl-config");
}

export function createKafkaSchemaRegistryAcl(client: ApiClient, service: string, entry: SchemaRegistryAclRequest): Promise<Operation> {
  return mutate(
    client,
    "POST",
    `/dbaas-kafka/${serviceSeg(service)}/schema-registry/acl-config`,
    "create-dbaas-kafka-schema-registry-acl-config",
    entry,
  );
}

export function deleteKafkaSchemaRegistryAcl(client: ApiClient, service: string, aclId: string): Promise<Operation> {
  return mutate(
    client,
    "DELETE",
    `/dbaas-kafka/${serviceSeg(service)}/schema-registry/acl-config/${aclSeg(aclId)}`,
    "delete-dbaas-kafka-schema-registry-acl-config",
  );
}

export function getOperation(client: ApiClient, id: string): Promise<Operation> {
  return client.request({ method: "GET", path: `/operation/${pathSegment("operation id", id)}`, schema: operationSchema, operationId: "get-operation" });
}

/** A read made with POST; every body field is optional. */
export function getServiceLogs(client: ApiClient, service: string, body: ServiceLogsRequest = {}): Promise<ServiceLogs> {
  return client.request({
    method: "POST",
    path: `/dbaas-service-logs/${serviceSeg(service)}`,
    body,
    schema: serviceLogsSchema,
    operationId: "get-dbaas-service-logs",
    read: true,
  });
}

export function getServiceMetrics(
  client: ApiClient,
  service: string,
  period?: MetricsPeriod,
): Promise<ServiceMetrics> {
  return client.request({
    method: "POST",
    path: `/dbaas-service-metrics/${serviceSeg(service)}`,
    body: period === undefined ? {} : { period },
    schema: serviceMetricsSchema,
    operationId: "get-dbaas-service-metrics",
    read: true,
  });
}

/** PUT with no body, as the SDK sends it. */
export function startKafkaMaintenance(client: ApiClient, service: string): Promise<Operation> {
  return mutate(client, "PUT", `/dbaas-kafka/${serviceSeg(service)}/maintenance/start`, "start-dbaas-kafka-maintenance");
}

function mutate(client: ApiClient, method: "POST" | "PUT" | "DELETE", path: string, operationId: string, body?: unknown): Promise<Operation> {
  return client.request({ method, path, body, schema: operationSchema, operationId });
}
