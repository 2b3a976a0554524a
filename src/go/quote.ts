// Go's strconv.Quote and QuoteRune (and unicode.IsPrint, which decides what they escape), for
// messages that must match Go byte for byte. A leaf: imports nothing.

// Unicode property classes take V8 about a millisecond each to build: built on the first non-ASCII rune.
let printable: RegExp | undefined;

/** unicode.IsPrint / strconv.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space. */
export function isPrint(r: number): boolean {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return false;
  return (printable ??= /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u).test(String.fromCodePoint(r));
}

const HEX = "0123456789abcdef";

function appendEscapedRune(out: string[], r: number, quote: number, asciiOnly: boolean): void {
  if (r === quote || r === 0x5c) {
    out.push("\\", String.fromCodePoint(r));
    return;
  }
  if (asciiOnly) {
    if (r < 0x80 && isPrint(r)) {
      out.push(String.fromCodePoint(r));
      return;
    }
  } else if (isPrint(r)) {
    out.push(String.fromCodePoint(r));
    return;
  }
  switch (r) {
    case 7: out.push("\\a"); return;
    case 8: out.push("\\b"); return;
    case 12: out.push("\\f"); return;
    case 10: out.push("\\n"); return;
    case 13: out.push("\\r"); return;
    case 9: out.push("\\t"); return;
    case 11: out.push("\\v"); return;
  }
  if (r < 0x20 || r === 0x7f) out.push("\\x", HEX[r >> 4]!, HEX[r & 15]!);
  else if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) out.push("\\ufffd");
  else if (r < 0x10000) out.push("\\u", r.toString(16).padStart(4, "0"));
  else out.push("\\U", r.toString(16).padStart(8, "0"));
}

/** strconv.Quote (asciiOnly: strconv.QuoteToASCII). Lone surrogates count as U+FFFD. */
export function quote(s: string, asciiOnly = false): string {
  if (!asciiOnly && /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/.test(s)) return `"${s}"`;
  const out: string[] = ['"'];
  for (const ch of s) {
    let r = ch.codePointAt(0)!;
    if (r >= 0xd800 && r <= 0xdfff) r = 0xfffd;
    appendEscapedRune(out, r, 0x22, asciiOnly);
  }
  out.push('"');
  return out.join("");
}

/** strconv.QuoteRune (asciiOnly: QuoteRuneToASCII). */
export function quoteRune(r: number, asciiOnly = false): string {
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff) || r < 0) r = 0xfffd;
  const out: string[] = ["'"];
  appendEscapedRune(out, r, 0x27, asciiOnly);
  out.push("'");
  return out.join("");
}


/** strconv.Quote of a message argument (`%q`). */
export function goQuote(s: string): string {
  return quote(s);
}
