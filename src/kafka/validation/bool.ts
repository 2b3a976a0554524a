// Boolean flag values exactly as Go's strconv.ParseBool (and so pflag) accepts them.

import { parseBool } from "../../go/bool.js";
import { goQuote } from "../../go/quote.js";
import { InputError } from "./errors.js";

export { GO_BOOL_VALUES } from "../../go/bool.js";

/** The accepted spellings as the refusal lists them, each true one before its false one. */
const ACCEPTED = "true, false, 1, 0, t, f, T, F, TRUE, FALSE, True, False";

/**
 * pflag's refusal of a boolean value, with the accepted spellings appended:
 * `invalid argument "yes" for "--kafka-enable-sasl-auth" flag: strconv.ParseBool: parsing "yes": invalid syntax (accepted: true, false, ...)`.
 * `flag` may be given with or without its leading dashes.
 */
export function goBoolRefusal(flag: string, value: string): string {
  const name = flag.startsWith("-") ? flag : `--${flag}`;
  return `invalid argument ${goQuote(value)} for ${goQuote(name)} flag: strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax (accepted: ${ACCEPTED})`;
}

/**
 * `--kafka-enable-sasl-auth=yes` → the Go CLI's refusal text, which scripts may match, followed by the
 * accepted spellings (see goBoolRefusal). `flag` may be given with or without its leading dashes.
 */
export function parseGoBool(flag: string, value: string): boolean {
  const parsed = parseBool(value);
  if (parsed === undefined) throw new InputError(goBoolRefusal(flag, value));
  return parsed;
}
