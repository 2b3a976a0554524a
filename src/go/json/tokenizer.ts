// The one JSON reader of the CLI (the emulator keeps its own on purpose). It checks the grammar and
// hands every value to a builder, so each user gets the tree it needs: exact numbers and repeated keys
// for the settings validation, plain values with int64 kept whole for the API client. A malformed
// text gives a fault that says what was wrong where; each user words it. A leaf: imports nothing.

/** Builds one kind of tree; called bottom-up, in source order. */
export interface JsonBuilder<T> {
  string(value: string): T;
  /** `text` exactly as written; `integer` when it has neither fraction nor exponent. */
  number(text: string, integer: boolean): T;
  literal(value: boolean | null): T;
  array(items: T[]): T;
  /** Entries in source order, repeated keys included. */
  object(entries: Array<readonly [string, T]>): T;
}

/** What the reader looked for when it met something else. */
export type JsonExpectation = "value" | "key" | "colon" | "comma-or-bracket" | "comma-or-brace" | "end";

/** A malformed text: `at` is the 0-based offset of the offending character (or of the opening quote). */
export type JsonFault =
  /** `found` is undefined at the end of the text; `inNumber` when it runs on from a number (`03`, `1.`, `1e`). */
  | { kind: "unexpected"; at: number; found: string | undefined; expected: JsonExpectation; inNumber: boolean }
  | { kind: "literal"; at: number; word: "true" | "false" | "null" }
  /** A `-` with no digit after it. */
  | { kind: "number"; at: number }
  | { kind: "unterminated-string"; at: number }
  | { kind: "control-character"; at: number; code: number }
  | { kind: "escape"; at: number; unicode: boolean }
  | { kind: "too-deep"; at: number; limit: number };

export type JsonRead<T> = { value: T } | { fault: JsonFault };

export interface ReadOptions {
  /** Values nested deeper than this are refused; unlimited when absent. */
  maxDepth?: number;
}

class Fault {
  constructor(readonly fault: JsonFault) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const NUMBER_CONTINUES = /[0-9.eE+-]/;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

class Reader<T> {
  private pos = 0;
  /** End of the last number read: a character right there that could continue it makes the number bad. */
  private numberEnd = -1;

  constructor(
    private readonly text: string,
    private readonly build: JsonBuilder<T>,
    private readonly maxDepth: number,
  ) {}

  document(): T {
    const value = this.value(0);
    this.skipSpace();
    if (this.pos < this.text.length) this.unexpected("end");
    return value;
  }

  private fail(fault: JsonFault): never {
    throw new Fault(fault);
  }

  private unexpected(expected: JsonExpectation): never {
    const found = this.text[this.pos];
    const inNumber = this.pos === this.numberEnd && found !== undefined && NUMBER_CONTINUES.test(found);
    return this.fail({ kind: "unexpected", at: this.pos, found, expected, inNumber });
  }

  private skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.pos++;
    }
  }

  private value(depth: number): T {
    if (depth > this.maxDepth) this.fail({ kind: "too-deep", at: this.pos, limit: this.maxDepth });
    this.skipSpace();
    const c = this.text[this.pos];
    switch (c) {
      case "{":
        return this.object(depth);
      case "[":
        return this.array(depth);
      case '"':
        return this.build.string(this.string());
      case "t":
        return this.literal("true", true);
      case "f":
        return this.literal("false", false);
      case "n":
        return this.literal("null", null);
      default:
        if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
        return this.unexpected("value");
    }
  }

  private literal(word: "true" | "false" | "null", value: boolean | null): T {
    if (!this.text.startsWith(word, this.pos)) this.fail({ kind: "literal", at: this.pos, word });
    this.pos += word.length;
    return this.build.literal(value);
  }

  private number(): T {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail({ kind: "number", at: this.pos });
    this.pos += match[0].length;
    this.numberEnd = this.pos;
    return this.build.number(match[0], match[1] === undefined && match[2] === undefined);
  }

  private string(): string {
    const t = this.text;
    const start = this.pos;
    let i = start + 1;
    let out = "";
    let chunk = i;
    for (;;) {
      if (i >= t.length) this.fail({ kind: "unterminated-string", at: start });
      const c = t.charCodeAt(i);
      if (c === 0x22) {
        this.pos = i + 1;
        return out + t.slice(chunk, i);
      }
      if (c < 0x20) this.fail({ kind: "control-character", at: i, code: c });
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += t.slice(chunk, i);
      const e = t[i + 1];
      if (e === "u") {
        const hex = t.slice(i + 2, i + 6);
        if (!HEX4.test(hex)) this.fail({ kind: "escape", at: i, unicode: true });
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else {
        const mapped = e === undefined ? undefined : ESCAPES[e];
        if (mapped === undefined) this.fail({ kind: "escape", at: i, unicode: false });
        out += mapped;
        i += 2;
      }
      chunk = i;
    }
  }

  private array(depth: number): T {
    const items: T[] = [];
    this.members("]", "comma-or-bracket", () => items.push(this.value(depth + 1)));
    return this.build.array(items);
  }

  private object(depth: number): T {
    const entries: Array<readonly [string, T]> = [];
    this.members("}", "comma-or-brace", () => {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.unexpected("key");
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ":") this.unexpected("colon");
      this.pos++;
      entries.push([key, this.value(depth + 1)]);
    });
    return this.build.object(entries);
  }

  /** From the opening bracket past the closing one: members separated by commas, or none. */
  private members(close: "]" | "}", expected: JsonExpectation, member: () => void): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === close) {
      this.pos++;
      return;
    }
    for (;;) {
      member();
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === close) {
        this.pos++;
        return;
      }
      if (c !== ",") this.unexpected(expected);
      this.pos++;
    }
  }
}

/** Reads one JSON document (surrounding white space allowed) into the builder's tree, or says what is wrong. */
export function readJson<T>(text: string, build: JsonBuilder<T>, options: ReadOptions = {}): JsonRead<T> {
  try {
    return { value: new Reader(text, build, options.maxDepth ?? Infinity).document() };
  } catch (error) {
    if (error instanceof Fault) return { fault: error.fault };
    throw error;
  }
}
