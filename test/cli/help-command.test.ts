// cobra's help conventions: `exo help [COMMAND…]`, "Did you mean this?" for an unknown command,
// usage lines with required arguments bare, and the `exo output` help topic.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editDistance } from "../../src/cli/suggestions.js";
import { COMMAND_TREE, isGroup, type CommandEntry, type LeafEntry } from "../../src/commands/registry.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { runCli, apiEnv } from "../helpers/run-cli.js";
import { SEED } from "../helpers/shared.js";
import { usageWords } from "../../src/commands/argument-kinds.js";

const ENV = { EXOSCALE_API_ENDPOINT: "http://127.0.0.1:1/v2" };
const run = (argv: string[]) => runCli(argv, { env: ENV });

describe("exo help [COMMAND…]", () => {
  it.each([
    [["help"], ["--help"]],
    [["help", "dbaas"], ["dbaas", "--help"]],
    [["help", "dbaas", "show"], ["dbaas", "show", "--help"]],
    [["help", "dbaas", "user", "reset-credentials"], ["dbaas", "user", "reset-credentials", "--help"]],
    [["-Q", "help", "dbaas", "type", "-O", "json", "show"], ["dbaas", "type", "show", "--help"]],
    [["help", "dbaas", "ls"], ["dbaas", "list", "--help"]],
    [["help", "output"], ["output", "--help"]],
  ])("%j prints what %j prints", async (line, same) => {
    const expected = await run(same);
    expect(expected).toMatchObject({ exitCode: 0, stderr: "" });
    expect(expected.stdout).toMatch(/^Usage: exo /);
    expect(await run(line)).toEqual(expected);
  });

  it("is listed in the root help, with the help topics apart", async () => {
    const { stdout } = await run(["help"]);
    expect(stdout).toMatch(/\n {2}help \[COMMAND\.\.\.\] +Help about any command\n/);
    expect(stdout).toContain(
      "\nAdditional help topics:\n  exo environment  Environment variables that can be used with exo\n  exo exit-codes   Exit codes used by exo\n  exo output       Output formatting usage\n",
    );
    expect(stdout.slice(stdout.indexOf("Commands:"), stdout.indexOf("Additional"))).not.toMatch(/\n {2}output /);
  });

  it("exo help help describes itself", async () => {
    const result = await run(["help", "help"]);
    expect(result).toMatchObject({ exitCode: 0, stderr: "" });
    expect(result.stdout).toMatch(/^Usage: exo help \[options\] \[COMMAND\.\.\.\]\n\nHelp about any command\n/);
  });

  it("never runs the command, whatever follows on the line", async () => {
    const emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
    try {
      const env = apiEnv(emulator);
      for (const line of [
        ["help", "dbaas", "delete", "test-kafka", "-f"],
        ["help", "dbaas", "delete", "--", "test-kafka", "-f"],
        ["help", "dbaas", "update", "test-kafka", "-f", "--kafka-enable-sasl-auth"],
      ]) {
        const result = await runCli(line, { env });
        expect(result, line.join(" ")).toMatchObject({ exitCode: 0, stderr: "" });
        expect(result.stdout).toMatch(/^Usage: exo dbaas (delete|rm|update)/);
      }
      expect(emulator.requests()).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it.each([
    [["help", "nope"], 'error: unknown command "nope" for "exo"\n'],
    [["help", "dbaas", "shwo"], 'Did you mean this?\n\tshow\n\nerror: unknown command "shwo" for "exo dbaas"\n'],
    // help is a command of the root only, as in cobra
    [["dbaas", "help"], 'error: unknown command "help" for "exo dbaas"\n'],
  ])("%j is refused like any unknown command", async (line, stderr) => {
    expect(await run(line)).toEqual({ exitCode: 1, stdout: "", stderr });
  });
});

describe("Did you mean this?", () => {
  // cobra: a command within Levenshtein distance 2 (ignoring case), or whose name starts with the word
  it.each([
    [["dbas", "list"], "exo", ["dbaas"]],
    [["DBAAS"], "exo", ["dbaas"]],
    [["versoin"], "exo", ["version"]],
    [["comp"], "exo", ["completion"]],
    [["dbaas", "shwo", "test-kafka"], "exo dbaas", ["show"]],
    [["dbaas", "c"], "exo dbaas", ["acl", "ca-certificate", "create", "credentials"]],
    [["dbaas", "usre", "list"], "exo dbaas", ["user"]],
    [["dbaas", "type", "lst"], "exo dbaas type", ["list"]],
    [["dbaas", "user", "reset"], "exo dbaas user", ["reset-credentials"]],
    [["dbaas", "acl", "creat"], "exo dbaas acl", ["create"]],
    [["-z", "de-muc-1", "dbas"], "exo", ["dbaas"]],
    // help topics are not suggested (cobra: not an available command)
    [["outpt"], "exo", []],
    [["kafka"], "exo", []],
    [["dbaas", "shows-all"], "exo dbaas", []],
  ])("%j", async (line, where, suggestions) => {
    const word = line.find((w, i) => !w.startsWith("-") && line[i - 1] !== "-z" && !["dbaas", "type", "user", "acl"].includes(w))!;
    const block = suggestions.length ? `Did you mean this?\n${suggestions.map((s) => `\t${s}\n`).join("")}\n` : "";
    expect(await run(line)).toEqual({ exitCode: 1, stdout: "", stderr: `${block}error: unknown command "${word}" for "${where}"\n` });
  });

  it("escapes the typed word and suggests only command names", async () => {
    expect(await run(["db\x1bas"])).toEqual({ exitCode: 1, stdout: "", stderr: 'Did you mean this?\n\tdbaas\n\nerror: unknown command "db\\x1bas" for "exo"\n' });
  });

  it("an empty word is a prefix of every command, as in cobra", async () => {
    expect((await run([""])).stderr).toBe('Did you mean this?\n\tcompletion\n\tdbaas\n\tversion\n\nerror: unknown command "" for "exo"\n');
  });

  // distances computed by Go over the lower-cased strings' bytes
  it.each([
    ["dbas", "dbaas", 1],
    ["nope", "type", 2],
    ["DBAAS", "dbaas", 0],
    ["é", "e", 2],
    ["shwo", "show", 2],
    ["", "acl", 3],
    ["usre", "user", 2],
    ["ÉA", "éa", 0],
    ["credentails", "credentials", 2],
  ])("editDistance(%j, %j) = %d", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

const leaves: { path: string[]; entry: LeafEntry }[] = [];
const walk = (entry: CommandEntry, path: string[]) => {
  if (isGroup(entry)) for (const child of entry.children) walk(child, [...path, child.name]);
  else if (!entry.topic) leaves.push({ path, entry });
};
walk(COMMAND_TREE, []);

describe("usage lines", () => {
  it.each(leaves.map(({ path, entry }) => [path.join(" "), path, entry] as const))("%s: required arguments bare, optional ones in brackets", async (_name, path, entry) => {
    const definition = (await entry.load()).default;
    const name = [path.at(-1), ...(entry.aliases ?? [])].join("|");
    const words = usageWords(definition);
    const { stdout } = await run([...path, "--help"]);
    expect(stdout.split("\n")[0]).toBe(["Usage: exo", ...path.slice(0, -1), name, "[options]", ...words].join(" "));
  });

  it.each([
    [["dbaas", "show"], "Usage: exo dbaas show [options] NAME"],
    [["dbaas", "create"], "Usage: exo dbaas create|add [options] TYPE PLAN NAME"],
    [["dbaas", "update"], "Usage: exo dbaas update [options] NAME"],
    [["dbaas", "user", "show"], "Usage: exo dbaas user show [options] NAME USERNAME"],
    [["dbaas", "acl", "delete"], "Usage: exo dbaas acl delete [options] NAME ACL-ID"],
  ])("%j", async (path, usage) => {
    expect((await run([...path, "--help"])).stdout.split("\n")[0]).toBe(usage);
  });

  it("create and update still print --help-kafka without arguments, and only with it", async () => {
    for (const verb of ["create", "update"]) {
      const result = await run(["dbaas", verb, "--help-kafka"]);
      expect(result).toMatchObject({ exitCode: 0, stderr: "" });
      expect(result.stdout).toContain("--kafka-enable-sasl-auth");
      const missing = verb === "create" ? "arguments TYPE, PLAN, NAME" : "argument NAME";
      expect(await run(["dbaas", verb, "--help-kafka=false"])).toEqual({ exitCode: 1, stdout: "", stderr: `error: missing ${missing}, run with --help for usage\n` });
    }
    expect(await run(["dbaas", "create", "kafka", "startup-2"])).toEqual({ exitCode: 1, stdout: "", stderr: "error: missing argument NAME, run with --help for usage\n" });
  });
});

describe("exo output", () => {
  it("is a help topic: exo output, exo output --help and exo help output print it", async () => {
    const topic = await run(["output"]);
    expect(topic).toMatchObject({ exitCode: 0, stderr: "" });
    expect(await run(["output", "--help"])).toEqual(topic);
    expect(topic.stdout).toMatch(/^Usage: exo output \[options\]\n\n/);
    expect(topic.stdout.split("\n").filter((line) => line.length > 80)).toEqual([]);
    for (const fact of ["-O/--output-format", "table", "json", "text", "--output-template", "https://pkg.go.dev/text/template", "Supported output template annotations"]) {
      expect(topic.stdout).toContain(fact);
    }
    expect(await run(["output", "extra"])).toEqual({ exitCode: 1, stdout: "", stderr: 'error: unexpected argument "extra" (usage: exo output)\n' });
  });

  it("shows the seed's certificate and key templates among its examples", async () => {
    const { stdout } = await run(["output"]);
    const examples = stdout.slice(stdout.indexOf("\nExamples:\n")).replace(/ \\\n\s+/g, " ");
    const seedTemplates = readFileSync(SEED, "utf8").match(/--output-template '\{\{\.Kafka\.[^']*\}\}'/g) ?? [];
    expect(seedTemplates.length).toBeGreaterThanOrEqual(3);
    for (const template of seedTemplates) expect(examples).toContain(template);
    expect(examples).toContain("> test-kafka_cert.pem");
  });

  describe("its examples do what it says, against the emulator", () => {
    let emulator: Emulator;
    let env: Record<string, string>;
    beforeAll(async () => {
      emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
      env = apiEnv(emulator);
    });
    afterAll(() => emulator.close());

    it("text: TAB-separated fields, one line per item; templates per item with a new line, once without", async () => {
      const text = await runCli(["dbaas", "list", "-O", "text"], { env });
      expect(text.stdout).toMatch(/^test-kafka\tkafka\t\S+\tde-muc-1\n/);
      const listed = await runCli(["dbaas", "list", "--output-template", "{{.Name}} {{.Zone}}"], { env });
      expect(listed.stdout).toMatch(/^test-kafka de-muc-1\n/);
      const cert = await runCli(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Kafka.ConnectionInfo.AccessCert}}"], { env });
      expect(cert.stdout).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]*-----END CERTIFICATE-----\n?$/);
      const name = await runCli(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Name}}", "-O", "json"], { env });
      expect(name.stdout).toBe("test-kafka");
      const json = JSON.parse((await runCli(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "-O", "json"], { env })).stdout);
      expect(typeof json.kafka.version).toBe("string");
    });
  });
});
