// What Go's reflect package would say about the values of the data model (see values.ts).

import { GO_ELEM_TYPE, GoFloat, GoNil, GoPtr, GoStruct, GoTime } from "./values.js";
import { compareStrings } from "./text.js";

export const enum Kind {
  Invalid,
  Bool,
  Int,
  Uint,
  Float,
  Complex,
  String,
  Slice,
  Map,
  Struct,
  Pointer,
  Func,
  /** a nil interface{} held in a container slot or struct field */
  Interface,
}

/** A complex128, the value of constants such as `1i`. */
export class GoComplex {
  constructor(
    readonly re: number,
    readonly im: number,
  ) {}
}

/** A uint8 (a byte of a string, as `index "abc" 0` yields). */
export class GoByte {
  constructor(readonly value: number) {}
}

/** An unsigned integer of a stated type (time.Time's internal wall clock, a uint64). */
export class GoUint {
  constructor(
    readonly value: bigint,
    readonly typeName = "uint64",
  ) {}
}

/** A named integer type with a String method, such as time.Month. */
export class GoNamedInt {
  constructor(
    readonly value: number,
    readonly typeName: string,
    readonly str: string,
  ) {}
}

/** The struct a pointer-typed GoStruct (`*T`) points to. */
export class StructView {
  constructor(readonly s: GoStruct) {}
}

/** A nil interface value read from an `interface{}` slot: valid, but nil. */
export const NIL_IFACE: unique symbol = Symbol("nil interface");

/** A non-nil value read from an `interface{}` slot (range element of a []interface{}). */
export class Iface {
  constructor(readonly v: unknown) {}
}

const INT64_LIMIT = 2 ** 63;

export function isIntNumber(x: number): boolean {
  return Number.isInteger(x) && x < INT64_LIMIT && x >= -INT64_LIMIT;
}

export function kindOf(v: unknown): Kind {
  switch (typeof v) {
    case "string":
      return Kind.String;
    case "number":
      return isIntNumber(v) ? Kind.Int : Kind.Float;
    case "boolean":
      return Kind.Bool;
    case "bigint":
      return v >= 2n ** 63n ? Kind.Uint : Kind.Int;
    case "undefined":
      return Kind.Invalid;
    case "function":
      return Kind.Func;
    case "symbol":
      return v === NIL_IFACE ? Kind.Interface : Kind.Invalid;
  }
  if (v === null) return Kind.Invalid;
  if (Array.isArray(v)) return Kind.Slice;
  if (v instanceof GoStruct) return v.typeName.startsWith("*") ? Kind.Pointer : Kind.Struct;
  if (v instanceof GoPtr) return Kind.Pointer;
  if (v instanceof GoFloat) return Kind.Float;
  if (v instanceof GoTime || v instanceof StructView) return Kind.Struct;
  if (v instanceof GoNil) {
    switch (v.kind) {
      case "pointer":
        return Kind.Pointer;
      case "slice":
        return Kind.Slice;
      case "map":
        return Kind.Map;
      default:
        return Kind.Invalid;
    }
  }
  if (v instanceof GoByte) return Kind.Uint;
  if (v instanceof GoNamedInt) return Kind.Int;
  if (v instanceof GoUint) return Kind.Uint;
  if (v instanceof GoComplex) return Kind.Complex;
  if (v instanceof Iface) return kindOf(v.v);
  return Kind.Map;
}

/** Values whose Go type the data model states (as opposed to plain JSON-like values). */
export function isTypedGo(v: unknown): v is GoStruct | GoPtr | GoNil | GoFloat | GoTime {
  return v instanceof GoStruct || v instanceof GoPtr || v instanceof GoNil || v instanceof GoFloat || v instanceof GoTime;
}

function typedName(v: GoStruct | GoPtr | GoNil | GoFloat | GoTime): string {
  if (v instanceof GoFloat) return "float64";
  if (v instanceof GoTime) return "time.Time";
  return v.typeName;
}

/**
 * The element type of a slice or map given as a plain array or object: the type goSlice/goMap
 * recorded, else a typed element type when every element is a typed Go value of the same type,
 * otherwise `interface {}`.
 */
export function containerElemType(container: object): string {
  const marked = (container as { [GO_ELEM_TYPE]?: string })[GO_ELEM_TYPE];
  if (marked !== undefined) return marked;
  return elemTypeName(Array.isArray(container) ? container : Object.values(container));
}

