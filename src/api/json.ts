// Lossless JSON: integers outside the IEEE-754 safe range become bigint on parse and are written
// back digit for digit. The API documents int64 bounds such as 9223372036854775807 that
// JSON.parse would silently round.
//
// stringify mimics Go's encoding/json: compact, insertion order, `\b \f \n \r \t` short escapes,
// other control characters as \u00XX, U+2028/U+2029 always escaped, HTML characters escaped only
// when asked (json.Marshal does, the CLI's output encoder does not).

export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | { [key: string]: JsonValue };

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = "JsonSyntaxError";
  }
}

/** With no run of 16 digits, every integer in the text is safe and JSON.parse reads it exactly as Parser does. */
const LONG_DIGIT_RUN = /\d{16}/;

/** Parses JSON text; whole numbers beyond Number.MAX_SAFE_INTEGER become bigint. */
export function parse(text: string): JsonValue {
  if (!LONG_DIGIT_RUN.test(text)) {
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      // invalid: Parser below says where and why, in its own words
    }
  }
  const parser = new Parser(text);
  parser.skipWhitespace();
  const value = parser.value();
  parser.skipWhitespace();
  if (parser.pos < text.length) parser.fail("unexpected character after JSON value");
  return value;
}

class Parser {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw new JsonSyntaxError(message, this.pos);
  }

  skipWhitespace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  value(): JsonValue {
    const c = this.text[this.pos];
    switch (c) {
      case "{":
        return this.object();
      case "[":
        return this.array();
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
        return this.fail(c === undefined ? "unexpected end of JSON input" : `unexpected character ${JSON.stringify(c)}`);
    }
  }

  private literal<T extends JsonValue>(word: string, value: T): T {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    return this.fail("invalid literal");
  }

  private object(): { [key: string]: JsonValue } {
    const result: { [key: string]: JsonValue } = {};
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.fail("expected a string key");
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.pos] !== ":") this.fail("expected ':'");
      this.pos++;
      this.skipWhitespace();
      // defineProperty: a "__proto__" key must stay an own data property
      Object.defineProperty(result, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      const c = this.text[this.pos++];
      if (c === "}") return result;
      if (c !== ",") {
        this.pos--;
        this.fail("expected ',' or '}'");
      }
    }
  }

  private array(): JsonValue[] {
    const result: JsonValue[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      result.push(this.value());
      this.skipWhitespace();
      const c = this.text[this.pos++];
      if (c === "]") return result;
      if (c !== ",") {
        this.pos--;
        this.fail("expected ',' or ']'");
      }
    }
  }

  private string(): string {
    const t = this.text;
    let i = ++this.pos;
    let out = "";
    let chunkStart = i;
    for (;;) {
      if (i >= t.length) {
        this.pos = i;
        this.fail("unterminated string");
      }
      const c = t.charCodeAt(i);
      if (c === 0x22) {
        out += t.slice(chunkStart, i);
        this.pos = i + 1;
        return out;
      }
      if (c < 0x20) {
        this.pos = i;
        this.fail("control character in string");
      }
      if (c === 0x5c) {
        out += t.slice(chunkStart, i);
        const e = t[i + 1];
        switch (e) {
          case '"':
          case "\\":
          case "/":
            out += e;
            i += 2;
            break;
          case "b":
            out += "\b";
            i += 2;
            break;
          case "f":
            out += "\f";
            i += 2;
            break;
          case "n":
            out += "\n";
            i += 2;
            break;
          case "r":
            out += "\r";
            i += 2;
            break;
          case "t":
            out += "\t";
            i += 2;
            break;
          case "u": {
            const hex = t.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              this.pos = i;
              this.fail("invalid unicode escape");
            }
            out += String.fromCharCode(parseInt(hex, 16));
            i += 6;
            break;
          }
          default:
            this.pos = i;
            this.fail("invalid escape");
        }
        chunkStart = i;
        continue;
      }
      i++;
    }
  }

  private number(): number | bigint {
    const match = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match) return this.fail("invalid number");
    const literal = match[0];
    this.pos += literal.length;
    if (match[1] === undefined && match[2] === undefined) {
      const n = Number(literal);
      return Number.isSafeInteger(n) ? n : BigInt(literal);
    }
    return Number(literal);
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
      return quote(value, options.escapeHTML ?? false);
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
    members.push(quote(key, options.escapeHTML ?? false) + colon + write(v, options, inner));
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

const ESCAPES: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function quote(s: string, escapeHTML: boolean): string {
  const pattern = escapeHTML ? /["\\\u0000-\u001f\u2028\u2029<>&]|[\ud800-\udfff]/g : /["\\\u0000-\u001f\u2028\u2029]|[\ud800-\udfff]/g;
  return (
    '"' +
    s.replace(pattern, (c, offset: number) => {
      const escaped = ESCAPES[c];
      if (escaped) return escaped;
      const code = c.charCodeAt(0);
      if (code >= 0xd800 && code <= 0xdfff) {
        // keep well-formed surrogate pairs; Go replaces invalid UTF-8 (lone surrogates) with U+FFFD
        const isHigh = code <= 0xdbff;
        const partner = isHigh ? s.charCodeAt(offset + 1) : s.charCodeAt(offset - 1);
        const paired = isHigh ? partner >= 0xdc00 && partner <= 0xdfff : partner >= 0xd800 && partner <= 0xdbff;
        return paired ? c : "\\ufffd";
      }
      return "\\u" + code.toString(16).padStart(4, "0");
    }) +
    '"'
  );
}
