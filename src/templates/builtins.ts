// text/template's predefined functions. Each declares its Go parameter types, which decide how
// the executor evaluates and checks arguments; a thrown BuiltinError becomes "error calling X: ...".

import { GoFloat, GoNil, GoStruct, GoTime } from "./values.js";
import {
  GoByte,
  GoComplex,
  GoNamedInt,
  GoUint,
  Iface,
  Kind,
  NIL_IFACE,
  StructView,
  indirect,
  isTrue,
  kindOf,
  typeName,
  unbox,
  zeroOfMapElem,
} from "./reflect.js";
import { sprint, sprintf, sprintln } from "./fmt/print.js";
import { byteLength, compareStrings, isPrint, utf8Bytes, utf8Decode } from "./text.js";

/** Go parameter types the builtins use: reflect.Value, interface{} (any) and string. */
export type Param = "value" | "any" | "string";

export interface Builtin {
  params: readonly Param[];
  /** element type of a final variadic parameter */
  variadic?: Param;
  fn(args: unknown[]): unknown;
}

export class BuiltinError extends Error {}

const fail = (msg: string): never => {
  throw new BuiltinError(msg);
};

// ---- comparison ----

const enum BK {
  Invalid,
  Bool,
  Complex,
  Int,
  Float,
  String,
  Uint,
}

function basicKind(v: unknown): BK {
  switch (kindOf(v)) {
    case Kind.Bool:
      return BK.Bool;
    case Kind.Int:
      return BK.Int;
    case Kind.Uint:
      return BK.Uint;
    case Kind.Float:
      return BK.Float;
    case Kind.Complex:
      return BK.Complex;
    case Kind.String:
      return BK.String;
    default:
      return BK.Invalid;
  }
}

function intOf(v: unknown): bigint {
  if (typeof v === "bigint") return v;
  if (v instanceof GoByte || v instanceof GoNamedInt) return BigInt(v.value);
  if (v instanceof GoUint) return v.value;
  return BigInt(v as number);
}

function floatOf(v: unknown): number {
  return v instanceof GoFloat ? v.value : (v as number);
}

function isValid(v: unknown): boolean {
  return v !== null && v !== undefined;
}

function isNilValue(v: unknown): boolean {
  if (!isValid(v) || v === NIL_IFACE) return true;
  return v instanceof GoNil;
}

/** Whether values of v's type can be compared with == (slices, maps and funcs cannot). */
function comparable(v: unknown): boolean {
  const k = kindOf(v);
  if (k === Kind.Slice || k === Kind.Map || k === Kind.Func) return false;
  if (v instanceof GoStruct && k === Kind.Struct) {
    for (const f of v.fields.values()) {
      const fk = kindOf(f.value);
      if (fk === Kind.Slice || fk === Kind.Map || fk === Kind.Func) return false;
    }
  }
  return true;
}

/** Go's == on two values of the same (non-basic) type. */
function goEquals(a: unknown, b: unknown): boolean {
  if (a instanceof GoTime && b instanceof GoTime) {
    return a.unixSeconds === b.unixSeconds && a.nanos === b.nanos && a.offsetSeconds === b.offsetSeconds && a.zoneName === b.zoneName;
  }
  if (a instanceof StructView && b instanceof StructView) return structEquals(a.s, b.s);
  if (a instanceof GoStruct && b instanceof GoStruct && kindOf(a) === Kind.Struct) return structEquals(a, b);
  return a === b;
}

function structEquals(a: GoStruct, b: GoStruct): boolean {
  if (a.typeName !== b.typeName) return false;
  for (const [name, f] of a.fields) {
    const x = f.value;
    const y = b.get(name);
    const kx = basicKind(x);
    const ky = basicKind(y);
    if (kx !== ky) return false;
    if (kx === BK.Invalid) {
      if (isNilValue(x) || isNilValue(y)) {
        if (isNilValue(x) !== isNilValue(y)) return false;
      } else if (!comparable(x) || !comparable(y)) {
        throw new BuiltinError(`runtime error: comparing uncomparable type ${typeName(comparable(x) ? y : x)}`);
      } else if (!goEquals(x, y)) return false;
    } else if (!basicEquals(kx, x, y)) return false;
  }
  return true;
}

