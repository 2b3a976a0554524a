// The Kafka flags of `exo dbaas create` and `update` (hidden in --help, listed by --help-kafka),
// their validation, and the request body they become.
//
// Validation happens in two steps so that nothing is sent before every input is known good:
// parseKafkaFlags checks what needs no API (booleans, CIDRs, maintenance, JSON syntax), then
// checkSettings validates the settings JSON against the schema the API serves.
import type { KafkaServiceRequest } from "../../../api/dbaas.js";
import type { Plan, ServiceType } from "../../../api/schemas.js";
import {
  InputError,
  addIpFilter,
  parseCidr,
  removeIpFilter,
  validateMaintenance,
  validateSettings,
  type Maintenance,
  type SettingsKind,
} from "../../../kafka/validation/index.js";
import { flag } from "../../define.js";

const hidden = true;

/** Kafka flags common to create and update, in exo's (alphabetical) order. */
const commonKafkaOptions = {
  kafkaConnectSettings: flag.string("kafka-connect-settings", { hidden, description: "Kafka Connect configuration settings (JSON format)" }),
  kafkaEnableCertAuth: flag.bool("kafka-enable-cert-auth", { hidden, description: "enable certificate-based authentication method" }),
  kafkaEnableKafkaConnect: flag.bool("kafka-enable-kafka-connect", { hidden, description: "enable Kafka Connect" }),
  kafkaEnableKafkaRest: flag.bool("kafka-enable-kafka-rest", { hidden, description: "enable Kafka REST" }),
  kafkaEnableSaslAuth: flag.bool("kafka-enable-sasl-auth", { hidden, description: "enable SASL-based authentication method" }),
  kafkaEnableSchemaRegistry: flag.bool("kafka-enable-schema-registry", { hidden, description: "enable Schema Registry" }),
  kafkaIpFilter: flag.list("kafka-ip-filter", { hidden, description: "allow incoming connections from CIDR address block" }),
  kafkaRestSettings: flag.string("kafka-rest-settings", { hidden, description: "Kafka REST configuration settings (JSON format)" }),
  kafkaSchemaRegistrySettings: flag.string("kafka-schema-registry-settings", {
    hidden,
    description: "Schema Registry configuration settings (JSON format)",
  }),
  kafkaSettings: flag.string("kafka-settings", { hidden, description: "Kafka configuration settings (JSON format)" }),
};

export const helpKafkaFlag = () => flag.bool("help-kafka", { description: "show usage for flags specific to the kafka type" });

export const maintenanceOptions = {
  maintenanceDow: flag.string("maintenance-dow", { description: "automated Database Service maintenance day-of-week" }),
  maintenanceTime: flag.string("maintenance-time", { description: "automated Database Service maintenance time (format HH:MM:SS)" }),
};

export const TERMINATION_PROTECTION_HELP = "enable Database Service termination protection; set --termination-protection=false to disable";

export const createKafkaOptions = {
  ...commonKafkaOptions,
  kafkaVersion: flag.string("kafka-version", { hidden, description: "Kafka major version" }),
};

// Not exo's: shown in `update --help` (exo's --help-kafka text stays as it is), else nothing would list them.
export const updateKafkaOptions = {
  ...commonKafkaOptions,
  kafkaIpFilterAdd: flag.list("kafka-ip-filter-add", {
    description: "add CIDR address blocks to the service's current IP filter",
  }),
  kafkaIpFilterRemove: flag.list("kafka-ip-filter-remove", {
    description: "remove CIDR address blocks from the service's current IP filter",
  }),
};

/** The flag values the builders read (a command's opts satisfy it). */
export interface KafkaFlagValues {
  kafkaConnectSettings?: string;
  kafkaEnableCertAuth: boolean;
  kafkaEnableKafkaConnect: boolean;
  kafkaEnableKafkaRest: boolean;
  kafkaEnableSaslAuth: boolean;
  kafkaEnableSchemaRegistry: boolean;
  kafkaIpFilter: string[];
  kafkaIpFilterAdd?: string[];
  kafkaIpFilterRemove?: string[];
  kafkaRestSettings?: string;
  kafkaSchemaRegistrySettings?: string;
  kafkaSettings?: string;
  maintenanceDow?: string;
  maintenanceTime?: string;
}

