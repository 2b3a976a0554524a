// Every example of every help page is a line the CLI takes: read by the CLI's own argument layer
// (flags known to the command, the right number of arguments, each fit for its kind, values of
// the right type, a template that parses), it reaches the command it names. Only the commands'
// `run` is replaced, by one that says which command ran, so nothing is sent anywhere.
import { describe, expect, it } from "vitest";
import { COMMAND_TREE, isGroup, type CommandEntry, type GroupEntry } from "../../src/commands/registry.js";
import { runCli } from "../helpers/run-cli.js";
import { exampleLines } from "../helpers/examples.js";

/** The tree with each command's run replaced by one printing its path. */
function reportingTree(group: GroupEntry, path: string[] = []): GroupEntry {
  const children = group.children.map((entry): CommandEntry => {
    if (isGroup(entry)) return reportingTree(entry, [...path, entry.name]);
    const name = [...path, entry.name].join(" ");
    return { ...entry, load: async () => ({ default: { ...(await entry.load()).default, run: async () => `ran ${name}\n` } }) };
  });
  return { ...group, children };
}

/** Each help page's examples, by the page's command (help topics included). */
async function examplesByPage(group: GroupEntry = COMMAND_TREE, path: string[] = []): Promise<Array<[string, string[]]>> {
  const pages = await Promise.all(
    group.children.map(async (entry): Promise<Array<[string, string[]]>> => {
      if (isGroup(entry)) return examplesByPage(entry, [...path, entry.name]);
      const page = [...path, entry.name].join(" ");
      return exampleLines((await entry.load()).default).map((line) => [page, line]);
    }),
  );
  return pages.flat();
}

const TREE = reportingTree(COMMAND_TREE);
const EXAMPLES = await examplesByPage();

/** The leaf a line names: its leading words that are commands (no alias appears in an example). */
function commandOf(line: readonly string[]): string {
  const words: string[] = [];
  let group: GroupEntry | undefined = COMMAND_TREE;
  for (const word of line) {
    const entry: CommandEntry | undefined = group?.children.find((c) => c.name === word);
    if (!entry) break;
    words.push(word);
    group = isGroup(entry) ? entry : undefined;
  }
  return words.join(" ");
}

describe("help examples run as written", () => {
  it("finds the examples", () => {
    expect(EXAMPLES.length).toBeGreaterThan(60);
  });

  it.each(EXAMPLES.map(([page, line]) => [page, line.join(" "), line] as const))("%s: exo %s", async (_page, _text, line) => {
    // a terminal, as a user typing the example: a command that asks first asks rather than refusing
    const result = await runCli(line, { tree: TREE, terminal: true, env: { EXOSCALE_ZONE: "de-muc-1" } });
    expect(result).toEqual({ exitCode: 0, stdout: `ran ${commandOf(line)}\n`, stderr: "" });
  });
});

describe("an Examples block read as a shell reads it", () => {
  const footer = `
Examples:
  # a comment line
  exo a b -z 'x y' \\
    --flag "q r"   # trailing comment
  printf 'm\\n' |
    exo c d > out.txt
  source <(exo e f)
  exo g < in.txt | cut -f1

Not an example:
  exo h
`;
  it("joins continued lines, keeps the exo stage of a pipeline, drops comments and redirections", () => {
    expect(exampleLines({ helpFooter: footer })).toEqual([["a", "b", "-z", "x y", "--flag", "q r"], ["c", "d"], ["g"]]);
  });
});
