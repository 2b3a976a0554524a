// Validates request values against the JSON-Schema subset the settings schemas use.
import { isJsonObject, type Json } from "./lossless-json.js";

export interface JsonSchema {
  type?: "object" | "integer" | "number" | "string" | "boolean" | "array";
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
  minimum?: number | bigint;
  maximum?: number | bigint;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: readonly (string | number | boolean)[];
  default?: Json;
  example?: Json;
  items?: JsonSchema;
}

/** Compares numbers exactly when both are integers, as doubles otherwise. */
function compare(a: number | bigint, b: number | bigint): number {
  const integral = (x: number | bigint) => typeof x === "bigint" || Number.isInteger(x);
  if (integral(a) && integral(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

const typeName = (v: Json): string =>
  v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "bigint" ? "integer" : typeof v === "number" ? (Number.isInteger(v) ? "integer" : "number") : typeof v;

/**
 * Returns the first problem as a message naming the key path (e.g. `kafka-settings.num_partitions`), or
 * undefined when the value conforms. `allowNull` lets a top-level key be null (an update removing it).
 */
export function validateAgainstSchema(value: Json, schema: JsonSchema, path: string, allowNull = false): string | undefined {
  if (value === null && allowNull) return undefined;
  const actual = typeName(value);
  switch (schema.type) {
    case "object": {
      if (!isJsonObject(value)) return `${path}: expected an object, got ${actual}`;
      for (const [key, v] of Object.entries(value)) {
        // own properties only: "constructor" or "toString" are not settings
        const sub = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
        if (!sub) {
          if (schema.additionalProperties === false) return `${path}: unknown setting "${key}"`;
          continue;
        }
        const problem = validateAgainstSchema(v, sub, `${path}.${key}`, allowNull && sub.type !== "object");
        if (problem) return problem;
      }
      return undefined;
    }
    case "integer":
      if (actual !== "integer") return `${path}: expected an integer, got ${actual}`;
      break;
    case "number":
      if (actual !== "integer" && actual !== "number") return `${path}: expected a number, got ${actual}`;
      break;
    case "string":
      if (typeof value !== "string") return `${path}: expected a string, got ${actual}`;
      if (schema.minLength !== undefined && [...value].length < schema.minLength) return `${path}: must be at least ${schema.minLength} characters long`;
      if (schema.maxLength !== undefined && [...value].length > schema.maxLength) return `${path}: must be at most ${schema.maxLength} characters long`;
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) return `${path}: does not match the pattern ${schema.pattern}`;
      break;
    case "boolean":
      if (typeof value !== "boolean") return `${path}: expected a boolean, got ${actual}`;
      break;
    case "array":
      if (!Array.isArray(value)) return `${path}: expected an array, got ${actual}`;
      if (schema.items) {
        for (const [i, item] of value.entries()) {
          const problem = validateAgainstSchema(item, schema.items, `${path}[${i}]`);
          if (problem) return problem;
        }
      }
      break;
  }
  if (typeof value === "number" || typeof value === "bigint") {
    if (schema.minimum !== undefined && compare(value, schema.minimum) < 0) return `${path}: must be at least ${schema.minimum} (got ${value})`;
    if (schema.maximum !== undefined && compare(value, schema.maximum) > 0) return `${path}: must be at most ${schema.maximum} (got ${value})`;
  }
  if (schema.enum && !schema.enum.some((e) => e === value || (typeof value === "bigint" && typeof e === "number" && compare(value, e) === 0))) {
    return `${path}: must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")} (got ${typeof value === "bigint" ? value : JSON.stringify(value)})`;
  }
  return undefined;
}
