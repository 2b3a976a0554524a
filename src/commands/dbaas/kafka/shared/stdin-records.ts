// produce's records from stdin: one per line, split as bytes (a value is written byte for byte, as read),
// lines ending at "\n", "\r\n" or "\r", as readline splits them; a last line without its newline counts.
import { goQuote } from "../../../../go/quote.js";
import type { OutgoingRecord } from "../../../../kafka/protocol/records.js";
import { InputError } from "../../../../kafka/validation/index.js";

export const MAX_RECORDS = 100_000;
export const MAX_INPUT_BYTES = 128 * 1024 * 1024;
const LF = 0x0a;
const CR = 0x0d;

/** The lines of `input`, without their line ends. */
export function splitLines(input: Buffer): Buffer[] {
  return input.includes(CR) ? splitAnyLineEnd(input) : splitAtNewlines(input);
}

/** Lines that end at "\n" only: found by the native search, far faster than a loop over every byte. */
function splitAtNewlines(input: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let end = input.indexOf(LF); end >= 0 && lines.length <= MAX_RECORDS; end = input.indexOf(LF, start)) {
    lines.push(input.subarray(start, end));
    start = end + 1;
  }
  if (start < input.length && lines.length <= MAX_RECORDS) lines.push(input.subarray(start));
  return lines;
}

function splitAnyLineEnd(input: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    const byte = input[i];
    if (byte !== LF && byte !== CR) continue;
    lines.push(input.subarray(start, i));
    if (byte === CR && input[i + 1] === LF) i++;
    start = i + 1;
    if (lines.length > MAX_RECORDS) break;
  }
  if (start < input.length && lines.length <= MAX_RECORDS) lines.push(input.subarray(start));
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
export function stdinRecords(input: Buffer, separator: string | undefined, headers: OutgoingRecord["headers"]): OutgoingRecord[] {
  if (input.length > MAX_INPUT_BYTES) throw new InputError(`more than ${MAX_INPUT_BYTES / 1024 / 1024} MiB on stdin: write them in several runs; nothing was written`);
  const lines = splitLines(input);
  if (lines.length > MAX_RECORDS) throw new InputError(`more than ${MAX_RECORDS} lines on stdin: write them in several runs; nothing was written`);
  const sep = separator === undefined ? undefined : Buffer.from(separator, "utf8");
  return lines.map((line, i) => toRecord(line, i + 1, sep, headers));
}
