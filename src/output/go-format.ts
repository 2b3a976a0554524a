// The Go formatting pieces exo's output relies on: go-humanize byte sizes, time.Time printing,
// go-wordwrap, and fmt's %v of values decoded from JSON.

import { compareStrings } from "../go/strings.js";
import { formatFloat } from "../templates/fmt/float.js";
import { format as formatTimeLayout, formatTime } from "../templates/time.js";
import { sprint } from "../templates/fmt/print.js";
import { GoFloat, type GoTime } from "../templates/values.js";

/** Go rounds exact halves to even when printing with `%.0f`. */
function formatFixed0(value: number): string {
  const floor = Math.floor(value);
  const frac = value - floor;
  if (frac === 0.5) return String(floor % 2 === 0 ? floor : floor + 1);
  return String(Math.round(value));
}

function humanateBytes(bytes: number, base: number, sizes: readonly string[]): string {
  if (bytes < 10) return `${bytes} B`;
  const e = Math.floor(Math.log(bytes) / Math.log(base));
  const suffix = sizes[e] ?? sizes[sizes.length - 1]!;
  const value = Math.floor((bytes / Math.pow(base, e)) * 10 + 0.5) / 10;
  return value < 10 ? `${value.toFixed(1)} ${suffix}` : `${formatFixed0(value)} ${suffix}`;
}

/** go-humanize `IBytes`: binary units, e.g. `90 GiB`, `2.0 GiB`, `0 B`. */
export function humanizeIBytes(bytes: number): string {
  return humanateBytes(bytes, 1024, ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]);
}

/** go-humanize `Bytes`: SI units, e.g. `97 GB`, `8.6 GB`, `600 MB`. */
export function humanizeBytes(bytes: number): string {
  return humanateBytes(bytes, 1000, ["B", "kB", "MB", "GB", "TB", "PB", "EB"]);
}

/** Go `time.Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`. */
export const goTimeString: (t: GoTime) => string = formatTime;

/** Go `time.RFC3339Nano` as `time.Time.MarshalJSON` writes it (trailing zeros trimmed, `Z` for UTC). */
export function goTimeRFC3339(t: GoTime): string {
  return formatTimeLayout(t, "2006-01-02T15:04:05.999999999Z07:00");
}

// unicode.IsSpace
const SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;

/**
 * go-wordwrap v1.0.1 `WrapString`: greedy, breaks only at whitespace (not NBSP), the space at a
 * break is dropped, words of `limit` characters or more are left whole; existing newlines kept.
 */
export function wordWrap(text: string, limit: number): string {
  let out = "";
  let current = 0;
  let word = "";
  let wordLen = 0;
  let space = "";
  let spaceLen = 0;
  for (const ch of text) {
    if (ch === "\n") {
      out += space + word + ch;
      space = word = "";
      spaceLen = wordLen = current = 0;
    } else if (SPACE.test(ch) && ch !== "\u00a0") {
      if (space.length === 0 || word.length > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = word = "";
        spaceLen = wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        out += "\n";
        current = 0;
        space = "";
        spaceLen = 0;
      }
    }
  }
  if (word.length === 0) {
    if (current + spaceLen <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/** fmt `%v` of a float64: strconv's shortest `%g` (`1.048576e+06`, `+Inf`). */
export function formatGoFloat(value: number): string {
  return formatFloat(value, "g", -1);
}

/**
 * A decoded JSON value as Go holds it after json.Unmarshal into interface{}: every number a float64
 * (so 2^53 + 1 prints as Go prints the float, not in full), objects as maps (keys sorted on output).
 */
export function asGoInterface(value: unknown): unknown {
  if (typeof value === "number" || typeof value === "bigint") return new GoFloat(Number(value));
  if (Array.isArray(value)) return value.map(asGoInterface);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asGoInterface(v)]));
  }
  return value;
}

/**
 * fmt `%v` of a value decoded by encoding/json into interface{}: numbers are float64, arrays
 * `[a b]`, objects `map[k:v]` with sorted keys, null `<nil>`.
 */
export function formatGoJSONValue(value: unknown): string {
  return sprint(asGoInterface(value));
}

/** Go compares strings byte-wise in UTF-8, i.e. by code point. */
export const compareGoStrings: (a: string, b: string) => number = compareStrings;
