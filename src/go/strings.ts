// Go's order of strings. A leaf: imports nothing.

/**
 * Compares as Go compares strings: byte-wise UTF-8, which is code point order. A lone surrogate
 * counts as U+FFFD, the character Go holds for it (what a JSON `\ud800` decodes to).
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = codePoint(a, i);
    const y = codePoint(b, j);
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0;
}

function codePoint(s: string, i: number): number {
  const c = s.codePointAt(i)!;
  return c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
}
