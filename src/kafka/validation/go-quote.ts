// Go's strconv.Quote, for messages that must match the Go CLI byte for byte (`%q`).

// built on first use: a Unicode property class costs V8 about a millisecond to build
let printable: RegExp | undefined;

const SHORT_ESCAPES: Record<string, string> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  '"': '\\"',
  "\\": "\\\\",
};

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, "0");
}

export function goQuote(value: string): string {
  let out = '"';
  for (const char of value) {
    const short = SHORT_ESCAPES[char];
    const code = char.codePointAt(0) ?? 0;
    if (short !== undefined) out += short;
    else if ((code >= 0x20 && code < 0x7f) || (code >= 0x80 && (printable ??= /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u).test(char))) out += char;
    else if (code < 0x80) out += `\\x${hex(code, 2)}`;
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return `${out}"`;
}
