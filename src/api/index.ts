// exo-dbaas/api: the signed Exoscale API client and its typed DBaaS (Kafka) endpoints, as a library.
//
//   import { ApiClient, zoneEndpoint, getKafkaService } from "exo-dbaas/api";
//   const client = new ApiClient({ endpoint: zoneEndpoint("de-muc-1"), credentials: { key, secret } });
//   const service = await getKafkaService(client, "my-kafka");
//
// Responses are validated and keep the API's kebab-case field names; integers beyond 2^53 are bigints.
export { ApiClient, type ClientOptions, type Credentials, type RequestSpec, type Transport, type Validator } from "./client.js";
export * from "./dbaas.js";
export {
  ApiError,
  AuthError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  ServerError,
  TimeoutError,
  ValidationError,
  type ApiErrorKind,
  type NetworkErrorKind,
} from "./errors.js";
export { OperationFailedError, OperationTimeoutError, waitForOperation, type WaitOptions } from "./operation.js";
export type { RetryPolicy } from "./retry.js";
export type {
  CaCertificate,
  KafkaAcls,
  KafkaService,
  KafkaSettingsSchemaResponse,
  KafkaUserSecrets,
  Operation,
  Plan,
  SchemaRegistryAclEntry,
  ServiceCommon,
  ServiceLogs,
  ServiceMetrics,
  ServiceType,
  SettingsSchema,
  TopicAclEntry,
  Zone,
} from "./schemas.js";

/** A zone's API base URL, e.g. zoneEndpoint("de-muc-1") is https://api-de-muc-1.exoscale.com/v2. */
export { zoneUrl as zoneEndpoint } from "../config/endpoint.js";
