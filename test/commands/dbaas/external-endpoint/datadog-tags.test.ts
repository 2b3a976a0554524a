// --datadog-tags is read as exo's json.Unmarshal reads it into []v3.DBAASDatadogTag: Go's scanner
// checks the whole text first, so a syntax error wins over a type error, and it is worded as Go words
// it. Every message below was printed by Go 1.26's encoding/json for the same input.
import { describe, expect, it } from "vitest";
import { parseDatadogTags } from "../../../../src/kafka/validation/external.js";

const error = (input: string): string => {
  try {
    parseDatadogTags(input);
  } catch (e) {
    return (e as Error).message.replace(/^failed to parse datadog tags: /, "");
  }
  return "<nil>";
};

const GO_SYNTAX: ReadonlyArray<readonly [string, string]> = [
  ["x", "invalid character 'x' looking for beginning of value"],
  ["", "unexpected end of JSON input"],
  ["[", "unexpected end of JSON input"],
  ['"abc', "unexpected end of JSON input"],
  ["{tag", "invalid character 't' looking for beginning of object key string"],
  ["[1,]", "invalid character ']' looking for beginning of value"],
  ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
  ['[{"tag" "a"}]', "invalid character '\"' after object key"],
  ['[{"tag":"a" "comment":"b"}]', "invalid character '\"' after object key:value pair"],
  ['[{"tag":"a"} {"tag":"b"}]', "invalid character '{' after array element"],
  ['[{"tag":"a"}]]', "invalid character ']' after top-level value"],
  ["[{'tag':'a'}]", "invalid character '\\'' looking for beginning of object key string"],
  // at the end of the text Go's scanner reads a space
  ["tru", "invalid character ' ' in literal true (expecting 'e')"],
  ["[tru]", "invalid character ']' in literal true (expecting 'e')"],
  ["fals3", "invalid character '3' in literal false (expecting 'e')"],
  ["nulll", "invalid character 'l' after top-level value"],
  // numbers
  ["03", "invalid character '3' after top-level value"],
  ['[{"tag":01}]', "invalid character '1' after object key:value pair"],
  ["1.", "invalid character ' ' after decimal point in numeric literal"],
  ["[1.]", "invalid character ']' after decimal point in numeric literal"],
  ["-0.x", "invalid character 'x' after decimal point in numeric literal"],
  ["1e+x", "invalid character 'x' in exponent of numeric literal"],
  ["0.1e-", "invalid character ' ' in exponent of numeric literal"],
  ["1.5.3", "invalid character '.' after top-level value"],
  ["[-]", "invalid character ']' in numeric literal"],
  ["+1", "invalid character '+' looking for beginning of value"],
  // strings
  ['"a\nb"', "invalid character '\\n' in string literal"],
  ['"\\x"', "invalid character 'x' in string escape code"],
  ['"\\', "invalid character ' ' in string escape code"],
  ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape"],
  ['"\\u12"', "invalid character '\"' in \\u hexadecimal character escape"],
  // Go quotes the byte it read: the first of a character's UTF-8 bytes, as a Latin-1 rune
  ["é", "invalid character 'Ã' looking for beginning of value"],
  ["😀", "invalid character 'ð' looking for beginning of value"],
  ["\ufeff[]", "invalid character 'ï' looking for beginning of value"],
  ["\x7f", "invalid character '\\x7f' looking for beginning of value"],
  ["[\x00]", "invalid character '\\x00' looking for beginning of value"],
  ["\\", "invalid character '\\\\' looking for beginning of value"],
];

describe("--datadog-tags syntax errors in Go's words", () => {
  it.each(GO_SYNTAX)("%j", (input, message) => {
    expect(error(input)).toBe(message);
  });

  it("a syntax error anywhere wins over a type error before it", () => {
    expect(error("[1, x")).toBe("invalid character 'x' looking for beginning of value");
    expect(error("[1]")).toBe("json: cannot unmarshal number into Go value of type v3.DBAASDatadogTag");
  });

  it("Go's scanner refuses a 10001st level of nesting, even an empty one, and takes 10000", () => {
    const nest = (n: number, inner = "") => "[".repeat(n) + inner + "]".repeat(n);
    expect(error(nest(10001))).toBe("invalid character '[' exceeded max depth");
    expect(error(nest(10001, "1"))).toBe("invalid character '[' exceeded max depth");
    expect(error("[".repeat(10002) + "x")).toBe("invalid character '[' exceeded max depth");
    expect(error(`[{"a":${nest(9998, "{}")}}]`)).toBe("invalid character '{' exceeded max depth");
    expect(error(nest(10000))).toBe("json: cannot unmarshal array into Go value of type v3.DBAASDatadogTag");
    expect(error(nest(10000, "1"))).toBe("json: cannot unmarshal array into Go value of type v3.DBAASDatadogTag");
  });

  it("valid tags still decode", () => {
    expect(parseDatadogTags('[{"TAG":"env:prod","comment":"p"},{"tag":"b","x":1}]')).toEqual([{ comment: "p", tag: "env:prod" }, { tag: "b" }]);
  });
});
