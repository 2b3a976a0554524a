// Kept apart from the client's reader (src/go/json) on purpose: a bug in the client's JSON must not be masked by the same bug in the fake.
// JSON parse/stringify that keeps integers exact: an integer literal outside the safe range becomes a bigint,
// and bigints are written back as plain digits.

export type Json = null | boolean | number | bigint | string | Json[] | { [key: string]: Json };

export class RequestJsonError extends Error {
  constructor(message: string, readonly position: number) {
    super(`${message} at position ${position}`);
  }
}

export function parseJson(text: string): Json {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")) i++;
  };
  const fail = (what: string): never => {
    throw new RequestJsonError(i >= text.length ? "unexpected end of JSON" : `${what} ${JSON.stringify(text[i])}`, i);
  };

  const value = (depth: number): Json => {
    if (depth > 200) fail("nesting too deep near");
    ws();
    const c = text[i];
    if (c === "{") return object(depth);
    if (c === "[") return array(depth);
    if (c === '"') return string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    for (const [word, v] of [["true", true], ["false", false], ["null", null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return fail("unexpected character");
  };

  const object = (depth: number): Json => {
    const out: { [key: string]: Json } = {};
    i++;
    ws();
    if (text[i] === "}") {
      i++;
      return out;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') fail("expected a property name, got");
      const key = string();
      ws();
      if (text[i] !== ":") fail("expected ':', got");
      i++;
      // defineProperty keeps "__proto__" an ordinary key
      Object.defineProperty(out, key, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return out;
      }
      fail("expected ',' or '}', got");
    }
  };

  const array = (depth: number): Json => {
    const out: Json[] = [];
    i++;
    ws();
    if (text[i] === "]") {
      i++;
      return out;
    }
    for (;;) {
      out.push(value(depth + 1));
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return out;
      }
      fail("expected ',' or ']', got");
    }
  };

  const string = (): string => {
    const start = i;
    i++;
    let out = "";
    let chunk = i;
    for (;;) {
      if (i >= text.length) {
        i = start;
        fail("unterminated string");
      }
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c < 0x20) fail("control character in string:");
      if (c === 0x5c) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          i++;
          fail("invalid escape");
        }
        chunk = i;
        continue;
      }
      i++;
    }
  };

  const number = (): number | bigint => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail("invalid number near");
    i += m[0].length;
    const isInteger = m[2] === undefined && m[3] === undefined;
    const n = Number(m[0]);
    if (isInteger && !Number.isSafeInteger(n)) return BigInt(m[0]);
    return n;
  };

  const result = value(0);
  ws();
  if (i < text.length) fail("unexpected trailing character");
  return result;
}

/** Like JSON.stringify, plus bigint support; `indent` as in JSON.stringify. undefined members are dropped. */
export function stringifyJson(value: unknown, indent = 0): string {
  const pad = " ".repeat(indent);
  const write = (v: unknown, current: string): string | undefined => {
    if (v === null) return "null";
    switch (typeof v) {
      case "bigint":
        return v.toString();
      case "number":
        return Number.isFinite(v) ? String(v) : "null";
      case "boolean":
        return String(v);
      case "string":
        return JSON.stringify(v);
      case "undefined":
      case "function":
      case "symbol":
        return undefined;
    }
    const inner = current + pad;
    const sep = indent ? `,\n${inner}` : ",";
    const open = indent ? `\n${inner}` : "";
    const close = indent ? `\n${current}` : "";
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      return `[${open}${v.map((x) => write(x, inner) ?? "null").join(sep)}${close}]`;
    }
    const parts: string[] = [];
    for (const [k, x] of Object.entries(v as object)) {
      const s = write(x, inner);
      if (s !== undefined) parts.push(`${JSON.stringify(k)}:${indent ? " " : ""}${s}`);
    }
    if (parts.length === 0) return "{}";
    return `{${open}${parts.join(sep)}${close}}`;
  };
  return write(value, "") ?? "null";
}

export function isJsonObject(v: unknown): v is { [key: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
