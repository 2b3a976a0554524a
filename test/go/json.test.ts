// The one JSON reader of src/go: what it reports where, and the trees its builders make.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quoteJsonString } from "../../src/go/json/quote.js";
import { readJson, type JsonFault } from "../../src/go/json/tokenizer.js";
import { JsonNumber, JsonObject, readJsonTree, treeToValue } from "../../src/go/json/tree.js";
import { readLosslessJson } from "../../src/go/json/value.js";

const fault = (text: string, maxDepth?: number): JsonFault | undefined => {
  const read = readJsonTree(text, { maxDepth });
  return "fault" in read ? read.fault : undefined;
};

describe("JSON reader faults", () => {
  it.each<[string, JsonFault]>([
    ["", { kind: "unexpected", at: 0, found: undefined, expected: "value", inNumber: false }],
    [" x", { kind: "unexpected", at: 1, found: "x", expected: "value", inNumber: false }],
    ["{", { kind: "unexpected", at: 1, found: undefined, expected: "key", inNumber: false }],
    ['{"a" 1}', { kind: "unexpected", at: 5, found: "1", expected: "colon", inNumber: false }],
    ['{"a":1 "b"}', { kind: "unexpected", at: 7, found: '"', expected: "comma-or-brace", inNumber: false }],
    ["[1 2]", { kind: "unexpected", at: 3, found: "2", expected: "comma-or-bracket", inNumber: false }],
    ["[1,]", { kind: "unexpected", at: 3, found: "]", expected: "value", inNumber: false }],
    ["{} {}", { kind: "unexpected", at: 3, found: "{", expected: "end", inNumber: false }],
    ["01", { kind: "unexpected", at: 1, found: "1", expected: "end", inNumber: true }],
    ["[1.]", { kind: "unexpected", at: 2, found: ".", expected: "comma-or-bracket", inNumber: true }],
    ["[1 .]", { kind: "unexpected", at: 3, found: ".", expected: "comma-or-bracket", inNumber: false }],
    ["-x", { kind: "number", at: 0 }],
    ["tru", { kind: "literal", at: 0, word: "true" }],
    ['["ab', { kind: "unterminated-string", at: 1 }],
    ['"a\nb"', { kind: "control-character", at: 2, code: 10 }],
    ['"\\x"', { kind: "escape", at: 1, unicode: false }],
    ['"\\u12g4"', { kind: "escape", at: 1, unicode: true }],
    ['"\\', { kind: "escape", at: 1, unicode: false }],
  ])("%j", (text, expected) => {
    expect(fault(text)).toEqual(expected);
  });

  it("refuses nesting past the limit where the too-deep value starts", () => {
    expect(fault("[[[1]]]", 3)).toBeUndefined();
    expect(fault("[[[[]]]]", 3)).toBeUndefined();
    expect(fault("[[[[1]]]]", 3)).toEqual({ kind: "too-deep", at: 4, limit: 3 });
    expect(fault('{"a":{"b": 1}}', 1)).toEqual({ kind: "too-deep", at: 10, limit: 1 });
  });

  it("reads a number of any length whole", () => {
    const digits = "9".repeat(1000);
    expect(readLosslessJson(`[${digits}]`)).toEqual({ value: [BigInt(digits)] });
  });
});

describe("JSON builders", () => {
  it("the exact tree keeps numbers as written and repeated keys in order", () => {
    const read = readJsonTree('{"a":3.0,"b":[1e2,-0],"a":9223372036854775808}');
    expect(read).toEqual({
      value: new JsonObject([
        ["a", new JsonNumber("3.0")],
        ["b", [new JsonNumber("1e2"), new JsonNumber("-0")]],
        ["a", new JsonNumber("9223372036854775808")],
      ]),
    });
    if ("value" in read) expect(treeToValue(read.value)).toEqual({ a: 9223372036854775808n, b: [100, 0] });
  });

  it("plain values: a repeated key keeps its first place and its last value, as JSON.parse does", () => {
    const text = '{"a":1,"b":2,"a":12345678901234567890}';
    const read = readLosslessJson(text);
    expect(read).toEqual({ value: { a: 12345678901234567890n, b: 2 } });
    if ("value" in read) expect(Object.keys(read.value as object)).toEqual(Object.keys(JSON.parse(text) as object));
  });

  it("every builder sees the same document (property)", () => {
    const counting = { string: () => 1, number: () => 1, literal: () => 1, array: (xs: number[]) => 1 + xs.reduce((a, b) => a + b, 0), object: (es: Array<readonly [string, number]>) => 1 + es.reduce((a, [, b]) => a + b, 0) };
    const size = (v: unknown): number => (Array.isArray(v) ? 1 + v.reduce((a: number, x) => a + size(x), 0) : v !== null && typeof v === "object" ? 1 + Object.values(v).reduce((a: number, x) => a + size(x), 0) : 1);
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(readJson(JSON.stringify(v), counting)).toEqual({ value: size(v) });
      }),
    );
  });
});

describe("quoteJsonString", () => {
  it.each([
    ["a<b>&", false, '"a<b>&"'],
    ["a<b>&", true, '"a\\u003cb\\u003e\\u0026"'],
    ["\u2028\u2029\u0001\u001f\b\f\n\r\t\"\\", false, '"\\u2028\\u2029\\u0001\\u001f\\b\\f\\n\\r\\t\\"\\\\"'],
    ["\ud83d\ude00 \ud800 \udc00\ud800\udc00", false, '"\ud83d\ude00 \\ufffd \\ufffd\ud800\udc00"'],
  ])("%j (escapeHTML %s)", (text, escapeHTML, quoted) => {
    expect(quoteJsonString(text, escapeHTML)).toBe(quoted);
  });
});
