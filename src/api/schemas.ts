// Response schemas for the endpoints this CLI calls, and their inferred types.
// Objects are loose (unknown fields pass through untouched); enum-like fields are plain strings so a
// value added by the API later does not break the CLI. Field names are the API's kebab-case ones.
// Integers may be bigint when beyond 2^53 (see json.ts).
import * as z from "zod";

// Each schema parses once per process: compiling a fast path (new Function) costs more than it saves.
z.config({ jitless: true });

/** A JSON integer: number, or bigint when it does not fit a double exactly. */
export const int64 = z.union([z.number().int(), z.bigint()]);
/** Free-form JSON object. */
export const jsonObject = z.record(z.string(), z.unknown());

export const zoneSchema = z.looseObject({
  name: z.string(),
  "api-endpoint": z.string().optional(),
  "sos-endpoint": z.string().optional(),
});
export const zoneListSchema = z.looseObject({ zones: z.array(zoneSchema) });

export const caCertificateSchema = z.looseObject({ certificate: z.string() });

export const operationSchema = z.looseObject({
  id: z.string(),
  state: z.string().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  reference: z.looseObject({ id: z.string().optional(), link: z.string().optional(), command: z.string().optional() }).optional(),
});

const notificationSchema = z.looseObject({
  level: z.string(),
  message: z.string(),
  type: z.string(),
  metadata: jsonObject,
});

const integrationSchema = z.looseObject({
  id: z.string().optional(),
  type: z.string().optional(),
  source: z.string().optional(),
  dest: z.string().optional(),
  description: z.string().optional(),
  settings: jsonObject.optional(),
  "is-enabled": z.boolean().optional(),
  "is-active": z.boolean().optional(),
  status: z.string().optional(),
});

const serviceCommonFields = {
  name: z.string(),
  type: z.string(),
  plan: z.string(),
  state: z.string().optional(),
  zone: z.string().optional(),
  "created-at": z.string().optional(),
  "updated-at": z.string().optional(),
  "node-count": int64.optional(),
  "node-cpu-count": int64.optional(),
  "node-memory": int64.optional(),
  "disk-size": int64.optional(),
  "termination-protection": z.boolean().optional(),
  notifications: z.array(notificationSchema).optional(),
  integrations: z.array(integrationSchema).optional(),
};

export const serviceCommonSchema = z.looseObject(serviceCommonFields);
export const serviceListSchema = z.looseObject({ "dbaas-services": z.array(serviceCommonSchema) });

const progressUpdateSchema = z.looseObject({
  completed: z.boolean(),
  phase: z.string(),
  current: int64.nullish(),
  min: int64.nullish(),
  max: int64.nullish(),
  unit: z.string().optional(),
});

const nodeStateSchema = z.looseObject({
  name: z.string(),
  state: z.string(),
  role: z.string().optional(),
  "progress-updates": z.array(progressUpdateSchema).optional(),
});

const backupSchema = z.looseObject({
  "backup-name": z.string(),
  "backup-time": z.string(),
  "data-size": int64,
});

const maintenanceSchema = z.looseObject({
  dow: z.string(),
  time: z.string(),
  updates: z.array(
    z.looseObject({
      description: z.string().optional(),
      deadline: z.string().optional(),
      "start-after": z.string().optional(),
      "start-at": z.string().optional(),
    }),
  ),
});

const componentSchema = z.looseObject({
  component: z.string(),
  host: z.string(),
  port: int64,
  route: z.string(),
  usage: z.string(),
  "kafka-authentication-method": z.string().optional(),
});

const kafkaUserSchema = z.looseObject({
  type: z.string().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  "access-cert": z.string().optional(),
  "access-cert-expiry": z.string().optional(),
  "access-key": z.string().optional(),
});

export const kafkaServiceSchema = z.looseObject({
  ...serviceCommonFields,
  "prometheus-uri": z.looseObject({ host: z.string().optional(), port: int64.optional() }).optional(),
  version: z.string().optional(),
  "authentication-methods": z.looseObject({ certificate: z.boolean().optional(), sasl: z.boolean().optional() }).optional(),
  "kafka-rest-enabled": z.boolean().optional(),
  "kafka-connect-enabled": z.boolean().optional(),
  "schema-registry-enabled": z.boolean().optional(),
  "ip-filter": z.array(z.string()).optional(),
  uri: z.string().optional(),
  "uri-params": jsonObject.optional(),
  "connection-info": z
    .looseObject({
      nodes: z.array(z.string()).optional(),
      "access-cert": z.string().optional(),
      "access-key": z.string().optional(),
      "connect-uri": z.string().optional(),
      "rest-uri": z.string().optional(),
      "registry-uri": z.string().optional(),
    })
    .optional(),
  components: z.array(componentSchema).optional(),
  users: z.array(kafkaUserSchema).optional(),
  "node-states": z.array(nodeStateSchema).optional(),
  backups: z.array(backupSchema).optional(),
  maintenance: maintenanceSchema.optional(),
  "kafka-settings": jsonObject.optional(),
  "kafka-connect-settings": jsonObject.optional(),
  "kafka-rest-settings": jsonObject.optional(),
  "schema-registry-settings": jsonObject.optional(),
});

