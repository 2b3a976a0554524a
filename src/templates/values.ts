// The data model shared by the template engine and everything that feeds it.
//
// Go's text/template distinguishes values that plain JavaScript does not: a struct (unknown
// field = error) from a map (missing key = "<no value>"), an int from a float64, a nil pointer
// from a nil slice, a time.Time from a string. These classes carry those distinctions.
//
// Plain JavaScript values map as Go's encoding/json would decode them into interface{}:
//   object -> map[string]interface{}   array -> []interface{}   string -> string
//   boolean -> bool   null/undefined -> untyped nil ("<nil>")
//   number -> int when it has a whole value, float64 otherwise   bigint -> int64
// Use GoFloat to force float64 for a whole number (e.g. 1e6 decoded from JSON prints 1e+06).

/** One field of a Go struct, with the encoding/json tag the CLI's JSON output uses. */
export interface GoFieldSpec {
  /** Go field name, as templates address it (`AccessCert`). */
  name: string;
  value: unknown;
  /** JSON key from the struct tag; defaults to the Go name; "-" skips the field in JSON. */
  json?: string;
  /** `omitempty` in the JSON tag. */
  omitempty?: boolean;
}

const NO_METHODS: ReadonlyMap<string, () => unknown> = new Map();

/** A Go struct value. Field order is declaration order (it matters for %v and JSON). */
export class GoStruct {
  readonly fields: ReadonlyMap<string, GoFieldSpec>;
  /**
   * Methods without arguments (Go's method set): templates call them as `.Name`, but fmt (`%v`,
   * `-O text`) and JSON never show them. A method that throws fails the template with
   * `error calling Name: <message>`.
   */
  readonly methods: ReadonlyMap<string, () => unknown>;
  /**
   * @param typeName the Go type as error messages print it, e.g. `*dbaas.dbServiceShowOutput`
   *   or `dbaas.dbServiceKafkaACLShowOutput`.
   */
  constructor(
    readonly typeName: string,
    /** in declaration order; a map may make each field's value when first asked for (a long list's output reads few) */
    fields: readonly GoFieldSpec[] | ReadonlyMap<string, GoFieldSpec>,
    methods?: Readonly<Record<string, () => unknown>>,
  ) {
    this.fields = Array.isArray(fields) ? new Map(fields.map((f) => [f.name, f])) : (fields as ReadonlyMap<string, GoFieldSpec>);
    this.methods = methods === undefined ? NO_METHODS : new Map(Object.entries(methods));
  }

  get(name: string): unknown {
    return this.fields.get(name)?.value;
  }

  has(name: string): boolean {
    return this.fields.has(name);
  }
}

/**
 * A non-nil Go pointer. Templates dereference it transparently for field access and printing at
 * the top level; fmt prints `&{...}` for a pointer to struct at depth 0 and a hex address deeper.
 */
export class GoPtr {
  constructor(
    readonly value: unknown,
    /** the pointer type, e.g. `*string` */
    readonly typeName: string,
  ) {}
}

/**
 * A typed nil: `*T` prints `<nil>` and fails on field access ("nil pointer evaluating *T.X"),
 * `[]T` prints `[]`, `map[K]V` prints `map[]`. Both have len 0 and range over nothing.
 */
export class GoNil {
  constructor(
    readonly typeName: string,
    /**
     * For a nil pointer to struct: the struct's field names. Accessing one of them is a
     * "nil pointer evaluating" error, any other name "can't evaluate field" (as Go decides from
     * the type). Without the list every field access is a nil pointer error.
     */
    readonly fieldNames?: readonly string[],
  ) {}

  get kind(): "pointer" | "slice" | "map" | "interface" {
    if (this.typeName.startsWith("*")) return "pointer";
    if (this.typeName.startsWith("[]")) return "slice";
    if (this.typeName.startsWith("map[")) return "map";
    return "interface";
  }
}

/** A float64 whose value may be whole (prints `1e+06`, `3`, `0.5` as Go's %v does). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/**
 * A Go time.Time: instant in seconds + nanoseconds, and the zone it is expressed in.
 * Prints as `2006-01-02 15:04:05.999999999 -0700 MST`; JSON as RFC 3339 with nanoseconds trimmed.
 */
export class GoTime {
  constructor(
    /** whole seconds since the Unix epoch (may be negative; year 1 is the zero time) */
    readonly unixSeconds: number,
    /** 0..999_999_999 */
    readonly nanos: number,
    /** offset east of UTC in seconds */
    readonly offsetSeconds = 0,
    /** zone abbreviation printed by String(); "UTC" for Z times, else the numeric offset as Go does */
    readonly zoneName = "UTC",
  ) {}

  /** Go's zero time.Time: 0001-01-01 00:00:00 +0000 UTC. */
  static zero(): GoTime {
    return new GoTime(-62135596800, 0);
  }

  get isZero(): boolean {
    return this.unixSeconds === -62135596800 && this.nanos === 0;
  }

  /** Parses RFC 3339 (`2021-11-01T15:11:37Z`, `2024-05-02T09:10:11.123456+01:00`). Returns undefined if malformed. */
  static parse(text: string): GoTime | undefined {
    const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/.exec(text);
    if (!m) return undefined;
    const [, y, mo, d, h, mi, s, frac, z, sign, oh, om] = m;
    const offset = z ? 0 : (sign === "-" ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60);
    const utcMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    // Date.UTC maps years 0..99 to 1900..1999; correct that for Go's year-1 zero time.
    const date = new Date(utcMs);
    if (Number(y) < 100) date.setUTCFullYear(Number(y));
    const unixSeconds = Math.floor(date.getTime() / 1000) - offset;
    const nanos = frac ? Number(frac.padEnd(9, "0")) : 0;
    const zoneName = z ? "UTC" : formatOffsetName(offset);
    return new GoTime(unixSeconds, nanos, offset, zoneName);
  }
}

function formatOffsetName(offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? "-" : "+";
  const abs = Math.abs(offsetSeconds);
  const hh = String(Math.floor(abs / 3600)).padStart(2, "0");
  const mm = String(Math.floor((abs % 3600) / 60)).padStart(2, "0");
  return `${sign}${hh}${mm}`;
}

/** Where goSlice/goMap record the Go element type on a plain array or object. */
export const GO_ELEM_TYPE: unique symbol = Symbol.for("exo-dbaas.templates.elemType");

/**
 * Marks a plain array as a Go slice of a concrete element type (`[]string` is
 * `goSlice("string", [...])`). Unmarked arrays are []interface{} unless every element is a
 * typed Go value of one type. The type shows in `%T`, `%#v` and error messages.
 */
export function goSlice<T>(elemType: string, items: T[]): T[] {
  Object.defineProperty(items, GO_ELEM_TYPE, { value: elemType, enumerable: false });
  return items;
}

/** Marks a plain object as a Go `map[string]<elemType>` (unmarked objects are map[string]interface{}). */
export function goMap<T>(elemType: string, entries: Record<string, T>): Record<string, T> {
  Object.defineProperty(entries, GO_ELEM_TYPE, { value: elemType, enumerable: false });
  return entries;
}
