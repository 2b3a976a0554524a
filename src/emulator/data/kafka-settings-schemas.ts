// The live settings schemas served by GET /dbaas-settings-kafka (JSON-Schema subset).
// Integers beyond 2^53 are bigint literals so they are served exactly.
/* eslint-disable */
import type { JsonSchema } from "../settings-validation.js";

export const kafkaSettingsSchemas: Record<"kafka" | "kafka-connect" | "kafka-rest" | "schema-registry", JsonSchema> = {
  "kafka": {
    "title": "Kafka broker configuration values",
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "log_segment_delete_delay_ms": {
        "type": "integer",
        "minimum": 0,
        "maximum": 3600000,
        "example": 60000,
        "description": "The amount of time to wait before deleting a file from the filesystem"
      },
      "log_roll_ms": {
        "type": "integer",
        "minimum": 1,
        "maximum": 9223372036854775807n,
        "description": "The maximum time before a new log segment is rolled out (in milliseconds)."
      },
      "log_cleaner_min_compaction_lag_ms": {
        "type": "integer",
        "minimum": 0,
        "maximum": 9223372036854775807n,
        "description": "The minimum time a message will remain uncompacted in the log. Only applicable for logs that are being compacted."
      },
      "max_incremental_fetch_session_cache_slots": {
        "type": "integer",
        "minimum": 1000,
        "maximum": 10000,
        "example": 1000,
        "description": "The maximum number of incremental fetch sessions that the broker will maintain."
      },
      "group_min_session_timeout_ms": {
        "type": "integer",
        "minimum": 0,
        "maximum": 60000,
        "example": 6000,
        "description": "The minimum allowed session timeout for registered consumers. Longer timeouts give consumers more time to process messages in between heartbeats at the cost of a longer time to detect failures."
      },
      "offsets_retention_minutes": {
        "type": "integer",
        "minimum": 1,
        "maximum": 2147483647,
        "example": 10080,
        "description": "Log retention window in minutes for offsets topic"
      },
      "log_flush_interval_ms": {
        "type": "integer",
        "minimum": 0,
        "maximum": 9223372036854775807n,
        "description": "The maximum time in ms that a message in any topic is kept in memory before flushed to disk. If not set, the value in log.flush.scheduler.interval.ms is used"
      },
      "log_retention_hours": {
        "type": "integer",
        "minimum": -1,
        "maximum": 2147483647,
        "description": "The number of hours to keep a log file before deleting it"
      },
      "log_retention_ms": {
        "type": "integer",
        "minimum": -1,
        "maximum": 9223372036854775807n,
        "description": "The number of milliseconds to keep a log file before deleting it (in milliseconds), If not set, the value in log.retention.minutes is used. If set to -1, no time limit is applied."
      },
      "min_insync_replicas": {
        "type": "integer",
        "minimum": 1,
        "maximum": 7,
        "example": 1,
        "description": "When a producer sets acks to 'all' (or '-1'), min.insync.replicas specifies the minimum number of replicas that must acknowledge a write for the write to be considered successful."
      },
      "log_preallocate": {
        "type": "boolean",
        "example": false,
        "description": "Should pre allocate file when create new segment?"
      },
      "group_initial_rebalance_delay_ms": {
        "type": "integer",
        "minimum": 0,
        "maximum": 300000,
        "example": 3000,
        "description": "The amount of time, in milliseconds, the group coordinator will wait for more consumers to join a new group before performing the first rebalance. A longer delay means potentially fewer rebalances, but increases the time until processing begins. The default value for this is 3 seconds. During development and testing it might be desirable to set this to 0 in order to not delay test execution time."
      },
      "log_message_timestamp_difference_max_ms": {
        "type": "integer",
        "minimum": 0,
        "maximum": 9223372036854775807n,
        "description": "The maximum difference allowed between the timestamp when a broker receives a message and the timestamp specified in the message"
      },
      "log_index_size_max_bytes": {
        "type": "integer",
        "minimum": 1048576,
        "maximum": 104857600,
        "example": 10485760,
        "description": "The maximum size in bytes of the offset index"
      },
      "message_max_bytes": {
        "type": "integer",
        "minimum": 0,
        "maximum": 100001200,
        "example": 1048588,
        "description": "The maximum size of message that the server can receive."
      },
      "log_roll_jitter_ms": {
        "type": "integer",
        "minimum": 0,
        "maximum": 9223372036854775807n,
        "description": "The maximum jitter to subtract from logRollTimeMillis (in milliseconds). If not set, the value in log.roll.jitter.hours is used"
      },
      "transaction_remove_expired_transaction_cleanup_interval_ms": {
        "type": "integer",
        "minimum": 600000,
        "maximum": 3600000,
        "example": 3600000,
        "description": "The interval at which to remove transactions that have expired due to transactional.id.expiration.ms passing (defaults to 3600000 (1 hour))."
      },
      "log_message_downconversion_enable": {
        "type": "boolean",
        "example": true,
        "description": "This configuration controls whether down-conversion of message formats is enabled to satisfy consume requests."
      },
      "log_cleaner_max_compaction_lag_ms": {
        "type": "integer",
        "minimum": 30000,
        "maximum": 9223372036854775807n,
        "description": "The maximum amount of time message will remain uncompacted. Only applicable for logs that are being compacted"
      },
      "socket_request_max_bytes": {
        "type": "integer",
        "minimum": 10485760,
        "maximum": 209715200,
        "description": "The maximum number of bytes in a socket request (defaults to 104857600)."
      },
      "log_segment_bytes": {
        "type": "integer",
        "minimum": 10485760,
        "maximum": 1073741824,
        "description": "The maximum size of a single log file"
      },
      "replica_fetch_max_bytes": {
        "type": "integer",
        "minimum": 1048576,
        "maximum": 104857600,
        "description": "The number of bytes of messages to attempt to fetch for each partition (defaults to 1048576). This is not an absolute maximum, if the first record batch in the first non-empty partition of the fetch is larger than this value, the record batch will still be returned to ensure that progress can be made."
      },
      "log_flush_interval_messages": {
        "type": "integer",
        "minimum": 1,
        "maximum": 9223372036854775807n,
        "example": 9223372036854775807n,
        "description": "The number of messages accumulated on a log partition before messages are flushed to disk"
      },
      "max_connections_per_ip": {
        "type": "integer",
        "minimum": 256,
        "maximum": 2147483647,
        "description": "The maximum number of connections allowed from each ip address (defaults to 2147483647)."
      },
      "log_index_interval_bytes": {
        "type": "integer",
        "minimum": 0,
        "maximum": 104857600,
        "example": 4096,
        "description": "The interval with which Kafka adds an entry to the offset index"
      },
      "transaction_state_log_segment_bytes": {
        "type": "integer",
        "minimum": 1048576,
        "maximum": 2147483647,
        "example": 104857600,
        "description": "The transaction topic segment bytes should be kept relatively small in order to facilitate faster log compaction and cache loads (defaults to 104857600 (100 mebibytes))."
      },
      "log_cleanup_policy": {
        "type": "string",
        "enum": [
          "delete",
          "compact",
          "compact,delete"
        ],
        "example": "delete",
        "description": "The default cleanup policy for segments beyond the retention window"
      },
      "default_replication_factor": {
        "type": "integer",
        "minimum": 1,
        "maximum": 10,
        "description": "Replication factor for autocreated topics"
      },
      "producer_purgatory_purge_interval_requests": {
        "type": "integer",
        "minimum": 10,
        "maximum": 10000,
        "description": "The purge interval (in number of requests) of the producer request purgatory(defaults to 1000)."
      },
      "group_max_session_timeout_ms": {
        "type": "integer",
        "minimum": 0,
        "maximum": 1800000,
        "example": 1800000,
        "description": "The maximum allowed session timeout for registered consumers. Longer timeouts give consumers more time to process messages in between heartbeats at the cost of a longer time to detect failures."
      },
      "auto_create_topics_enable": {
        "type": "boolean",
        "example": true,
        "description": "Enable auto creation of topics"
      },
      "connections_max_idle_ms": {
        "type": "integer",
        "minimum": 1000,
        "maximum": 3600000,
        "example": 540000,
        "description": "Idle connections timeout: the server socket processor threads close the connections that idle for longer than this."
      },
      "log_cleaner_min_cleanable_ratio": {
        "type": "number",
        "minimum": 0.2,
        "maximum": 0.9,
        "example": 0.5,
        "description": "Controls log compactor frequency. Larger value means more frequent compactions but also more space wasted for logs. Consider setting log.cleaner.max.compaction.lag.ms to enforce compactions sooner, instead of setting a very high value for this option."
      },
      "log_retention_bytes": {
        "type": "integer",
        "minimum": -1,
        "maximum": 9223372036854775807n,
        "description": "The maximum size of the log before deleting messages"
      },
      "compression_type": {
        "type": "string",
        "enum": [
          "gzip",
          "snappy",
          "lz4",
          "zstd",
          "uncompressed",
          "producer"
        ],
        "description": "Specify the final compression type for a given topic. This configuration accepts the standard compression codecs ('gzip', 'snappy', 'lz4', 'zstd'). It additionally accepts 'uncompressed' which is equivalent to no compression; and 'producer' which means retain the original compression codec set by the producer."
      },
      "log_cleaner_delete_retention_ms": {
        "type": "integer",
        "minimum": 0,
        "maximum": 315569260000,
        "example": 86400000,
        "description": "How long are delete records retained?"
      },
      "num_partitions": {
        "type": "integer",
        "minimum": 1,
        "maximum": 1000,
        "description": "Number of partitions for autocreated topics"
      },
      "log_message_timestamp_type": {
        "type": "string",
        "enum": [
          "CreateTime",
          "LogAppendTime"
        ],
        "description": "Define whether the timestamp in the message is message create time or log append time."
      },
      "replica_fetch_response_max_bytes": {
        "type": "integer",
        "minimum": 10485760,
        "maximum": 1048576000,
        "description": "Maximum bytes expected for the entire fetch response (defaults to 10485760). Records are fetched in batches, and if the first record batch in the first non-empty partition of the fetch is larger than this value, the record batch will still be returned to ensure that progress can be made. As such, this is not an absolute maximum."
      },
      "sasl_oauthbearer_expected_audience": {
        "maxLength": 128,
        "pattern": "^[^\\r\\n]*$",
        "title": "sasl.oauthbearer.expected.audience",
        "type": "string",
        "description": "The (optional) comma-delimited setting for the broker to use to verify that the JWT was issued for one of the expected audiences."
      },
      "sasl_oauthbearer_jwks_endpoint_url": {
        "maxLength": 2048,
        "title": "sasl.oauthbearer.jwks.endpoint.url",
        "type": "string",
        "description": "OIDC JWKS endpoint URL. By setting this the SASL SSL OAuth2/OIDC authentication is enabled."
      },
      "sasl_oauthbearer_expected_issuer": {
        "maxLength": 128,
        "pattern": "^[^\\r\\n]*$",
        "title": "sasl.oauthbearer.expected.issuer",
        "type": "string",
        "description": "Optional setting for the broker to use to verify that the JWT was created by the expected issuer."
      },
      "log_local_retention_bytes": {
        "maximum": 9223372036854775807n,
        "minimum": -2,
        "title": "log.local.retention.bytes",
        "type": "integer",
        "description": "The maximum size of local log segments that can grow for a partition before it gets eligible for deletion. If set to -2, the value of log.retention.bytes is used."
      },
      "transaction_partition_verification_enable": {
        "example": true,
        "title": "transaction.partition.verification.enable",
        "type": "boolean",
        "description": "Enable verification that checks that the partition has been added to the transaction before writing transactional records to the partition."
      },
      "log_local_retention_ms": {
        "maximum": 9223372036854775807n,
        "minimum": -2,
        "title": "log.local.retention.ms",
        "type": "integer",
        "description": "The number of milliseconds to keep the local log segments before it gets eligible for deletion. If set to -2, the value of log.retention.ms is used."
      },
      "sasl_oauthbearer_sub_claim_name": {
        "maxLength": 128,
        "pattern": "^[^\\r\\n]*$",
        "title": "sasl.oauthbearer.sub.claim.name",
        "type": "string",
        "description": "Name of the scope from which to extract the subject claim from the JWT. Defaults to sub."
      },
      "log-cleanup-and-compaction": {
        "properties": {
          "log_cleaner_delete_retention_ms": {
            "example": 86400000,
            "maximum": 315569260000,
            "minimum": 0,
            "title": "log.cleaner.delete.retention.ms",
            "type": "integer",
            "description": "Sets log.cleaner.delete.retention.ms."
          },
          "log_cleaner_max_compaction_lag_ms": {
            "maximum": 9223372036854775807n,
            "minimum": 30000,
            "title": "log.cleaner.max.compaction.lag.ms",
            "type": "integer",
            "description": "Sets log.cleaner.max.compaction.lag.ms."
          },
          "log_cleaner_min_cleanable_ratio": {
            "example": 0.5,
            "maximum": 0.9,
            "minimum": 0.2,
            "title": "log.cleaner.min.cleanable.ratio",
            "type": "number",
            "description": "Sets log.cleaner.min.cleanable.ratio."
          },
          "log_cleaner_min_compaction_lag_ms": {
            "maximum": 9223372036854775807n,
            "minimum": 0,
            "title": "log.cleaner.min.compaction.lag.ms",
            "type": "integer",
            "description": "Sets log.cleaner.min.compaction.lag.ms."
          },
          "log_cleanup_policy": {
            "enum": [
              "delete",
              "compact",
              "compact,delete"
            ],
            "example": "delete",
            "title": "log.cleanup.policy",
            "type": "string",
            "description": "Sets log.cleanup.policy."
          }
        },
        "title": "Configure log cleaner for topic compaction",
        "type": "object",
        "description": "Configure log cleaner for topic compaction",
        "additionalProperties": false
      }
    }
  },
  "kafka-connect": {
    "title": "Kafka Connect configuration values",
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "consumer_isolation_level": {
        "type": "string",
        "enum": [
          "read_uncommitted",
          "read_committed"
        ],
        "description": "Transaction read isolation level."
      },
      "offset_flush_interval_ms": {
        "type": "integer",
        "minimum": 1,
        "maximum": 100000000,
        "example": 60000,
        "description": "The interval at which to try committing offsets for tasks (defaults to 60000)."
      },
      "producer_buffer_memory": {
        "example": 8388608,
        "maximum": 134217728,
        "minimum": 5242880,
        "title": "The total bytes of memory the producer can use to buffer records waiting to be sent to the broker",
        "type": "integer",
        "description": "Sets The total bytes of memory the producer can use to buffer records waiting to be sent to the broker."
      },
      "consumer_max_poll_interval_ms": {
        "example": 300000,
        "maximum": 2147483647,
        "minimum": 1,
        "title": "The maximum delay between polls when using consumer group management",
        "type": "integer",
        "description": "Sets The maximum delay between polls when using consumer group management."
      },
      "producer_compression_type": {
        "enum": [
          "gzip",
          "snappy",
          "lz4",
          "zstd",
          "none"
        ],
        "title": "The default compression type for producers",
        "type": "string",
        "description": "Sets The default compression type for producers."
      },
      "connector_client_config_override_policy": {
        "enum": [
          "None",
          "All"
        ],
        "title": "Client config override policy",
        "type": "string",
        "description": "Sets Client config override policy."
      },
      "scheduled_rebalance_max_delay_ms": {
        "example": 300000,
        "maximum": 600000,
        "minimum": 0,
        "title": "The maximum delay of rebalancing connector workers",
        "type": "integer",
        "description": "Sets The maximum delay of rebalancing connector workers."
      },
      "consumer_fetch_max_bytes": {
        "example": 52428800,
        "maximum": 104857600,
        "minimum": 1048576,
        "title": "The maximum amount of data the server should return for a fetch request",
        "type": "integer",
        "description": "Sets The maximum amount of data the server should return for a fetch request."
      },
      "consumer_max_partition_fetch_bytes": {
        "example": 1048576,
        "maximum": 104857600,
        "minimum": 1048576,
        "title": "The maximum amount of data per-partition the server will return.",
        "type": "integer",
        "description": "Sets The maximum amount of data per-partition the server will return.."
      },
      "offset_flush_timeout_ms": {
        "example": 5000,
        "maximum": 2147483647,
        "minimum": 1,
        "title": "Offset flush timeout",
        "type": "integer",
        "description": "Sets Offset flush timeout."
      },
      "consumer_auto_offset_reset": {
        "enum": [
          "earliest",
          "latest"
        ],
        "title": "Consumer auto offset reset",
        "type": "string",
        "description": "Sets Consumer auto offset reset."
      },
      "producer_max_request_size": {
        "example": 1048576,
        "maximum": 67108864,
        "minimum": 131072,
        "title": "The maximum size of a request in bytes",
        "type": "integer",
        "description": "Sets The maximum size of a request in bytes."
      },
      "producer_batch_size": {
        "example": 1024,
        "maximum": 5242880,
        "minimum": 0,
        "title": "The batch size in bytes the producer will attempt to collect for the same partition before publishing to broker",
        "type": "integer",
        "description": "Sets The batch size in bytes the producer will attempt to collect for the same partition before publishing to broker."
      },
      "session_timeout_ms": {
        "example": 10000,
        "maximum": 2147483647,
        "minimum": 1,
        "title": "The timeout used to detect failures when using Kafka’s group management facilities",
        "type": "integer",
        "description": "Sets The timeout used to detect failures when using Kafka’s group management facilities."
      },
      "producer_linger_ms": {
        "example": 100,
        "maximum": 5000,
        "minimum": 0,
        "title": "Wait for up to the given delay to allow batching records together",
        "type": "integer",
        "description": "Sets Wait for up to the given delay to allow batching records together."
      },
      "consumer_max_poll_records": {
        "example": 500,
        "maximum": 10000,
        "minimum": 1,
        "title": "The maximum number of records returned by a single poll",
        "type": "integer",
        "description": "Sets The maximum number of records returned by a single poll."
      }
    }
  },
  "kafka-rest": {
    "title": "Kafka REST configuration",
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "producer_acks": {
        "type": "string",
        "enum": [
          "all",
          "-1",
          "0",
          "1"
        ],
        "example": "1",
        "description": "The number of acknowledgments the producer requires.",
        "default": "1"
      },
      "simpleconsumer_pool_size_max": {
        "type": "integer",
        "minimum": 10,
        "maximum": 250,
        "example": 25,
        "description": "Maximum number of SimpleConsumers that can be instantiated per broker",
        "default": 25
      },
      "producer_compression_type": {
        "enum": [
          "gzip",
          "snappy",
          "lz4",
          "zstd",
          "none"
        ],
        "title": "producer.compression.type",
        "type": "string",
        "description": "Sets producer.compression.type."
      },
      "name_strategy_validation": {
        "default": true,
        "title": "name.strategy.validation",
        "type": "boolean",
        "description": "Sets name.strategy.validation."
      },
      "name_strategy": {
        "default": "topic_name",
        "enum": [
          "topic_name",
          "record_name",
          "topic_record_name"
        ],
        "title": "name.strategy",
        "type": "string",
        "description": "Sets name.strategy."
      },
      "consumer_enable_auto_commit": {
        "default": true,
        "title": "consumer.enable.auto.commit",
        "type": "boolean",
        "description": "Sets consumer.enable.auto.commit."
      },
      "consumer_request_max_bytes": {
        "default": 67108864,
        "maximum": 671088640,
        "minimum": 0,
        "title": "consumer.request.max.bytes",
        "type": "integer",
        "description": "Sets consumer.request.max.bytes."
      },
      "producer_max_request_size": {
        "default": 1048576,
        "maximum": 2147483647,
        "minimum": 0,
        "title": "producer.max.request.size",
        "type": "integer",
        "description": "Sets producer.max.request.size."
      },
      "producer_linger_ms": {
        "default": 0,
        "maximum": 5000,
        "minimum": 0,
        "title": "producer.linger.ms",
        "type": "integer",
        "description": "Sets producer.linger.ms."
      },
      "consumer_request_timeout_ms": {
        "default": 1000,
        "enum": [
          1000,
          15000,
          30000
        ],
        "title": "consumer.request.timeout.ms",
        "type": "integer",
        "description": "Sets consumer.request.timeout.ms."
      }
    }
  },
  "schema-registry": {
    "title": "Schema Registry configuration",
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "leader_eligibility": {
        "type": "boolean",
        "example": true,
        "description": "If true, Karapace / Schema Registry on the service nodes can participate in leader election."
      },
      "topic_name": {
        "type": "string",
        "minLength": 1,
        "maxLength": 249,
        "example": "_schemas",
        "description": "The durable single partition topic that acts as the durable log for the data.",
        "pattern": "^(?!\\.$|\\.\\.$)[-_.A-Za-z0-9]+$"
      }
    }
  }
};
