// A flag that takes one of a fixed set of values, refused otherwise with the values it takes.
import { InputError } from "./errors.js";
import { goQuote } from "../../go/quote.js";

export function validateEnum<T extends string>(value: string, allowed: readonly T[], flagName: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new InputError(`invalid --${flagName} ${goQuote(value)}: must be one of ${allowed.join(", ")}`);
  return found;
}
