// The command reference, generated from the command tree and each command's own help: one Markdown
// page per command (docs/commands/) and one man page (man/, shipped in the package). `npm run docs`
// writes them; test/docs/reference.test.ts checks that the committed files are current.
import { COMMAND_TREE, isGroup, type CommandEntry, type GroupEntry } from "../../src/commands/registry.js";
import type { CommandDefinition } from "../../src/commands/define.js";
import { declaredArguments } from "../../src/commands/argument-kinds.js";
import type { ArgumentSource } from "../../src/completion/argument-source.js";
import { argumentSource } from "../../src/completion/candidates.js";
import { bufferIO } from "../../src/io.js";
import { run } from "../../src/main.js";

export const DOCS_DIR = "docs/commands";
export const MAN_DIR = "man";

interface Page {
  /** the words after `exo` */
  path: string[];
  entry: CommandEntry;
  parent?: Page;
  help: string;
  /** per positional argument, what shell completion offers for it */
  completions: Array<[argument: string, offers: string]>;
}

/** The help of `exo PATH... --help`, as a user would read it (no account, no terminal). */
async function helpOf(path: readonly string[], tree: GroupEntry): Promise<string> {
  const { io, stdout, stderr } = bufferIO({ env: { HOME: "/nonexistent-home" }, cwd: "/nonexistent-cwd", program: "exo" });
  const code = await run([...path, "--help"], io, { tree });
  if (code !== 0) throw new Error(`exo ${path.join(" ")} --help exited ${code}: ${stderr()}`);
  return stdout();
}

async function pagesOf(tree: GroupEntry): Promise<Page[]> {
  const pages: Page[] = [];
  const visit = async (entry: CommandEntry, path: string[], parent?: Page) => {
    const definition = isGroup(entry) || path.length === 0 ? undefined : (await entry.load()).default;
    const page: Page = { path, entry, parent, help: await helpOf(path, tree), completions: completionsOf(definition) };
    pages.push(page);
    if (isGroup(entry)) for (const child of entry.children) await visit(child, [...path, child.name], page);
  };
  await visit(tree, []);
  return pages;
}

const OFFERS: Partial<Record<ArgumentSource["kind"], string>> = {
  services: "the services of the zone (-z, else the account's default zone), listed from the API",
  "service-types": "the service types, listed from the API",
  plans: "the plans of the service type given before it, listed from the API",
  users: "the users of the service given before it, listed from the API",
  "endpoint-types": "the external endpoint types, listed from the API",
  endpoints: "the external endpoints (of the type given before it), listed from the API",
  integrations: "the external integrations, listed from the API",
};

/** What completion offers for each positional argument, asked of completion itself (src/completion/). */
function completionsOf(definition: CommandDefinition | undefined): Page["completions"] {
  const names = definition ? declaredArguments(definition).map((a) => a.name) : [];
  return names.flatMap((name, index) => {
    const source = argumentSource({ definition, positionals: names.slice(0, index).map((n) => n.toUpperCase()) });
    if (source.kind === "none" || source.kind === "files") return [];
    const offers = source.kind === "values" ? source.values.map((v) => `\`${v}\``).join(", ") : (OFFERS[source.kind] ?? `the ${source.kind} listed from the API`);
    return [[name.toUpperCase(), offers] as [string, string]];
  });
}

const title = (page: Page) => ["exo", ...page.path].join(" ");
export const markdownName = (path: readonly string[]) => `${["exo", ...path].join("_")}.md`;
export const manName = (path: readonly string[]) => `${["exo-dbaas", ...path].join("-")}.1`;

function markdown(page: Page): string {
  const lines = [`# ${title(page)}`, "", page.entry.summary, "", "```text", page.help.trimEnd(), "```", ""];
  if (page.completions.length > 0) {
    lines.push("## Shell completion", "");
    for (const [argument, offers] of page.completions) lines.push(`- ${argument}: ${offers}`);
    lines.push("");
  }
  const children = isGroup(page.entry) ? page.entry.children : [];
  if (children.length > 0) {
    lines.push("## Commands", "");
    for (const child of children) lines.push(`- [${title(page)} ${child.name}](${markdownName([...page.path, child.name])}): ${child.summary}`);
    lines.push("");
  }
  if (page.parent) lines.push("## See also", "", `- [${title(page.parent)}](${markdownName(page.parent.path)}): ${page.parent.entry.summary}`, "");
  return lines.join("\n");
}

/** roff text: a backslash is escaped, and a line starting with a control character is not read as a request. */
const roff = (text: string) =>
  text
    .replace(/\\/g, "\\e")
    .split("\n")
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join("\n");

function manPage(page: Page): string {
  const name = manName(page.path).replace(/\.1$/, "");
  const lines = [`.TH "${name.toUpperCase()}" "1" "" "exo-dbaas" "exo-dbaas manual"`, ".SH NAME", `${name} \\- ${roff(page.entry.summary)}`, ".SH DESCRIPTION", ".nf", roff(page.help.trimEnd()), ".fi"];
  const related = [...(page.parent ? [page.parent.path] : []), ...(isGroup(page.entry) ? page.entry.children.map((c) => [...page.path, c.name]) : [])];
  if (related.length > 0) lines.push(".SH SEE ALSO", related.map((p) => `.BR ${manName(p).replace(/\.1$/, "")} (1)`).join("\n"));
  return `${lines.join("\n")}\n`;
}

/** Every file of the reference, by path from the repository's root, in the tree's order. */
export async function referenceFiles(tree: GroupEntry = COMMAND_TREE): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const page of await pagesOf(tree)) {
    files.set(`${DOCS_DIR}/${markdownName(page.path)}`, markdown(page));
    files.set(`${MAN_DIR}/${manName(page.path)}`, manPage(page));
  }
  return files;
}

/** package.json's "man": the man pages npm installs. */
export function manField(files: ReadonlyMap<string, string>): string[] {
  return [...files.keys()].filter((path) => path.startsWith(`${MAN_DIR}/`)).map((path) => `./${path}`);
}