/** Settings flags in the order exo processes them (the first refusal wins). */
const SETTINGS_ORDER: ReadonlyArray<readonly [SettingsKind, "kafkaConnectSettings" | "kafkaRestSettings" | "kafkaSettings" | "kafkaSchemaRegistrySettings", string]> = [
  ["kafka-connect", "kafkaConnectSettings", "kafka-connect-settings"],
  ["kafka-rest", "kafkaRestSettings", "kafka-rest-settings"],
  ["kafka", "kafkaSettings", "kafka-settings"],
  ["schema-registry", "kafkaSchemaRegistrySettings", "kafka-schema-registry-settings"],
];

/** What the flags say, checked without the API. Fields are absent when their flag was not given. */
export interface ParsedKafkaFlags {
  certAuth?: boolean;
  saslAuth?: boolean;
  connect?: boolean;
  rest?: boolean;
  schemaRegistry?: boolean;
  /** `--kafka-ip-filter`: the whole list, normalised */
  ipFilter?: string[];
  ipFilterAdd: string[];
  ipFilterRemove: string[];
  maintenance?: Maintenance;
  /** raw JSON text per settings kind, in exo's processing order */
  settings: Array<[SettingsKind, string]>;
}

function normaliseCidrs(entries: readonly string[]): string[] {
  const result: string[] = [];
  for (const entry of entries) {
    const cidr = parseCidr(entry);
    if (!result.includes(cidr)) result.push(cidr);
  }
  return result;
}

/** Checks everything that needs no API call. @throws InputError */
export function parseKafkaFlags(values: KafkaFlagValues, given: ReadonlySet<string>): ParsedKafkaFlags {
  const has = (long: string) => given.has(long);
  const maintenance = validateMaintenance(
    has("maintenance-dow") ? (values.maintenanceDow ?? "") : undefined,
    has("maintenance-time") ? (values.maintenanceTime ?? "") : undefined,
  );
  const ipFilterAdd = normaliseCidrs(values.kafkaIpFilterAdd ?? []);
  const ipFilterRemove = normaliseCidrs(values.kafkaIpFilterRemove ?? []);
  if (has("kafka-ip-filter") && (has("kafka-ip-filter-add") || has("kafka-ip-filter-remove"))) {
    throw new InputError("--kafka-ip-filter replaces the whole IP filter: it cannot be combined with --kafka-ip-filter-add or --kafka-ip-filter-remove");
  }
  const both = ipFilterAdd.find((cidr) => ipFilterRemove.includes(cidr));
  if (both) throw new InputError(`IP filter entry "${both}" is both in --kafka-ip-filter-add and --kafka-ip-filter-remove`);

  const settings: Array<[SettingsKind, string]> = [];
  for (const [kind, key, long] of SETTINGS_ORDER) {
    const raw = values[key];
    if (!has(long) || raw === undefined) continue;
    validateSettings(kind, raw, undefined); // JSON syntax and object shape; the schema comes later
    settings.push([kind, raw]);
  }
  return {
    certAuth: has("kafka-enable-cert-auth") ? values.kafkaEnableCertAuth : undefined,
    saslAuth: has("kafka-enable-sasl-auth") ? values.kafkaEnableSaslAuth : undefined,
    connect: has("kafka-enable-kafka-connect") ? values.kafkaEnableKafkaConnect : undefined,
    rest: has("kafka-enable-kafka-rest") ? values.kafkaEnableKafkaRest : undefined,
    schemaRegistry: has("kafka-enable-schema-registry") ? values.kafkaEnableSchemaRegistry : undefined,
    ipFilter: has("kafka-ip-filter") ? normaliseCidrs(values.kafkaIpFilter) : undefined,
    ipFilterAdd,
    ipFilterRemove,
    maintenance,
    settings,
  };
}

export type ValidatedSettings = Partial<Record<SettingsKind, Record<string, unknown>>>;

/**
 * Validates each given settings JSON against the schema of GET /dbaas-settings-kafka, in exo's
 * order. @throws InputError
 */
export function checkSettings(parsed: ParsedKafkaFlags, schemaResponse: unknown): ValidatedSettings {
  const out: ValidatedSettings = {};
  for (const [kind, raw] of parsed.settings) out[kind] = validateSettings(kind, raw, schemaResponse);
  return out;
}

