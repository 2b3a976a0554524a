// The kinds of a Kafka service's settings (--kafka-settings and friends, show --settings, type show --settings).

/** In the order exo's messages list them. */
export const SETTINGS_KINDS = ["kafka", "kafka-rest", "kafka-connect", "schema-registry"] as const;
export type SettingsKind = (typeof SETTINGS_KINDS)[number];
