// Go's time.ParseDuration, to the nanosecond and with its int64 overflow rule and error texts.
// A leaf: imports nothing above src/go.

import { quoteTimeText } from "./time-quote.js";

const UNIT_NS: Record<string, bigint> = { ns: 1n, us: 1_000n, "\u00b5s": 1_000n, "\u03bcs": 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };
const LIMIT = 1n << 63n;

export type DurationResult = { ns: bigint } | { error: string };

/** Nanoseconds, or the error Go gives (`time: invalid duration "x"`, `time: unknown unit …`). */
export function parseDuration(text: string): DurationResult {
  const invalid = { error: `time: invalid duration ${quoteTimeText(text)}` };
  let s = text;
  let neg = false;
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return { ns: 0n };
  if (s === "") return invalid;
  let total = 0n;
  while (s !== "") {
    if (!(s[0] === "." || isDigit(s[0]!))) return invalid;
    const whole = /^[0-9]*/.exec(s)![0];
    s = s.slice(whole.length);
    let v = 0n;
    for (const c of whole) {
      v = v * 10n + BigInt(c.charCodeAt(0) - 48);
      if (v > LIMIT) return invalid;
    }
    const pre = whole !== "";
    let fraction = 0n;
    let scale = 1n;
    let post = false;
    if (s[0] === ".") {
      s = s.slice(1);
      const digits = /^[0-9]*/.exec(s)![0];
      s = s.slice(digits.length);
      post = digits !== "";
      let overflow = false;
      for (const c of digits) {
        if (overflow) continue;
        const next = fraction * 10n + BigInt(c.charCodeAt(0) - 48);
        if (fraction > (LIMIT - 1n) / 10n || next > LIMIT) {
          overflow = true; // Go drops the remaining digits
          continue;
        }
        fraction = next;
        scale *= 10n;
      }
    }
    if (!pre && !post) return invalid;
    const unitText = /^[^.0-9]*/.exec(s)![0];
    s = s.slice(unitText.length);
    if (unitText === "") return { error: `time: missing unit in duration ${quoteTimeText(text)}` };
    const unit = UNIT_NS[unitText];
    if (unit === undefined) return { error: `time: unknown unit ${quoteTimeText(unitText)} in duration ${quoteTimeText(text)}` };
    if (v > LIMIT / unit) return invalid;
    v *= unit;
    if (fraction > 0n) {
      // float64 arithmetic in Go: v += int64(float64(f) * (float64(unit) / scale))
      v += BigInt(Math.trunc(Number(fraction) * (Number(unit) / Number(scale))));
      if (v > LIMIT) return invalid;
    }
    // uint64 in Go: a sum reaching 2^64 wraps around
    total = (total + v) % (1n << 64n);
    if (total > LIMIT) return invalid;
  }
  if (neg) return { ns: -total };
  if (total > LIMIT - 1n) return invalid;
  return { ns: total };
}

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

/** A parsed duration in milliseconds (fractional below a millisecond). */
export function durationMs(ns: bigint): number {
  return Number(ns) / 1e6;
}
