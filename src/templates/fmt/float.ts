// strconv.FormatFloat for float64: formats 'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X'.
// Shortest digits come from the engine's round-trip conversion (same digits as Go's);
// fixed precision uses the exact binary value and rounds half to even, as Go does.

interface Decimal {
  /** significant digits, no leading or trailing zeros ("" for zero) */
  d: string;
  /** decimal point position: value = 0.d × 10^dp */
  dp: number;
}

const view = new DataView(new ArrayBuffer(8));

function bitsOf(x: number): { neg: boolean; exp: number; mant: bigint } {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  return {
    neg: hi >>> 31 === 1,
    exp: (hi >>> 20) & 0x7ff,
    mant: (BigInt(hi & 0xfffff) << 32n) | BigInt(lo),
  };
}

function shortestDecimal(x: number): Decimal {
  const s = Math.abs(x).toExponential();
  const e = s.indexOf("e");
  const d = (s[0]! + s.slice(2, e)).replace(/0+$/, "");
  return { d, dp: Number(s.slice(e + 1)) + 1 };
}

/** The exact decimal expansion of |x| (finite, non-zero). */
function exactDecimal(x: number): Decimal {
  const { exp, mant } = bitsOf(x);
  let m = mant;
  let e2: number;
  if (exp === 0) e2 = -1074;
  else {
    m |= 1n << 52n;
    e2 = exp - 1075;
  }
  let digits: string;
  let dp: number;
  if (e2 >= 0) {
    digits = (m << BigInt(e2)).toString();
    dp = digits.length;
  } else {
    digits = (m * 5n ** BigInt(-e2)).toString();
    dp = digits.length + e2;
  }
  return { d: digits.replace(/0+$/, ""), dp };
}

/** Rounds to nd significant digits, half to even (Go's decimal.Round on an exact value). */
function round(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const c = a.d.charCodeAt(nd);
  let up: boolean;
  if (c === 0x35 && nd + 1 === a.d.length) up = nd > 0 && (a.d.charCodeAt(nd - 1) - 0x30) % 2 === 1;
  else up = c >= 0x35;
  if (!up) {
    const d = a.d.slice(0, nd).replace(/0+$/, "");
    return { d, dp: d.length === 0 ? 0 : a.dp };
  }
  let i = nd - 1;
  while (i >= 0 && a.d[i] === "9") i--;
  if (i < 0) return { d: "1", dp: a.dp + 1 };
  return { d: a.d.slice(0, i) + String.fromCharCode(a.d.charCodeAt(i) + 1), dp: a.dp };
}

function fmtE(neg: boolean, d: Decimal, prec: number, fmt: string): string {
  let out = neg ? "-" : "";
  out += d.d.length ? d.d[0] : "0";
  if (prec > 0) {
    out += ".";
    const more = d.d.slice(1, Math.min(d.d.length, prec + 1));
    out += more + "0".repeat(prec - more.length);
  }
  let exp = d.d.length === 0 ? 0 : d.dp - 1;
  const sign = exp < 0 ? "-" : "+";
  if (exp < 0) exp = -exp;
  return out + fmt + sign + (exp < 10 ? "0" + exp : String(exp));
}

function fmtF(neg: boolean, d: Decimal, prec: number): string {
  let out = neg ? "-" : "";
  if (d.dp > 0) {
    const m = Math.min(d.d.length, d.dp);
    out += d.d.slice(0, m) + "0".repeat(d.dp - m);
  } else out += "0";
  if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) {
      const j = d.dp + i;
      out += j >= 0 && j < d.d.length ? d.d[j] : "0";
    }
  }
  return out;
}

function formatDigits(shortest: boolean, neg: boolean, d: Decimal, prec: number, fmt: string): string {
  switch (fmt) {
    case "e":
    case "E":
      return fmtE(neg, d, prec, fmt);
    case "f":
      return fmtF(neg, d, prec);
    default: {
      let eprec = prec;
      if (eprec > d.d.length && d.d.length >= d.dp) eprec = d.d.length;
      if (shortest) eprec = 6;
      const exp = d.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > d.d.length) prec = d.d.length;
        return fmtE(neg, d, prec - 1, fmt === "g" ? "e" : "E");
      }
      if (prec > d.dp) prec = d.d.length;
      return fmtF(neg, d, Math.max(prec - d.dp, 0));
    }
  }
}

function fmtB(neg: boolean, mant: bigint, exp: number): string {
  return (neg ? "-" : "") + mant.toString() + "p" + (exp >= 0 ? "+" : "") + exp;
}

/** %x / %X: hexadecimal mantissa and binary exponent, as strconv's fmtX. */
function fmtX(prec: number, fmt: string, neg: boolean, mant: bigint, exp: number): string {
  if (mant === 0n) exp = 0;
  // Shift so the leading 1 is at bit 60.
  mant <<= 60n - 52n;
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & ((1n << 60n) - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === "X" ? "0123456789ABCDEF" : "0123456789abcdef";
  let out = neg ? "-" : "";
  out += "0" + (fmt === "X" ? "X" : "x") + String.fromCharCode(0x30 + Number((mant >> 60n) & 1n));
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  if (prec < 0 && mant !== 0n) {
    out += ".";
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  } else if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  }
  out += fmt === "X" ? "P" : "p";
  if (exp < 0) {
    out += "-";
    exp = -exp;
  } else out += "+";
  return out + (exp < 10 ? "0" + exp : String(exp));
}

/** strconv.FormatFloat(x, fmt, prec, 64). */
export function formatFloat(x: number, fmt: "e" | "E" | "f" | "g" | "G" | "b" | "x" | "X" = "g", prec = -1): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "+Inf";
  if (x === -Infinity) return "-Inf";
  const { neg, exp: bexp, mant: rawMant } = bitsOf(x);
  if (fmt === "b" || fmt === "x" || fmt === "X") {
    let mant = rawMant;
    let exp = bexp;
    if (exp === 0) exp = 1;
    else mant |= 1n << 52n;
    exp -= 1023;
    if (fmt === "b") return fmtB(neg, mant, exp - 52);
    return fmtX(prec, fmt, neg, mant, exp);
  }
  const shortest = prec < 0;
  if (x === 0) return formatDigits(shortest, neg, { d: "", dp: 0 }, prec, fmt);
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(x);
    if (fmt === "e" || fmt === "E") prec = Math.max(d.d.length - 1, 0);
    else if (fmt === "f") prec = Math.max(d.d.length - d.dp, 0);
    else prec = d.d.length;
  } else {
    d = exactDecimal(x);
    if (fmt === "f") d = round(d, d.dp + prec);
    else if (fmt === "e" || fmt === "E") d = round(d, prec + 1);
    else {
      if (prec === 0) prec = 1;
      d = round(d, prec);
    }
  }
  return formatDigits(shortest, neg, d, prec, fmt);
}
