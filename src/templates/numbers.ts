// Go's number literal parsing as the template parser applies it (strconv.ParseUint/ParseInt/
// ParseFloat with base 0, then text/template/parse's newNumber rules).

import { NumberNode } from "./nodes.js";
import { quote, unquoteChar } from "./text.js";
import { digitValue, parseInt64, parseUint, underscoreOK } from "../go/int.js";

export { parseInt64, parseUint } from "../go/int.js";

/** strconv.ParseFloat(s, 64); undefined on syntax or range error. */
export function parseFloat64(s: string): number | undefined {
  let i = 0;
  let neg = false;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    i = 1;
  }
  const rest = s.slice(i).toLowerCase();
  if (rest === "inf" || rest === "infinity") return neg ? -Infinity : Infinity;
  if (rest === "nan") return NaN;
  let hex = false;
  if (rest.length >= 2 && rest[0] === "0" && rest[1] === "x") {
    hex = true;
    i += 2;
  }
  let mant = "";
  let sawDigits = false;
  let sawDot = false;
  let dotPos = 0;
  let underscores = false;
  let j = i;
  for (; j < s.length; j++) {
    const c = s[j]!;
    if (c === "_") {
      underscores = true;
      continue;
    }
    if (c === ".") {
      if (sawDot) break;
      sawDot = true;
      dotPos = mant.length;
      continue;
    }
    const d = digitValue(c);
    if (d < (hex ? 16 : 10)) {
      sawDigits = true;
      mant += c;
      continue;
    }
    break;
  }
  if (!sawDigits) return undefined;
  if (!sawDot) dotPos = mant.length;
  let exp = 0;
  if (j < s.length && (hex ? "pP" : "eE").includes(s[j]!)) {
    j++;
    let esign = 1;
    if (s[j] === "+" || s[j] === "-") {
      esign = s[j] === "-" ? -1 : 1;
      j++;
    }
    let ed = false;
    let e = 0;
    for (; j < s.length; j++) {
      const c = s[j]!;
      if (c === "_") {
        underscores = true;
        continue;
      }
      if (c < "0" || c > "9") break;
      ed = true;
      if (e < 100000) e = e * 10 + (c.charCodeAt(0) - 0x30);
    }
    if (!ed) return undefined;
    exp = esign * e;
  } else if (hex) return undefined;
  if (j !== s.length) return undefined;
  if (underscores && !underscoreOK(s.slice(0, j))) return undefined;
  let v: number;
  if (hex) {
    const m = BigInt("0x" + (mant || "0"));
    v = Number(m) * 2 ** (exp - 4 * (mant.length - dotPos));
  } else {
    v = Number(`${mant}e${exp - (mant.length - dotPos)}`);
  }
  if (!Number.isFinite(v)) return undefined;
  return neg ? -v : v;
}

/** fmt.Sscan of a complex literal such as `1+2i`. */
function parseComplex(text: string): [number, number] | undefined {
  const m = /^([+-]?[^+-]*(?:[eEpP][+-][^+-]*)?)([+-].*)i$/.exec(text);
  if (!m) return undefined;
  const re = parseFloat64(m[1]!);
  const im = parseFloat64(m[2]!);
  if (re === undefined || im === undefined) return undefined;
  return [re, im];
}

function simplifyComplex(n: NumberNode): void {
  const [re, im] = n.complex;
  n.isFloat = im === 0;
  if (n.isFloat) {
    n.float64 = re;
    n.isInt = Number.isInteger(re) && Math.abs(re) < 2 ** 63;
    if (n.isInt) n.int64 = BigInt(re);
    n.isUint = Number.isInteger(re) && re >= 0 && re < 2 ** 64;
    if (n.isUint) n.uint64 = BigInt(re);
  }
}

/** Builds a NumberNode as text/template/parse's newNumber; throws the error message on failure. */
export function newNumber(pos: number, text: string, isChar: boolean, isComplex: boolean): NumberNode {
  const n = new NumberNode(pos, text);
  if (isChar) {
    const r = unquoteChar(text, 1, 0x27);
    if (!r) throw new NumberError("invalid syntax");
    if (text.slice(r.next) !== "'") throw new NumberError(`malformed character constant: ${text}`);
    n.int64 = BigInt(r.value);
    n.isInt = true;
    n.uint64 = BigInt(r.value);
    n.isUint = true;
    n.float64 = r.value;
    n.isFloat = true;
    return n;
  }
  if (isComplex) {
    const c = parseComplex(text);
    if (!c) throw new NumberError(`expected integer`);
    n.isComplex = true;
    n.complex = c;
    simplifyComplex(n);
    return n;
  }
  if (text.endsWith("i")) {
    const f = parseFloat64(text.slice(0, -1));
    if (f !== undefined) {
      n.isComplex = true;
      n.complex = [0, f];
      simplifyComplex(n);
      return n;
    }
  }
  const u = parseUint(text);
  if (u !== undefined) {
    n.isUint = true;
    n.uint64 = u;
  }
  const i = parseInt64(text);
  if (i !== undefined) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true;
      n.uint64 = u ?? 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseFloat64(text);
    if (f !== undefined) {
      if (!/[.eEpP]/.test(text)) throw new NumberError(`integer overflow: ${quote(text)}`);
      n.isFloat = true;
      n.float64 = f;
      if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new NumberError(`illegal number syntax: ${quote(text)}`);
  return n;
}

export class NumberError extends Error {}
