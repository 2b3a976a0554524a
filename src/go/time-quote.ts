// The time package's own quoting (not strconv.Quote), as its parse errors use it. A leaf: imports nothing.

const encoder = new TextEncoder();

/** `"` and `\\` escaped, every byte of a control or non-ASCII character as \xNN, DEL left as is. */
export function quoteTimeText(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of encoder.encode(ch)) out += `\\x${b.toString(16).padStart(2, "0")}`;
    } else out += ch === '"' || ch === "\\" ? `\\${ch}` : ch;
  }
  return out + '"';
}