function basicEquals(k: BK, a: unknown, b: unknown): boolean {
  switch (k) {
    case BK.Bool:
    case BK.String:
      return a === b;
    case BK.Float:
      return floatOf(a) === floatOf(b);
    case BK.Int:
    case BK.Uint:
      return intOf(a) === intOf(b);
    case BK.Complex:
      return (a as GoComplex).re === (b as GoComplex).re && (a as GoComplex).im === (b as GoComplex).im;
    default:
      return false;
  }
}

function eq(args: unknown[]): boolean {
  const arg1 = unbox(args[0]);
  if (args.length < 2) fail("missing argument for comparison");
  const k1 = basicKind(arg1);
  for (let i = 1; i < args.length; i++) {
    const arg = unbox(args[i]);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (k1 === BK.Int && k2 === BK.Uint) truth = intOf(arg1) >= 0n && intOf(arg1) === intOf(arg);
      else if (k1 === BK.Uint && k2 === BK.Int) truth = intOf(arg) >= 0n && intOf(arg1) === intOf(arg);
      else if (isValid(arg1) && isValid(arg)) fail(`incompatible types for comparison: ${typeName(arg1)} and ${typeName(arg)}`);
    } else if (k1 !== BK.Invalid) {
      truth = basicEquals(k1, arg1, arg);
    } else {
      const ka = kindOf(arg1);
      const kb = kindOf(arg);
      if (ka !== kb && ka !== Kind.Invalid && kb !== Kind.Invalid) {
        fail(`non-comparable types ${sprintf("%s", arg1)}: ${typeName(arg1)}, ${typeName(arg)}: ${sprintf("%v", arg)}`);
      }
      if (isNilValue(arg1) || isNilValue(arg)) truth = isNilValue(arg) === isNilValue(arg1);
      else {
        if (!comparable(arg)) fail(`non-comparable type ${sprintf("%s", arg)}: ${typeName(arg)}`);
        if (!comparable(arg1)) fail(`runtime error: comparing uncomparable type ${typeName(arg1)}`);
        truth = typeName(arg1) === typeName(arg) && goEquals(arg1, arg);
      }
    }
    if (truth) return true;
  }
  return false;
}

function lt(a: unknown, b: unknown): boolean {
  const arg1 = unbox(a);
  const k1 = basicKind(arg1);
  if (k1 === BK.Invalid) fail("invalid type for comparison");
  const arg2 = unbox(b);
  const k2 = basicKind(arg2);
  if (k2 === BK.Invalid) fail("invalid type for comparison");
  if (k1 !== k2) {
    if (k1 === BK.Int && k2 === BK.Uint) return intOf(arg1) < 0n || intOf(arg1) < intOf(arg2);
    if (k1 === BK.Uint && k2 === BK.Int) return intOf(arg2) >= 0n && intOf(arg1) < intOf(arg2);
    fail(`incompatible types for comparison: ${typeName(arg1)} and ${typeName(arg2)}`);
  }
  switch (k1) {
    case BK.Bool:
    case BK.Complex:
      return fail("invalid type for comparison");
    case BK.Float:
      return floatOf(arg1) < floatOf(arg2);
    case BK.Int:
    case BK.Uint:
      return intOf(arg1) < intOf(arg2);
    default:
      return compareStrings(arg1 as string, arg2 as string) < 0;
  }
}

function le(a: unknown, b: unknown): boolean {
  return lt(a, b) || eq([a, b]);
}

// ---- collections ----

