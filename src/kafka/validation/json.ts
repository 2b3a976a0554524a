// A lossless JSON reader. JSON.parse turns every number into a double, which silently changes
// integers beyond 2^53 (9223372036854775807 becomes 9223372036854775808) and forgets that `3.0`
// was written with a fraction. Here numbers keep their source text until the caller decides.

import { InputError } from "./errors.js";

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

/** Malformed JSON; `position` is the 0-based offset of the offending character. */
export class JsonSyntaxError extends InputError {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} at position ${position}`);
    this.name = "JsonSyntaxError";
  }
}

const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

function describeChar(char: string | undefined): string {
  if (char === undefined) return "end of input";
  return `character ${JSON.stringify(char)}`;
}

class Reader {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseDocument(): JsonTree {
    const value = this.value(0);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail(`unexpected ${describeChar(this.text[this.pos])} after the JSON value`);
    return value;
  }

  private fail(reason: string, at = this.pos): never {
    throw new JsonSyntaxError(reason, at);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") return;
      this.pos++;
    }
  }

  private value(depth: number): JsonTree {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    this.skipSpace();
    const c = this.text[this.pos];
    switch (c) {
      case "{":
        return this.object(depth);
      case "[":
        return this.array(depth);
      case '"':
        return this.string();
      case "t":
        return this.literal("true", true);
      case "f":
        return this.literal("false", false);
      case "n":
        return this.literal("null", null);
      default:
        if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
        return this.fail(`unexpected ${describeChar(c)}, expected a JSON value`);
    }
  }

  private literal<T>(word: string, result: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail(`invalid literal, expected ${word}`);
    this.pos += word.length;
    return result;
  }

  private number(): JsonNumber {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail("invalid number");
    const end = this.pos + match[0].length;
    const next = this.text[end];
    if (next !== undefined && /[0-9.eE+-]/.test(next)) this.fail("invalid number", end);
    this.pos = end;
    return new JsonNumber(match[0]);
  }

  private string(): string {
    const start = this.pos++;
    let out = "";
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail("unterminated string", start);
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c < " ") this.fail(`control character U+${c.charCodeAt(0).toString(16).padStart(4, "0")} in string`);
      if (c !== "\\") {
        out += c;
        this.pos++;
        continue;
      }
      const e = this.text[this.pos + 1];
      if (e === "u") {
        const digits = this.text.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(digits)) this.fail("invalid \\u escape");
        out += String.fromCharCode(parseInt(digits, 16));
        this.pos += 6;
        continue;
      }
      const mapped = e === undefined ? undefined : ESCAPES[e];
      if (mapped === undefined) this.fail("invalid escape in string");
      out += mapped;
      this.pos += 2;
    }
  }

  private array(depth: number): JsonTree[] {
    this.pos++;
    const items: JsonTree[] = [];
    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return items;
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipSpace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === "]") return items;
      if (c !== ",") this.fail(`unexpected ${describeChar(c)}, expected ',' or ']'`, this.pos - 1);
    }
  }

  private object(depth: number): JsonObject {
    this.pos++;
    const entries: Array<readonly [string, JsonTree]> = [];
    this.skipSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return new JsonObject(entries);
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail(`unexpected ${describeChar(this.text[this.pos])}, expected a property name in double quotes`);
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ":") this.fail(`unexpected ${describeChar(this.text[this.pos])}, expected ':'`);
      this.pos++;
      entries.push([key, this.value(depth + 1)]);
      this.skipSpace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === "}") return new JsonObject(entries);
      if (c !== ",") this.fail(`unexpected ${describeChar(c)}, expected ',' or '}'`, this.pos - 1);
    }
  }
}

/** Parses JSON text into a tree that keeps numbers as written and object entries in order. */
export function parseJsonTree(text: string): JsonTree {
  return new Reader(text).parseDocument();
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
