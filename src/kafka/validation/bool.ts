// Boolean flag values exactly as Go's strconv.ParseBool (and so pflag) accepts them.

import { InputError } from "./errors.js";
import { goQuote } from "./go-quote.js";

const TRUE_VALUES = ["1", "t", "T", "TRUE", "true", "True"];
const FALSE_VALUES = ["0", "f", "F", "FALSE", "false", "False"];

/** The accepted spellings, for help texts. */
export const GO_BOOL_VALUES: readonly string[] = [...TRUE_VALUES, ...FALSE_VALUES];

/**
 * `--kafka-enable-sasl-auth=yes` → the same refusal text as the Go CLI, which scripts may match:
 * `invalid argument "yes" for "--kafka-enable-sasl-auth" flag: strconv.ParseBool: parsing "yes": invalid syntax`.
 * `flag` may be given with or without its leading dashes.
 */
export function parseGoBool(flag: string, value: string): boolean {
  if (TRUE_VALUES.includes(value)) return true;
  if (FALSE_VALUES.includes(value)) return false;
  const name = flag.startsWith("-") ? flag : `--${flag}`;
  throw new InputError(`invalid argument ${goQuote(value)} for ${goQuote(name)} flag: strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`);
}
