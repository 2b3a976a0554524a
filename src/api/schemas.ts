// Response schemas for the endpoints this CLI calls, and their inferred types.
// Objects are loose (unknown fields pass through untouched); enum-like fields are plain strings so a
// value added by the API later does not break the CLI. Field names are the API's kebab-case ones.
// Integers may be bigint when beyond 2^53 (see json.ts).
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import type { Validator } from "./client.js";

// zod/mini: the same validation as zod's classic API without a dozen methods built onto every
// schema object, which made building the schemas the slowest step of a short command.
// English messages (mini ships none by default); no compiled fast path: each schema parses once.
z.config({ ...en(), jitless: true });

/**
 * Builds a schema on first use and keeps it. A command parses two or three kinds of response, and
 * building every schema up front costs more than the rest of its start-up; built lazily, the work
 * also overlaps the request in flight.
 */
function once<S>(build: () => S): () => S {
  let built: S | undefined;
  return () => (built ??= build());
}

/** A response schema as the client uses it (safeParse), built on the first parse or prepare(). */
export function lazy<S extends z.ZodMiniType>(build: () => S): Validator<z.output<S>> {
  const get = once(build);
  return { safeParse: (value) => get().safeParse(value), prepare: () => void get() };
}

/** A JSON integer: number, or bigint when it does not fit a double exactly. */
const int64 = once(() => z.union([z.int(), z.bigint()]));
/** Free-form JSON object. */
const jsonObject = once(() => z.record(z.string(), z.unknown()));

const zoneSchema = once(() =>
  z.looseObject({
    name: z.string(),
    "api-endpoint": z.optional(z.string()),
    "sos-endpoint": z.optional(z.string()),
  }),
);
const buildZoneListSchema = () => z.looseObject({ zones: z.array(zoneSchema()) });
export const zoneListSchema = lazy(buildZoneListSchema);

const buildCaCertificateSchema = () => z.looseObject({ certificate: z.string() });
export const caCertificateSchema = lazy(buildCaCertificateSchema);

const buildOperationSchema = () =>
  z.looseObject({
    id: z.string(),
    state: z.optional(z.string()),
    reason: z.optional(z.string()),
    message: z.optional(z.string()),
    reference: z.optional(z.looseObject({ id: z.optional(z.string()), link: z.optional(z.string()), command: z.optional(z.string()) })),
  });
export const operationSchema = lazy(buildOperationSchema);

const notificationSchema = once(() =>
  z.looseObject({
    level: z.string(),
    message: z.string(),
    type: z.string(),
    metadata: jsonObject(),
  }),
);

const integrationSchema = once(() =>
  z.looseObject({
    id: z.optional(z.string()),
    type: z.optional(z.string()),
    source: z.optional(z.string()),
    dest: z.optional(z.string()),
    description: z.optional(z.string()),
    settings: z.optional(jsonObject()),
    "is-enabled": z.optional(z.boolean()),
    "is-active": z.optional(z.boolean()),
    status: z.optional(z.string()),
  }),
);

const serviceCommonFields = once(() => ({
    name: z.string(),
    type: z.string(),
    plan: z.string(),
    state: z.optional(z.string()),
    zone: z.optional(z.string()),
    "created-at": z.optional(z.string()),
    "updated-at": z.optional(z.string()),
    "node-count": z.optional(int64()),
    "node-cpu-count": z.optional(int64()),
    "node-memory": z.optional(int64()),
    "disk-size": z.optional(int64()),
    "termination-protection": z.optional(z.boolean()),
    notifications: z.optional(z.array(notificationSchema())),
    integrations: z.optional(z.array(integrationSchema())),
  }));

const serviceCommonSchema = once(() => z.looseObject(serviceCommonFields()));
const buildServiceListSchema = () => z.looseObject({ "dbaas-services": z.array(serviceCommonSchema()) });
export const serviceListSchema = lazy(buildServiceListSchema);

const progressUpdateSchema = once(() =>
  z.looseObject({
    completed: z.boolean(),
    phase: z.string(),
    current: z.nullish(int64()),
    min: z.nullish(int64()),
    max: z.nullish(int64()),
    unit: z.optional(z.string()),
  }),
);

const nodeStateSchema = once(() =>
  z.looseObject({
    name: z.string(),
    state: z.string(),
    role: z.optional(z.string()),
    "progress-updates": z.optional(z.array(progressUpdateSchema())),
  }),
);

