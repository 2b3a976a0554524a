// Finding the command on a line whose flags may come anywhere, before or after the command words,
// as with exo (cobra parses the whole line with the final command's flags).
import { findChild, isGroup, type CommandEntry, type GroupEntry, type LeafEntry } from "../commands/registry.js";
import { UsageError } from "../errors.js";
import { goQuote } from "../go/quote.js";
import { takesBooleanWord, takesValue } from "./flag-words.js";

export interface Located {
  /** argv indices of the command words */
  indices: number[];
  /** the entries those words name, outermost first */
  path: CommandEntry[];
  leaf?: LeafEntry;
}

/** Finds the command words, skipping flags (and the values of the flags known to take one). */
export function locate(argv: readonly string[], tree: GroupEntry): Located {
  const indices: number[] = [];
  const entries: CommandEntry[] = [];
  let node: GroupEntry = tree;
  const path = ["exo"];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--") break;
    if (token.startsWith("-") && token !== "-") {
      // a value flag's value, and a boolean's Go spelling (see booleans.ts), are not command words
      if (takesValue(token) || takesBooleanWord(token, argv[i + 1])) i++;
      continue;
    }
    const child: CommandEntry | undefined = findChild(node, token);
    if (!child) {
      if (token === "help") break;
      throw new UsageError(`unknown command ${goQuote(token)} for ${goQuote(path.join(" "))}`);
    }
    indices.push(i);
    entries.push(child);
    path.push(child.name);
    if (!isGroup(child)) return { indices, path: entries, leaf: child };
    node = child;
  }
  return { indices, path: entries };
}
