// Go's time.Time rendering: String(), GoString() and Format(layout).

import { GoTime } from "./values.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export interface Civil {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
  yearDay: number; // 1..366
}

/** Wall-clock fields of t in its own zone. */
export function civil(t: GoTime): Civil {
  const d = new Date((t.unixSeconds + t.offsetSeconds) * 1000);
  const year = d.getUTCFullYear();
  const start = new Date(0);
  start.setUTCFullYear(year, 0, 1);
  start.setUTCHours(0, 0, 0, 0);
  return {
    year,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
    yearDay: Math.floor((d.getTime() - start.getTime()) / 86_400_000) + 1,
  };
}

function pad(x: number, width: number): string {
  const s = String(Math.abs(x)).padStart(width, "0");
  return x < 0 ? "-" + s : s;
}

function offsetText(offsetSeconds: number, colon: boolean, seconds: boolean): string {
  const sign = offsetSeconds < 0 ? "-" : "+";
  const abs = Math.abs(offsetSeconds);
  const sep = colon ? ":" : "";
  let out = sign + pad(Math.floor(abs / 3600), 2) + sep + pad(Math.floor((abs % 3600) / 60), 2);
  if (seconds) out += sep + pad(abs % 60, 2);
  return out;
}

function zoneName(t: GoTime): string {
  return t.zoneName !== "" ? t.zoneName : offsetText(t.offsetSeconds, false, false);
}

/** time.Time.String(): `2006-01-02 15:04:05.999999999 -0700 MST`. */
export function formatTime(t: GoTime): string {
  return format(t, "2006-01-02 15:04:05.999999999 -0700 MST");
}

/** time.Time.GoString(), used by `%#v`. */
export function goStringTime(t: GoTime): string {
  const c = civil(t);
  const loc = t.zoneName === "UTC" && t.offsetSeconds === 0 ? "time.UTC" : `time.Location(${JSON.stringify(t.zoneName)})`;
  return `time.Date(${c.year}, time.${MONTHS[c.month - 1]}, ${c.day}, ${c.hour}, ${c.minute}, ${c.second}, ${t.nanos}, ${loc})`;
}

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? `%!Month(${month})`;
}

export function weekdayName(day: number): string {
  return DAYS[day] ?? `%!Weekday(${day})`;
}

// Layout elements, longest first where one is a prefix of another.
const TOKENS = [
  "January", "Jan", "Monday", "Mon", "MST",
  "Z070000", "Z07:00:00", "Z0700", "Z07:00", "Z07",
  "-070000", "-07:00:00", "-0700", "-07:00", "-07",
  "2006", "002", "01", "02", "03", "04", "05", "06", "15", "__2", "_2",
  "1", "2", "3", "4", "5", "PM", "pm",
];

/** time.Time.Format with Go's reference-time layout. */
export function format(t: GoTime, layout: string): string {
  const c = civil(t);
  let out = "";
  let i = 0;
  while (i < layout.length) {
    const frac = /^[.,](0+|9+)(?![0-9])/.exec(layout.slice(i));
    if (frac) {
      const digits = frac[1]!;
      const ns = String(t.nanos).padStart(9, "0").slice(0, digits.length);
      if (digits[0] === "0") out += frac[0][0] + ns;
      else {
        const trimmed = ns.replace(/0+$/, "");
        if (trimmed) out += frac[0][0] + trimmed;
      }
      i += frac[0].length;
      continue;
    }
    const tok = TOKENS.find((k) => layout.startsWith(k, i));
    if (!tok) {
      out += layout[i];
      i++;
      continue;
    }
    i += tok.length;
    switch (tok) {
      case "January": out += MONTHS[c.month - 1]; break;
      case "Jan": out += MONTHS[c.month - 1]!.slice(0, 3); break;
      case "Monday": out += DAYS[c.weekday]; break;
      case "Mon": out += DAYS[c.weekday]!.slice(0, 3); break;
      case "MST": out += zoneName(t); break;
      case "2006": out += pad(c.year, 4); break;
      case "06": out += pad(((c.year % 100) + 100) % 100, 2); break;
      case "01": out += pad(c.month, 2); break;
      case "1": out += String(c.month); break;
      case "02": out += pad(c.day, 2); break;
      case "_2": out += String(c.day).padStart(2, " "); break;
      case "2": out += String(c.day); break;
      case "002": out += pad(c.yearDay, 3); break;
      case "__2": out += String(c.yearDay).padStart(3, " "); break;
      case "15": out += pad(c.hour, 2); break;
      case "03": out += pad(c.hour % 12 === 0 ? 12 : c.hour % 12, 2); break;
      case "3": out += String(c.hour % 12 === 0 ? 12 : c.hour % 12); break;
      case "04": out += pad(c.minute, 2); break;
      case "4": out += String(c.minute); break;
      case "05": out += pad(c.second, 2); break;
      case "5": out += String(c.second); break;
      case "PM": out += c.hour >= 12 ? "PM" : "AM"; break;
      case "pm": out += c.hour >= 12 ? "pm" : "am"; break;
      default: {
        // zone offsets: Z-prefixed forms print Z for UTC
        if (tok.startsWith("Z") && t.offsetSeconds === 0) {
          out += "Z";
          break;
        }
        const colon = tok.includes(":");
        const secs = tok.endsWith("0000") || tok.endsWith(":00:00");
        if (tok.endsWith("07")) out += offsetText(t.offsetSeconds, false, false).slice(0, 3);
        else out += offsetText(t.offsetSeconds, colon, secs);
      }
    }
  }
  return out;
}
