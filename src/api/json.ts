// The API's JSON. Responses are read losslessly (src/go/json): integers outside the IEEE-754 safe
// range become bigint, as the API documents int64 bounds such as 9223372036854775807 that
// JSON.parse would silently round; a malformed response is worded here.
//
// stringify mimics Go's encoding/json: compact, insertion order, strings quoted as Go quotes them
// (HTML characters escaped only when asked: json.Marshal does, the CLI's output encoder does not).

import { quoteJsonString } from "../go/json/quote.js";
import type { JsonExpectation, JsonFault } from "../go/json/tokenizer.js";
import { readLosslessJson, type JsonValue } from "../go/json/value.js";

import { JsonSyntaxError } from "../go/json/syntax-error.js";

export type { JsonValue } from "../go/json/value.js";
export { JsonSyntaxError } from "../go/json/syntax-error.js";

/** Parses JSON text; whole numbers beyond Number.MAX_SAFE_INTEGER become bigint. */
export function parse(text: string): JsonValue {
  const read = readLosslessJson(text);
  if ("value" in read) return read.value;
  const { fault } = read;
  throw new JsonSyntaxError(describeFault(fault), fault.kind === "unterminated-string" ? text.length : fault.at);
}

const EXPECTED: Readonly<Record<Exclude<JsonExpectation, "value" | "end">, string>> = {
  key: "expected a string key",
  colon: "expected ':'",
  "comma-or-bracket": "expected ',' or ']'",
  "comma-or-brace": "expected ',' or '}'",
};

/** The client's wording of a malformed response. */
function describeFault(fault: JsonFault): string {
  switch (fault.kind) {
    case "unexpected":
      if (fault.expected === "end") return "unexpected character after JSON value";
      if (fault.expected !== "value") return EXPECTED[fault.expected];
      return fault.found === undefined ? "unexpected end of JSON input" : `unexpected character ${JSON.stringify(fault.found)}`;
    case "literal":
      return "invalid literal";
    case "number":
      return "invalid number";
    case "unterminated-string":
      return "unterminated string";
    case "control-character":
      return "control character in string";
    case "escape":
      return fault.unicode ? "invalid unicode escape" : "invalid escape";
    case "too-deep":
      return `nesting deeper than ${fault.limit} levels`;
  }
}

export interface StringifyOptions {
  /** escape <, > and & as \u003c, \u003e, \u0026 (Go json.Marshal); default false */
  escapeHTML?: boolean;
  /** indentation unit, e.g. "  "; compact when absent */
  indent?: string;
}

/** Serialises like Go's encoding/json. undefined object members are skipped (omitempty-like). */
export function stringify(value: unknown, options: StringifyOptions = {}): string {
  return write(value, options, "");
}

function write(value: unknown, options: StringifyOptions, depth: string): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return value.toString();
    case "number":
      return formatNumber(value);
    case "string":
      return quoteJsonString(value, options.escapeHTML ?? false);
    case "object":
      break;
    default:
      throw new TypeError(`json: unsupported type: ${typeof value}`);
  }
  const toJSON = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === "function") return write(toJSON.call(value), options, depth);
  const inner = options.indent === undefined ? "" : depth + options.indent;
  const open = options.indent === undefined ? "" : "\n" + inner;
  const close = options.indent === undefined ? "" : "\n" + depth;
  const colon = options.indent === undefined ? ":" : ": ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return "[" + open + value.map((v) => write(v, options, inner)).join("," + open) + close + "]";
  }
  const members: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    members.push(quoteJsonString(key, options.escapeHTML ?? false) + colon + write(v, options, inner));
  }
  if (members.length === 0) return "{}";
  return "{" + open + members.join("," + open) + close + "}";
}

/** Go's float64 encoding: shortest round-trip digits, exponent form below 1e-6 and from 1e21. */
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new TypeError(`json: unsupported value: ${n}`);
  if (Object.is(n, -0)) return "-0";
  // JavaScript switches to exponent form at the same thresholds as Go; Go writes e-07 as e-7 too.
  return String(n);
}
