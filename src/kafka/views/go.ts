// Shorthands for building the Go values exo's output structs hold.

import { GoNil, GoPtr, GoStruct, type GoFieldSpec } from "../../templates/values.js";

/** One struct field: Go name, value, JSON tag name, and whether the tag has `omitempty`. */
export function field(name: string, value: unknown, json: string, omitempty = false): GoFieldSpec {
  return omitempty ? { name, value, json, omitempty } : { name, value, json };
}

export function struct(typeName: string, fields: readonly GoFieldSpec[]): GoStruct {
  return new GoStruct(typeName, fields);
}

/** A pointer to a struct, or the typed nil pointer when the struct is absent. */
export function ptr(value: GoStruct | undefined, typeName: string): GoPtr | GoNil {
  return value === undefined ? new GoNil(`*${typeName}`) : new GoPtr(value, `*${typeName}`);
}

/** A slice built by `append` from nothing: nil (JSON `null`) when empty. */
export function appended<T>(items: readonly T[], elemType: string): readonly T[] | GoNil {
  return items.length === 0 ? new GoNil(`[]${elemType}`) : items;
}
