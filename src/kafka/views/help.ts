// `exo dbaas create|update --help-kafka`: the hidden Kafka flags as an embedded table.

import { renderEmbeddedTable } from "../../output/table.js";

const KAFKA_FLAGS: ReadonlyArray<readonly [string, string]> = [
  ["--kafka-connect-settings", "Kafka Connect configuration settings (JSON format)"],
  ["--kafka-enable-cert-auth", "enable certificate-based authentication method"],
  ["--kafka-enable-kafka-connect", "enable Kafka Connect"],
  ["--kafka-enable-kafka-rest", "enable Kafka REST"],
  ["--kafka-enable-sasl-auth", "enable SASL-based authentication method"],
  ["--kafka-enable-schema-registry", "enable Schema Registry"],
  ["--kafka-ip-filter", "allow incoming connections from CIDR address block"],
  ["--kafka-rest-settings", "Kafka REST configuration settings (JSON format)"],
  ["--kafka-schema-registry-settings", "Schema Registry configuration settings (JSON format)"],
  ["--kafka-settings", "Kafka configuration settings (JSON format)"],
  ["--kafka-version", "Kafka major version"],
];

/** The `--help-kafka` text of `create` (all flags) or `update` (no `--kafka-version`). */
export function kafkaFlagsHelp(command: "create" | "update"): string {
  const flags = command === "create" ? KAFKA_FLAGS : KAFKA_FLAGS.filter(([flag]) => flag !== "--kafka-version");
  return renderEmbeddedTable(flags);
}
