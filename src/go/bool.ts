// Go's strconv.ParseBool. A leaf: imports nothing.

const TRUE_VALUES = ["1", "t", "T", "TRUE", "true", "True"];
const FALSE_VALUES = ["0", "f", "F", "FALSE", "false", "False"];

/** Every spelling ParseBool accepts. */
export const GO_BOOL_VALUES: readonly string[] = [...TRUE_VALUES, ...FALSE_VALUES];

/** The value of a Go boolean spelling, undefined for anything else. */
export function parseBool(value: string): boolean | undefined {
  if (TRUE_VALUES.includes(value)) return true;
  if (FALSE_VALUES.includes(value)) return false;
  return undefined;
}
