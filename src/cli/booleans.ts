// Boolean flags on the line, rewritten for commander, which knows only `--x` and `--no-x`.
//
// pflag takes `--x=<value>` for any spelling strconv.ParseBool accepts. A separate word after a
// boolean flag is, for pflag, a positional argument: `--kafka-enable-sasl-auth false` turns SASL on
// and leaves `false` to be ignored. Here a separate word that ParseBool accepts is the flag's value
// (a deliberate difference, in the README); any other word stays a positional argument.
import { parseBool } from "../go/bool.js";
import type { OptionSpec } from "../commands/define.js";
import { UsageError } from "../errors.js";
import { goBoolRefusal } from "../kafka/validation/bool.js";

interface BooleanFlag {
  long: string;
  short?: string;
  /** whether a hidden `--no-<long>` carries an explicit false (own flags; -Q is false by default) */
  negatable: boolean;
}

/** The command's boolean flags and -Q/--quiet, for normaliseBooleans. */
export function booleanFlags(options: readonly OptionSpec[]): BooleanFlag[] {
  const own = options.filter((s) => s.kind === "boolean").map((s) => ({ long: s.long, short: s.short, negatable: true }));
  return [{ long: "quiet", short: "Q", negatable: false }, ...own];
}

/** `--x`, `--x=V`, `--x V` and `-x V` → `--x` or `--no-x` (nothing for a false -Q). */
export function normaliseBooleans(args: readonly string[], flags: readonly BooleanFlag[]): string[] {
  const byWord = new Map<string, BooleanFlag>();
  for (const f of flags) {
    byWord.set(`--${f.long}`, f);
    if (f.short) byWord.set(`-${f.short}`, f);
  }
  const out: string[] = [];
  const emit = (f: BooleanFlag, value: boolean) => {
    if (value) out.push(`--${f.long}`);
    else if (f.negatable) out.push(`--no-${f.long}`);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      out.push(...args.slice(i));
      break;
    }
    const bare = byWord.get(arg);
    if (bare) {
      const next = i + 1 < args.length ? parseBool(args[i + 1]!) : undefined;
      if (next !== undefined) i++;
      emit(bare, next ?? true);
      continue;
    }
    const inline = /^(--[^=]+|-[^-=])=(.*)$/s.exec(arg);
    const flag = inline ? byWord.get(inline[1]!) : undefined;
    if (!inline || !flag) {
      out.push(arg);
      continue;
    }
    const value = parseBool(inline[2]!);
    if (value === undefined) throw new UsageError(goBoolRefusal(inline[1]!, inline[2]!));
    emit(flag, value);
  }
  return out;
}
