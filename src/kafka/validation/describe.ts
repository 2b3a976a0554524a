// Short, single-line descriptions of values for refusal messages.

import { JsonNumber, JsonObject, type JsonTree } from "../../go/json/tree.js";

const MAX_SHOWN = 60;

/** A string shown JSON-quoted (so control characters stay escaped), cut after 60 characters. */
export function quoteShort(value: string): string {
  const chars = [...value];
  return chars.length > MAX_SHOWN ? `${JSON.stringify(chars.slice(0, MAX_SHOWN).join(""))}…` : JSON.stringify(value);
}

/** `string "3"`, `number 3.0`, `boolean true`, `null`, `an array`, `an object`. */
export function describeTree(value: JsonTree): string {
  if (value === null) return "null";
  if (typeof value === "string") return `string ${quoteShort(value)}`;
  if (typeof value === "boolean") return `boolean ${value}`;
  if (value instanceof JsonNumber) return `number ${shortNumber(value.text)}`;
  if (value instanceof JsonObject) return "an object";
  return "an array";
}

export function shortNumber(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** An enum or bound value as it would be written in JSON. */
export function showLiteral(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return String(value);
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? String(value);
}

/** showLiteral, cut after 60 characters. */
export function showShort(value: unknown): string {
  if (typeof value === "string") return quoteShort(value);
  const text = showLiteral(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}
