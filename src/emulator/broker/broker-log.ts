// The brokers' own log lines, as `dbaas logs` shows them: time, node and message.
import { open } from "node:fs/promises";

export interface BrokerLogLine {
  /** ISO time with microseconds, as the API writes it */
  time: string;
  /** SERVICE-N */
  node: string;
  message: string;
}

/** The last `bytes` of a file (from the first whole line), or "" when it is missing. */
export async function readTail(file: string, bytes: number): Promise<string> {
  const handle = await open(file, "r").catch(() => null);
  if (!handle) return "";
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - bytes);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const text = buffer.toString("utf8");
    return start > 0 ? text.slice(text.indexOf("\n") + 1) : text;
  } finally {
    await handle.close();
  }
}

const LINE = /^\[(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),(\d{3})\] (\w+) (.*)$/;

/**
 * Lines of the layout config.ts gives the broker (`[yyyy-MM-dd HH:mm:ss,SSS] LEVEL message (logger)`), in local time;
 * a line not starting so (a stack trace, a multi-line config dump) continues the previous message.
 */
export function parseBrokerLog(text: string, node: string): BrokerLogLine[] {
  const lines: BrokerLogLine[] = [];
  for (const raw of text.split("\n")) {
    const match = LINE.exec(raw);
    if (match) {
      const [, day, clock, millis, level, message] = match;
      const time = new Date(`${day}T${clock}.${millis}`).toISOString().replace("Z", "000Z");
      lines.push({ time, node, message: `${level} ${message}` });
    } else if (raw && lines.length > 0) {
      lines[lines.length - 1]!.message += `\n${raw}`;
    }
  }
  return lines;
}
