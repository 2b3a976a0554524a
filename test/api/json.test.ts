import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse, stringify, JsonSyntaxError } from "../../src/api/json.js";

describe("lossless JSON", () => {
  it("keeps int64 bounds exact through parse and stringify", () => {
    const text = '{"max":9223372036854775807,"min":-9223372036854775808,"safe":9007199254740991,"f":1.5}';
    const value = parse(text) as Record<string, unknown>;
    expect(value.max).toBe(9223372036854775807n);
    expect(value.min).toBe(-9223372036854775808n);
    expect(value.safe).toBe(9007199254740991);
    expect(value.f).toBe(1.5);
    expect(stringify(value)).toBe(text);
  });

  it("round-trips arbitrary values with big integers (property)", () => {
    const leaf = fc.oneof(
      fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((b) => (b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b)),
      // a whole double beyond 2^53 written without exponent reads back as bigint, by design
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0) && !(Number.isInteger(d) && !Number.isSafeInteger(d))),
      fc.string({ unit: "grapheme" }),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node")), fc.dictionary(fc.string(), tie("node"))),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        const text = stringify(v);
        const back = parse(text);
        expect(back).toEqual(v);
        expect(stringify(back)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("reads a text the same through JSON.parse (no long digit run) and through its own parser (property)", () => {
    // a 16-digit run anywhere sends the whole text through the lossless parser
    const slow = (text: string) => (parse(`[${text},1234567890123456]`) as unknown[])[0];
    fc.assert(
      fc.property(fc.jsonValue().map((v) => JSON.stringify(v)).filter((text) => !/\d{16}/.test(text)), (text) => {
        expect(parse(text)).toEqual(slow(text));
      }),
      { numRuns: 300 },
    );
    for (const text of ['{"__proto__":{"x":1},"a":[1,2.5,-0,1e3]}', '"\\ud800"', "[]", " {} "]) {
      expect(parse(text)).toEqual(slow(text));
      expect(Object.keys(parse(text) ?? {})).toEqual(Object.keys(slow(text) ?? {}));
    }
  });

  it("re-serialises Go-compact text unchanged (property on big integer literals)", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })), (ints) => {
        const text = `{"v":[${ints.join(",")}]}`;
        expect(stringify(parse(text))).toBe(text);
      }),
    );
  });

  it("escapes like Go's encoding/json", () => {
    expect(stringify("a<b>&\u2028\u0001\b\f\n\t\"\\")).toBe('"a<b>&\\u2028\\u0001\\b\\f\\n\\t\\"\\\\"');
    expect(stringify("a<b>&", { escapeHTML: true })).toBe('"a\\u003cb\\u003e\\u0026"');
    expect(stringify("\ud800x")).toBe('"\\ufffdx"');
    expect(stringify("😀")).toBe('"😀"');
    expect(stringify([1e21, 1e-7, 0.1, -0, 100])).toBe("[1e+21,1e-7,0.1,-0,100]");
    expect(stringify({ a: undefined, b: [] , c: {} })).toBe('{"b":[],"c":{}}');
  });

  it("indents on request", () => {
    expect(stringify({ a: [1, 2], b: {} }, { indent: "  " })).toBe('{\n  "a": [\n    1,\n    2\n  ],\n  "b": {}\n}');
  });

  it("keeps a __proto__ key as data", () => {
    const v = parse('{"__proto__":{"x":1}}') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it.each(["", "{", '{"a":1,}', "[1 2]", '"\\x"', "01", "tru", '{"a":1} x', '"a\nb"'])("rejects %j", (text) => {
    expect(() => parse(text)).toThrow(JsonSyntaxError);
  });
});