/** The IP filter after --kafka-ip-filter-remove, then --kafka-ip-filter-add, on the service's current one. */
export function editedIpFilter(parsed: ParsedKafkaFlags, current: readonly string[]): string[] {
  return addIpFilter(removeIpFilter(current, parsed.ipFilterRemove), parsed.ipFilterAdd);
}

export const needsCurrentIpFilter = (parsed: ParsedKafkaFlags) => parsed.ipFilterAdd.length > 0 || parsed.ipFilterRemove.length > 0;

/**
 * PUT body from the given flags only, keys in exo's order. An empty `--kafka-ip-filter` is
 * omitted, as exo does; a list emptied by --kafka-ip-filter-remove is sent empty.
 */
export function updateRequestBody(
  parsed: ParsedKafkaFlags,
  settings: ValidatedSettings,
  extra: { plan?: string; terminationProtection?: boolean; ipFilter?: string[] },
): KafkaServiceRequest {
  const body: KafkaServiceRequest = {};
  if (parsed.certAuth !== undefined || parsed.saslAuth !== undefined) {
    body["authentication-methods"] = {};
    if (parsed.certAuth !== undefined) body["authentication-methods"].certificate = parsed.certAuth;
    if (parsed.saslAuth !== undefined) body["authentication-methods"].sasl = parsed.saslAuth;
  }
  const ipFilter = extra.ipFilter ?? (parsed.ipFilter?.length ? parsed.ipFilter : undefined);
  if (ipFilter) body["ip-filter"] = ipFilter;
  if (parsed.connect !== undefined) body["kafka-connect-enabled"] = parsed.connect;
  if (settings["kafka-connect"]) body["kafka-connect-settings"] = settings["kafka-connect"];
  if (parsed.rest !== undefined) body["kafka-rest-enabled"] = parsed.rest;
  if (settings["kafka-rest"]) body["kafka-rest-settings"] = settings["kafka-rest"];
  if (settings.kafka) body["kafka-settings"] = settings.kafka;
  if (parsed.maintenance) body.maintenance = { dow: parsed.maintenance.dow, time: parsed.maintenance.time };
  if (extra.plan !== undefined) body.plan = extra.plan;
  if (parsed.schemaRegistry !== undefined) body["schema-registry-enabled"] = parsed.schemaRegistry;
  if (settings["schema-registry"]) body["schema-registry-settings"] = settings["schema-registry"];
  if (extra.terminationProtection !== undefined) body["termination-protection"] = extra.terminationProtection;
  return body;
}

/**
 * POST body as exo builds it: the three `*-enabled` booleans, `plan` and `termination-protection`
 * are always sent; `authentication-methods` (both keys) only when one method is enabled.
 */
export function createRequestBody(
  parsed: ParsedKafkaFlags,
  settings: ValidatedSettings,
  extra: { plan: string; terminationProtection: boolean; version?: string },
): KafkaServiceRequest & { plan: string } {
  const body: KafkaServiceRequest & { plan: string } = {} as KafkaServiceRequest & { plan: string };
  if (parsed.certAuth || parsed.saslAuth) {
    body["authentication-methods"] = { certificate: parsed.certAuth ?? false, sasl: parsed.saslAuth ?? false };
  }
  if (parsed.ipFilter?.length) body["ip-filter"] = parsed.ipFilter;
  body["kafka-connect-enabled"] = parsed.connect ?? false;
  if (settings["kafka-connect"]) body["kafka-connect-settings"] = settings["kafka-connect"];
  body["kafka-rest-enabled"] = parsed.rest ?? false;
  if (settings["kafka-rest"]) body["kafka-rest-settings"] = settings["kafka-rest"];
  if (settings.kafka) body["kafka-settings"] = settings.kafka;
  if (parsed.maintenance) body.maintenance = { dow: parsed.maintenance.dow, time: parsed.maintenance.time };
  body.plan = extra.plan;
  body["schema-registry-enabled"] = parsed.schemaRegistry ?? false;
  if (settings["schema-registry"]) body["schema-registry-settings"] = settings["schema-registry"];
  body["termination-protection"] = extra.terminationProtection;
  if (extra.version) body.version = extra.version;
  return body;
}

/** The service type's plans offered in the zone (a plan without a zone list counts as offered everywhere). */
export function plansInZone(serviceType: ServiceType | undefined, zone: string): Plan[] {
  return (serviceType?.plans ?? []).filter((p) => !Array.isArray(p.zones) || p.zones.length === 0 || p.zones.includes(zone));
}
