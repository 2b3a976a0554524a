// Finding the command on a line whose flags may come anywhere, before or after the command words,
// as with exo (cobra parses the whole line with the final command's flags).
import { findChild, isGroup, type CommandEntry, type GroupEntry, type LeafEntry } from "../commands/registry.js";
import { UsageError } from "../errors.js";
import { goQuote } from "../go/quote.js";
import { parseBool } from "../go/bool.js";
import { VALUE_FLAGS } from "./globals.js";

const GLOBAL_BOOLEANS = new Set(["--quiet", "-Q"]);

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
      if (VALUE_FLAGS.has(token) || (GLOBAL_BOOLEANS.has(token) && i + 1 < argv.length && parseBool(argv[i + 1]!) !== undefined)) i++;
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
