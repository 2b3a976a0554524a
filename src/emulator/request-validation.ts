// Checks request bodies and turns problems into 400s with messages that name the field.
import { isIP } from "node:net";
import { badRequest } from "./api-error.js";
import { findKafkaPlan, kafkaType } from "./catalog.js";
import { kafkaSettingsSchemas } from "./data/kafka-settings-schemas.js";
import { isJsonObject, type Json } from "./lossless-json.js";
import { validateAgainstSchema } from "./settings-validation.js";
import type { Settings } from "./store.js";

export const DOWS = ["saturday", "tuesday", "never", "wednesday", "sunday", "friday", "monday", "thursday"];

export interface KafkaBody {
  plan?: string;
  version?: string;
  authenticationMethods?: { certificate?: boolean; sasl?: boolean };
  kafkaRestEnabled?: boolean;
  kafkaConnectEnabled?: boolean;
  schemaRegistryEnabled?: boolean;
  ipFilter?: string[];
  terminationProtection?: boolean;
  maintenance?: { dow: string; time: string };
  kafkaSettings?: Settings;
  kafkaConnectSettings?: Settings;
  kafkaRestSettings?: Settings;
  schemaRegistrySettings?: Settings;
}

const typeOf = (v: Json | undefined) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "bigint" ? "number" : typeof v);

export function requireObject(body: Json | undefined, what = "request body"): { [key: string]: Json } {
  if (body === undefined) throw badRequest(`${what} is required (a JSON object)`);
  if (!isJsonObject(body)) throw badRequest(`${what} must be a JSON object, got ${typeOf(body)}`);
  return body;
}

export function optionalString(o: { [key: string]: Json }, key: string, min: number, max: number): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw badRequest(`${key}: expected a string, got ${typeOf(v)}`);
  if (v.length < min || v.length > max) throw badRequest(`${key}: length must be between ${min} and ${max} characters`);
  return v;
}

function optionalBoolean(o: { [key: string]: Json }, key: string): boolean | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== "boolean") throw badRequest(`${key}: expected a boolean, got ${typeOf(v)}`);
  return v;
}

export function isCidr(s: string): boolean {
  const [addr, prefix, ...rest] = s.split("/");
  if (rest.length > 0 || !addr) return false;
  const family = isIP(addr);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

const KNOWN = new Set([
  "plan", "version", "authentication-methods", "kafka-rest-enabled", "kafka-connect-enabled", "schema-registry-enabled",
  "ip-filter", "termination-protection", "maintenance", "kafka-settings", "kafka-connect-settings", "kafka-rest-settings",
  "schema-registry-settings",
]);

const SETTINGS = [
  ["kafka-settings", "kafkaSettings", "kafka"],
  ["kafka-connect-settings", "kafkaConnectSettings", "kafka-connect"],
  ["kafka-rest-settings", "kafkaRestSettings", "kafka-rest"],
  ["schema-registry-settings", "schemaRegistrySettings", "schema-registry"],
] as const;

/** Validates a create (plan required) or update (nothing required; null settings keys remove a setting) body. */
export function parseKafkaBody(raw: Json | undefined, mode: "create" | "update"): KafkaBody {
  const o = requireObject(raw);
  for (const key of Object.keys(o)) if (!KNOWN.has(key)) throw badRequest(`unknown field "${key}"`);
  const out: KafkaBody = {};

  out.plan = optionalString(o, "plan", 1, 128);
  if (mode === "create" && out.plan === undefined) throw badRequest("plan: field is required");
  if (out.plan !== undefined && !findKafkaPlan(out.plan)) {
    throw badRequest(`plan: invalid plan "${out.plan}" for service type kafka (available: ${kafkaType().plans.map((p) => p.name).join(", ")})`);
  }
  out.version = optionalString(o, "version", 1, 64);
  if (out.version !== undefined && !kafkaType()["available-versions"].includes(out.version)) {
    throw badRequest(`version: unsupported Kafka version "${out.version}" (available: ${kafkaType()["available-versions"].join(", ")})`);
  }

  const auth = o["authentication-methods"];
  if (auth !== undefined) {
    const a = requireObject(auth, "authentication-methods");
    for (const key of Object.keys(a)) if (key !== "certificate" && key !== "sasl") throw badRequest(`authentication-methods: unknown field "${key}"`);
    out.authenticationMethods = {};
    const certificate = optionalBoolean(a, "certificate");
    const sasl = optionalBoolean(a, "sasl");
    if (certificate !== undefined) out.authenticationMethods.certificate = certificate;
    if (sasl !== undefined) out.authenticationMethods.sasl = sasl;
  }
  out.kafkaRestEnabled = optionalBoolean(o, "kafka-rest-enabled");
  out.kafkaConnectEnabled = optionalBoolean(o, "kafka-connect-enabled");
  out.schemaRegistryEnabled = optionalBoolean(o, "schema-registry-enabled");
  out.terminationProtection = optionalBoolean(o, "termination-protection");

  const ipFilter = o["ip-filter"];
  if (ipFilter !== undefined) {
    if (!Array.isArray(ipFilter)) throw badRequest(`ip-filter: expected an array of CIDR strings, got ${typeOf(ipFilter)}`);
    out.ipFilter = ipFilter.map((entry, i) => {
      if (typeof entry !== "string" || !isCidr(entry)) throw badRequest(`ip-filter[${i}]: ${JSON.stringify(entry)} is not a valid CIDR block (e.g. 10.20.0.0/16)`);
      return entry;
    });
  }

  const maintenance = o["maintenance"];
  if (maintenance !== undefined) {
    const m = requireObject(maintenance, "maintenance");
    for (const key of Object.keys(m)) if (key !== "dow" && key !== "time") throw badRequest(`maintenance: unknown field "${key}"`);
    const { dow, time } = m;
    if (typeof dow !== "string" || !DOWS.includes(dow)) throw badRequest(`maintenance.dow: must be one of ${DOWS.join(", ")} (got ${JSON.stringify(dow ?? null)})`);
    if (typeof time !== "string" || !/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(time)) {
      throw badRequest(`maintenance.time: must be a UTC time HH:MM:SS (got ${JSON.stringify(time ?? null)})`);
    }
    out.maintenance = { dow, time };
  }

  for (const [field, prop, schemaName] of SETTINGS) {
    const v = o[field];
    if (v === undefined) continue;
    if (v === null) throw badRequest(`${field}: expected an object, got null`);
    const problem = validateAgainstSchema(v, kafkaSettingsSchemas[schemaName], field, mode === "update");
    if (problem) throw badRequest(`invalid settings: ${problem}`);
    out[prop] = v as Settings;
  }
  return out;
}

/** Merges an update into stored settings: top-level keys replace, null removes; nested objects merge one level. */
export function mergeSettings(current: Settings, update: Settings): Settings {
  const out: Settings = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === null) delete out[key];
    else if (isJsonObject(value) && isJsonObject(out[key])) out[key] = mergeSettings(out[key] as Settings, value);
    else out[key] = value;
  }
  return out;
}
