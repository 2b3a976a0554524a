// An int64 flag's value as pflag reads it: strconv.ParseInt(s, 0, 64), so 0x10, 0o17, 0b101 and 1_000
// are numbers too, and a refusal in pflag's words, naming the shorthand when the flag has one.
import { UsageError } from "../errors.js";
import { goQuote } from "../kafka/validation/go-quote.js";
import { parseInt64 } from "../templates/numbers.js";

/** Go's integer literal syntax (base 0): what parses but does not fit int64 is out of range, not bad syntax. */
const GO_INT_LITERAL = /^[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/;

export function parseIntFlag(raw: string, long: string, short?: string): number {
  const value = parseInt64(raw);
  if (value !== undefined) return Number(value);
  const name = short ? `-${short}, --${long}` : `--${long}`;
  const reason = GO_INT_LITERAL.test(raw) ? "value out of range" : "invalid syntax";
  throw new UsageError(`invalid argument ${goQuote(raw)} for ${goQuote(name)} flag: strconv.ParseInt: parsing ${goQuote(raw)}: ${reason}`);
}
