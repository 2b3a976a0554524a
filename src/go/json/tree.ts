// The exact tree: numbers keep their source text (JSON.parse would turn 9223372036854775807 into
// 9223372036854775808 and forget that `3.0` has a fraction) and objects keep every entry in source
// order, repeated keys included, until the caller decides. A leaf: imports nothing above src/go.

import { readJson, type JsonBuilder, type JsonRead, type ReadOptions } from "./tokenizer.js";

/** A JSON number exactly as written. */
export class JsonNumber {
  constructor(readonly text: string) {}

  /** Written without fraction or exponent, so it is an integer for a typed (Go) decode. */
  get isIntegerLiteral(): boolean {
    return !/[.eE]/.test(this.text);
  }
}

/** A JSON object with its entries in source order (duplicates included). */
export class JsonObject {
  constructor(readonly entries: ReadonlyArray<readonly [string, JsonTree]>) {}
}

export type JsonTree = null | boolean | string | JsonNumber | JsonTree[] | JsonObject;

const TREE: JsonBuilder<JsonTree> = {
  string: (value) => value,
  number: (text) => new JsonNumber(text),
  literal: (value) => value,
  array: (items) => items,
  object: (entries) => new JsonObject(entries),
};

/** Reads JSON text into a tree that keeps numbers as written and object entries in order. */
export function readJsonTree(text: string, options?: ReadOptions): JsonRead<JsonTree> {
  return readJson(text, TREE, options);
}

/** A number as a JavaScript value: bigint for integers outside the safe range, number otherwise. */
export function numberValue(n: JsonNumber): number | bigint {
  if (n.isIntegerLiteral) {
    const big = BigInt(n.text);
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  }
  return Number(n.text);
}

/** Sets a property without ever invoking the `__proto__` setter. */
export function defineEntry(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Converts a tree to plain values (last duplicate key wins, as with JSON.parse). */
export function treeToValue(tree: JsonTree): unknown {
  if (tree instanceof JsonNumber) return numberValue(tree);
  if (Array.isArray(tree)) return tree.map(treeToValue);
  if (tree instanceof JsonObject) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of tree.entries) defineEntry(out, key, treeToValue(value));
    return out;
  }
  return tree;
}
