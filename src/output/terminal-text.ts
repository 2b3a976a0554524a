// Text from the API on its way to a terminal: control characters (escape sequences, carriage
// returns, newlines, C1 controls) and the invisible bidirectional overrides are written as Go
// escapes (`\x1b`, `\r`, `\n`, `\u202e`), so the text can neither drive the terminal nor spread
// over several lines. JSON and template output never pass through here: scripts need the bytes.

const UNSAFE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const SHORT: Record<string, string> = { "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v" };

function escape(c: string): string {
  const short = SHORT[c];
  if (short) return short;
  const code = c.codePointAt(0)!;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** `text` with every terminal control escaped: one line, printed as is. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * A table for a terminal: the same escapes, except for the newlines that lay it out (a newline in a
 * value starts another line inside its cell, between the cell's borders).
 */
export function terminalSafeTable(table: string): string {
  return table.replace(UNSAFE, (c) => (c === "\n" ? c : escape(c)));
}
