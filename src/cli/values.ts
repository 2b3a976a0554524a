// Flag values as pflag reads them: int64 (strconv.ParseInt base 0), StringSlice (one CSV record per
// value), durations (go/pflag.ts); a refusal in pflag's words (go/pflag.ts).
import { OUTPUT_FORMATS, type OutputFormat } from "../context.js";
import { UsageError } from "../errors.js";
import { readCsvRecord } from "../go/csv.js";
import { parseInt64Reason } from "../go/int.js";
import { invalidArgumentMessage, pflagName } from "../go/pflag.js";
import { goQuote } from "../go/quote.js";

function invalidArgument(raw: string, flagName: string, reason: string): UsageError {
  return new UsageError(invalidArgumentMessage(raw, flagName, reason));
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
