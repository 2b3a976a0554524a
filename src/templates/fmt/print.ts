// Go's fmt printer (Sprint, Sprintln, Sprintf) over the template data model.

import { GoFloat, GoNil, GoPtr, GoStruct, GoTime } from "../values.js";
import {
  GoByte,
  GoComplex,
  GoNamedInt,
  GoUint,
  Iface,
  Kind,
  NIL_IFACE,
  StructView,
  isIntNumber,
  kindOf,
  sortedKeys,
  structOf,
  typeName,
} from "../reflect.js";
import { canBackquote, isPrint, quote, quoteRune, runeCount, utf8Bytes } from "../text.js";
import { formatTime, goStringTime } from "../time.js";
import { formatFloat } from "./float.js";

const LDIGITS = "0123456789abcdefx";
const UDIGITS = "0123456789ABCDEFX";

// Stable fake addresses: Go prints real ones, which no script can depend on.
const addresses = new WeakMap<object, number>();
let nextAddress = 0xc000010000;
function addressOf(v: unknown): number {
  if (v === null || (typeof v !== "object" && typeof v !== "function")) return 0;
  if (v instanceof GoNil) return 0;
  let a = addresses.get(v);
  if (a === undefined) {
    a = nextAddress;
    nextAddress += 0x30;
    addresses.set(v, a);
  }
  return a;
}

function isNil(v: unknown): boolean {
  return v === null || v === undefined || v === NIL_IFACE || (v instanceof GoNil && v.kind === "interface");
}

/** A struct's String method (Go's fmt.Stringer), if it has one. */
function stringMethod(v: unknown): (() => unknown) | undefined {
  if (v instanceof GoPtr) v = v.value;
  return structOf(v)?.methods?.get("String");
}

function isStringer(v: unknown): boolean {
  return stringMethod(v) !== undefined || v instanceof GoNamedInt || v instanceof GoTime || (v instanceof GoPtr && v.value instanceof GoTime) || (v instanceof GoNil && v.typeName === "*time.Time");
}

function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

/** One formatting pass, mirroring fmt's pp and fmt structs. */
class Printer {
  buf = "";
  widPresent = false;
  precPresent = false;
  minus = false;
  plus = false;
  sharp = false;
  space = false;
  zero = false;
  plusV = false;
  sharpV = false;
  wid = 0;
  prec = 0;
  /** p.arg: the operand being printed, if printed as an interface value */
  arg: unknown = null;
  /** p.value: the operand being printed, if reached by reflection */
  value: unknown = undefined;
  erroring = false;
  reordered = false;
  goodArgNum = true;

  clearFlags(): void {
    this.widPresent = this.precPresent = this.minus = this.plus = this.sharp = false;
    this.space = this.zero = this.plusV = this.sharpV = false;
    this.wid = this.prec = 0;
  }

  // ---- fmt.fmt: padding and basic formatting ----

  writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.zero && !this.minus ? "0" : " ").repeat(n);
  }

  pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  fmtBoolean(v: boolean): void {
    this.pad(v ? "true" : "false");
  }

  fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    let s = u.toString(16).toUpperCase();
    if (s.length < prec) s = s.padStart(prec, "0");
    s = "U+" + s;
    if (this.sharp && u <= 0x10ffffn && isPrint(Number(u))) s += " '" + String.fromCodePoint(Number(u)) + "'";
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  /** fmt.fmtInteger: v is the signed value (or unsigned when !isSigned). */
  fmtIntegerDigits(v: bigint, base: number, isSigned: boolean, verb: string, digits: string): void {
    const negative = isSigned && v < 0n;
    let u = negative ? -v : v;
    if (!isSigned && u < 0n) u += 1n << 64n;
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && !this.minus && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    let s = u.toString(base);
    if (digits === UDIGITS) s = s.toUpperCase();
    if (prec > s.length) s = "0".repeat(prec - s.length) + s;
    if (this.sharp) {
      if (base === 2) s = "0b" + s;
      else if (base === 8) {
        if (s[0] !== "0") s = "0" + s;
      } else if (base === 16) s = "0" + digits[16] + s;
    }
    if (verb === "O") s = "0o" + s;
    if (negative) s = "-" + s;
    else if (this.plus) s = "+" + s;
    else if (this.space) s = " " + s;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  truncateString(s: string): string {
    if (this.precPresent) {
      let n = this.prec;
      let i = 0;
      for (const ch of s) {
        n--;
        if (n < 0) return s.slice(0, i);
        i += ch.length;
      }
    }
    return s;
  }

  fmtS(s: string): void {
    this.pad(this.truncateString(s));
  }

  fmtSx(s: string, digits: string): void {
    const b = utf8Bytes(s);
    let length = b.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) width += 2;
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let out = "";
    if (this.sharp) out += "0" + digits[16];
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += " ";
        if (this.sharp) out += "0" + digits[16];
      }
      const c = b[i]!;
      out += digits[c >> 4]! + digits[c & 15]!;
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  fmtQ(s: string): void {
    s = this.truncateString(s);
    if (this.sharp && canBackquote(s)) {
      this.pad("`" + s + "`");
      return;
    }
    this.pad(quote(s, this.plus));
  }

  fmtC(c: bigint): void {
    const r = c > 0x10ffffn || (c >= 0xd800n && c <= 0xdfffn) ? 0xfffd : Number(c);
    this.pad(String.fromCodePoint(r));
  }

  fmtQc(c: bigint): void {
    const r = c > 0x10ffffn ? 0xfffd : Number(c);
    this.pad(quoteRune(r, this.plus));
  }

  /** fmt.fmtFloat */
  fmtFloatRaw(v: number, verb: string, prec: number): void {
    if (this.precPresent) prec = this.prec;
    let num = formatFloat(v, verb as "g", prec);
    if (num[0] === "-" || num[0] === "+") {
      // sign present
    } else num = "+" + num;
    if (this.space && num[0] === "+" && !this.plus) num = " " + num.slice(1);
    if (num[1] === "I" || num[1] === "N") {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === "N" && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = oldZero;
      return;
    }
    if (this.sharp && verb !== "b") {
      let digits = 0;
      if (verb === "v" || verb === "g" || verb === "G" || verb === "x") {
        digits = prec;
        if (digits === -1) digits = 6;
      }
      let tail = "";
      let hasDecimalPoint = false;
      let sawNonzeroDigit = false;
      let body = num;
      for (let i = 1; i < body.length; i++) {
        const ch = body[i]!;
        if (ch === ".") hasDecimalPoint = true;
        else if (ch === "p" || ch === "P") {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        } else if ((ch === "e" || ch === "E") && verb !== "x" && verb !== "X") {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        } else {
          if (ch !== "0") sawNonzeroDigit = true;
          if (sawNonzeroDigit) digits--;
        }
      }
      if (!hasDecimalPoint) {
        if (body.length === 2 && body[1] === "0") digits--;
        body += ".";
      }
      while (digits > 0) {
        body += "0";
        digits--;
      }
      num = body + tail;
    }
    if (this.plus || num[0] !== "+") {
      if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  // ---- pp: verbs by operand type ----

  badVerb(verb: string): void {
    this.erroring = true;
    this.buf += "%!" + verb + "(";
    if (!isNil(this.arg)) {
      this.buf += typeName(this.arg) + "=";
      this.printArg(this.arg, "v");
    } else if (this.value !== undefined && kindOf(this.value) !== Kind.Invalid) {
      this.buf += typeName(this.value) + "=";
      this.printValue(this.value, "v", 0);
    } else this.buf += "<nil>";
    this.buf += ")";
    this.erroring = false;
  }

  fmtBool(v: boolean, verb: string): void {
    if (verb === "t" || verb === "v") this.fmtBoolean(v);
    else this.badVerb(verb);
  }

  fmt0x64(v: bigint, leading0x: boolean): void {
    const sharp = this.sharp;
    this.sharp = leading0x;
    this.fmtIntegerDigits(v, 16, false, "v", LDIGITS);
    this.sharp = sharp;
  }

  fmtInteger(v: bigint, isSigned: boolean, verb: string): void {
    switch (verb) {
      case "v":
        if (this.sharpV && !isSigned) this.fmt0x64(v, true);
        else this.fmtIntegerDigits(v, 10, isSigned, verb, LDIGITS);
        return;
      case "d":
        return this.fmtIntegerDigits(v, 10, isSigned, verb, LDIGITS);
      case "b":
        return this.fmtIntegerDigits(v, 2, isSigned, verb, LDIGITS);
      case "o":
      case "O":
        return this.fmtIntegerDigits(v, 8, isSigned, verb, LDIGITS);
      case "x":
        return this.fmtIntegerDigits(v, 16, isSigned, verb, LDIGITS);
      case "X":
        return this.fmtIntegerDigits(v, 16, isSigned, verb, UDIGITS);
      case "c":
        return this.fmtC(BigInt.asUintN(64, v));
      case "q":
        return this.fmtQc(BigInt.asUintN(64, v));
      case "U":
        return this.fmtUnicode(BigInt.asUintN(64, v));
      default:
        this.badVerb(verb);
    }
  }

  fmtFloat(v: number, verb: string): void {
    switch (verb) {
      case "v":
        return this.fmtFloatRaw(v, "g", -1);
      case "b":
      case "g":
      case "G":
      case "x":
      case "X":
        return this.fmtFloatRaw(v, verb, -1);
      case "f":
      case "e":
      case "E":
        return this.fmtFloatRaw(v, verb, 6);
      case "F":
        return this.fmtFloatRaw(v, "f", 6);
      default:
        this.badVerb(verb);
    }
  }

  fmtComplex(v: GoComplex, verb: string): void {
    if (!"vbgGxXfFeE".includes(verb)) {
      this.badVerb(verb);
      return;
    }
    const oldPlus = this.plus;
    this.buf += "(";
    this.fmtFloat(v.re, verb);
    this.plus = true;
    this.fmtFloat(v.im, verb);
    this.buf += "i)";
    this.plus = oldPlus;
  }

  fmtString(v: string, verb: string): void {
    switch (verb) {
      case "v":
        if (this.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        return;
      case "s":
        return this.fmtS(v);
      case "x":
        return this.fmtSx(v, LDIGITS);
      case "X":
        return this.fmtSx(v, UDIGITS);
      case "q":
        return this.fmtQ(v);
      default:
        this.badVerb(verb);
    }
  }

  fmtPointer(value: unknown, verb: string): void {
    const k = kindOf(value);
    if (k !== Kind.Func && k !== Kind.Map && k !== Kind.Pointer && k !== Kind.Slice) {
      this.badVerb(verb);
      return;
    }
    const u = BigInt(addressOf(value));
    switch (verb) {
      case "v":
        if (this.sharpV) {
          this.buf += "(" + typeName(value) + ")(";
          if (u === 0n) this.buf += "nil";
          else this.fmt0x64(u, true);
          this.buf += ")";
        } else if (u === 0n) this.pad("<nil>");
        else this.fmt0x64(u, !this.sharp);
        return;
      case "p":
        return this.fmt0x64(u, !this.sharp);
      case "b":
      case "o":
      case "d":
      case "x":
      case "X":
        return this.fmtInteger(u, false, verb);
      default:
        this.badVerb(verb);
    }
  }

  handleMethods(verb: string): boolean {
    if (this.erroring) return false;
    if (verb === "w") {
      this.badVerb(verb);
      return true;
    }
    const arg = this.arg;
    if (!isStringer(arg)) return false;
    if (arg instanceof GoNil) {
      // String() on a nil *time.Time panics; fmt prints <nil>.
      if (this.sharpV || "vsxXq".includes(verb)) {
        this.buf += "<nil>";
        return true;
      }
      return false;
    }
    const str = stringMethod(arg);
    if (str) {
      if (this.sharpV || !"vsxXq".includes(verb)) return false;
      this.fmtString(String(str()), verb);
      return true;
    }
    if (arg instanceof GoNamedInt) {
      if (this.sharpV || !"vsxXq".includes(verb)) return false;
      this.fmtString(arg.str, verb);
      return true;
    }
    const t = arg instanceof GoPtr ? (arg.value as GoTime) : (arg as GoTime);
    if (this.sharpV) {
      this.fmtS(goStringTime(t));
      return true;
    }
    if ("vsxXq".includes(verb)) {
      this.fmtString(formatTime(t), verb);
      return true;
    }
    return false;
  }

  printArg(arg: unknown, verb: string): void {
    if (arg instanceof Iface) arg = arg.v;
    if (isNil(arg)) arg = null;
    this.arg = arg;
    this.value = undefined;
    if (arg === null) {
      if (verb === "T" || verb === "v") this.pad("<nil>");
      else this.badVerb(verb);
      return;
    }
    if (verb === "T") {
      this.fmtS(typeName(arg));
      return;
    }
    if (verb === "p") {
      this.fmtPointer(arg, "p");
      return;
    }
    if (this.fmtBasic(arg, verb)) return;
    if (arg instanceof GoFloat) return this.fmtFloat(arg.value, verb);
    if (arg instanceof GoByte) return this.fmtInteger(BigInt(arg.value), false, verb);
    if (arg instanceof GoComplex) return this.fmtComplex(arg, verb);
    if (!this.handleMethods(verb)) this.printValue(arg, verb, 0);
  }

  /** A boolean, number, bigint or string formatted for verb; false for any other value. */
  private fmtBasic(value: unknown, verb: string): boolean {
    switch (typeof value) {
      case "boolean":
        this.fmtBool(value, verb);
        return true;
      case "number":
        if (isIntNumber(value)) this.fmtInteger(BigInt(value), true, verb);
        else this.fmtFloat(value, verb);
        return true;
      case "bigint":
        this.fmtInteger(value, value < 2n ** 63n, verb);
        return true;
      case "string":
        this.fmtString(value, verb);
        return true;
      default:
        return false;
    }
  }

  printValue(value: unknown, verb: string, depth: number): void {
    if (value instanceof Iface) value = value.v;
    if (depth > 0 && !isNil(value)) {
      this.arg = value;
      if (this.handleMethods(verb)) return;
    }
    this.arg = null;
    this.value = value;
    if (isNil(value)) {
      // Inside containers and structs, nil is an empty interface{} slot.
      if (depth === 0) this.buf += "<invalid reflect.Value>";
      else if (this.sharpV) this.buf += "interface {}(nil)";
      else this.buf += "<nil>";
      return;
    }
    if (this.fmtBasic(value, verb)) return;
    if (typeof value === "function") return this.fmtPointer(value, verb);
    if (value instanceof GoFloat) return this.fmtFloat(value.value, verb);
    if (value instanceof GoByte) return this.fmtInteger(BigInt(value.value), false, verb);
    if (value instanceof GoNamedInt) return this.fmtInteger(BigInt(value.value), true, verb);
    if (value instanceof GoComplex) return this.fmtComplex(value, verb);
    if (value instanceof GoUint) return this.fmtInteger(value.value, false, verb);
    if (value instanceof GoTime) {
      // Verbs String() does not serve print time.Time's unexported fields: wall, ext, loc.
      const utc = value.zoneName === "UTC" && value.offsetSeconds === 0;
      this.buf += "{";
      this.printValue(new GoUint(BigInt(value.nanos)), verb, depth + 1);
      this.buf += " ";
      this.printValue(BigInt(value.unixSeconds) + 62135596800n, verb, depth + 1);
      this.buf += " ";
      this.printValue(utc ? new GoNil("*time.Location") : new GoPtr({}, "*time.Location"), verb, depth + 1);
      this.buf += "}";
      return;
    }
    switch (kindOf(value)) {
      case Kind.Map:
        return this.printMap(value, verb, depth);
      case Kind.Struct:
        return this.printStruct(structOf(value)!, value instanceof StructView ? typeName(value) : (value as GoStruct).typeName, verb, depth);
      case Kind.Slice:
        return this.printSlice(value, verb, depth);
      case Kind.Pointer: {
        if (depth === 0 && !(value instanceof GoNil)) {
          const elem = value instanceof GoPtr ? value.value : new StructView(value as GoStruct);
          const k = kindOf(elem);
          if (k === Kind.Slice || k === Kind.Struct || k === Kind.Map) {
            this.buf += "&";
            this.printValue(elem, verb, depth + 1);
            return;
          }
        }
        return this.fmtPointer(value, verb);
      }
      default:
        this.buf += "?" + typeName(value) + "?";
    }
  }

  private printMap(value: unknown, verb: string, depth: number): void {
    const nilMap = value instanceof GoNil;
    if (this.sharpV) {
      this.buf += typeName(value);
      if (nilMap) {
        this.buf += "(nil)";
        return;
      }
      this.buf += "{";
    } else this.buf += "map[";
    if (!nilMap) {
      const m = value as Record<string, unknown>;
      let first = true;
      for (const k of sortedKeys(m)) {
        if (!first) this.buf += this.sharpV ? ", " : " ";
        first = false;
        this.printValue(k, verb, depth + 1);
        this.buf += ":";
        this.printValue(m[k], verb, depth + 1);
      }
    }
    this.buf += this.sharpV ? "}" : "]";
  }

  private printStruct(s: GoStruct, name: string, verb: string, depth: number): void {
    if (this.sharpV) this.buf += name;
    this.buf += "{";
    let first = true;
    for (const f of s.fields.values()) {
      if (!first) this.buf += this.sharpV ? ", " : " ";
      first = false;
      if (this.plusV || this.sharpV) this.buf += f.name + ":";
      this.printValue(f.value, verb, depth + 1);
    }
    this.buf += "}";
  }

  private printSlice(value: unknown, verb: string, depth: number): void {
    const items = value instanceof GoNil ? [] : (value as unknown[]);
    if (this.sharpV) {
      this.buf += typeName(value);
      if (value instanceof GoNil) {
        this.buf += "(nil)";
        return;
      }
    }
    const [open, separator, close] = this.sharpV ? ["{", ", ", "}"] : ["[", " ", "]"];
    this.buf += open;
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.buf += separator;
      this.printValue(items[i], verb, depth + 1);
    }
    this.buf += close;
  }

  // ---- Printf ----

  private intFromArg(a: readonly unknown[], argNum: number): { num: number; isInt: boolean; argNum: number } {
    let num = 0;
    let isInt = false;
    if (argNum < a.length) {
      let v = a[argNum];
      if (v instanceof Iface) v = v.v;
      if (typeof v === "number" && isIntNumber(v)) {
        num = v;
        isInt = true;
      } else if (typeof v === "bigint" && v >= -(2n ** 63n) && v < 2n ** 63n) {
        num = Number(v);
        isInt = true;
      } else if (v instanceof GoByte) {
        num = v.value;
        isInt = true;
      }
      argNum++;
      if (tooLarge(num)) {
        num = 0;
        isInt = false;
      }
    }
    return { num, isInt, argNum };
  }

  private argNumber(argNum: number, format: string, i: number, numArgs: number): { argNum: number; i: number; found: boolean } {
    if (format.length <= i || format[i] !== "[") return { argNum, i, found: false };
    this.reordered = true;
    // parseArgNumber
    const rest = format.slice(i);
    let index = 0;
    let wid = 1;
    let ok = false;
    if (rest.length >= 3) {
      for (let j = 1; j < rest.length; j++) {
        if (rest[j] === "]") {
          const { num, isNum, next } = parseNum(rest, 1, j);
          if (!isNum || next !== j) {
            index = 0;
            wid = j + 1;
            ok = false;
          } else {
            index = num - 1;
            wid = j + 1;
            ok = true;
          }
          break;
        }
      }
    }
    if (ok && index >= 0 && index < numArgs) return { argNum: index, i: i + wid, found: true };
    this.goodArgNum = false;
    return { argNum, i: i + wid, found: ok };
  }

  doPrintf(format: string, a: readonly unknown[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    this.reordered = false;
    let i = 0;
    formatLoop: while (i < end) {
      this.goodArgNum = true;
      const lasti = i;
      while (i < end && format[i] !== "%") i++;
      if (i > lasti) this.buf += format.slice(lasti, i);
      if (i >= end) break;
      i++;
      this.clearFlags();
      simpleFormat: for (; i < end; i++) {
        const c = format[i]!;
        switch (c) {
          case "#":
            this.sharp = true;
            break;
          case "0":
            this.zero = true;
            break;
          case "+":
            this.plus = true;
            break;
          case "-":
            this.minus = true;
            break;
          case " ":
            this.space = true;
            break;
          default:
            if (c >= "a" && c <= "z" && argNum < a.length) {
              if (c === "v" || c === "w") {
                this.sharpV = this.sharp;
                this.sharp = false;
                this.plusV = this.plus;
                this.plus = false;
              }
              this.printArg(a[argNum], c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simpleFormat;
        }
      }
      let r = this.argNumber(argNum, format, i, a.length);
      argNum = r.argNum;
      i = r.i;
      afterIndex = r.found;
      if (i < end && format[i] === "*") {
        i++;
        const w = this.intFromArg(a, argNum);
        this.wid = w.num;
        this.widPresent = w.isInt;
        argNum = w.argNum;
        if (!this.widPresent) this.buf += "%!(BADWIDTH)";
        if (this.wid < 0) {
          this.wid = -this.wid;
          this.minus = true;
          this.zero = false;
        }
        afterIndex = false;
      } else {
        const n = parseNum(format, i, end);
        this.wid = n.num;
        this.widPresent = n.isNum;
        i = n.next;
        if (afterIndex && this.widPresent) this.goodArgNum = false;
      }
      if (i + 1 < end && format[i] === ".") {
        i++;
        if (afterIndex) this.goodArgNum = false;
        r = this.argNumber(argNum, format, i, a.length);
        argNum = r.argNum;
        i = r.i;
        afterIndex = r.found;
        if (i < end && format[i] === "*") {
          i++;
          const p = this.intFromArg(a, argNum);
          this.prec = p.num;
          this.precPresent = p.isInt;
          argNum = p.argNum;
          if (this.prec < 0) {
            this.prec = 0;
            this.precPresent = false;
          }
          if (!this.precPresent) this.buf += "%!(BADPREC)";
          afterIndex = false;
        } else {
          const n = parseNum(format, i, end);
          this.prec = n.num;
          this.precPresent = n.isNum;
          i = n.next;
          if (!this.precPresent) {
            this.prec = 0;
            this.precPresent = true;
          }
        }
      }
      if (!afterIndex) {
        r = this.argNumber(argNum, format, i, a.length);
        argNum = r.argNum;
        i = r.i;
        afterIndex = r.found;
      }
      if (i >= end) {
        this.buf += "%!(NOVERB)";
        break;
      }
      const cp = format.codePointAt(i)!;
      const verb = String.fromCodePoint(cp);
      i += verb.length;
      if (verb === "%") this.buf += "%";
      else if (!this.goodArgNum) this.buf += "%!" + verb + "(BADINDEX)";
      else if (argNum >= a.length) this.buf += "%!" + verb + "(MISSING)";
      else {
        if (verb === "v" || verb === "w") {
          this.sharpV = this.sharp;
          this.sharp = false;
          this.plusV = this.plus;
          this.plus = false;
        }
        this.printArg(a[argNum], verb);
        argNum++;
      }
    }
    if (!this.reordered && argNum < a.length) {
      this.clearFlags();
      this.buf += "%!(EXTRA ";
      for (let k = argNum; k < a.length; k++) {
        if (k > argNum) this.buf += ", ";
        let arg = a[k];
        if (arg instanceof Iface) arg = arg.v;
        if (isNil(arg)) this.buf += "<nil>";
        else {
          this.buf += typeName(arg) + "=";
          this.printArg(arg, "v");
        }
      }
      this.buf += ")";
    }
  }

  doPrint(a: readonly unknown[]): void {
    let prevString = false;
    for (let k = 0; k < a.length; k++) {
      let arg = a[k];
      if (arg instanceof Iface) arg = arg.v;
      const isString = typeof arg === "string";
      if (k > 0 && !isString && !prevString) this.buf += " ";
      this.printArg(arg, "v");
      prevString = isString;
    }
  }

  doPrintln(a: readonly unknown[]): void {
    for (let k = 0; k < a.length; k++) {
      if (k > 0) this.buf += " ";
      this.printArg(a[k], "v");
    }
    this.buf += "\n";
  }
}

function parseNum(s: string, start: number, end: number): { num: number; isNum: boolean; next: number } {
  if (start >= end) return { num: 0, isNum: false, next: end };
  let num = 0;
  let isNum = false;
  let i = start;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    if (tooLarge(num)) return { num: 0, isNum: false, next: end };
    num = num * 10 + (c - 0x30);
    isNum = true;
  }
  return { num, isNum, next: i };
}

/** fmt.Sprint: operands printed with %v, a space between operands when neither is a string. */
export function sprint(...values: unknown[]): string {
  const p = new Printer();
  p.doPrint(values);
  return p.buf;
}

/** fmt.Sprintln: operands separated by spaces, newline appended. */
export function sprintln(...values: unknown[]): string {
  const p = new Printer();
  p.doPrintln(values);
  return p.buf;
}

/** fmt.Sprintf with Go's verbs, flags, width, precision, argument indexes and error markers. */
export function sprintf(format: string, ...args: unknown[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}

/** The %v rendering of a single value (fmt.Sprint(v)). Fast path for common scalars. */
export function printV(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  const p = new Printer();
  p.printArg(v, "v");
  return p.buf;
}
