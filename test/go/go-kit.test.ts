// The Go kit against Go itself: every expected value or error in go-cases.json is what go1.26's
// encoding/csv Reader.Read and time.ParseDuration gave (hand-picked edge cases, then random
// strings over a small alphabet of quotes, commas, line ends, digits and units).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBool, GO_BOOL_VALUES } from "../../src/go/bool.js";
import { readCsvRecord } from "../../src/go/csv.js";
import { parseDuration } from "../../src/go/duration.js";
import { parseInt64Reason } from "../../src/go/int.js";

interface CsvCase {
  in: string;
  fields?: string[];
  err?: string;
}
interface DurationCase {
  in: string;
  ns?: string;
  err?: string;
}
const cases = JSON.parse(readFileSync(join(import.meta.dirname, "go-cases.json"), "utf8")) as { csv: CsvCase[]; duration: DurationCase[] };

describe("encoding/csv Reader.Read", () => {
  it.each(cases.csv.map((c) => [JSON.stringify(c.in), c] as const))("%s", (_, c) => {
    expect(readCsvRecord(c.in)).toEqual(c.err !== undefined ? { error: c.err } : { fields: c.fields ?? [] });
  });
});

describe("time.ParseDuration", () => {
  it.each(cases.duration.map((c) => [JSON.stringify(c.in), c] as const))("%s", (_, c) => {
    const parsed = parseDuration(c.in);
    expect("ns" in parsed ? { ns: parsed.ns.toString() } : { error: parsed.error }).toEqual(c.err !== undefined ? { error: c.err } : { ns: c.ns });
  });
});

describe("strconv", () => {
  it("ParseBool accepts exactly Go's twelve spellings", () => {
    expect(GO_BOOL_VALUES.map((v) => [v, parseBool(v)])).toEqual([
      ["1", true], ["t", true], ["T", true], ["TRUE", true], ["true", true], ["True", true],
      ["0", false], ["f", false], ["F", false], ["FALSE", false], ["false", false], ["False", false],
    ]);
    for (const v of ["yes", "tRUE", "y", "", " true", "01"]) expect(parseBool(v)).toBeUndefined();
  });

  it("ParseInt base 0 tells bad syntax from out of range", () => {
    expect(parseInt64Reason("0x7fffffffffffffff")).toEqual({ value: 9223372036854775807n });
    expect(parseInt64Reason("0x8000000000000000")).toEqual({ reason: "value out of range" });
    expect(parseInt64Reason("1__0")).toEqual({ reason: "invalid syntax" });
  });
});
