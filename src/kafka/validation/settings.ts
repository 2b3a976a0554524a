// `--kafka-settings` and friends: the user's JSON, checked against the schema GET
// /dbaas-settings-kafka serves, before anything is sent.

import type * as z from "zod";
import { InputError } from "./errors.js";
import { treeToValue, type JsonTree } from "../../go/json/tree.js";
import { JsonSyntaxError } from "../../go/json/syntax-error.js";
import { parseJsonTree, stringifyLosslessJson } from "./json.js";
import { compileObject, type CompiledSetting } from "./schema-compiler.js";

import type { SettingsKind } from "../settings-kinds.js";

export { SETTINGS_KINDS, type SettingsKind } from "../settings-kinds.js";

/** The command-line flag carrying each kind of settings. */
export const SETTINGS_FLAGS: Readonly<Record<SettingsKind, string>> = {
  kafka: "--kafka-settings",
  "kafka-connect": "--kafka-connect-settings",
  "kafka-rest": "--kafka-rest-settings",
  "schema-registry": "--kafka-schema-registry-settings",
};

/** The request body nests the log cleaner settings under this key, whatever shape the schema has. */
export const LOG_CLEANER_OBJECT = "log-cleanup-and-compaction";
const LOG_CLEANER_KEYS = [
  "log_cleaner_delete_retention_ms",
  "log_cleaner_max_compaction_lag_ms",
  "log_cleaner_min_cleanable_ratio",
  "log_cleaner_min_compaction_lag_ms",
  "log_cleanup_policy",
];

type Schema = Record<string, unknown>;

function isRecord(value: unknown): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Accepts the whole GET /dbaas-settings-kafka response, its `settings` object, or the schema of
 * one kind (`{type, properties, additionalProperties, title}`).
 */
function schemaFor(kind: SettingsKind, schema: unknown): Schema | undefined {
  if (!isRecord(schema)) return undefined;
  if (isRecord(schema.settings)) return schemaFor(kind, schema.settings);
  if (isRecord(schema.properties)) return schema;
  const own = schema[kind];
  return isRecord(own) && isRecord(own.properties) ? own : undefined;
}

function compactValue(value: JsonTree): string {
  const text = stringifyLosslessJson(treeToValue(value));
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * The broker schema is served either with the log cleaner settings nested (as the request body
 * needs them) or flat at the top level. Both become: nested object, with each key refused at the
 * wrong level with a message saying where it belongs.
 */
function compileKafka(schema: Schema): CompiledSetting {
  const declared = isRecord(schema.properties) ? schema.properties : {};
  const nestedDeclared = declared[LOG_CLEANER_OBJECT];
  const top: Schema = {};
  let nested: Schema = {};
  if (isRecord(nestedDeclared) && isRecord(nestedDeclared.properties)) {
    Object.assign(top, declared);
    nested = nestedDeclared.properties;
  } else {
    for (const [key, property] of Object.entries(declared)) {
      if (LOG_CLEANER_KEYS.includes(key)) nested[key] = property;
      else top[key] = property;
    }
    if (Object.keys(nested).length > 0) top[LOG_CLEANER_OBJECT] = { type: "object" };
  }
  if (Object.keys(nested).length === 0) return compileObject("", schema, { kind: "kafka" });

  const belongsInside = new Map<string, (value: JsonTree) => string>();
  for (const key of Object.keys(nested))
    belongsInside.set(
      key,
      (value) =>
        `setting ${JSON.stringify(key)} for kafka belongs inside ${JSON.stringify(LOG_CLEANER_OBJECT)}: ` +
        `{${JSON.stringify(LOG_CLEANER_OBJECT)}:{${JSON.stringify(key)}:${compactValue(value)}}}`,
    );
  const belongsOutside = new Map<string, (value: JsonTree) => string>();
  for (const key of Object.keys(top))
    belongsOutside.set(key, () => `setting ${JSON.stringify(key)} for kafka belongs at the top level, not inside ${JSON.stringify(LOG_CLEANER_OBJECT)}`);

  const nestedCompiled = compileObject(
    LOG_CLEANER_OBJECT,
    { type: "object", additionalProperties: false, properties: nested },
    { kind: "kafka", misplaced: belongsOutside },
  );
  return compileObject(
    "",
    { ...schema, properties: top },
    { kind: "kafka", misplaced: belongsInside },
    new Map([[LOG_CLEANER_OBJECT, nestedCompiled]]),
  );
}

const compiledCache = new WeakMap<Schema, Map<SettingsKind, CompiledSetting>>();

function compiledFor(kind: SettingsKind, schema: Schema): CompiledSetting {
  let byKind = compiledCache.get(schema);
  if (!byKind) compiledCache.set(schema, (byKind = new Map()));
  let compiled = byKind.get(kind);
  if (!compiled) {
    compiled = kind === "kafka" ? compileKafka(schema) : compileObject("", schema, { kind });
    byKind.set(kind, compiled);
  }
  return compiled;
}

/** Compiles the settings schema of one kind into the zod schema validateSettings applies. */
export function settingsSchema(kind: SettingsKind, schema: unknown): z.ZodType<unknown, JsonTree> | undefined {
  const own = schemaFor(kind, schema);
  return own ? compiledFor(kind, own) : undefined;
}

/**
 * Validates the JSON text of a `--kafka-*-settings` flag and returns the object to send, with the
 * keys in the order given and integers beyond 2^53 as exact bigints.
 *
 * `schema` is the GET /dbaas-settings-kafka response (or its `settings`, or the schema of this
 * kind). When it holds no usable schema for this kind, only the JSON object itself is checked,
 * as the Go CLI skips validation when the schema cannot be loaded.
 *
 * @throws InputError with a one-line message on the first problem found.
 */
export function validateSettings(kind: SettingsKind, raw: string, schema: unknown): Record<string, unknown> {
  let tree: JsonTree;
  try {
    tree = parseJsonTree(raw);
  } catch (error) {
    if (error instanceof InputError && error.cause instanceof JsonSyntaxError) throw new InputError(`invalid JSON in ${kind} settings (${SETTINGS_FLAGS[kind]}): ${error.message}`);
    throw error;
  }
  const compiled = settingsSchema(kind, schema) ?? compileObject("", { type: "object" }, { kind });
  const result = compiled.safeParse(tree);
  if (!result.success) throw new InputError(result.error.issues[0]?.message ?? `invalid ${kind} settings`);
  return result.data as Record<string, unknown>;
}
