// The Kafka settings structs of egoscale v3.1.42 (JSONSchemaKafka, ...), which `exo dbaas show
// --settings` prints: unknown keys vanish, zero values of non-pointer fields are omitted
// (omitempty), and keys come out in the struct's declaration order.

import { GoFloat, GoNil, GoPtr, GoStruct } from "../../templates/values.js";
import { encodeIndentedJSON } from "../../output/json.js";
import { fixedOutput, type FixedOutput } from "../../output/model.js";
import type { KafkaService } from "../../api/schemas.js";
import { field, isJsonObject } from "./go.js";

type Kind = "int" | "float" | "string" | "bool" | { object: readonly Key[]; typeName: string };
type Key = readonly [string, Kind];

const ints = (...names: string[]): Key[] => names.map((n) => [n, "int"] as const);

const LOG_CLEANER: readonly Key[] = [
  ["log_cleaner_delete_retention_ms", "int"],
  ["log_cleaner_max_compaction_lag_ms", "int"],
  ["log_cleaner_min_cleanable_ratio", "float"],
  ["log_cleaner_min_compaction_lag_ms", "int"],
  ["log_cleanup_policy", "string"],
];

const KAFKA: readonly Key[] = [
  ["auto_create_topics_enable", "bool"],
  ["compression_type", "string"],
  ...ints(
    "connections_max_idle_ms",
    "default_replication_factor",
    "group_initial_rebalance_delay_ms",
    "group_max_session_timeout_ms",
    "group_min_session_timeout_ms",
  ),
  ["log-cleanup-and-compaction", { object: LOG_CLEANER, typeName: "v3.JSONSchemaKafkaLogCleanupAndCompaction" }],
  ...ints(
    "log_flush_interval_messages",
    "log_flush_interval_ms",
    "log_index_interval_bytes",
    "log_index_size_max_bytes",
    "log_local_retention_bytes",
    "log_local_retention_ms",
  ),
  ["log_message_downconversion_enable", "bool"],
  ["log_message_timestamp_difference_max_ms", "int"],
  ["log_message_timestamp_type", "string"],
  ["log_preallocate", "bool"],
  ...ints(
    "log_retention_bytes",
    "log_retention_hours",
    "log_retention_ms",
    "log_roll_jitter_ms",
    "log_roll_ms",
    "log_segment_bytes",
    "log_segment_delete_delay_ms",
    "max_connections_per_ip",
    "max_incremental_fetch_session_cache_slots",
    "message_max_bytes",
    "min_insync_replicas",
    "num_partitions",
    "offsets_retention_minutes",
    "producer_purgatory_purge_interval_requests",
    "replica_fetch_max_bytes",
    "replica_fetch_response_max_bytes",
  ),
  ["sasl_oauthbearer_expected_audience", "string"],
  ["sasl_oauthbearer_expected_issuer", "string"],
  ["sasl_oauthbearer_jwks_endpoint_url", "string"],
  ["sasl_oauthbearer_sub_claim_name", "string"],
  ["socket_request_max_bytes", "int"],
  ["transaction_partition_verification_enable", "bool"],
  ...ints("transaction_remove_expired_transaction_cleanup_interval_ms", "transaction_state_log_segment_bytes"),
];

const KAFKA_CONNECT: readonly Key[] = [
  ["connector_client_config_override_policy", "string"],
  ["consumer_auto_offset_reset", "string"],
  ["consumer_fetch_max_bytes", "int"],
  ["consumer_isolation_level", "string"],
  ...ints(
    "consumer_max_partition_fetch_bytes",
    "consumer_max_poll_interval_ms",
    "consumer_max_poll_records",
    "offset_flush_interval_ms",
    "offset_flush_timeout_ms",
    "producer_batch_size",
    "producer_buffer_memory",
  ),
  ["producer_compression_type", "string"],
  ...ints("producer_linger_ms", "producer_max_request_size", "scheduled_rebalance_max_delay_ms", "session_timeout_ms"),
];

