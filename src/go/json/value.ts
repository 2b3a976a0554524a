// Plain JSON values with int64 kept whole: integers outside the IEEE-754 safe range become bigint
// (the API documents bounds such as 9223372036854775807 that JSON.parse would round). A leaf.

import { defineEntry } from "./tree.js";
import { readJson, type JsonBuilder, type JsonRead } from "./tokenizer.js";

export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | { [key: string]: JsonValue };

const VALUES: JsonBuilder<JsonValue> = {
  string: (value) => value,
  number: (text, integer) => {
    const n = Number(text);
    return integer && !Number.isSafeInteger(n) ? BigInt(text) : n;
  },
  literal: (value) => value,
  array: (items) => items,
  object: (entries) => {
    const out: { [key: string]: JsonValue } = {};
    // a repeated key keeps its first place and its last value, as with JSON.parse; "__proto__" stays data
    for (const [key, value] of entries) {
      if (key === "__proto__") defineEntry(out, key, value);
      else out[key] = value;
    }
    return out;
  },
};

/** With no run of 16 digits, every integer in the text is safe and JSON.parse reads it exactly as the reader does. */
const LONG_DIGIT_RUN = /\d{16}/;

/** JSON.parse, but whole numbers beyond Number.MAX_SAFE_INTEGER come back as exact bigints. */
export function readLosslessJson(text: string): JsonRead<JsonValue> {
  if (!LONG_DIGIT_RUN.test(text)) {
    try {
      return { value: JSON.parse(text) as JsonValue };
    } catch {
      // invalid: the reader says where and why
    }
  }
  return readJson(text, VALUES);
}
