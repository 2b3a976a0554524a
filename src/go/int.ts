// Go's strconv.ParseUint / ParseInt with base 0 (0x, 0o, 0b, leading-0 octal, underscores), 64 bits.
// A leaf: imports nothing.

const MAX_UINT64 = (1n << 64n) - 1n;
const MAX_INT64 = (1n << 63n) - 1n;

/** strconv's underscoreOK: underscores only between digits or after a base prefix. */
export function underscoreOK(s: string): boolean {
  let saw = "^";
  let i = 0;
  if (s.length >= 1 && (s[0] === "-" || s[0] === "+")) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === "0" && "bBoOxX".includes(s[1]!)) {
    i = 2;
    saw = "0";
    hex = s[1] === "x" || s[1] === "X";
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= "0" && c <= "9") || (hex && /[a-fA-F]/.test(c))) {
      saw = "0";
      continue;
    }
    if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
      continue;
    }
    if (saw === "_") return false;
    saw = "!";
  }
  return saw !== "_";
}

export function digitValue(c: string): number {
  const x = c.charCodeAt(0);
  if (x >= 0x30 && x <= 0x39) return x - 0x30;
  if (x >= 0x61 && x <= 0x7a) return x - 0x61 + 10;
  if (x >= 0x41 && x <= 0x5a) return x - 0x41 + 10;
  return 99;
}

/** strconv.ParseUint(s, 0, 64). */
export function parseUint(s0: string): bigint | undefined {
  if (s0 === "") return undefined;
  let s = s0;
  let base = 10;
  if (s[0] === "0") {
    const p = s[1]?.toLowerCase();
    if (s.length >= 3 && p === "b") [base, s] = [2, s.slice(2)];
    else if (s.length >= 3 && p === "o") [base, s] = [8, s.slice(2)];
    else if (s.length >= 3 && p === "x") [base, s] = [16, s.slice(2)];
    else [base, s] = [8, s.slice(1)];
  }
  let n = 0n;
  let underscores = false;
  const b = BigInt(base);
  for (const c of s) {
    if (c === "_") {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d >= base) return undefined;
    n = n * b + BigInt(d);
    if (n > MAX_UINT64) return undefined;
  }
  if (underscores && !underscoreOK(s0)) return undefined;
  return n;
}

/** strconv.ParseInt(s, 0, 64). */
export function parseInt64(s: string): bigint | undefined {
  if (s === "") return undefined;
  let neg = false;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  const u = parseUint(s);
  if (u === undefined) return undefined;
  if (!neg && u > MAX_INT64) return undefined;
  if (neg && u > MAX_INT64 + 1n) return undefined;
  return neg ? -u : u;
}

/** strconv.ParseInt(s, 0, 64) with Go's reason on failure: a literal that does not fit is out of range. */
export function parseInt64Reason(s: string): { value: bigint } | { reason: "invalid syntax" | "value out of range" } {
  const value = parseInt64(s);
  if (value !== undefined) return { value };
  return { reason: GO_INT_LITERAL.test(s) ? "value out of range" : "invalid syntax" };
}

/** Go's integer literal syntax (base 0). */
const GO_INT_LITERAL = /^[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/;