export const topicAclEntrySchema = z.looseObject({
  id: z.string().optional(),
  username: z.string(),
  topic: z.string(),
  permission: z.string(),
});
export const schemaRegistryAclEntrySchema = z.looseObject({
  id: z.string().optional(),
  username: z.string(),
  resource: z.string(),
  permission: z.string(),
});
export const kafkaAclsSchema = z.looseObject({
  "topic-acl": z.array(topicAclEntrySchema).optional(),
  "schema-registry-acl": z.array(schemaRegistryAclEntrySchema).optional(),
});

const backupConfigSchema = z.looseObject({
  interval: int64.optional(),
  "max-count": int64.optional(),
  "recovery-mode": z.string().optional(),
  "frequent-interval-minutes": int64.optional(),
  "frequent-oldest-age-minutes": int64.optional(),
  "infrequent-interval-minutes": int64.optional(),
  "infrequent-oldest-age-minutes": int64.optional(),
});

export const planSchema = z.looseObject({
  name: z.string().optional(),
  "node-count": int64.optional(),
  "node-cpu-count": int64.optional(),
  "node-memory": int64.optional(),
  "max-memory-percent": int64.optional(),
  "disk-space": int64.optional(),
  authorized: z.boolean().optional(),
  family: z.string().optional(),
  zones: z.array(z.string()).optional(),
  "backup-config": backupConfigSchema.optional(),
});

export const serviceTypeSchema = z.looseObject({
  name: z.string().optional(),
  description: z.string().optional(),
  "available-versions": z.array(z.string()).optional(),
  "default-version": z.string().optional(),
  plans: z.array(planSchema).optional(),
});
export const serviceTypeListSchema = z.looseObject({ "dbaas-service-types": z.array(serviceTypeSchema) });

/** One JSON-Schema-like settings description; properties are kept as sent. */
export const settingsSchemaSchema = z.looseObject({
  properties: jsonObject.optional(),
  additionalProperties: z.boolean().optional(),
  type: z.string().optional(),
  title: z.string().optional(),
});
export const kafkaSettingsSchemaResponseSchema = z.looseObject({
  settings: z.looseObject({
    kafka: settingsSchemaSchema.optional(),
    "kafka-connect": settingsSchemaSchema.optional(),
    "kafka-rest": settingsSchemaSchema.optional(),
    "schema-registry": settingsSchemaSchema.optional(),
  }),
});

export const kafkaUserSecretsSchema = z.looseObject({
  username: z.string().optional(),
  password: z.string().optional(),
  "access-cert": z.string().optional(),
  "access-cert-expiry": z.string().optional(),
  "access-key": z.string().optional(),
});

export const serviceLogsSchema = z.looseObject({
  offset: z.string().optional(),
  "first-log-offset": z.string().optional(),
  logs: z
    .array(
      z.looseObject({
        unit: z.string().optional(),
        time: z.string().optional(),
        message: z.string().optional(),
        node: z.string().optional(),
      }),
    )
    .optional(),
});

export const serviceMetricsSchema = z.looseObject({ metrics: jsonObject.optional() });

export type Zone = z.infer<typeof zoneSchema>;
export type ZoneList = z.infer<typeof zoneListSchema>;
export type CaCertificate = z.infer<typeof caCertificateSchema>;
export type Operation = z.infer<typeof operationSchema>;
export type ServiceCommon = z.infer<typeof serviceCommonSchema>;
export type ServiceList = z.infer<typeof serviceListSchema>;
export type KafkaService = z.infer<typeof kafkaServiceSchema>;
export type KafkaAcls = z.infer<typeof kafkaAclsSchema>;
export type TopicAclEntry = z.infer<typeof topicAclEntrySchema>;
export type SchemaRegistryAclEntry = z.infer<typeof schemaRegistryAclEntrySchema>;
export type ServiceType = z.infer<typeof serviceTypeSchema>;
export type ServiceTypeList = z.infer<typeof serviceTypeListSchema>;
export type Plan = z.infer<typeof planSchema>;
export type KafkaSettingsSchemaResponse = z.infer<typeof kafkaSettingsSchemaResponseSchema>;
export type SettingsSchema = z.infer<typeof settingsSchemaSchema>;
export type KafkaUserSecrets = z.infer<typeof kafkaUserSecretsSchema>;
export type ServiceLogs = z.infer<typeof serviceLogsSchema>;
export type ServiceMetrics = z.infer<typeof serviceMetricsSchema>;
