// Flag values as pflag reads them: int64 (strconv.ParseInt base 0), StringSlice (one CSV record per
// value), durations (time.ParseDuration); a refusal in pflag's words,
// `invalid argument "<value>" for "<flag>" flag: <Go's error>`.
import { OUTPUT_FORMATS, type OutputFormat } from "../context.js";
import { UsageError } from "../errors.js";
import { readCsvRecord } from "../go/csv.js";
import { durationMs, parseDuration } from "../go/duration.js";
import { parseInt64Reason } from "../go/int.js";
import { goQuote } from "../go/quote.js";

/** pflag's name of a flag in its errors: `-l, --limit` when it has a shorthand. */
export function pflagName(long: string, short?: string): string {
  return short ? `-${short}, --${long}` : `--${long}`;
}

export function invalidArgument(raw: string, flagName: string, reason: string): UsageError {
  return new UsageError(`invalid argument ${goQuote(raw)} for ${goQuote(flagName)} flag: ${reason}`);
}

/** An int64 flag's value. */
export function parseIntFlag(raw: string, long: string, short?: string): number {
  const parsed = parseInt64Reason(raw);
  if ("value" in parsed) return Number(parsed.value);
  throw invalidArgument(raw, pflagName(long, short), `strconv.ParseInt: parsing ${goQuote(raw)}: ${parsed.reason}`);
}

/** One value of a StringSlice flag: "" is no entry, anything else one CSV record. */
export function parseListFlag(raw: string, long: string, short?: string): string[] {
  if (raw === "") return [];
  const record = readCsvRecord(raw);
  if ("fields" in record) return record.fields;
  throw invalidArgument(raw, pflagName(long, short), record.error);
}

/** A duration flag's value in milliseconds (Go's range: up to 2562047h47m16.854775807s). */
export function parseDurationFlag(raw: string, flagName: string): number {
  const parsed = parseDuration(raw);
  if ("ns" in parsed) return durationMs(parsed.ns);
  throw invalidArgument(raw, flagName, parsed.error);
}

/**
 * -O's value: exo renders any other value, `-O ""` included, as a table, and keeps the last of several
 * -O; here an unknown value, or a second -O saying otherwise, is refused.
 */
export function parseOutputFormat(raw: string, previous: OutputFormat | undefined): OutputFormat {
  const format = OUTPUT_FORMATS.find((f) => f === raw);
  if (format === undefined) throw invalidArgument(raw, pflagName("output-format", "O"), `must be one of ${OUTPUT_FORMATS.join(", ")}`);
  if (previous !== undefined && previous !== format) {
    throw new UsageError(`-O/--output-format given twice (${goQuote(previous)}, then ${goQuote(raw)}): give one format`);
  }
  return format;
}
