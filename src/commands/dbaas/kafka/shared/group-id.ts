// A consumer group id as given on the command line: printable text without white space (the client
// library refuses it), 1 to 255 characters.
import { goQuote } from "../../../../go/quote.js";
import { InputError } from "../../../../kafka/validation/index.js";

export function validateGroupId(group: string): string {
  const length = [...group].length;
  if (length < 1 || length > 255) throw new InputError(`invalid group ${goQuote(group)}: must be 1 to 255 characters long, got ${length}`);
  if (/[\p{Cc}\p{Cs}]/u.test(group)) throw new InputError(`invalid group ${goQuote(group)}: must not contain control characters`);
  if (/\s/u.test(group)) throw new InputError(`invalid group ${goQuote(group)}: must not contain white space`);
  return group;
}
