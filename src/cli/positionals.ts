// A command's positional arguments: exactly the ones it declares, each fit to be a URL path segment
// (see src/api/path-segment.ts), checked before the command runs.
import { SEGMENT_MAX_LENGTH, segmentProblem, type SegmentKind } from "../api/path-segment.js";
import type { CommandDefinition } from "../commands/define.js";
import { missingArguments, UsageError } from "../errors.js";
import { goQuote } from "../go/quote.js";

/** What a declared argument names: the command's own word for it, else the usual one for its name. */
function segmentKind(def: CommandDefinition, name: string): SegmentKind | undefined {
  const declared = def.argumentKinds?.[name];
  if (declared) return declared;
  if (name === "name" || name === "service") return "service name";
  if (name === "username" || name === "old" || name === "new") return "username";
  if (name === "acl-id") return "ACL id";
  return undefined;
}

/**
 * The words as the command's named arguments; `requiredOptional`: the required ones may be missing.
 * @throws UsageError naming a surplus or unfit word
 */
export function checkPositionals(commandPath: string, def: CommandDefinition, words: readonly string[], requiredOptional = false): Record<string, string | undefined> {
  const required = def.args ?? [];
  const names = [...required, ...(def.optionalArgs ?? [])];
  if (words.length > names.length) {
    const usage = [commandPath, ...names.map((n, i) => (i < required.length ? n.toUpperCase() : `[${n.toUpperCase()}]`))].join(" ");
    throw new UsageError(`unexpected argument ${goQuote(words[names.length]!)} (usage: ${usage})`);
  }
  if (words.length < required.length && !requiredOptional) throw missingArguments(required.slice(words.length));
  const args: Record<string, string | undefined> = {};
  names.forEach((name, i) => {
    const word = words[i];
    args[name] = word;
    if (word === undefined) return;
    const kind = segmentKind(def, name);
    const problem = segmentProblem(word, kind ? SEGMENT_MAX_LENGTH[kind] : undefined);
    if (problem !== undefined) throw new UsageError(`invalid ${kind ?? name} ${goQuote(word)}: ${problem}`);
  });
  return args;
}
