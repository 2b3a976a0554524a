// The confirmation rule of a command declaring `confirms`: -f/--force answers it; without it and
// without a terminal on stdin, asking would hang a script or read its input, so the change is
// refused (by the context, before the account is read, so before anything is sent).
import type { CommandDefinition } from "../commands/define.js";
import type { Confirmation } from "../context.js";
import { goQuote } from "../go/quote.js";

export function confirmationOf(def: CommandDefinition, args: Record<string, string | undefined>, opts: Record<string, unknown>, flagsSet: ReadonlySet<string>): Confirmation | undefined {
  const rule = def.confirms;
  if (!rule) return undefined;
  const forceKey = Object.entries(def.options ?? {}).find(([, spec]) => spec.long === "force")?.[0];
  if (forceKey === undefined) throw new Error("a command that confirms declares -f/--force");
  const force = opts[forceKey] === true;
  if (rule.when && !rule.when(opts as never, flagsSet)) return { force };
  return { force, refusal: () => `refusing to ${rule.verb} ${goQuote(rule.subject(args as never))} without confirmation: stdin is not a terminal; pass -f/--force` };
}
