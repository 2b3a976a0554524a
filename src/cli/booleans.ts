// Boolean flags on the line, read as pflag reads them, before commander sees the line.
//
// pflag takes `--x`, `--x=<value>` for any spelling strconv.ParseBool accepts, and short flags alone
// or in a group (`-fQ`, `-fQ=false`). A separate word after a boolean flag is, for pflag, a
// positional argument: `--kafka-enable-sasl-auth false` turns SASL on and leaves `false` to be
// ignored. Here a separate word that ParseBool accepts is the flag's value (a deliberate difference,
// in the README); after a group of short flags it is the value of the group's last flag, as a value
// flag ending a group takes the next word (`-fz de-muc-1`). Any other word stays a positional.
//
// The boolean flags are taken off the line and their values handed to the command: commander,
// which spells an explicit false `--no-x`, never sees them, so a typed `--no-x` stays what it is
// for pflag, an unknown flag.
import { parseBool } from "../go/bool.js";
import type { OptionSpec } from "../commands/define.js";
import { UsageError } from "../errors.js";
import { goBoolRefusal } from "../kafka/validation/bool.js";

export interface BooleanFlag {
  long: string;
  short?: string;
}

export interface ReadBooleans {
  /** the line without its boolean flags and their values */
  args: string[];
  /** each boolean flag given, by long name, with its value (the last one given wins, as in pflag) */
  values: Map<string, boolean>;
}

/** The command's boolean flags and -Q/--quiet. */
export function booleanFlags(options: readonly OptionSpec[]): BooleanFlag[] {
  const own = options.filter((s) => s.kind === "boolean").map((s) => ({ long: s.long, short: s.short }));
  return [{ long: "quiet", short: "Q" }, ...own];
}

/** `--x=V` or `-x=V`: V must be a ParseBool spelling. */
function explicit(flag: string, value: string): boolean {
  const parsed = parseBool(value);
  if (parsed === undefined) throw new UsageError(goBoolRefusal(flag, value));
  return parsed;
}

/**
 * Takes the boolean flags off `args`. `takesValue(word)`: whether a flag word takes the next word
 * as its value (that word is then never read as a flag: `--output-template -Q` is a template).
 */
export function readBooleans(args: readonly string[], flags: readonly BooleanFlag[], takesValue: (word: string) => boolean = () => false): ReadBooleans {
  const byLong = new Map(flags.map((f) => [`--${f.long}`, f]));
  const byShort = new Map(flags.filter((f) => f.short).map((f) => [f.short!, f]));
  const out: string[] = [];
  const values = new Map<string, boolean>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      out.push(...args.slice(i));
      break;
    }
    // a separate Go spelling after the flag is its value
    const separate = (): boolean => {
      const next = i + 1 < args.length ? parseBool(args[i + 1]!) : undefined;
      if (next !== undefined) i++;
      return next ?? true;
    };
    const keep = (word: string) => {
      // pflag reads `-z=V` as V where commander would read `=V`
      const attached = /^(-[^-=])=(.+)$/s.exec(word);
      if (attached && takesValue(attached[1]!)) return void out.push(`${attached[1]}${attached[2]}`);
      out.push(word);
      if (takesValue(word) && i + 1 < args.length) out.push(args[++i]!);
    };
    const long = /^(--[^=]+)(?:=(.*))?$/s.exec(arg);
    if (long) {
      const flag = byLong.get(long[1]!);
      if (!flag) keep(arg);
      else values.set(flag.long, long[2] === undefined ? separate() : explicit(long[1]!, long[2]));
      continue;
    }
    if (!/^-[^-]/.test(arg)) {
      out.push(arg);
      continue;
    }
    // one short flag or a group: its booleans are read up to the first letter that is not one
    let j = 1;
    for (; j < arg.length; j++) {
      const flag = byShort.get(arg[j]!);
      if (!flag) break;
      if (arg[j + 1] === "=") {
        values.set(flag.long, explicit(`-${arg[j]}`, arg.slice(j + 2)));
        j = arg.length;
        break;
      }
      values.set(flag.long, j === arg.length - 1 ? separate() : true);
    }
    if (j < arg.length) keep(`-${arg.slice(j)}`);
  }
  return { args: out, values };
}
