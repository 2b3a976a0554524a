import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJson, stringifyJson } from "../../src/emulator/lossless-json.js";

describe("lossless JSON", () => {
  it("agrees with JSON.parse/stringify on ordinary JSON", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const parsed = parseJson(text);
        expect(JSON.parse(JSON.stringify(parsed, (_k, v) => (typeof v === "bigint" ? Number(v) : v)))).toEqual(JSON.parse(text));
        expect(parseJson(stringifyJson(parsed))).toEqual(parsed);
      }),
    );
  });

  it("keeps integers beyond 2^53 exact in both directions", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), (n) => {
        const text = `{"v":${n}}`;
        const parsed = parseJson(text) as { v: number | bigint };
        expect(BigInt(parsed.v)).toBe(n);
        expect(stringifyJson(parsed)).toBe(text);
      }),
    );
    expect(parseJson("9007199254740993")).toBe(9007199254740993n);
    expect(parseJson("9007199254740991")).toBe(9007199254740991);
    expect(parseJson("1.5e3")).toBe(1500);
  });

  it("indents like JSON.stringify", () => {
    const value = { a: [1, { b: "x" }], c: {}, d: [] };
    expect(stringifyJson(value, 2)).toBe(JSON.stringify(value, null, 2));
  });

  it("keeps __proto__ as an ordinary key", () => {
    const parsed = parseJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports syntax errors with a position", () => {
    for (const bad of ["", "{", '{"a":}', "[1,]", "01", '"\\x"', "tru", '{"a":1} x', '"a\nb"']) {
      expect(() => parseJson(bad), bad).toThrow(/position \d+/);
    }
  });
});
