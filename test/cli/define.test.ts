// The command-definition contract: arguments, flag kinds, flags anywhere, output and exit codes.
import { describe, expect, it } from "vitest";
import { defineCommand, flag, zoneFlag } from "../../src/commands/define.js";
import type { GroupEntry } from "../../src/commands/registry.js";
import { OperationTimeoutError } from "../../src/api/operation.js";
import { fixedOutput } from "../../src/output/model.js";
import { runCli } from "../helpers/run-cli.js";

const echo = defineCommand({
  args: { name: "service" },
  optionalArgs: { extra: "new topic" },
  options: {
    zone: zoneFlag("Database Service zone"),
    force: flag.bool("force", { short: "f" }),
    limit: flag.int("limit", { default: 10 }),
    ipFilter: flag.list("ip-filter"),
    plan: flag.string("plan", { hidden: true }),
  },
  async run(ctx, args, opts) {
    return JSON.stringify({ args, opts, set: [...ctx.flagsSet].sort(), quiet: ctx.globals.quiet, format: ctx.globals.outputFormat ?? null }) + "\n";
  },
});

const tree: GroupEntry = {
  name: "exo",
  summary: "test",
  children: [
    {
      name: "dbaas",
      summary: "dbaas",
      children: [
        { name: "echo", aliases: ["e"], summary: "echo", load: async () => ({ default: echo }) },
        { name: "fixed", summary: "fixed", load: async () => ({ default: defineCommand({ run: async () => fixedOutput("FIXED") }) }) },
        {
          name: "slow",
          summary: "slow",
          load: async () => ({
            default: defineCommand({
              run: async (ctx) =>
                ctx.progress("Waiting...", async () => {
                  throw new OperationTimeoutError({ id: "op-9", state: "pending" }, 61_000);
                }),
            }),
          }),
        },
        {
          name: "drop",
          summary: "a declared confirmation and check",
          load: async () => ({
            default: defineCommand({
              args: { name: "service" },
              options: { force: flag.bool("force", { short: "f" }), dryRun: flag.bool("dry-run") },
              confirms: { verb: "drop", subject: (args) => args.name, when: (opts) => !opts.dryRun },
              async run(ctx, args, opts) {
                if (opts.dryRun) return "dry\n";
                await ctx.zone("de-fra-1");
                await ctx.confirmChange(`Drop ${args.name}?`);
                throw new OperationTimeoutError({ id: "op-7", state: "pending" }, 2_000);
              },
            }),
          }),
        },
        {
          name: "quietly",
          summary: "progress",
          load: async () => ({ default: defineCommand({ run: async (ctx) => ctx.progress('Creating "k"...', async () => "done\n") }) }),
        },
      ],
    },
  ],
};

const parsed = async (argv: string[]) => {
  const result = await runCli(argv, { tree });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout);
};

describe("defineCommand", () => {
  it("parses arguments and flags placed anywhere, with defaults and what was set", async () => {
    const out = await parsed(["-z", "de-fra-1", "-O", "json", "dbaas", "e", "k1", "--ip-filter", "a,b", "--ip-filter=c", "-f", "--limit", "5", "x"]);
    expect(out).toEqual({
      args: { name: "k1", extra: "x" },
      opts: { zone: "de-fra-1", force: true, limit: 5, ipFilter: ["a", "b", "c"] },
      set: ["force", "ip-filter", "limit", "zone"],
      quiet: false,
      format: "json",
    });
    const defaults = await parsed(["dbaas", "echo", "k1", "--force=false", "-Q"]);
    expect(defaults.opts).toEqual({ force: false, limit: 10, ipFilter: [] });
    expect(defaults.quiet).toBe(true);
    expect((await parsed(["dbaas", "echo", "k", "--ip-filter", '"1,2",3'])).opts.ipFilter).toEqual(["1,2", "3"]);
  });

  it("reports usage errors like exo", async () => {
    expect(await runCli(["dbaas", "echo", "k1", "x", "surplus"], { tree })).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: unexpected argument "surplus" (usage: exo dbaas echo NAME [EXTRA])\n',
    });
    expect(await runCli(["dbaas", "echo"], { tree })).toEqual({ exitCode: 1, stdout: "", stderr: "error: missing argument NAME, run with --help for usage\n" });
    expect((await runCli(["dbaas", "echo", "k", "--limit", "ten"], { tree })).stderr).toBe(
      'error: invalid argument "ten" for "--limit" flag: strconv.ParseInt: parsing "ten": invalid syntax\n',
    );
  });

  it("hides hidden flags from help but parses them", async () => {
    const help = await runCli(["dbaas", "echo", "--help"], { tree });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain("--ip-filter");
    expect(help.stdout).not.toContain("--plan");
    expect((await parsed(["dbaas", "echo", "k", "--plan", "p"])).opts.plan).toBe("p");
  });

  it("writes fixed output as is", async () => {
    expect(await runCli(["dbaas", "fixed", "-O", "json"], { tree })).toEqual({ exitCode: 0, stdout: "FIXED", stderr: "" });
  });

  it("exits 3 with nothing on stdout when an operation wait times out", async () => {
    const result = await runCli(["dbaas", "slow"], { tree });
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe('error: operation "op-9": still pending after 1m1s, gave up waiting\n');
  });

  it("applies a declared confirmation: refused without -f and a terminal before the account is read, asked on one, answered by -f", async () => {
    // no credentials anywhere: the refusal comes first, so nothing was read or sent
    expect(await runCli(["dbaas", "drop", "k1"], { tree })).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: refusing to drop "k1" without confirmation: stdin is not a terminal; pass -f/--force\n',
    });
    expect(await runCli(["dbaas", "drop", "k1", "--dry-run"], { tree })).toEqual({ exitCode: 0, stdout: "dry\n", stderr: "" });
    expect(await runCli(["dbaas", "drop", "k1"], { tree, terminal: true, input: ["n"] })).toEqual({ exitCode: 0, stdout: "", stderr: "Drop k1? [yN]: " });
    const forced = await runCli(["dbaas", "drop", "k1", "-f"], { tree });
    expect(forced.stderr).not.toContain("[yN]");
    expect(forced.exitCode).toBe(3);
  });

  it("shows progress on stderr unless --quiet", async () => {
    expect(await runCli(["dbaas", "quietly"], { tree })).toEqual({ exitCode: 0, stdout: "done\n", stderr: '✔ Creating "k"... 0s\n' });
    expect(await runCli(["dbaas", "quietly", "-Q"], { tree })).toEqual({ exitCode: 0, stdout: "done\n", stderr: "" });
  });
});

describe("the registry's declarations", async () => {
  const { registeredLeaves } = await import("../helpers/commands.js");
  const leaves = await registeredLeaves();

  it("a command that asks first takes -f/--force and declares its check line", () => {
    const asking = leaves.filter((leaf) => leaf.definition.confirms);
    expect(asking.map((leaf) => leaf.path.join(" ")).sort()).toEqual(["dbaas acl delete", "dbaas delete", "dbaas kafka topic delete", "dbaas update", "dbaas user delete"]);
    for (const { definition } of asking) {
      expect(Object.values(definition.options ?? {}).some((o) => o.long === "force" && o.short === "f")).toBe(true);
      expect(definition.changeCheck).toBeDefined();
    }
  });
});
