// A command's positional arguments: exactly the ones it declares, each fit to be a URL path segment
// (see src/api/path-segment.ts) by the rule of its declared kind, checked before the command runs.
import { SEGMENT_MAX_LENGTH, segmentProblem } from "../api/path-segment.js";
import { ARGUMENT_KINDS, declaredArguments, usageWords, type KindRule } from "../commands/argument-kinds.js";
import type { CommandDefinition } from "../commands/define.js";
import { missingArguments, UsageError } from "../errors.js";
import { goQuote } from "../go/quote.js";

/**
 * The words as the command's named arguments; `requiredOptional`: the required ones may be missing.
 * @throws UsageError naming a surplus or unfit word
 */
export function checkPositionals(commandPath: string, def: CommandDefinition, words: readonly string[], requiredOptional = false): Record<string, string | undefined> {
  const declared = declaredArguments(def);
  const required = declared.filter((a) => !a.optional).map((a) => a.name);
  if (words.length > declared.length) {
    throw new UsageError(`unexpected argument ${goQuote(words[declared.length]!)} (usage: ${[commandPath, ...usageWords(def)].join(" ")})`);
  }
  if (words.length < required.length && !requiredOptional) throw missingArguments(required.slice(words.length));
  const args: Record<string, string | undefined> = {};
  declared.forEach(({ name, kind }, i) => {
    const word = words[i];
    args[name] = word;
    if (word === undefined) return;
    const segment = (ARGUMENT_KINDS[kind] as KindRule).segment;
    const problem = segmentProblem(word, segment ? SEGMENT_MAX_LENGTH[segment] : undefined);
    if (problem !== undefined) throw new UsageError(`invalid ${segment ?? name} ${goQuote(word)}: ${problem}`);
  });
  return args;
}
