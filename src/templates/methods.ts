// Methods templates can call on data values (Go's method sets): time.Time's, and those a GoStruct declares.

import type { Builtin } from "./builtins.js";
import { BuiltinError } from "./builtins.js";
import { GoNamedInt, structOf } from "./reflect.js";
import { civil, format, formatTime, monthName, weekdayName } from "./time.js";
import { GoNil, GoTime } from "./values.js";

type TimeMethod = (t: GoTime, args: unknown[]) => unknown;

const TIME_METHODS: Record<string, { params: ("string")[]; fn: TimeMethod }> = {
  String: { params: [], fn: (t) => formatTime(t) },
  Format: { params: ["string"], fn: (t, a) => format(t, a[0] as string) },
  Year: { params: [], fn: (t) => civil(t).year },
  Month: { params: [], fn: (t) => new GoNamedInt(civil(t).month, "time.Month", monthName(civil(t).month)) },
  Day: { params: [], fn: (t) => civil(t).day },
  Hour: { params: [], fn: (t) => civil(t).hour },
  Minute: { params: [], fn: (t) => civil(t).minute },
  Second: { params: [], fn: (t) => civil(t).second },
  Nanosecond: { params: [], fn: (t) => t.nanos },
  YearDay: { params: [], fn: (t) => civil(t).yearDay },
  Weekday: { params: [], fn: (t) => new GoNamedInt(civil(t).weekday, "time.Weekday", weekdayName(civil(t).weekday)) },
  Unix: { params: [], fn: (t) => BigInt(t.unixSeconds) },
  UnixMilli: { params: [], fn: (t) => BigInt(t.unixSeconds) * 1000n + BigInt(Math.floor(t.nanos / 1e6)) },
  UnixMicro: { params: [], fn: (t) => BigInt(t.unixSeconds) * 1000000n + BigInt(Math.floor(t.nanos / 1e3)) },
  UnixNano: { params: [], fn: (t) => BigInt(t.unixSeconds) * 1000000000n + BigInt(t.nanos) },
  IsZero: { params: [], fn: (t) => t.isZero },
  UTC: { params: [], fn: (t) => new GoTime(t.unixSeconds, t.nanos, 0, "UTC") },
};

/** The method `name` of value v (after pointer indirection), bound as a builtin taking the receiver first. */
export function methodOf(v: unknown, name: string): { builtin: Builtin; receiver: unknown } | undefined {
  const structMethod = structOf(v)?.methods?.get(name);
  if (structMethod) {
    return {
      receiver: v,
      builtin: {
        params: [],
        fn: () => {
          let result: unknown;
          try {
            result = structMethod();
          } catch (e) {
            throw new BuiltinError(e instanceof Error ? e.message : String(e));
          }
          return result === undefined ? null : result;
        },
      },
    };
  }
  const isTime = v instanceof GoTime || (v instanceof GoNil && v.typeName === "*time.Time");
  if (!isTime || !Object.hasOwn(TIME_METHODS, name)) return undefined;
  const m = TIME_METHODS[name]!;
  return {
    receiver: v,
    builtin: {
      params: m.params,
      fn: ([recv, ...args]) => {
        if (!(recv instanceof GoTime)) throw new BuiltinError(`value method time.Time.${name} called using nil *Time pointer`);
        return m.fn(recv, args);
      },
    },
  };
}
