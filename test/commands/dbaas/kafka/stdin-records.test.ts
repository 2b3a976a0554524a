// produce's stdin: lines split as readline splits them, values kept byte for byte, limits refused whole.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_RECORDS, splitLines, stdinRecords } from "../../../../src/commands/dbaas/kafka/shared/stdin-records.js";

const texts = (lines: Buffer[]) => lines.map((l) => l.toString("latin1"));

describe("produce's stdin records", () => {
  it("ends lines at \\n, \\r\\n and \\r; a last line without a newline counts, an empty one in the middle too", () => {
    expect(texts(splitLines(Buffer.from("a\nb\r\nc\rd\n\ne")))).toEqual(["a", "b", "c", "d", "", "e"]);
    expect(texts(splitLines(Buffer.from("a\n")))).toEqual(["a"]);
    expect(splitLines(Buffer.alloc(0))).toEqual([]);
  });

  it("input without \\r (split by the native search) gives the lines a split at \\n gives, the last empty one dropped", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "\u00e9", "\n", "\u0000", "xyz"), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        const expected = text.split("\n");
        if (expected.at(-1) === "") expected.pop();
        expect(splitLines(Buffer.from(text)).map((l) => l.toString("utf8"))).toEqual(expected);
      }),
    );
  });

  it("keeps a value's bytes as read, invalid UTF-8 included; splits the key at the first separator", () => {
    const [record] = stdinRecords(Buffer.from([0x6b, 0x3a, 0xff, 0xfe, 0x3a, 0x00, 0x0a]), ":", []);
    expect(record!.key).toEqual(Buffer.from("k"));
    expect(record!.value).toEqual(Buffer.from([0xff, 0xfe, 0x3a, 0x00]));
  });

  it("gives the same records, in order, on every pass (they are made as produce sends them)", () => {
    const records = stdinRecords(Buffer.from("a:1\r\nb:2\rc:3"), ":", []);
    const pass = () => [...records].map((r) => `${r.key!.toString()}=${r.value.toString()}`);
    expect(records.length).toBe(3);
    expect(pass()).toEqual(["a=1", "b=2", "c=3"]);
    expect(pass()).toEqual(pass());
  });

  it("refuses too many lines before a line without the separator, whatever comes first", () => {
    expect(() => stdinRecords(Buffer.from("none\n" + "k:v\n".repeat(MAX_RECORDS)), ":", [])).toThrow(`more than ${MAX_RECORDS} lines on stdin`);
  });

  it("refuses more than the maximum of lines, and a line without the separator", () => {
    expect(stdinRecords(Buffer.from("x\n".repeat(MAX_RECORDS)), undefined, [])).toHaveLength(MAX_RECORDS);
    expect(() => stdinRecords(Buffer.from("x\n".repeat(MAX_RECORDS + 1)), undefined, [])).toThrow(`more than ${MAX_RECORDS} lines on stdin: write them in several runs; nothing was written`);
    expect(() => stdinRecords(Buffer.from("k:v\nnone\n"), ":", [])).toThrow('line 2 has no key separator ":": nothing was written');
  });
});
