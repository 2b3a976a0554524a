// pflag's refusal of a flag's value, `invalid argument "<value>" for "<flag>" flag: <Go's error>`,
// and its duration flags (time.ParseDuration).
import { durationMs, parseDuration } from "./duration.js";
import { goQuote } from "./quote.js";

/** A flag value pflag refuses; the edge prints it as any other wrong command line. */
export class FlagValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FlagValueError";
  }
}

/** pflag's name of a flag in its errors: `-l, --limit` when it has a shorthand. */
export function pflagName(long: string, short?: string): string {
  return short ? `-${short}, --${long}` : `--${long}`;
}

export function invalidArgumentMessage(raw: string, flagName: string, reason: string): string {
  return `invalid argument ${goQuote(raw)} for ${goQuote(flagName)} flag: ${reason}`;
}

/** A duration flag's value in milliseconds (Go's range: up to 2562047h47m16.854775807s). */
export function parseDurationFlag(raw: string, flagName: string): number {
  const parsed = parseDuration(raw);
  if ("ns" in parsed) return durationMs(parsed.ns);
  throw new FlagValueError(invalidArgumentMessage(raw, flagName, parsed.error));
}
