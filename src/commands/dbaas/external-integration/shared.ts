// What the external integration commands share.
import { InputError } from "../../../kafka/validation/index.js";
import { goQuote } from "../../../go/quote.js";

export const ZONE_NOTE = `Like exo, this command takes no --zone: it works in the account's default
zone (EXOSCALE_ZONE, else the account's defaultZone).`;

/** A service name that stays one URL path segment and says what it means. */
export function validServiceName(name: string): string {
  if (name === "" || name === "." || name === ".." || name.length > 63 || /[\x00-\x1f\x7f/]/.test(name)) {
    throw new InputError(`invalid service name ${goQuote(name)}`);
  }
  return name;
}
