// produce's records from stdin: one per line, split as bytes (a value is written byte for byte, as read),
// lines ending at "\n", "\r\n" or "\r", as readline splits them; a last line without its newline counts.
// The lines are checked whole before anything is sent, then made into records as they are sent, not
// kept: 100,000 records held to the end would be copied by every garbage collection until the last.
import { goQuote } from "../../../../go/quote.js";
import type { OutgoingRecord } from "../../../../kafka/protocol/records.js";
import { InputError } from "../../../../kafka/validation/index.js";

export const MAX_RECORDS = 100_000;
export const MAX_INPUT_BYTES = 128 * 1024 * 1024;
const LF = 0x0a;
const CR = 0x0d;

/** Where each line of `input` starts and ends (its line end left out), in order. */
function* lineRanges(input: Buffer): Generator<readonly [number, number]> {
  let start = 0;
  if (!input.includes(CR)) {
    // lines that end at "\n" only: found by the native search, far faster than a loop over every byte
    for (let end = input.indexOf(LF); end >= 0; end = input.indexOf(LF, start)) {
      yield [start, end];
      start = end + 1;
    }
  } else {
    for (let i = 0; i < input.length; i++) {
      const byte = input[i];
      if (byte !== LF && byte !== CR) continue;
      yield [start, i];
      if (byte === CR && input[i + 1] === LF) i++;
      start = i + 1;
    }
  }
  if (start < input.length) yield [start, input.length];
}

/** The lines of `input`, without their line ends: at most one more than MAX_RECORDS. */
export function splitLines(input: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  for (const [start, end] of lineRanges(input)) {
    lines.push(input.subarray(start, end));
    if (lines.length > MAX_RECORDS) break;
  }
  return lines;
}

/** Splits a line into key and value at the first separator; a line without it is refused. */
export function toRecord(line: Buffer, lineNumber: number, separator: Buffer | undefined, headers: OutgoingRecord["headers"]): OutgoingRecord {
  if (separator === undefined) return { value: line, headers };
  const at = line.indexOf(separator);
  if (at < 0) throw new InputError(`line ${lineNumber} has no key separator ${goQuote(separator.toString("utf8"))}: nothing was written`);
  return { key: line.subarray(0, at), value: line.subarray(at + separator.length), headers };
}

/** stdin's lines as records, refused whole (nothing sent) when too large or when a line has no separator. */
export function stdinRecords(input: Buffer, separator: string | undefined, headers: OutgoingRecord["headers"]): Iterable<OutgoingRecord> & { readonly length: number } {
  if (input.length > MAX_INPUT_BYTES) throw new InputError(`more than ${MAX_INPUT_BYTES / 1024 / 1024} MiB on stdin: write them in several runs; nothing was written`);
  let length = 0;
  for (const _ of lineRanges(input)) if (++length > MAX_RECORDS) throw new InputError(`more than ${MAX_RECORDS} lines on stdin: write them in several runs; nothing was written`);
  const sep = separator === undefined ? undefined : Buffer.from(separator, "utf8");
  function* records() {
    let lineNumber = 0;
    for (const [start, end] of lineRanges(input)) yield toRecord(input.subarray(start, end), ++lineNumber, sep, headers);
  }
  // every line has its separator before the first record is sent
  if (sep !== undefined) for (const _ of records());
  return { length, [Symbol.iterator]: records };
}