function elemTypeName(values: Iterable<unknown>): string {
  let name: string | undefined;
  for (const v of values) {
    if (!isTypedGo(v)) return "interface {}";
    const n = typedName(v);
    if (name === undefined) name = n;
    else if (name !== n) return "interface {}";
  }
  return name ?? "interface {}";
}

/** reflect.Type.String() of a (non-nil) value. */
export function typeName(v: unknown): string {
  switch (typeof v) {
    case "string":
      return "string";
    case "number":
      return isIntNumber(v) ? "int" : "float64";
    case "boolean":
      return "bool";
    case "bigint":
      return v >= 2n ** 63n ? "uint64" : "int64";
    case "function":
      return "func()";
    case "symbol":
      return "interface {}";
    case "undefined":
      return "<nil>";
  }
  if (v === null) return "<nil>";
  if (Array.isArray(v)) return "[]" + containerElemType(v);
  if (isTypedGo(v)) return typedName(v);
  if (v instanceof StructView) return v.s.typeName.slice(1);
  if (v instanceof GoByte) return "uint8";
  if (v instanceof GoNamedInt || v instanceof GoUint) return v.typeName;
  if (v instanceof GoComplex) return "complex128";
  if (v instanceof Iface) return "interface {}";
  return "map[string]" + containerElemType(v as object);
}

/** Unwraps an interface slot: a nil interface becomes untyped nil (reflect's indirectInterface). */
export function unbox(v: unknown): unknown {
  if (v === NIL_IFACE) return null;
  if (v instanceof Iface) return v.v;
  return v;
}

/** Follows pointers and interfaces (exec's indirect). `nil` is set when a nil one is met. */
export function indirect(v: unknown): { v: unknown; nil: boolean } {
  for (;;) {
    if (v === NIL_IFACE) return { v, nil: true };
    if (v instanceof Iface) v = v.v;
    else if (v instanceof GoPtr) v = v.value;
    else if (v instanceof GoStruct && v.typeName.startsWith("*")) return { v: new StructView(v), nil: false };
    else if (v instanceof GoNil && v.kind === "pointer") return { v, nil: true };
    else return { v, nil: false };
  }
}

export function structOf(v: unknown): GoStruct | undefined {
  if (v instanceof StructView) return v.s;
  if (v instanceof GoStruct) return v;
  return undefined;
}

/** A map[string]interface{} given as a plain object. */
export function isPlainMap(v: unknown): v is Record<string, unknown> {
  return kindOf(v) === Kind.Map && !(v instanceof GoNil);
}

/** Sorted keys of a plain map (Go's fmtsort order for string keys). */
export function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m).sort(compareStrings);
}

/** Go truthiness: false, 0, nil, empty collections and strings are false; structs are true. */
export function isTrue(v: unknown): boolean {
  switch (typeof v) {
    case "string":
      return v.length > 0;
    case "number":
      return v !== 0;
    case "boolean":
      return v;
    case "bigint":
      return v !== 0n;
    case "undefined":
      return false;
    case "function":
      return true;
    case "symbol":
      return false;
  }
  if (v === null) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof GoNil) return false;
  if (v instanceof GoFloat) return v.value !== 0;
  if (v instanceof Iface) return isTrue(v.v);
  if (v instanceof GoByte || v instanceof GoNamedInt) return v.value !== 0;
  if (v instanceof GoUint) return v.value !== 0n;
  if (v instanceof GoComplex) return v.re !== 0 || v.im !== 0;
  if (v instanceof GoStruct || v instanceof GoPtr || v instanceof GoTime || v instanceof StructView) return true;
  for (const _ in v as object) return true;
  return false;
}

/** Zero value of a map's element type, for a missing key (only basic types are known). */
export function zeroOfMapElem(mapType: string): unknown {
  return zeroOf(mapType.slice(mapType.indexOf("]") + 1));
}

export function zeroOf(elem: string): unknown {
  switch (elem) {
    case "string":
      return "";
    case "bool":
      return false;
    case "float64":
    case "float32":
      return new GoFloat(0);
    case "int":
    case "int8":
    case "int16":
    case "int32":
    case "int64":
    case "uint":
    case "uint8":
    case "uint16":
    case "uint32":
    case "uint64":
      return 0;
  }
  if (elem.startsWith("*") || elem.startsWith("[]") || elem.startsWith("map[")) return new GoNil(elem);
  return null;
}