function indexArg(index: unknown, cap: number): number {
  let x: bigint;
  if (index === NIL_IFACE || index instanceof Iface) fail("cannot index slice/array with type interface {}");
  switch (kindOf(index)) {
    case Kind.Int:
    case Kind.Uint:
      x = intOf(index);
      break;
    case Kind.Invalid:
      return fail("cannot index slice/array with nil");
    default:
      return fail(`cannot index slice/array with type ${typeName(index)}`);
  }
  if (x < 0n || x > BigInt(cap)) fail(`index out of range: ${x}`);
  return Number(x);
}

function mapKey(index: unknown, mapType: string): string {
  const keyType = mapType.slice(4, mapType.indexOf("]"));
  if (!isValid(index)) fail(`value is nil; should be of type ${keyType}`);
  if (typeof index === "string" && keyType === "string") return index;
  return fail(`value has type ${typeName(index)}; should be ${keyType}`);
}

function index(args: unknown[]): unknown {
  let item = unbox(args[0]);
  if (!isValid(item)) fail("index of untyped nil");
  for (let i = 1; i < args.length; i++) {
    const idx = unbox(args[i]);
    const ind = indirect(item);
    if (ind.nil) fail("index of nil pointer");
    item = ind.v;
    const k = kindOf(item);
    if (k === Kind.String) {
      const bytes = utf8Bytes(item as string);
      const x = indexArg(idx, bytes.length);
      if (x >= bytes.length) fail("reflect: string index out of range");
      item = new GoByte(bytes[x]!);
    } else if (k === Kind.Slice) {
      const arr = item instanceof GoNil ? [] : (item as unknown[]);
      const x = indexArg(idx, arr.length);
      if (x >= arr.length) fail("reflect: slice index out of range");
      item = arr[x];
      if (item === undefined) item = null;
    } else if (k === Kind.Map) {
      const type = typeName(item);
      const key = mapKey(idx, type);
      if (item instanceof GoNil) item = zeroOfMapElem(type);
      else {
        const m = item as Record<string, unknown>;
        item = Object.hasOwn(m, key) ? m[key] : zeroOfMapElem(type);
        if (item === undefined) item = null;
      }
    } else fail(`can't index item of type ${typeName(item)}`);
  }
  return item;
}

