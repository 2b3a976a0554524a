// Go's strconv.Quote (`%q`), for messages that must match the Go CLI byte for byte: the template
// engine's implementation, conformance-tested against Go.
import { quote } from "../../templates/text.js";

export function goQuote(value: string): string {
  return quote(value);
}
