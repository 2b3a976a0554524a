import { describe, expect, it } from "vitest";
import { encodeIndentedJSON, encodeMarshalJSON, encodeOutputJSON, marshalJSON } from "../../src/output/json.js";
import { GoFloat, GoNil, GoPtr, GoStruct, GoTime } from "../../src/templates/values.js";

const s = (fields: ConstructorParameters<typeof GoStruct>[1]) => new GoStruct("t", fields);

describe("Go JSON encoding", () => {
  it("follows struct order, json names and omitempty", () => {
    const value = s([
      { name: "B", value: 1, json: "b" },
      { name: "A", value: "", json: "a", omitempty: true },
      { name: "P", value: new GoPtr("", "*string"), json: "p", omitempty: true },
      { name: "N", value: new GoNil("*T"), json: "n", omitempty: true },
      { name: "Skip", value: 1, json: "-" },
      { name: "Z", value: false, json: "z", omitempty: true },
      { name: "T", value: GoTime.zero(), json: "t", omitempty: true },
      { name: "E", value: [], json: "e", omitempty: true },
      { name: "Plain", value: 2 },
    ]);
    expect(encodeOutputJSON(value)).toBe('{"b":1,"p":"","t":"0001-01-01T00:00:00Z","Plain":2}\n');
  });

  it("tells nil slices (null) from empty ones ([])", () => {
    const value = s([
      { name: "A", value: new GoNil("[]string"), json: "a" },
      { name: "B", value: [], json: "b" },
      { name: "M", value: new GoNil("map[string]interface {}"), json: "m" },
      { name: "C", value: {}, json: "c" },
    ]);
    expect(marshalJSON(value)).toBe('{"a":null,"b":[],"m":null,"c":{}}');
  });

  it("keeps big integers exact and prints floats as Go does", () => {
    expect(marshalJSON([9223372036854775807n, -1n, 96636764160, 0.5, new GoFloat(3), new GoFloat(1e21), 1e-7])).toBe(
      "[9223372036854775807,-1,96636764160,0.5,3,1e+21,1e-7]",
    );
    expect(marshalJSON(9223372036854775807)).toBe("9223372036854775808");
    expect(() => marshalJSON(NaN)).toThrow("json: unsupported value: NaN");
  });

  it("sorts map keys byte-wise", () => {
    expect(marshalJSON({ b: 1, a: { z: 1, B: 2 }, é: 3, Z: 4 })).toBe('{"Z":4,"a":{"B":2,"z":1},"b":1,"é":3}');
  });

  it("escapes strings as Go: HTML only when asked, U+2028/2029 always, broken UTF-16 replaced", () => {
    const text = '<a href="x">&</a>\u2028\u2029\b\f\n\r\t\u0001\u007f\\ \ud800 é 😀';
    expect(encodeOutputJSON(text)).toBe(
      '"<a href=\\"x\\">&</a>\\u2028\\u2029\\b\\f\\n\\r\\t\\u0001\u007f\\\\ \\ufffd é 😀"\n',
    );
    expect(encodeMarshalJSON("<>&")).toBe('"\\u003c\\u003e\\u0026"\n');
  });

  it("writes RFC 3339 times with trimmed fractions and offsets", () => {
    expect(marshalJSON(GoTime.parse("2024-05-02T09:10:11.123456000Z"))).toBe('"2024-05-02T09:10:11.123456Z"');
    expect(marshalJSON(GoTime.parse("2024-05-02T09:10:11+01:00"))).toBe('"2024-05-02T09:10:11+01:00"');
  });

  it("indents like MarshalIndent, with HTML escaping", () => {
    const value = s([
      { name: "A", value: [1, 2], json: "a" },
      { name: "B", value: {}, json: "b" },
      { name: "C", value: [], json: "c" },
      { name: "D", value: "<x>", json: "d" },
      { name: "E", value: s([{ name: "F", value: true, json: "f" }]), json: "e" },
    ]);
    expect(encodeIndentedJSON(value)).toBe(
      '{\n  "a": [\n    1,\n    2\n  ],\n  "b": {},\n  "c": [],\n  "d": "\\u003cx\\u003e",\n  "e": {\n    "f": true\n  }\n}\n',
    );
    expect(encodeIndentedJSON(null)).toBe("null\n");
  });
});