const backupSchema = once(() =>
  z.looseObject({
    "backup-name": z.string(),
    "backup-time": z.string(),
    "data-size": int64(),
  }),
);

const maintenanceSchema = once(() =>
  z.looseObject({
    dow: z.string(),
    time: z.string(),
    updates: z.array(
      z.looseObject({
        description: z.optional(z.string()),
        deadline: z.optional(z.string()),
        "start-after": z.optional(z.string()),
        "start-at": z.optional(z.string()),
      }),
    ),
  }),
);

const componentSchema = once(() =>
  z.looseObject({
    component: z.string(),
    host: z.string(),
    port: int64(),
    route: z.string(),
    usage: z.string(),
    "kafka-authentication-method": z.optional(z.string()),
  }),
);

const kafkaUserSchema = once(() =>
  z.looseObject({
    type: z.optional(z.string()),
    username: z.optional(z.string()),
    password: z.optional(z.string()),
    "access-cert": z.optional(z.string()),
    "access-cert-expiry": z.optional(z.string()),
    "access-key": z.optional(z.string()),
  }),
);

const buildKafkaServiceSchema = () =>
  z.looseObject({
    ...serviceCommonFields(),
    "prometheus-uri": z.optional(z.looseObject({ host: z.optional(z.string()), port: z.optional(int64()) })),
    version: z.optional(z.string()),
    "authentication-methods": z.optional(z.looseObject({ certificate: z.optional(z.boolean()), sasl: z.optional(z.boolean()) })),
    "kafka-rest-enabled": z.optional(z.boolean()),
    "kafka-connect-enabled": z.optional(z.boolean()),
    "schema-registry-enabled": z.optional(z.boolean()),
    "ip-filter": z.optional(z.array(z.string())),
    uri: z.optional(z.string()),
    "uri-params": z.optional(jsonObject()),
    "connection-info": z.optional(
      z.looseObject({
        nodes: z.optional(z.array(z.string())),
        "access-cert": z.optional(z.string()),
        "access-key": z.optional(z.string()),
        "connect-uri": z.optional(z.string()),
        "rest-uri": z.optional(z.string()),
        "registry-uri": z.optional(z.string()),
      }),
    ),
    components: z.optional(z.array(componentSchema())),
    users: z.optional(z.array(kafkaUserSchema())),
    "node-states": z.optional(z.array(nodeStateSchema())),
    backups: z.optional(z.array(backupSchema())),
    maintenance: z.optional(maintenanceSchema()),
    "kafka-settings": z.optional(jsonObject()),
    "kafka-connect-settings": z.optional(jsonObject()),
    "kafka-rest-settings": z.optional(jsonObject()),
    "schema-registry-settings": z.optional(jsonObject()),
  });
export const kafkaServiceSchema = lazy(buildKafkaServiceSchema);

const topicAclEntrySchema = once(() =>
  z.looseObject({
    id: z.optional(z.string()),
    username: z.string(),
    topic: z.string(),
    permission: z.string(),
  }),
);
const schemaRegistryAclEntrySchema = once(() =>
  z.looseObject({
    id: z.optional(z.string()),
    username: z.string(),
    resource: z.string(),
    permission: z.string(),
  }),
);
const buildKafkaAclsSchema = () =>
  z.looseObject({
    "topic-acl": z.optional(z.array(topicAclEntrySchema())),
    "schema-registry-acl": z.optional(z.array(schemaRegistryAclEntrySchema())),
  });
export const kafkaAclsSchema = lazy(buildKafkaAclsSchema);

const backupConfigSchema = once(() =>
  z.looseObject({
    interval: z.optional(int64()),
    "max-count": z.optional(int64()),
    "recovery-mode": z.optional(z.string()),
    "frequent-interval-minutes": z.optional(int64()),
    "frequent-oldest-age-minutes": z.optional(int64()),
    "infrequent-interval-minutes": z.optional(int64()),
    "infrequent-oldest-age-minutes": z.optional(int64()),
  }),
);

const planSchema = once(() =>
  z.looseObject({
    name: z.optional(z.string()),
    "node-count": z.optional(int64()),
    "node-cpu-count": z.optional(int64()),
    "node-memory": z.optional(int64()),
    "max-memory-percent": z.optional(int64()),
    "disk-space": z.optional(int64()),
    authorized: z.optional(z.boolean()),
    family: z.optional(z.string()),
    zones: z.optional(z.array(z.string())),
    "backup-config": z.optional(backupConfigSchema()),
  }),
);

