// Go's view of text: strings are UTF-8 bytes, characters are runes (code points).

import { isPrint } from "../go/quote.js";

export { isPrint, quote, quoteRune } from "../go/quote.js";
export { compareStrings } from "../go/strings.js";

let letter: RegExp | undefined;
let digit: RegExp | undefined;

export function isLetter(r: number): boolean {
  if (r < 0x80) return (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a);
  return r <= 0x10ffff && (letter ??= /^\p{L}$/u).test(String.fromCodePoint(r));
}

export function isDigit(r: number): boolean {
  if (r < 0x80) return r >= 0x30 && r <= 0x39;
  return r <= 0x10ffff && (digit ??= /^\p{Nd}$/u).test(String.fromCodePoint(r));
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Decodes UTF-8; invalid sequences become U+FFFD as Go's range-over-string does. */
export function utf8Decode(b: Uint8Array): string {
  return decoder.decode(b);
}

const ASCII = /^[\x00-\x7f]*$/;

/** Length of s in UTF-8 bytes (Go's len of a string). */
export function byteLength(s: string): number {
  if (ASCII.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Number of runes in s (utf8.RuneCountInString). */
export function runeCount(s: string): number {
  if (ASCII.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** strconv.CanBackquote. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (r === 0xfeff) return false;
    if (r === 0x60) return false;
    if (r < 0x20 && r !== 9) return false;
    if (r === 0x7f) return false;
    if (r >= 0xd800 && r <= 0xdfff) return false;
  }
  return true;
}

/** `%#U`-style rendering used in lexer errors: `U+0041 'A'`. */
export function runeDescription(r: number): string {
  const hex = "U+" + r.toString(16).toUpperCase().padStart(4, "0");
  return isPrint(r) ? `${hex} '${String.fromCodePoint(r)}'` : hex;
}

/**
 * strconv.UnquoteChar on s starting at index i, for a literal delimited by `q`.
 * Returns the rune or byte value, whether it is a raw byte (\x / octal), and the next index.
 */
export function unquoteChar(s: string, i: number, q: number): { value: number; byte: boolean; next: number } | undefined {
  const c = s.codePointAt(i);
  if (c === undefined) return undefined;
  if (c === q && (q === 0x27 || q === 0x22)) return undefined;
  if (c !== 0x5c) return { value: c, byte: false, next: i + (c > 0xffff ? 2 : 1) };
  const e = s.charCodeAt(i + 1);
  if (Number.isNaN(e)) return undefined;
  let j = i + 2;
  switch (e) {
    case 0x61: return { value: 7, byte: false, next: j };
    case 0x62: return { value: 8, byte: false, next: j };
    case 0x66: return { value: 12, byte: false, next: j };
    case 0x6e: return { value: 10, byte: false, next: j };
    case 0x72: return { value: 13, byte: false, next: j };
    case 0x74: return { value: 9, byte: false, next: j };
    case 0x76: return { value: 11, byte: false, next: j };
    case 0x5c: return { value: 0x5c, byte: false, next: j };
    case 0x27:
    case 0x22:
      if (e !== q) return undefined;
      return { value: e, byte: false, next: j };
    case 0x78:
    case 0x75:
    case 0x55: {
      const n = e === 0x78 ? 2 : e === 0x75 ? 4 : 8;
      const hex = s.slice(j, j + n);
      if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      const v = parseInt(hex, 16);
      j += n;
      if (e === 0x78) return { value: v, byte: true, next: j };
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
      return { value: v, byte: false, next: j };
    }
    default: {
      if (e < 0x30 || e > 0x37) return undefined;
      const oct = s.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(oct)) return undefined;
      const v = parseInt(oct, 8);
      if (v > 255) return undefined;
      return { value: v, byte: true, next: i + 4 };
    }
  }
}

/** strconv.Unquote for "..." and `...` literals. Returns undefined on invalid syntax. */
export function unquote(lit: string): string | undefined {
  if (lit.length < 2) return undefined;
  const q = lit[0];
  if (q !== lit[lit.length - 1]) return undefined;
  const body = lit.slice(1, -1);
  if (q === "`") {
    if (body.includes("`")) return undefined;
    return body.includes("\r") ? body.replaceAll("\r", "") : body;
  }
  if (q !== '"' && q !== "'") return undefined;
  if (body.includes("\n")) return undefined;
  if (q === '"' && !body.includes("\\") && !body.includes('"')) return body;
  const bytes: number[] = [];
  let i = 0;
  while (i < body.length) {
    const r = unquoteChar(body, i, q.charCodeAt(0));
    if (!r) return undefined;
    if (r.byte || r.value < 0x80) bytes.push(r.value);
    else for (const b of utf8Bytes(String.fromCodePoint(r.value))) bytes.push(b);
    i = r.next;
    if (q === "'" && i < body.length) return undefined;
  }
  if (q === "'" && body.length === 0) return undefined;
  return utf8Decode(Uint8Array.from(bytes));
}