function slice(args: unknown[]): unknown {
  let item = unbox(args[0]);
  if (!isValid(item)) fail("slice of untyped nil");
  const ind = indirect(item);
  if (ind.nil) fail("slice of nil pointer");
  item = ind.v;
  // slice, unlike index, does not unwrap interface values of its indexes.
  const indexes = args.slice(1);
  if (indexes.length > 3) fail(`too many slice indexes: ${indexes.length}`);
  const k = kindOf(item);
  let len: number;
  let bytes: Uint8Array | undefined;
  if (k === Kind.String) {
    if (indexes.length === 3) fail("cannot 3-index slice a string");
    bytes = utf8Bytes(item as string);
    len = bytes.length;
  } else if (k === Kind.Slice) {
    len = item instanceof GoNil ? 0 : (item as unknown[]).length;
  } else return fail(`can't slice item of type ${typeName(item)}`);
  const idx = [0, len, len];
  indexes.forEach((x, i) => (idx[i] = indexArg(x, len)));
  if (idx[0]! > idx[1]!) fail(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!) fail(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (bytes) {
    if (typeof item === "string" && bytes.length === item.length) return item.slice(idx[0], idx[1]);
    return utf8Decode(bytes.subarray(idx[0], idx[1]));
  }
  if (item instanceof GoNil) return item;
  return (item as unknown[]).slice(idx[0], idx[1]);
}

function length(args: unknown[]): number {
  const item = args[0];
  const ind = indirect(item);
  if (ind.nil) fail("len of nil pointer");
  const v = ind.v;
  switch (kindOf(v)) {
    case Kind.String:
      return byteLength(v as string);
    case Kind.Slice:
      return v instanceof GoNil ? 0 : (v as unknown[]).length;
    case Kind.Map:
      return v instanceof GoNil ? 0 : Object.keys(v as object).length;
    case Kind.Invalid:
      return fail("reflect: call of reflect.Value.Type on zero Value");
  }
  return fail(`len of type ${typeName(v)}`);
}

// ---- escaping ----

/** evalArgs: one string operand as is, otherwise operands printed as fmt.Sprint would. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1) {
    const a = unbox(args[0]);
    if (typeof a === "string") return a;
  }
  return sprint(
    ...args.map((a) => {
      let v = unbox(a);
      if (kindOf(v) === Kind.Pointer) {
        const ind = indirect(v);
        v = ind.v;
      }
      return isValid(v) ? v : "<no value>";
    }),
  );
}

const HTML_ESCAPES: Record<string, string> = { "\0": "\uFFFD", '"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;" };

export function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => HTML_ESCAPES[c]!);
}

export function jsEscape(s: string): string {
  let out = "";
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    switch (ch) {
      case "\\": out += "\\\\"; continue;
      case "'": out += "\\'"; continue;
      case '"': out += '\\"'; continue;
      case "<": out += "\\u003C"; continue;
      case ">": out += "\\u003E"; continue;
      case "&": out += "\\u0026"; continue;
      case "=": out += "\\u003D"; continue;
    }
    if (r < 0x20) out += "\\u00" + r.toString(16).toUpperCase().padStart(2, "0");
    else if (r < 0x80 || isPrint(r)) out += ch;
    else if (r >= 0xd800 && r <= 0xdfff) out += "\uFFFD";
    else out += "\\u" + r.toString(16).toUpperCase().padStart(4, "0");
  }
  return out;
}

/** url.QueryEscape */
export function queryEscape(s: string): string {
  let out = "";
  for (const b of utf8Bytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (b === 0x20) out += "+";
    else out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

// ---- call ----

function call(args: unknown[]): unknown {
  const [name, fnArg, ...rest] = args as [string, unknown, ...unknown[]];
  const fn = unbox(fnArg);
  if (!isValid(fn)) fail("call of nil");
  if (typeof fn !== "function") return fail(`non-function ${name} of type ${typeName(fn)}`);
  try {
    const r = (fn as (...a: unknown[]) => unknown)(...rest.map(unbox));
    return r === undefined ? null : r;
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
}

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  and: { params: ["value"], variadic: "value", fn: () => null },
  or: { params: ["value"], variadic: "value", fn: () => null },
  call: { params: ["value"], variadic: "value", fn: call },
  html: { params: [], variadic: "any", fn: (a) => htmlEscape(evalArgs(a)) },
  index: { params: ["value"], variadic: "value", fn: index },
  slice: { params: ["value"], variadic: "value", fn: slice },
  js: { params: [], variadic: "any", fn: (a) => jsEscape(evalArgs(a)) },
  len: { params: ["value"], fn: length },
  not: { params: ["value"], fn: (a) => !isTrue(unbox(a[0])) },
  print: { params: [], variadic: "any", fn: (a) => sprint(...a.map(unbox)) },
  printf: { params: ["string"], variadic: "any", fn: (a) => sprintf(a[0] as string, ...a.slice(1).map(unbox)) },
  println: { params: [], variadic: "any", fn: (a) => sprintln(...a.map(unbox)) },
  urlquery: { params: [], variadic: "any", fn: (a) => queryEscape(evalArgs(a)) },
  eq: { params: ["value"], variadic: "value", fn: eq },
  ne: { params: ["value", "value"], fn: (a) => !eq(a) },
  lt: { params: ["value", "value"], fn: (a) => lt(a[0], a[1]) },
  le: { params: ["value", "value"], fn: (a) => le(a[0], a[1]) },
  gt: { params: ["value", "value"], fn: (a) => !le(a[0], a[1]) },
  ge: { params: ["value", "value"], fn: (a) => !lt(a[0], a[1]) },
};

