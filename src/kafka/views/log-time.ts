// exo reads each log line's time with Go's time.Parse and the layout below; a time it cannot read
// fails the command with Go's own wording, which this reproduces for that one layout.

import { quoteTimeText } from "../../go/time-quote.js";
import { GoTime } from "../../templates/values.js";

export const LOG_TIME_LAYOUT = "2006-01-02T15:04:05.999999Z";

type Element = "year" | "month" | "day" | "hour" | "minute" | "second" | "fraction";

/** The layout cut as Go's nextStdChunk cuts it: literal prefix, element, its layout text. */
const CHUNKS: readonly { prefix: string; element: Element; text: string }[] = [
  { prefix: "", element: "year", text: "2006" },
  { prefix: "-", element: "month", text: "01" },
  { prefix: "-", element: "day", text: "02" },
  { prefix: "T", element: "hour", text: "15" },
  { prefix: ":", element: "minute", text: "04" },
  { prefix: ":", element: "second", text: "05" },
  { prefix: "", element: "fraction", text: ".999999" },
];
const TRAILER = "Z";

/** The ranges Go checks as it reads (the day is checked against its month at the end). */
const LIMITS: Partial<Record<Element, [number, number]>> = { month: [1, 12], hour: [0, 23], minute: [0, 59], second: [0, 59] };

export class LogTimeError extends Error {}

const isDigit = (s: string, i: number) => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

function cannotParse(value: string, valueElem: string, layoutElem: string): LogTimeError {
  return new LogTimeError(`parsing time ${quoteTimeText(value)} as ${quoteTimeText(LOG_TIME_LAYOUT)}: cannot parse ${quoteTimeText(valueElem)} as ${quoteTimeText(layoutElem)}`);
}

/** getnum: one or two digits; two required when fixed. */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigit(s, 0)) return undefined;
  if (!isDigit(s, 1)) return fixed ? undefined : [s.charCodeAt(0) - 48, s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (month: number, year: number) => (month === 2 && isLeap(year) ? 29 : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!);

/** time.Parse(LOG_TIME_LAYOUT, text) in UTC, or Go's error text. */
export function parseLogTime(text: string): GoTime {
  const parts = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, nanos: 0 };
  let value = text;
  for (const { prefix, element, text: layoutElem } of CHUNKS) {
    if (!value.startsWith(prefix)) throw cannotParse(text, value, prefix);
    value = value.slice(prefix.length);
    const hold = value;
    let range: string | undefined;
    let ok = true;
    switch (element) {
      case "year":
        if (value.length < 4 || !/^\d{4}/.test(value)) ok = false;
        else [parts.year, value] = [Number(value.slice(0, 4)), value.slice(4)];
        break;
      case "fraction": {
        // Go takes a comma as well as a period
        if (value.length < 2 || (value[0] !== "." && value[0] !== ",") || !isDigit(value, 1)) break; // fraction omitted
        let i = 0;
        while (isDigit(value, i + 1)) i++;
        // Go reads at most nine digits and ignores the rest
        parts.nanos = Number(value.slice(1, Math.min(1 + i, 10)).padEnd(9, "0"));
        value = value.slice(1 + i);
        break;
      }
      default: {
        const got = getnum(value, element !== "hour");
        if (!got) {
          ok = false;
          break;
        }
        [parts[element], value] = got;
        const limit = LIMITS[element];
        if (limit && (parts[element] < limit[0] || parts[element] > limit[1])) range = element;
      }
    }
    if (range) throw new LogTimeError(`parsing time ${quoteTimeText(text)}: ${range} out of range`);
    if (!ok) throw cannotParse(text, hold, layoutElem);
  }
  if (!value.startsWith(TRAILER)) throw cannotParse(text, value, TRAILER);
  value = value.slice(TRAILER.length);
  if (value !== "") throw new LogTimeError(`parsing time ${quoteTimeText(text)}: extra text: ${quoteTimeText(value)}`);
  if (parts.day < 1 || parts.day > daysIn(parts.month, parts.year)) throw new LogTimeError(`parsing time ${quoteTimeText(text)}: day out of range`);
  const ms = Date.UTC(2000, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const date = new Date(ms);
  date.setUTCFullYear(parts.year);
  return new GoTime(Math.floor(date.getTime() / 1000), parts.nanos);
}
