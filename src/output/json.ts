// Go encoding/json over the value model of src/templates/values.ts.

import { GoFloat, GoNil, GoPtr, GoStruct, GoTime } from "../templates/values.js";
import { quoteJsonString } from "../go/json/quote.js";
import { compareGoStrings, goTimeRFC3339 } from "./go-format.js";

export interface MarshalOptions {
  /** `<`, `>`, `&` as `\u003c`… (Go's default; exo's output encoder turns it off). */
  escapeHTML?: boolean;
  /** MarshalIndent's indent string; compact when absent. */
  indent?: string;
}

/** Thrown for values Go refuses to encode (NaN, ±Inf), with Go's message. */
export class JSONEncodeError extends Error {
  override name = "JSONEncodeError";
}

/** Go's float64 encoding: shortest digits, exponent only below 1e-6 or from 1e21 (as JavaScript). */
function encodeFloat(value: number): string {
  if (!Number.isFinite(value)) throw new JSONEncodeError(`json: unsupported value: ${formatNonFinite(value)}`);
  if (Object.is(value, -0)) return "-0";
  return String(value);
}

function formatNonFinite(value: number): string {
  return Number.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
}

function encodeNumber(value: number): string {
  // Whole numbers are ints in the value model; printed in full, never with an exponent.
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  return encodeFloat(value);
}

/** omitempty: false, 0, "", nil pointer/interface, and empty slices/maps/strings are dropped. */
function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (value instanceof GoNil) return true;
  if (value === false || value === 0 || value === 0n || value === "") return true;
  if (value instanceof GoFloat) return value.value === 0;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof GoPtr || value instanceof GoStruct || value instanceof GoTime) return false;
  if (value instanceof Map) return value.size === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

class Encoder {
  constructor(
    private readonly escapeHTML: boolean,
    private readonly indent: string | undefined,
  ) {}

  private composite(open: string, close: string, parts: string[], depth: number): string {
    if (parts.length === 0) return open + close;
    if (this.indent === undefined) return open + parts.join(",") + close;
    const inner = "\n" + this.indent.repeat(depth + 1);
    return open + inner + parts.join("," + inner) + "\n" + this.indent.repeat(depth) + close;
  }

  private member(key: string, value: string): string {
    return quoteJsonString(key, this.escapeHTML) + (this.indent === undefined ? ":" : ": ") + value;
  }

  encode(value: unknown, depth: number): string {
    if (value === null || value === undefined || value instanceof GoNil) return "null";
    if (value instanceof GoPtr) return this.encode(value.value, depth);
    if (value instanceof GoFloat) return encodeFloat(value.value);
    if (value instanceof GoTime) return quoteJsonString(goTimeRFC3339(value), this.escapeHTML);
    if (value instanceof GoStruct) {
      const parts: string[] = [];
      for (const field of value.fields.values()) {
        const key = field.json ?? field.name;
        if (key === "-") continue;
        if (field.omitempty && isEmptyValue(field.value)) continue;
        parts.push(this.member(key, this.encode(field.value, depth + 1)));
      }
      return this.composite("{", "}", parts, depth);
    }
    switch (typeof value) {
      case "string":
        return quoteJsonString(value, this.escapeHTML);
      case "number":
        return encodeNumber(value);
      case "bigint":
        return value.toString();
      case "boolean":
        return value ? "true" : "false";
    }
    if (Array.isArray(value)) {
      return this.composite("[", "]", value.map((v) => this.encode(v, depth + 1)), depth);
    }
    if (value instanceof Map) {
      const keys = [...value.keys()].map(String).sort(compareGoStrings);
      return this.composite("{", "}", keys.map((k) => this.member(k, this.encode(value.get(k), depth + 1))), depth);
    }
    if (typeof value === "object") {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort(compareGoStrings);
      return this.composite("{", "}", keys.map((k) => this.member(k, this.encode(record[k], depth + 1))), depth);
    }
    throw new JSONEncodeError(`json: unsupported type: ${typeof value}`);
  }
}

/** `json.Marshal` (HTML escaping on) or `json.MarshalIndent(v, "", indent)`, without a newline. */
export function marshalJSON(value: unknown, options: MarshalOptions = {}): string {
  return new Encoder(options.escapeHTML ?? true, options.indent).encode(value, 0);
}

/** exo's `output.JSON`: an Encoder with SetEscapeHTML(false), compact, then a newline. */
export function encodeOutputJSON(value: unknown): string {
  return marshalJSON(value, { escapeHTML: false }) + "\n";
}

/** `exo dbaas show --settings`: `json.MarshalIndent(v, "", "  ")` (HTML escaped) and a newline. */
export function encodeIndentedJSON(value: unknown): string {
  return marshalJSON(value, { indent: "  " }) + "\n";
}

/** `exo dbaas metrics`: `json.Marshal` (HTML escaped, compact) and a newline. */
export function encodeMarshalJSON(value: unknown): string {
  return marshalJSON(value) + "\n";
}
