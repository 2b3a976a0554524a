// Exact arithmetic on JSON number literals, so `9223372036854775808` or `3.0e2` are judged on
// their written value, not on a rounded double.

/** The exact integer a literal denotes (`3.0` → 3n, `2.5e1` → 25n), or undefined if it has a fraction. */
export function wholeValue(text: string): bigint | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return undefined;
  const [, sign, intPart = "", fraction = "", exponentText = "0"] = match;
  const exponent = Number(exponentText);
  let digits = (intPart + fraction).replace(/^0+(?=\d)/, "");
  let scale = exponent - fraction.length;
  if (/^0+$/.test(digits)) return 0n;
  while (scale < 0 && digits.endsWith("0")) {
    digits = digits.slice(0, -1);
    scale++;
  }
  if (scale < 0 || scale > 400) return undefined;
  const magnitude = BigInt(digits) * 10n ** BigInt(scale);
  return sign === "-" ? -magnitude : magnitude;
}

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
const TWO_POW_63 = 2 ** 63;

/**
 * A schema bound for an integer field as an exact bigint. Schemas decoded into doubles write
 * 2^63-1 as 9223372036854775808 (or 9223372036854776000): any bound at or past the int64 limit
 * means the int64 limit. Fractional bounds round inward.
 */
export function integerBound(bound: unknown, side: "min" | "max"): bigint | undefined {
  if (typeof bound === "bigint") return bound < INT64_MIN ? INT64_MIN : bound > INT64_MAX ? INT64_MAX : bound;
  if (typeof bound !== "number" || Number.isNaN(bound)) return undefined;
  if (bound >= TWO_POW_63) return INT64_MAX;
  if (bound <= -TWO_POW_63) return INT64_MIN;
  return BigInt(side === "min" ? Math.ceil(bound) : Math.floor(bound));
}

/** A schema bound for a number field as a double. */
export function numberBound(bound: unknown): number | undefined {
  if (typeof bound === "bigint") return Number(bound);
  return typeof bound === "number" && !Number.isNaN(bound) ? bound : undefined;
}
