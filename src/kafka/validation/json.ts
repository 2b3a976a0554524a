// The settings flags' JSON, read by the exact tree of src/go/json (numbers as written, repeated keys
// kept) and refused in the validation's own words.

import { readJsonTree, treeToValue, type JsonTree } from "../../go/json/tree.js";
import type { JsonExpectation, JsonFault } from "../../go/json/tokenizer.js";
import { JsonSyntaxError } from "../../go/json/syntax-error.js";
import { InputError } from "./errors.js";

const MAX_DEPTH = 512;

function describeChar(char: string | undefined): string {
  if (char === undefined) return "end of input";
  return `character ${JSON.stringify(char)}`;
}

const EXPECTED: Readonly<Record<Exclude<JsonExpectation, "end">, string>> = {
  value: "a JSON value",
  key: "a property name in double quotes",
  colon: "':'",
  "comma-or-bracket": "',' or ']'",
  "comma-or-brace": "',' or '}'",
};

function describeFault(fault: JsonFault): string {
  switch (fault.kind) {
    case "unexpected":
      if (fault.inNumber) return "invalid number";
      if (fault.expected === "end") return `unexpected ${describeChar(fault.found)} after the JSON value`;
      return `unexpected ${describeChar(fault.found)}, expected ${EXPECTED[fault.expected]}`;
    case "literal":
      return `invalid literal, expected ${fault.word}`;
    case "number":
      return "invalid number";
    case "unterminated-string":
      return "unterminated string";
    case "control-character":
      return `control character U+${fault.code.toString(16).padStart(4, "0")} in string`;
    case "escape":
      return fault.unicode ? "invalid \\u escape" : "invalid escape in string";
    case "too-deep":
      return `nesting deeper than ${fault.limit} levels`;
  }
}

/** Parses JSON text into a tree that keeps numbers as written and object entries in order. */
export function parseJsonTree(text: string): JsonTree {
  const read = readJsonTree(text, { maxDepth: MAX_DEPTH });
  if ("fault" in read) {
    const syntax = new JsonSyntaxError(describeFault(read.fault), read.fault.at);
    throw new InputError(syntax.message, { cause: syntax });
  }
  return read.value;
}

/** JSON.parse, but integers outside the safe range come back as exact bigints. */
export function parseLosslessJson(text: string): unknown {
  return treeToValue(parseJsonTree(text));
}

/** JSON.stringify for the values parseLosslessJson produces (bigints are written as integers). */
export function stringifyLosslessJson(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : stringifyLosslessJson(v))).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const parts: string[] = [];
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined || typeof v === "function") continue;
      parts.push(`${JSON.stringify(key)}:${stringifyLosslessJson(v)}`);
    }
    return `{${parts.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
