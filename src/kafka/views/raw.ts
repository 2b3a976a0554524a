// Reading API JSON (kebab-case objects) the way egoscale's typed decode would see it: absent or
// mistyped fields become Go zero values.

import { GoTime } from "../../templates/values.js";

export type RawObject = Record<string, unknown>;

export function isObject(value: unknown): value is RawObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function obj(o: RawObject, key: string): RawObject | undefined {
  const v = o[key];
  return isObject(v) ? v : undefined;
}

export function str(o: RawObject | undefined, key: string): string {
  const v = o?.[key];
  return typeof v === "string" ? v : "";
}

export function optStr(o: RawObject | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === "string" ? v : undefined;
}

/** An int64 field: a number, or a bigint when the lossless parser kept digits JSON.parse would round. */
export function int(o: RawObject | undefined, key: string): number | bigint {
  return optInt(o, key) ?? 0;
}

export function optInt(o: RawObject | undefined, key: string): number | bigint | undefined {
  const v = o?.[key];
  if (typeof v === "bigint") return v;
  if (typeof v === "number" && Number.isFinite(v)) return Math.trunc(v);
  return undefined;
}

export function optBool(o: RawObject | undefined, key: string): boolean | undefined {
  const v = o?.[key];
  return typeof v === "boolean" ? v : undefined;
}

export function bool(o: RawObject | undefined, key: string): boolean {
  return optBool(o, key) ?? false;
}

export function arr(o: RawObject | undefined, key: string): unknown[] | undefined {
  const v = o?.[key];
  return Array.isArray(v) ? v : undefined;
}

export function objects(o: RawObject | undefined, key: string): RawObject[] | undefined {
  return arr(o, key)?.filter(isObject);
}

export function strings(o: RawObject | undefined, key: string): string[] | undefined {
  return arr(o, key)?.filter((v): v is string => typeof v === "string");
}

/** A time.Time field: RFC 3339 text, Go's zero time when absent or malformed. */
export function time(o: RawObject | undefined, key: string): GoTime {
  const v = o?.[key];
  return (typeof v === "string" ? GoTime.parse(v) : undefined) ?? GoTime.zero();
}

export function toNumber(value: number | bigint): number {
  return typeof value === "bigint" ? Number(value) : value;
}
