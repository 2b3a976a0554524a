// Go's string order: the bytes of the UTF-8 encoding, which Node's Buffer.compare gives independently.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareStrings } from "../../src/go/strings.js";

const utf8Order = (a: string, b: string) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

describe("compareStrings", () => {
  it("orders as UTF-8 bytes, lone surrogates as U+FFFD (property)", () => {
    const unit = fc.oneof(fc.constantFrom("a", "\uffff", "\ue000", "\ud800", "\udc00", "\ud83d\ude00", "\ufffd"), fc.string({ unit: "binary", maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 6 }).map((u) => u.join("")), fc.array(unit, { maxLength: 6 }).map((u) => u.join("")), (a, b) => {
        expect(Math.sign(compareStrings(a, b))).toBe(Math.sign(utf8Order(a, b)));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ["\ue000", "\ud83d\ude00", -1],
    ["ab", "a", 1],
    ["", "a", -1],
    ["\ud800", "\ufffd", 0],
  ])("%j vs %j", (a, b, sign) => {
    expect(Math.sign(compareStrings(a, b))).toBe(sign);
  });
});
