// Completion candidates on their way to a shell's command line. A name from the API is data: one
// the CLI would refuse as an argument (control characters, ".", "..", too long) or that would hide
// what it is (bidirectional overrides) is dropped; the others are written so that the shell inserts
// them as one word holding exactly the name, never as syntax (`x$(touch P)` stays a name).
import { segmentProblem } from "../api/path-segment.js";
import { terminalSafe } from "../output/terminal-text.js";
import type { Shell } from "../commands/completion-scripts.js";

/** Whether `candidate` is a name the CLI accepts and a terminal shows as it is. */
export function isCompletableName(candidate: string, maxLength?: number): boolean {
  return segmentProblem(candidate, maxLength) === undefined && terminalSafe(candidate) === candidate;
}

/** Characters no shell reads as syntax in the middle of a word; "=" is syntax at a word's start in zsh. */
const PLAIN = /^[\p{L}\p{M}\p{N}_@%+:,./-][\p{L}\p{M}\p{N}_@%+:,./=-]*$/u;

/**
 * `candidate` as the shell's completion script hands it to the command line: bash (COMPREPLY) and
 * zsh (`compadd -Q`) insert it verbatim, so every ASCII character outside PLAIN is backslash-escaped;
 * fish escapes what it inserts itself except a leading "~", so such a name is dropped there; a
 * script that does not say its shell gets plain names only. Undefined: the candidate is dropped.
 */
export function shellWord(candidate: string, shell: Shell | undefined): string | undefined {
  if (PLAIN.test(candidate)) return candidate;
  switch (shell) {
    case "bash":
    case "zsh":
      return candidate.replace(/[\x20-\x7e]/g, (c) => (/[A-Za-z0-9_@%+:,./-]/.test(c) ? c : `\\${c}`));
    case "fish":
      return candidate.startsWith("~") ? undefined : candidate;
    default:
      return undefined;
  }
}

/** The word being completed as the name it spells, for bash and zsh: their backslash escapes removed. */
export function unescapeWord(word: string, shell: Shell | undefined): string {
  return shell === "bash" || shell === "zsh" ? word.replace(/\\(.)/gsu, "$1") : word;
}