const serviceTypeSchema = once(() =>
  z.looseObject({
    name: z.optional(z.string()),
    description: z.optional(z.string()),
    "available-versions": z.optional(z.array(z.string())),
    "default-version": z.optional(z.string()),
    plans: z.optional(z.array(planSchema())),
  }),
);
const buildServiceTypeListSchema = () => z.looseObject({ "dbaas-service-types": z.array(serviceTypeSchema()) });
export const serviceTypeListSchema = lazy(buildServiceTypeListSchema);
export const serviceTypeResponseSchema = lazy(serviceTypeSchema);

/** One JSON-Schema-like settings description; properties are kept as sent. */
const settingsSchemaSchema = once(() =>
  z.looseObject({
    properties: z.optional(jsonObject()),
    additionalProperties: z.optional(z.boolean()),
    type: z.optional(z.string()),
    title: z.optional(z.string()),
  }),
);
const buildKafkaSettingsSchemaResponseSchema = () =>
  z.looseObject({
    settings: z.looseObject({
      kafka: z.optional(settingsSchemaSchema()),
      "kafka-connect": z.optional(settingsSchemaSchema()),
      "kafka-rest": z.optional(settingsSchemaSchema()),
      "schema-registry": z.optional(settingsSchemaSchema()),
    }),
  });
export const kafkaSettingsSchemaResponseSchema = lazy(buildKafkaSettingsSchemaResponseSchema);

const buildKafkaUserSecretsSchema = () =>
  z.looseObject({
    username: z.optional(z.string()),
    password: z.optional(z.string()),
    "access-cert": z.optional(z.string()),
    "access-cert-expiry": z.optional(z.string()),
    "access-key": z.optional(z.string()),
  });
export const kafkaUserSecretsSchema = lazy(buildKafkaUserSecretsSchema);

const buildServiceLogsSchema = () =>
  z.looseObject({
    offset: z.optional(z.string()),
    "first-log-offset": z.optional(z.string()),
    logs: z.optional(
      z.array(
        z.looseObject({
          unit: z.optional(z.string()),
          time: z.optional(z.string()),
          message: z.optional(z.string()),
          node: z.optional(z.string()),
        }),
      ),
    ),
  });
export const serviceLogsSchema = lazy(buildServiceLogsSchema);

const buildServiceMetricsSchema = () => z.looseObject({ metrics: z.optional(jsonObject()) });
export const serviceMetricsSchema = lazy(buildServiceMetricsSchema);

export type Zone = z.infer<ReturnType<typeof zoneSchema>>;
export type ZoneList = z.infer<ReturnType<typeof buildZoneListSchema>>;
export type CaCertificate = z.infer<ReturnType<typeof buildCaCertificateSchema>>;
export type Operation = z.infer<ReturnType<typeof buildOperationSchema>>;
export type ServiceCommon = z.infer<ReturnType<typeof serviceCommonSchema>>;
export type ServiceList = z.infer<ReturnType<typeof buildServiceListSchema>>;
export type KafkaService = z.infer<ReturnType<typeof buildKafkaServiceSchema>>;
export type KafkaAcls = z.infer<ReturnType<typeof buildKafkaAclsSchema>>;
export type TopicAclEntry = z.infer<ReturnType<typeof topicAclEntrySchema>>;
export type SchemaRegistryAclEntry = z.infer<ReturnType<typeof schemaRegistryAclEntrySchema>>;
export type ServiceType = z.infer<ReturnType<typeof serviceTypeSchema>>;
export type ServiceTypeList = z.infer<ReturnType<typeof buildServiceTypeListSchema>>;
export type Plan = z.infer<ReturnType<typeof planSchema>>;
export type KafkaSettingsSchemaResponse = z.infer<ReturnType<typeof buildKafkaSettingsSchemaResponseSchema>>;
export type SettingsSchema = z.infer<ReturnType<typeof settingsSchemaSchema>>;
export type KafkaUserSecrets = z.infer<ReturnType<typeof buildKafkaUserSecretsSchema>>;
export type ServiceLogs = z.infer<ReturnType<typeof buildServiceLogsSchema>>;
export type ServiceMetrics = z.infer<ReturnType<typeof buildServiceMetricsSchema>>;
