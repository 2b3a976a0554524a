// What a flag word on the line does to the next word, the same for running and for completion:
// a value flag takes it; a boolean flag takes it only when strconv.ParseBool accepts it. A group of
// short flags (`-fQ`, `-fz`) does what its last flag does (see booleans.ts).
import type { OptionSpec } from "../commands/define.js";
import { parseBool } from "../go/bool.js";
import { VALUE_FLAGS } from "./globals.js";

const names = (o: OptionSpec) => [`--${o.long}`, ...(o.short ? [`-${o.short}`] : [])];

const isValueFlag = (flag: string, options: readonly OptionSpec[]) => VALUE_FLAGS.has(flag) || options.some((o) => o.kind !== "boolean" && names(o).includes(flag));
const isBooleanFlag = (flag: string, options: readonly OptionSpec[]) => flag === "--quiet" || flag === "-Q" || options.some((o) => o.kind === "boolean" && names(o).includes(flag));

/** A group of short flags (`-fQ`): whether it ends with a boolean or a value flag, undefined otherwise. */
function groupEnd(flag: string, options: readonly OptionSpec[]): "boolean" | "value" | undefined {
  if (!/^-[^-=][^=]+$/.test(flag)) return undefined;
  for (let j = 1; j < flag.length; j++) {
    const letter = `-${flag[j]}`;
    if (isValueFlag(letter, options)) return j === flag.length - 1 ? "value" : undefined;
    if (!isBooleanFlag(letter, options)) return undefined;
  }
  return "boolean";
}

/** Whether `flag` (`--zone`, `-z`, `-fz`) takes the next word as its value; `options`: the command's, when known. */
export function takesValue(flag: string, options: readonly OptionSpec[] = []): boolean {
  return isValueFlag(flag, options) || groupEnd(flag, options) === "value";
}

/** Whether `flag` followed by `next` consumes `next` as a boolean value (`-Q 0`, `-fQ 0`, `--kafka-enable-sasl-auth false`). */
export function takesBooleanWord(flag: string, next: string | undefined, options: readonly OptionSpec[] = []): boolean {
  if (next === undefined || parseBool(next) === undefined) return false;
  return isBooleanFlag(flag, options) || groupEnd(flag, options) === "boolean";
}
