// Boolean flags as pflag reads them: a typed --no-<flag> is an unknown flag; short flags in a group,
// with a Go spelling after the group being the value of its last flag.
import { describe, expect, it } from "vitest";
import { takesBooleanWord, takesValue } from "../../src/cli/flag-words.js";
import { defineCommand, flag, zoneFlag } from "../../src/commands/define.js";
import type { GroupEntry } from "../../src/commands/registry.js";
import { runCli } from "../helpers/run-cli.js";

const options = {
  zone: zoneFlag(),
  force: flag.bool("force", { short: "f" }),
  sasl: flag.bool("kafka-enable-sasl-auth"),
};
let runs = 0;
const echo = defineCommand({
  optionalArgs: { name: "service" },
  options,
  async run(ctx, args, opts) {
    runs++;
    return `${JSON.stringify({ name: args.name ?? null, ...opts, quiet: ctx.globals.quiet, set: [...ctx.flagsSet].sort() })}\n`;
  },
});
const tree: GroupEntry = { name: "exo", summary: "test", children: [{ name: "echo", summary: "echo", load: async () => ({ default: echo }) }] };

const ran = async (...line: string[]) => {
  const result = await runCli(["echo", ...line], { tree });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout);
};

describe("a typed --no-<flag> is an unknown flag, as in pflag", () => {
  it.each([
    [["--no-force"], "unknown flag: --no-force"],
    [["--no-force=false"], "unknown flag: --no-force"],
    [["k1", "--no-kafka-enable-sasl-auth"], "unknown flag: --no-kafka-enable-sasl-auth"],
    [["--no-quiet"], "unknown flag: --no-quiet"],
    // the first unknown flag on the line is the one named
    [["--nope", "--no-force"], "unknown flag: --nope"],
    [["--no-force", "--nope"], "unknown flag: --no-force"],
  ])("%j", async (line, message) => {
    const before = runs;
    expect(await runCli(["echo", ...line], { tree })).toEqual({ exitCode: 1, stdout: "", stderr: `error: ${message}\n` });
    expect(runs).toBe(before);
  });

  it("--x=false still gives an explicit false", async () => {
    expect(await ran("--force=false", "--kafka-enable-sasl-auth", "F")).toMatchObject({ force: false, sasl: false, set: ["force", "kafka-enable-sasl-auth"] });
    expect(await ran()).toMatchObject({ force: false, sasl: false, quiet: false, set: [] });
  });
});

describe("short flags in a group", () => {
  it.each([
    [["-fQ"], { force: true, quiet: true, name: null }],
    [["-Qf"], { force: true, quiet: true, name: null }],
    [["-fQ", "0"], { force: true, quiet: false, name: null }],
    [["-Qf", "false"], { force: false, quiet: true, name: null }],
    [["-fQ=F", "k1"], { force: true, quiet: false, name: "k1" }],
    [["-fQ", "k1"], { force: true, quiet: true, name: "k1" }],
    [["-fQ", "0", "k1"], { force: true, quiet: false, name: "k1" }],
    [["-fz", "de-fra-1", "k1"], { force: true, zone: "de-fra-1", name: "k1" }],
    [["-fzde-fra-1", "k1"], { force: true, zone: "de-fra-1", name: "k1" }],
    // pflag: `-z=V` is V, `-z=` is "="
    [["-Qfz=de-fra-1"], { force: true, quiet: true, zone: "de-fra-1" }],
    [["-z=de-fra-1"], { zone: "de-fra-1" }],
    [["-z="], { zone: "=" }],
    // a value flag takes the next word whatever it is, as pflag does
    [["--zone", "-f", "k1"], { force: false, zone: "-f", name: "k1" }],
    [["-z", "-Q"], { quiet: false, zone: "-Q" }],
    // the last value given wins
    [["-fQ", "-f=0"], { force: false, quiet: true }],
  ])("%j", async (line, expected) => {
    expect(await ran(...line)).toMatchObject(expected);
  });

  it.each([
    [["-fQ=maybe"], 'invalid argument "maybe" for "-Q" flag: strconv.ParseBool: parsing "maybe": invalid syntax (accepted: true, false, 1, 0, t, f, T, F, TRUE, FALSE, True, False)'],
    [["-f="], 'invalid argument "" for "-f" flag: strconv.ParseBool: parsing "": invalid syntax (accepted: true, false, 1, 0, t, f, T, F, TRUE, FALSE, True, False)'],
    [["-fQ", "maybe", "k1"], 'unexpected argument "k1" (usage: exo echo [NAME])'],
    // pflag v1.0.6 names what is left of the group once its known flags are read (checked with Go)
    [["-fx"], "unknown shorthand flag: 'x' in -x"],
    [["-fQx"], "unknown shorthand flag: 'x' in -x"],
    [["-Qfx"], "unknown shorthand flag: 'x' in -x"],
    [["-fxQ"], "unknown shorthand flag: 'x' in -xQ"],
    [["-xf"], "unknown shorthand flag: 'x' in -xf"],
  ])("%j is refused", async (line, message) => {
    expect(await runCli(["echo", ...line], { tree })).toEqual({ exitCode: 1, stdout: "", stderr: `error: ${message}\n` });
  });

  it("completion and command lookup read a group as running does", () => {
    const specs = Object.values(options);
    expect(takesBooleanWord("-fQ", "0", specs)).toBe(true);
    expect(takesBooleanWord("-fQ", "k1", specs)).toBe(false);
    expect(takesBooleanWord("-fz", "0", specs)).toBe(false);
    expect(takesValue("-fz", specs)).toBe(true);
    expect(takesValue("-Qz", [])).toBe(true);
    expect(takesValue("-zf", specs)).toBe(false);
    expect(takesValue("-fQ", specs)).toBe(false);
    expect(takesBooleanWord("-fx", "0", specs)).toBe(false);
  });
});
