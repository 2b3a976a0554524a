// Random command lines through run(argv, io) in-process: words of the command tree, every flag,
// odd values and noise, with and without credentials. Whatever the line, run() resolves with exit
// 0 or 1, a failure is one `error:` line at the end of stderr with nothing on stdout, and no stack
// trace ever shows. No request leaves the machine: the endpoint is a loopback URL that refuses at
// once (port 1), so commands that get past their validation fail on their first request.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMAND_TREE, isGroup, type CommandEntry } from "../../src/commands/registry.js";
import type { OptionSpec } from "../../src/commands/define.js";
import { GLOBAL_FLAGS } from "../../src/cli/globals.js";
import { runCli } from "../helpers/run-cli.js";

function treeWords(): string[] {
  const words = new Set<string>();
  const walk = (entry: CommandEntry) => {
    words.add(entry.name);
    for (const alias of entry.aliases ?? []) words.add(alias);
    if (isGroup(entry)) entry.children.forEach(walk);
  };
  COMMAND_TREE.children.forEach(walk);
  return [...words];
}

async function leafFlags(): Promise<string[]> {
  const flags = new Set<string>(GLOBAL_FLAGS.flatMap((g) => [`--${g.long}`, ...(g.short ? [`-${g.short}`] : [])]));
  const walk = async (entry: CommandEntry) => {
    if (isGroup(entry)) {
      for (const child of entry.children) await walk(child);
      return;
    }
    const definition = (await entry.load()).default;
    for (const option of Object.values<OptionSpec>(definition.options ?? {})) {
      flags.add(`--${option.long}`);
      if (option.short) flags.add(`-${option.short}`);
    }
  };
  await walk(COMMAND_TREE);
  return [...flags];
}

// retried with a 1 ms backoff (the test knob), so a line that gets as far as a request costs no waiting
const ENV = { EXOSCALE_API_ENDPOINT: "http://127.0.0.1:1/v2", EXO_DBAAS_RETRY_BASE_MS: "1" };
const CREDENTIALS = { EXOSCALE_API_KEY: "EXOsoup", EXOSCALE_API_SECRET: "soup-secret-value" };

describe("random command lines", async () => {
  const words = treeWords();
  const flags = await leafFlags();
  const value = fc.oneof(
    fc.constantFrom("", "-", "--", "=", "kafka", "startup-2", "test-kafka", "json", "text", "table", "15s", "-1s", "0", "1ms", "abc", "true", "false", "{{.Name}}", "{{", "10.0.0.0/8", "de-muc-1", "été", "a,b", '"q"'),
    fc.string({ maxLength: 10 }),
  );
  const flagToken = fc.oneof(
    fc.constantFrom(...flags),
    fc.tuple(fc.constantFrom(...flags.filter((f) => f.startsWith("--"))), value).map(([f, v]) => `${f}=${v}`),
    fc.constantFrom("--help", "-h", "--version", "--nope", "-x", "-zQ", "---", "--=x"),
  );
  const token = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...words) }, { weight: 3, arbitrary: flagToken }, { weight: 2, arbitrary: value });
  // a real command path first, most of the time, so leaves' own parsing is reached
  const paths = fc.constantFrom(["version"], ["completion"], ["dbaas"], ["dbaas", "show"], ["dbaas", "list"], ["dbaas", "type", "show"], ["dbaas", "update"], ["dbaas", "create"], ["dbaas", "user", "create"], ["dbaas", "acl", "create"], ["dbaas", "credentials", "download"], [] as string[]);
  const argv = fc.tuple(paths, fc.array(token, { maxLength: 7 })).map(([path, rest]) => [...path, ...rest]);

  it("always ends with exit 0 or 1 and a clean stderr", async () => {
    const seen = { ok: 0, failed: 0 };
    await fc.assert(
      fc.asyncProperty(argv, fc.boolean(), async (args, withCredentials) => {
        const result = await runCli(args, { env: withCredentials ? { ...ENV, ...CREDENTIALS } : ENV });
        expect(result.stderr).not.toContain(CREDENTIALS.EXOSCALE_API_SECRET);
        expect([0, 1]).toContain(result.exitCode);
        expect(result.stderr).not.toMatch(/\n\s+at |TypeError|ReferenceError|undefined is not|Cannot read prop/);
        if (result.exitCode === 1) {
          seen.failed++;
          expect(result.stdout).toBe("");
          // usage help may precede the error; the error itself is the last line (an API error may list details)
          expect(result.stderr).toMatch(/(^|\n)error: [^\n]*(\n  - [^\n]*)*\n$/);
        } else seen.ok++;
      }),
      { numRuns: 400 },
    );
    expect(seen.ok).toBeGreaterThan(10);
    expect(seen.failed).toBeGreaterThan(10);
  }, 60_000);

  it("help of every command is on stdout with exit 0", async () => {
    const paths: string[][] = [];
    const walk = (entry: CommandEntry, path: string[]) => {
      paths.push(path);
      if (isGroup(entry)) for (const child of entry.children) walk(child, [...path, child.name]);
    };
    walk(COMMAND_TREE, []);
    for (const path of paths) {
      const result = await runCli([...path, "--help"], { env: ENV });
      expect({ path, exitCode: result.exitCode, stderr: result.stderr }).toEqual({ path, exitCode: 0, stderr: "" });
      expect(result.stdout).toMatch(/Usage:|USAGE|Available Commands|Options|Flags/i);
    }
  });
});
