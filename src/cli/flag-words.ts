// What a flag word on the line does to the next word, the same for running and for completion:
// a value flag takes it; a boolean flag takes it only when strconv.ParseBool accepts it.
import type { OptionSpec } from "../commands/define.js";
import { parseBool } from "../go/bool.js";
import { VALUE_FLAGS } from "./globals.js";

const names = (o: OptionSpec) => [`--${o.long}`, ...(o.short ? [`-${o.short}`] : [])];

/** Whether `flag` (`--zone`, `-z`) takes the next word as its value; `options`: the command's, when known. */
export function takesValue(flag: string, options: readonly OptionSpec[] = []): boolean {
  return VALUE_FLAGS.has(flag) || options.some((o) => o.kind !== "boolean" && names(o).includes(flag));
}

/** Whether `flag` followed by `next` consumes `next` as a boolean value (`-Q 0`, `--kafka-enable-sasl-auth false`). */
export function takesBooleanWord(flag: string, next: string | undefined, options: readonly OptionSpec[] = []): boolean {
  if (next === undefined || parseBool(next) === undefined) return false;
  return flag === "--quiet" || flag === "-Q" || options.some((o) => o.kind === "boolean" && names(o).includes(flag));
}
