// Properties of the argument layer (src/cli/) and the Go kit under it, over random input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pathSegment, segmentProblem } from "../../src/api/path-segment.js";
import { readBooleans } from "../../src/cli/booleans.js";
import { checkPositionals } from "../../src/cli/positionals.js";
import { GO_BOOL_VALUES, parseBool } from "../../src/go/bool.js";
import { readCsvRecord } from "../../src/go/csv.js";
import { parseDuration } from "../../src/go/duration.js";
import { UsageError } from "../../src/errors.js";

const FLAGS = [
  { long: "quiet", short: "Q" },
  { long: "force", short: "f" },
  { long: "kafka-enable-sasl-auth" },
];
const plainWord = fc.string({ maxLength: 8 }).filter((w) => !w.startsWith("-") && parseBool(w) === undefined);
const read = (args: string[]) => {
  const { args: rest, values } = readBooleans(args, FLAGS);
  return { args: rest, values: Object.fromEntries(values) };
};

describe("booleans", () => {
  it("a line without boolean flags is left as it is", () => {
    fc.assert(fc.property(fc.array(plainWord, { maxLength: 8 }), (words) => void expect(read(words)).toEqual({ args: words, values: {} })));
  });

  it("a Go spelling after a boolean flag is its value, any other word stays", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FLAGS), fc.constantFrom(...GO_BOOL_VALUES), plainWord, (flag, spelling, after) => {
        const value = parseBool(spelling)!;
        expect(read([`--${flag.long}`, spelling, after])).toEqual({ args: [after], values: { [flag.long]: value } });
        expect(read([`--${flag.long}=${spelling}`, after])).toEqual({ args: [after], values: { [flag.long]: value } });
        expect(read([`--${flag.long}`, after])).toEqual({ args: [after], values: { [flag.long]: true } });
      }),
    );
  });

  it("nothing after -- is read as a flag", () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 6 }), (rest) => void expect(read(["--", ...rest])).toEqual({ args: ["--", ...rest], values: {} })));
  });

  it("in a group of short flags each is true, and a Go spelling after the group is its last flag's value", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("Q", "f"), { minLength: 1, maxLength: 4 }), fc.constantFrom(...GO_BOOL_VALUES), plainWord, (letters, spelling, after) => {
        const long = (l: string) => (l === "Q" ? "quiet" : "force");
        const last = letters.at(-1)!;
        const values = { ...Object.fromEntries(letters.map((l) => [long(l), true])), [long(last)]: parseBool(spelling)! };
        expect(read([`-${letters.join("")}`, spelling, after])).toEqual({ args: [after], values });
        expect(read([`-${letters.join("")}=${spelling}`, after])).toEqual({ args: [after], values });
      }),
    );
  });

  it("the last value given wins, as in pflag", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...GO_BOOL_VALUES), { minLength: 1, maxLength: 5 }), (spellings) => {
        const line = spellings.flatMap((v, i) => (i % 2 ? [`--force=${v}`] : ["-f", v]));
        expect(read(line)).toEqual({ args: [], values: { force: parseBool(spellings.at(-1)!) } });
      }),
    );
  });

  it("a typed --no-<flag> stays on the line, for commander to refuse as the unknown flag it is", () => {
    fc.assert(fc.property(fc.constantFrom(...FLAGS), fc.constantFrom("", "=true", "=false"), (flag, suffix) => void expect(read([`--no-${flag.long}${suffix}`])).toEqual({ args: [`--no-${flag.long}${suffix}`], values: {} })));
  });
});

/** Go's csv.Writer for one record (fields without \r, which the reader turns into \n). */
function writeCsv(fields: readonly string[]): string {
  return fields
    .map((f) => (f === "" || !/[",\n]|^[ \t]/.test(f) ? f : `"${f.replaceAll('"', '""')}"`))
    .join(",");
}

describe("CSV", () => {
  it("what Go's writer writes, the reader reads back", () => {
    const field = fc.string({ maxLength: 6, unit: fc.constantFrom("a", '"', ",", "\n", " ", "é", "\t") });
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 5 }), (fields) => {
        // a record that is one empty field, or starts with a blank line, is not one record to Go
        fc.pre(!(fields.length === 1 && fields[0] === "") && !writeCsv(fields).startsWith("\n"));
        expect(readCsvRecord(writeCsv(fields))).toEqual({ fields });
      }),
    );
  });

  it("never throws, and an error names a line and a column", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const result = readCsvRecord(text);
        if ("error" in result) expect(result.error).toMatch(/^(EOF|(record on line \d+; )?parse error on line \d+, column \d+: .+)$/);
      }),
    );
  });
});

describe("durations", () => {
  it("every int64 count of nanoseconds parses, one more does not", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }), (n) => {
        expect(parseDuration(`${n}ns`)).toEqual({ ns: n });
      }),
    );
    expect(parseDuration(`${1n << 63n}ns`)).toEqual({ error: `time: invalid duration "${1n << 63n}ns"` });
  });

  it("units add up as Go's do", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(59), fc.nat(59), (h, m, s) => {
        expect(parseDuration(`${h}h${m}m${s}s`)).toEqual({ ns: BigInt(((h * 60 + m) * 60 + s) * 1e9) });
      }),
    );
  });
});

describe("positional arguments", () => {
  const def = { args: { name: "service", username: "user" } as const, run: async () => undefined };

  it("a surplus word is refused, naming it", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 3, maxLength: 6 }), (words) => {
        expect(() => checkPositionals("exo dbaas user show", def, words)).toThrow(new UsageError(`unexpected argument "${words[2]}" (usage: exo dbaas user show NAME USERNAME)`));
      }),
    );
  });

  it("a value either is refused or becomes exactly one path segment that decodes back to it", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70, unit: fc.oneof(fc.constantFrom(".", "/", "%", "?", "#", "\n", "\x1b", "\u202e"), fc.string({ minLength: 1, maxLength: 1, unit: "binary" })) }), (value) => {
        if (segmentProblem(value, 64) !== undefined) {
          expect(() => checkPositionals("exo dbaas user show", def, ["svc", value])).toThrow(UsageError);
          return;
        }
        const segment = pathSegment("username", value);
        expect(segment).not.toMatch(/[/?#]/);
        expect(["", ".", ".."]).not.toContain(segment);
        expect(decodeURIComponent(segment)).toBe(value);
        expect(checkPositionals("exo dbaas user show", def, ["svc", value])).toEqual({ name: "svc", username: value });
      }),
    );
  });
});

describe("completion reads the line as running does", async () => {
  const { completionCandidates } = await import("../../src/completion/candidates.js");
  const lookup = {
    zones: async () => ["de-muc-1"],
    services: async () => ["test-kafka"],
    serviceTypes: async () => ["kafka"],
    plans: async () => ["startup-2"],
    users: async () => ["avnadmin"],
    endpointTypes: async () => [],
    endpoints: async () => [],
    integrations: async () => [],
    topics: async () => [],
    groups: async () => [],
  };
  it.each([
    [["dbaas", "update", "--kafka-enable-sasl-auth", "false", ""], ["test-kafka"]],
    [["dbaas", "user", "show", "-Q", "1", "test-kafka", ""], ["avnadmin"]],
    [["dbaas", "user", "show", "test-kafka", "--force", ""], ["avnadmin"]],
    [["dbaas", "user", "show", "test-kafka", "avnadmin", ""], []],
  ])("%j", async (words, expected) => {
    expect(await completionCandidates({ words, lookup })).toEqual(expected);
  });
});
