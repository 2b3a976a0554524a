// strconv.FormatFloat results from Go for a spread of float64 values (bit patterns in hex).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatFloat } from "../../src/templates/index.js";

type Fmt = Parameters<typeof formatFloat>[1];
const SPECS: [Fmt, number][] = [["g", -1], ["e", -1], ["f", -1], ["e", 3], ["f", 2], ["g", 4], ["f", 0], ["e", 0], ["x", -1], ["x", 3], ["b", -1], ["g", 17], ["f", 20]];

const rows = JSON.parse(readFileSync(new URL("./go-floats.json", import.meta.url), "utf8")) as string[][];

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt("0x" + hex));
  return view.getFloat64(0);
}

describe("formatFloat matches Go's strconv.FormatFloat", () => {
  it.each(rows.map((r) => [r[0]!, r] as const))("bits %s", (hex, row) => {
    const x = fromBits(hex);
    expect(SPECS.map(([f, p]) => formatFloat(x, f, p))).toEqual(row.slice(1));
  });
});
