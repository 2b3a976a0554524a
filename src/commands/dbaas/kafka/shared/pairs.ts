// KEY=VALUE flags given as string lists. pflag's StringSlice splits a value at commas; a piece
// without "=" continues the previous entry's value, so `--config cleanup.policy=compact,delete` stays one.
import { goQuote } from "../../../../go/quote.js";
import { InputError } from "../../../../kafka/validation/index.js";

export function keyValuePairs(flagName: string, pieces: readonly string[], validKey: (key: string) => boolean, hint: string): Array<{ name: string; value: string }> {
  const pairs: Array<{ name: string; value: string }> = [];
  for (const piece of pieces) {
    const eq = piece.indexOf("=");
    const last = pairs[pairs.length - 1];
    if (eq < 0 && last) {
      last.value += `,${piece}`;
      continue;
    }
    const name = eq < 0 ? piece : piece.slice(0, eq);
    if (eq < 0 || !validKey(name)) throw new InputError(`invalid --${flagName} ${goQuote(piece)}: expected KEY=VALUE${hint}`);
    pairs.push({ name, value: piece.slice(eq + 1) });
  }
  return pairs;
}
