// The emulator reads JSON with its own parser so that the fake stays independent of the client; the two
// must still agree: the same values from the same valid texts, a refusal from both for invalid ones.
// The emulator's own limits (nesting past 200 levels, a number longer than 400 characters) stay out
// of the generated texts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/api/json.js";
import { parseJson } from "../../src/emulator/lossless-json.js";

type Outcome = { value: unknown } | { refused: true };

function outcome(read: (text: string) => unknown, text: string): Outcome {
  try {
    return { value: read(text) };
  } catch {
    return { refused: true };
  }
}

const bigInteger = fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n });
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    fc.jsonValue({ maxDepth: 2 }),
    bigInteger,
    fc.array(tie("node"), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie("node"), { maxKeys: 4 }),
  ),
})).node;
/** JSON.stringify, with bigints written as bare digits (through a marker JSON.stringify escapes). */
const validText = fc.tuple(value, fc.constantFrom(undefined, 1, "\t")).map(([v, indent]) =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? `\u0000big:${x}` : x), indent).replace(/"\\u0000big:(-?\d+)"/g, "$1"),
);
const noise = fc.string({ unit: fc.constantFrom(..."{}[]:,\"\\ \n01-+.eE9tfnulr/uxa\u0001\u001f\u007f\ud800"), maxLength: 4 });
/** A valid text with a few characters cut out and others put in: mostly invalid, sometimes not. */
const mangledText = fc
  .tuple(validText, fc.nat(), fc.nat(3), noise)
  .map(([text, at, cut, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + cut));
const noiseText = fc.string({ unit: fc.constantFrom(..."{}[]:,\"\\ \n01-+.eE9tfnulr/uxa\u0001\u001f\u007f"), maxLength: 24 });

describe("the emulator's JSON parser and the client's", () => {
  it("read the same values from valid texts (property)", () => {
    fc.assert(
      fc.property(validText, (text) => {
        const client = outcome(parse, text);
        expect(client).not.toHaveProperty("refused");
        expect(outcome(parseJson, text)).toEqual(client);
      }),
      { numRuns: 500 },
    );
  });

  it("both refuse or both read the same value, on mangled and random texts (property)", () => {
    fc.assert(
      fc.property(fc.oneof(mangledText, noiseText), (text) => {
        expect(outcome(parseJson, text)).toEqual(outcome(parse, text));
      }),
      { numRuns: 3000 },
    );
  });
});
