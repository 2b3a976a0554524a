// What Go's json.Unmarshal says of a malformed text before it decodes anything (its scanner's
// SyntaxError text: `invalid character 'x' looking for beginning of value`, `unexpected end of JSON
// input`, `invalid character '[' exceeded max depth`). Go's scanner reads bytes, and at the end of the
// text it reads one more space: an error there names ' '. A leaf of the Go kit.

import { quote } from "../quote.js";
import { readJson, type JsonExpectation, type JsonFault } from "./tokenizer.js";

/** Go's scanner refuses to open a 10001st level of arrays and objects. */
const GO_MAX_NESTING = 10000;
/** The reader recurses per level; deeper malformed texts are worded by the nesting scan alone. */
const READER_DEPTH = 1000;

const AFTER: Readonly<Record<JsonExpectation, string>> = {
  value: "looking for beginning of value",
  key: "looking for beginning of object key string",
  colon: "after object key",
  "comma-or-bracket": "after array element",
  "comma-or-brace": "after object key:value pair",
  end: "after top-level value",
};

/** Go's quoteChar: the byte (the first of a character's UTF-8 bytes) as a quoted rune; the end of the text is a space. */
function quoteChar(text: string, at: number): string {
  const cp = text.codePointAt(at);
  if (cp === undefined) return "' '";
  const byte = Buffer.from(String.fromCodePoint(cp), "utf8")[0]!;
  if (byte === 0x27) return "'\\''";
  if (byte === 0x22) return "'\"'";
  return `'${quote(String.fromCharCode(byte)).slice(1, -1)}'`;
}

const invalid = (text: string, at: number, where: string) => `invalid character ${quoteChar(text, at)} ${where}`;

/** A number ran into `.`, `e` or `E` it could not take: Go reports the character after it. */
function numberFault(text: string, at: number): string | undefined {
  let start = at;
  while (start > 0 && /[0-9.eE+-]/.test(text[start - 1]!)) start--;
  const number = text.slice(start, at);
  const found = text[at];
  if (found === "." && !/[.eE]/.test(number)) return invalid(text, at + 1, "after decimal point in numeric literal");
  if ((found === "e" || found === "E") && !/[eE]/.test(number)) {
    const sign = text[at + 1] === "+" || text[at + 1] === "-";
    return invalid(text, at + (sign ? 2 : 1), "in exponent of numeric literal");
  }
  return undefined;
}

function describe(text: string, fault: JsonFault): string {
  switch (fault.kind) {
    case "unexpected":
      if (fault.inNumber) {
        const inNumber = numberFault(text, fault.at);
        if (inNumber) return inNumber;
      }
      return fault.found === undefined ? "unexpected end of JSON input" : invalid(text, fault.at, AFTER[fault.expected]);
    case "literal": {
      let i = 1;
      while (text[fault.at + i] === fault.word[i]) i++;
      return invalid(text, fault.at + i, `in literal ${fault.word} (expecting '${fault.word[i]}')`);
    }
    case "number":
      return invalid(text, fault.at + 1, "in numeric literal");
    case "unterminated-string":
      return "unexpected end of JSON input";
    case "control-character":
      return invalid(text, fault.at, "in string literal");
    case "escape": {
      if (!fault.unicode) return invalid(text, fault.at + 1, "in string escape code");
      let i = 2;
      while (i < 6 && /[0-9a-fA-F]/.test(text[fault.at + i] ?? "")) i++;
      return invalid(text, fault.at + i, "in \\u hexadecimal character escape");
    }
    case "too-deep":
      return tooDeep(text) ?? `JSON nested deeper than ${READER_DEPTH} levels`;
  }
}

/**
 * Go's error for the first `[` or `{` that would open a 10001st level. Exact on a text whose
 * syntax is valid up to there (brackets in strings do not count).
 */
function tooDeep(text: string): string | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "[" || c === "{") {
      if (depth >= GO_MAX_NESTING) return invalid(text, i, "exceeded max depth");
      depth++;
    } else if (c === "]" || c === "}") depth--;
  }
  return undefined;
}

const NOTHING = { string: () => null, number: () => null, literal: () => null, array: () => null, object: () => null };

/** Go's syntax error for `text`, or undefined when Go's json.Unmarshal would go on to decode it. */
export function goJsonSyntaxError(text: string): string | undefined {
  try {
    JSON.parse(text);
    return tooDeep(text);
  } catch {
    const read = readJson(text, NOTHING, { maxDepth: READER_DEPTH });
    return "fault" in read ? describe(text, read.fault) : undefined;
  }
}
