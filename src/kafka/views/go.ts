// Shorthands for building the Go values exo's output structs hold.

import { goTimeString } from "../../output/go-format.js";
import { GoNil, GoPtr, GoStruct, GoTime, type GoFieldSpec } from "../../templates/values.js";

/** One struct field: Go name, value, JSON tag name, and whether the tag has `omitempty`. */
export function field(name: string, value: unknown, json: string, omitempty = false): GoFieldSpec {
  return omitempty ? { name, value, json, omitempty } : { name, value, json };
}


/** A pointer to a struct, or the typed nil pointer when the struct is absent. */
export function ptr(value: GoStruct | undefined, typeName: string): GoPtr | GoNil {
  return value === undefined ? new GoNil(`*${typeName}`) : new GoPtr(value, `*${typeName}`);
}

/** A pointer to a scalar (`*int64`, `*string`), or its typed nil when the API left the field out. */
export function optional(value: unknown, typeName: string): GoPtr | GoNil {
  return value === undefined ? new GoNil(typeName) : new GoPtr(value, typeName);
}

/** A slice built by `append` from nothing: nil (JSON `null`) when empty. */
export function appended<T>(items: readonly T[], elemType: string): readonly T[] | GoNil {
  return items.length === 0 ? new GoNil(`[]${elemType}`) : items;
}

/** A time.Time field from RFC 3339 text: Go's zero time when absent or malformed. */
export function goTime(text: string | undefined): GoTime {
  return (text === undefined ? undefined : GoTime.parse(text)) ?? GoTime.zero();
}

export function toNumber(value: number | bigint): number {
  return typeof value === "bigint" ? Number(value) : value;
}

/** A value as a table cell: pointers dereferenced, times as Go prints them, nothing for nil. */
export function goText(value: unknown): string {
  if (value instanceof GoPtr) return goText(value.value);
  if (value instanceof GoTime) return goTimeString(value);
  if (value === undefined || value === null || value instanceof GoNil) return "";
  return String(value);
}

/** A free-form JSON object (settings and their schemas, which the API describes only loosely). */
export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
