// Go time.ParseDuration, for --timeout and EXOSCALE_TIMEOUT.

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, "μs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds, or undefined when Go would reject the text (`time: invalid duration "x"`). */
export function parseGoDuration(text: string): number | undefined {
  let s = text;
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    sign = s.startsWith("-") ? -1 : 1;
    s = s.slice(1);
  }
  if (s === "0") return 0;
  if (s === "") return undefined;
  let total = 0;
  const part = /^(\d+\.?\d*|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/;
  while (s !== "") {
    const match = part.exec(s);
    if (!match) return undefined;
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    s = s.slice(match[0].length);
  }
  return sign * total;
}
