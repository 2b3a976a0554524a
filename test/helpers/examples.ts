// The command lines of a help footer's `Examples:` block, as the shell would split them: `\` and a
// trailing `|` continue a line, `# ...` is a comment, and of a pipeline only the `exo` stage counts
// (redirections and the other stages are left out). Quotes are honoured, as in a POSIX shell.
import type { CommandDefinition } from "../../src/commands/define.js";
import type { RegisteredLeaf } from "./commands.js";

/** The example lines' words after `exo`, in the order help shows them. */
export function exampleLines(definition: Pick<CommandDefinition, "helpFooter">): string[][] {
  const block = /(?:^|\n)Examples:\n((?: {2}[^\n]*\n?)*)/.exec(definition.helpFooter ?? "")?.[1] ?? "";
  const lines = block.replace(/\\\n/g, " ").replace(/\|\n/g, "| ").split("\n");
  return lines.flatMap((line) => {
    const exo = stages(line).find((words) => words[0] === "exo");
    return exo ? [exo.slice(1)] : [];
  });
}

/** The first example that runs this command: its fault case is derived from it. */
export function firstExample({ path, definition }: RegisteredLeaf): string[] | undefined {
  return exampleLines(definition).find((words) => path.every((name, i) => words[i] === name));
}

/** The pipeline's stages, each as its words; redirections (`> f`, `< f`) dropped, a comment ends the line. */
function stages(line: string): string[][] {
  const out: string[][] = [[]];
  let word: string | undefined;
  let redirect = false;
  const end = () => {
    if (word !== undefined && !redirect) out[out.length - 1]!.push(word);
    if (word !== undefined) redirect = false;
    word = undefined;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const close = line.indexOf(c, i + 1);
      if (close < 0) throw new Error(`unbalanced quote in example: ${line}`);
      word = (word ?? "") + line.slice(i + 1, close);
      i = close;
    } else if (c === "\\") word = (word ?? "") + (line[++i] ?? "");
    else if (c === " ") end();
    else if (c === "#" && word === undefined) break;
    else if (c === "|") {
      end();
      out.push([]);
    } else if (c === ">" || c === "<") {
      end();
      // a process substitution `<(...)` ends what this reads of the line
      if (line[i + 1] === "(") return out;
      redirect = true;
    } else word = (word ?? "") + c;
  }
  end();
  return out;
}
