// The CLI's global behaviour (version, global flags, the command context), in-process against the emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { runCli, apiEnv } from "../helpers/run-cli.js";
import pkg from "../../package.json" with { type: "json" };

let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, operationDelayMs: 0 });
  env = apiEnv(emulator);
});
afterAll(() => emulator.close());

describe("global command line behaviour", () => {
  it("prints this program's version, its commit (dev from the sources) and the exo release it answers for", async () => {
    const line = `exo-dbaas ${pkg.version} (dev), compatible with exo 1.97.0\n`;
    expect(await runCli(["version"])).toEqual({ exitCode: 0, stdout: line, stderr: "" });
    expect(await runCli(["--version"])).toEqual({ exitCode: 0, stdout: line, stderr: "" });
  });

  it("prints the version as one JSON object with -O json, also for --version", async () => {
    const json = `{"name":"exo-dbaas","version":"${pkg.version}","commit":"dev","exo":"1.97.0"}\n`;
    expect(await runCli(["version", "-O", "json"])).toEqual({ exitCode: 0, stdout: json, stderr: "" });
    expect(await runCli(["--version", "-O", "json"])).toEqual({ exitCode: 0, stdout: json, stderr: "" });
    expect(await runCli(["-O", "text", "version"])).toEqual({ exitCode: 0, stdout: expect.stringMatching(/^exo-dbaas /), stderr: "" });
  });

  it.each([
    [["dbaas", "ca-certificate", "--foo"], "error: unknown flag: --foo\n"],
    [["dbaas", "ca-certificate", "-x"], "error: unknown shorthand flag: 'x' in -x\n"],
    [["dbaas", "ca-certificate", "--zone"], "error: flag needs an argument: --zone\n"],
    [["dbaas", "nope"], 'Did you mean this?\n\ttype\n\nerror: unknown command "nope" for "exo dbaas"\n'],
    [["--timeout", "0", "version"], "error: --timeout must be a positive duration (e.g. 15s), or -1s to disable\n"],
    [["version", "--timeout=abc"], 'error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"\n'],
    [["version", "--quiet=maybe"], 'error: invalid argument "maybe" for "--quiet" flag: strconv.ParseBool: parsing "maybe": invalid syntax (accepted: true, false, 1, 0, t, f, T, F, TRUE, FALSE, True, False)\n'],
  ])("%j", async (argv, stderr) => {
    expect(await runCli(argv)).toEqual({ exitCode: 1, stdout: "", stderr });
  });

  it("never loads the configuration for version or help", async () => {
    const broken = { EXOSCALE_CONFIG: "/does/not/exist.toml" };
    expect((await runCli(["version"], { env: broken })).exitCode).toBe(0);
    expect((await runCli(["dbaas", "ca-certificate", "--help"], { env: broken })).exitCode).toBe(0);
    expect(await runCli(["dbaas", "ca-certificate"], { env: broken })).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "error: stat /does/not/exist.toml: no such file or directory\n",
    });
  });

  it("accepts -1s and flags anywhere", async () => {
    expect((await runCli(["--timeout", "-1s", "-Q", "version", "-O", "json", "--quiet=false"])).exitCode).toBe(0);
  });

  it("prints help on stdout for a group", async () => {
    const result = await runCli(["dbaas", "--help"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("ca-certificate");
    expect(result.stderr).toBe("");
  });
});

describe("command context", () => {
  it("lists the zones the API knows and resolves the default zone", async () => {
    const { createContext } = await import("../../src/context.js");
    const { bufferIO } = await import("../../src/io.js");
    const ctx = createContext({ io: bufferIO({ env: { ...env, EXOSCALE_ZONE: "at-vie-2", HOME: "/nonexistent-home" } }).io, globals: { quiet: true, timeoutMs: 15000 } });
    expect(await ctx.listZones()).toContain("de-muc-1");
    expect(await ctx.zone()).toBe("at-vie-2");
    expect(await ctx.zone("ch-gva-2")).toBe("ch-gva-2");
    const client = await ctx.client("de-fra-1", { deadlineMs: 5000 });
    expect(client.endpoint).toBe(emulator.url);
    expect(await ctx.client("de-fra-1", { deadlineMs: 5000 })).toBe(client);
    expect(await ctx.outputFormat()).toBe("table");
  });
});