const KAFKA_REST: readonly Key[] = [
  ["consumer_enable_auto_commit", "bool"],
  ...ints("consumer_request_max_bytes", "consumer_request_timeout_ms"),
  ["name_strategy", "string"],
  ["name_strategy_validation", "bool"],
  ["producer_acks", "string"],
  ["producer_compression_type", "string"],
  ...ints("producer_linger_ms", "producer_max_request_size", "simpleconsumer_pool_size_max"),
];

const SCHEMA_REGISTRY: readonly Key[] = [
  ["leader_eligibility", "bool"],
  ["topic_name", "string"],
];

import type { SettingsKind } from "../settings-kinds.js";
type SettingsKey = "kafka-settings" | "kafka-connect-settings" | "kafka-rest-settings" | "schema-registry-settings";
/** The settings objects of a Kafka service response (free-form JSON objects). */
export type ServiceSettings = Pick<KafkaService, SettingsKey>;

const STRUCTS: Record<SettingsKind, { key: SettingsKey; typeName: string; keys: readonly Key[] }> = {
  kafka: { key: "kafka-settings", typeName: "v3.JSONSchemaKafka", keys: KAFKA },
  "kafka-connect": { key: "kafka-connect-settings", typeName: "v3.JSONSchemaKafkaConnect", keys: KAFKA_CONNECT },
  "kafka-rest": { key: "kafka-rest-settings", typeName: "v3.JSONSchemaKafkaRest", keys: KAFKA_REST },
  "schema-registry": { key: "schema-registry-settings", typeName: "v3.JSONSchemaSchemaRegistry", keys: SCHEMA_REGISTRY },
};

function decodeField(value: unknown, kind: Kind): unknown {
  if (kind === "bool") return typeof value === "boolean" ? new GoPtr(value, "*bool") : undefined;
  if (kind === "string") return typeof value === "string" ? value : undefined;
  if (kind === "int") {
    if (typeof value === "bigint") return value;
    return typeof value === "number" && Number.isInteger(value) ? value : undefined;
  }
  if (kind === "float") {
    if (typeof value === "bigint") return new GoFloat(Number(value));
    return typeof value === "number" ? new GoFloat(value) : undefined;
  }
  return isJsonObject(value) ? new GoPtr(decodeStruct(value, kind.object, kind.typeName), `*${kind.typeName}`) : undefined;
}

function decodeStruct(raw: Readonly<Record<string, unknown>>, keys: readonly Key[], typeName: string): GoStruct {
  return new GoStruct(
    typeName,
    keys.map(([key, kind]) => {
      const decoded = decodeField(raw[key], kind);
      const absent =
        typeof kind === "object" ? new GoNil(`*${kind.typeName}`) : kind === "bool" ? new GoNil("*bool") : zeroOf(kind);
      return field(key, decoded ?? absent, key, true);
    }),
  );
}

function zeroOf(kind: "int" | "float" | "string"): unknown {
  return kind === "string" ? "" : kind === "float" ? new GoFloat(0) : 0;
}

/**
 * The settings object of a Kafka service as egoscale's typed struct holds it, or undefined when
 * the service response has no such object (exo prints `null`).
 */
export function typedServiceSettings(service: ServiceSettings, kind: SettingsKind): GoStruct | undefined {
  const spec = STRUCTS[kind];
  const raw = service[spec.key];
  return raw ? decodeStruct(raw, spec.keys, spec.typeName) : undefined;
}

/** `exo dbaas show NAME --settings KIND`: MarshalIndent with two spaces, HTML escaped, newline. */
export function serviceSettingsOutput(service: ServiceSettings, kind: SettingsKind): FixedOutput {
  const typed = typedServiceSettings(service, kind);
  return fixedOutput(encodeIndentedJSON(typed ?? null));
}
