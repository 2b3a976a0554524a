// --help of every command: exit 0, nothing on stderr, every line within 80 columns; every command
// has an Examples section with a line running that command; every command
// line of the seed document appears among the examples of the command it runs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMAND_TREE, isGroup, type CommandEntry, type LeafEntry } from "../../src/commands/registry.js";
import { runCli } from "../helpers/run-cli.js";
import { SEED } from "../helpers/shared.js";

const ENV = { EXOSCALE_API_ENDPOINT: "http://127.0.0.1:1/v2" };
/** commands without a meaningful example */
const NO_EXAMPLES = new Set(["version"]);

const groups: string[][] = [];
const leaves: { path: string[]; entry: LeafEntry }[] = [];
const walk = (entry: CommandEntry, path: string[]) => {
  if (isGroup(entry)) {
    groups.push(path);
    for (const child of entry.children) walk(child, [...path, child.name]);
  } else if (!entry.name.startsWith("__") && !entry.topic) leaves.push({ path, entry });
};
walk(COMMAND_TREE, []);

async function help(path: string[]): Promise<string> {
  const result = await runCli([...path, "--help"], { env: ENV });
  expect({ path, exitCode: result.exitCode, stderr: result.stderr }).toEqual({ path, exitCode: 0, stderr: "" });
  return result.stdout;
}

/** The example commands of a help text, continuation lines joined, comments and redirections left out. */
function examples(text: string): string[] {
  const section = /\nExamples:\n((?:  .*\n|\n)*)/.exec(text)?.[1] ?? "";
  const joined = section.replace(/ \\\n\s+/g, " ");
  return joined
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("exo ") || line.includes("<(exo ") || line.startsWith("source "))
    .map((line) => line.replace(/\s+#.*$/, ""));
}

describe("--help", () => {
  it("found the commands", () => {
    expect(leaves.length).toBeGreaterThanOrEqual(20);
  });

  it.each(groups.map((path) => [path.join(" ") || "exo", path] as const))("%s (group): lines within 80 columns", async (_name, path) => {
    const long = (await help(path)).split("\n").filter((line) => line.length > 80);
    expect(long).toEqual([]);
  });

  it.each(leaves.map(({ path }) => [path.join(" "), path] as const))("%s: examples of itself, lines within 80 columns", async (name, path) => {
    const text = await help(path);
    expect(text.split("\n").filter((line) => line.length > 80)).toEqual([]);
    if (NO_EXAMPLES.has(name)) return;
    const list = examples(text);
    expect(list.length, `${name} --help has no Examples section`).toBeGreaterThan(0);
    // at least one example runs the command itself (that each one parses: test/cli/help-examples.test.ts)
    const own = list.filter((line) => line.startsWith(`exo ${name} `) || line === `exo ${name}` || line.includes(`exo ${name} `));
    expect(own.length).toBeGreaterThan(0);
  });

  it("every command line of the seed document is an example of the command it runs", async () => {
    const seedCommands = readFileSync(SEED, "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.startsWith("exo dbaas "));
    expect(seedCommands.length).toBeGreaterThanOrEqual(10);
    for (const command of seedCommands) {
      // the longest command path the line starts with
      const leaf = leaves
        .filter(({ path }) => command.startsWith(`exo ${path.join(" ")} `))
        .sort((a, b) => b.path.length - a.path.length)[0];
      expect(leaf, command).toBeDefined();
      const list = examples(await help(leaf!.path));
      // the seed's last command lacks its closing quote: a substring of the example
      expect(list.some((example) => example.includes(command)), `${command} not among the examples of exo ${leaf!.path.join(" ")}`).toBe(true);
    }
  });
});
