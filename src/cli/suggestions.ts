// "Did you mean this?" for an unknown command word, as cobra (and so exo) computes and prints it:
// a command whose name is within Levenshtein distance 2 of the word, or starts with it, both
// ignoring case; the distance counts UTF-8 bytes, as Go's string indexing does.
import type { GroupEntry } from "../commands/registry.js";

/** cobra's SuggestionsMinimumDistance default */
const MAX_DISTANCE = 2;

const utf8 = new TextEncoder();

/** Edit distance between the UTF-8 bytes of `a` and `b`, lower-cased. */
export function editDistance(a: string, b: string): number {
  const s = utf8.encode(a.toLowerCase());
  const t = utf8.encode(b.toLowerCase());
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = s[i - 1] === t[j - 1] ? previous[j - 1]! : 1 + Math.min(previous[j]!, current[j - 1]!, previous[j - 1]!);
    }
    previous = current;
  }
  return previous[t.length]!;
}

/** The commands of `group` to suggest for `word`, in name order; help topics are not suggested. */
export function suggestionsFor(group: GroupEntry, word: string): string[] {
  return group.children
    .filter((c) => !("topic" in c && c.topic))
    .map((c) => c.name)
    .filter((name) => editDistance(word, name) <= MAX_DISTANCE || name.toLowerCase().startsWith(word.toLowerCase()))
    .sort();
}

/**
 * cobra's block, in its words and layout, printed before the error line (exo prints it after, as
 * part of the error; here the `error:` line is always the last line of stderr). Empty without
 * suggestions.
 */
export function suggestionLines(names: readonly string[]): string {
  return names.length === 0 ? "" : `Did you mean this?\n${names.map((n) => `\t${n}\n`).join("")}\n`;
}
