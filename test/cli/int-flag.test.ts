// Int flags read as pflag reads int64: every expected value or error below is what go1.26.8's
// strconv.ParseInt(input, 0, 64) gave; pflag puts the error after the flag's name.
import { describe, expect, it } from "vitest";
import { thrownBy } from "../helpers/thrown.js";
import { parseIntFlag } from "../../src/cli/values.js";
import { UsageError } from "../../src/errors.js";

const CASES: [string, string | { error: string }][] = [
  ["10", "10"],
  ["-3", "-3"],
  ["+7", "7"],
  ["0x10", "16"],
  ["0X1f", "31"],
  ["0o17", "15"],
  ["017", "15"],
  ["0b101", "5"],
  ["1_000", "1000"],
  ["0x_1f", "31"],
  ["0_7", "7"],
  ["1__0", { error: "strconv.ParseInt: parsing \"1__0\": invalid syntax" }],
  ["_1", { error: "strconv.ParseInt: parsing \"_1\": invalid syntax" }],
  ["1_", { error: "strconv.ParseInt: parsing \"1_\": invalid syntax" }],
  ["08", { error: "strconv.ParseInt: parsing \"08\": invalid syntax" }],
  ["9223372036854775807", "9223372036854775807"],
  ["9223372036854775808", { error: "strconv.ParseInt: parsing \"9223372036854775808\": value out of range" }],
  ["-9223372036854775808", "-9223372036854775808"],
  ["-9223372036854775809", { error: "strconv.ParseInt: parsing \"-9223372036854775809\": value out of range" }],
  ["99999999999999999999999", { error: "strconv.ParseInt: parsing \"99999999999999999999999\": value out of range" }],
  ["0xFFFFFFFFFFFFFFFFFF", { error: "strconv.ParseInt: parsing \"0xFFFFFFFFFFFFFFFFFF\": value out of range" }],
  [" 5", { error: "strconv.ParseInt: parsing \" 5\": invalid syntax" }],
  ["5 ", { error: "strconv.ParseInt: parsing \"5 \": invalid syntax" }],
  ["", { error: "strconv.ParseInt: parsing \"\": invalid syntax" }],
  ["ten", { error: "strconv.ParseInt: parsing \"ten\": invalid syntax" }],
  ["1e3", { error: "strconv.ParseInt: parsing \"1e3\": invalid syntax" }],
  ["1.5", { error: "strconv.ParseInt: parsing \"1.5\": invalid syntax" }],
  ["\u00e9", { error: "strconv.ParseInt: parsing \"\u00e9\": invalid syntax" }],
  ["0x", { error: "strconv.ParseInt: parsing \"0x\": invalid syntax" }],
  ["-", { error: "strconv.ParseInt: parsing \"-\": invalid syntax" }],
  ["0b2", { error: "strconv.ParseInt: parsing \"0b2\": invalid syntax" }],
];

describe("parseIntFlag", () => {
  it.each(CASES)("%j", (input, want) => {
    if (typeof want === "string") {
      expect(parseIntFlag(input, "limit", "l")).toBe(Number(BigInt(want)));
      return;
    }
    const thrown = thrownBy(() => parseIntFlag(input, "limit", "l"));
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toBe(`invalid argument ${JSON.stringify(input)} for "-l, --limit" flag: ${want.error}`);
  });

  it("names a flag without shorthand by its long name alone", () => {
    expect(() => parseIntFlag("x", "min-days")).toThrow('invalid argument "x" for "--min-days" flag: strconv.ParseInt: parsing "x": invalid syntax');
  });
});
