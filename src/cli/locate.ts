// Finding the command on a line whose flags may come anywhere, before or after the command words,
// as with exo (cobra parses the whole line with the final command's flags).
import { findChild, isGroup, type CommandEntry, type GroupEntry, type LeafEntry } from "../commands/registry.js";
import { UnknownCommandError } from "../errors.js";
import { goQuote } from "../go/quote.js";
import { takesBooleanWord, takesValue } from "./flag-words.js";
import { suggestionsFor } from "./suggestions.js";

/** cobra's help command: `exo help [COMMAND…]` is `exo COMMAND… --help`. */
export const HELP_COMMAND = "help";

export interface Located {
  /** argv indices of the command words */
  indices: number[];
  /** the entries those words name, outermost first */
  path: CommandEntry[];
  leaf?: LeafEntry;
  /** `exo help …`: the argv index of `help`, and whether it asks for the help of `help` itself */
  help?: { index: number; itself: boolean };
}

/** Finds the command words, skipping flags (and the values of the flags known to take one). */
export function locate(argv: readonly string[], tree: GroupEntry): Located {
  const indices: number[] = [];
  const entries: CommandEntry[] = [];
  let help: Located["help"];
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
    if (!child && token === HELP_COMMAND && node === tree) {
      // `help` is a command of the root only, as in cobra; `exo help help` is its own help
      if (help) return { indices, path: entries, help: { ...help, itself: true } };
      help = { index: i, itself: false };
      continue;
    }
    if (!child) throw new UnknownCommandError(`unknown command ${goQuote(token)} for ${goQuote(path.join(" "))}`, suggestionsFor(node, token));
    indices.push(i);
    entries.push(child);
    path.push(child.name);
    // `exo help dbaas show extra`, as `exo dbaas show extra --help`, shows the help of show
    if (!isGroup(child)) return { indices, path: entries, leaf: child, help };
    node = child;
  }
  return { indices, path: entries, help };
}
