// commander's refusals in pflag's words, the ones scripts of exo see.
import type { CommanderError } from "commander";
import { MISSING_ARGUMENTS } from "../errors.js";
import { goQuote } from "../go/quote.js";

/**
 * `zoneless`: the commands of the line's group, when its command takes no -z (a -z is then refused
 * saying so, as exo's own words would leave one looking for a typo).
 */
export function translateCommanderError(error: CommanderError, zoneless?: string): string {
  const message = error.message.replace(/^error: /, "");
  let m = /^unknown option '([^']+)'/s.exec(message);
  if (m) {
    const flag = m[1]!;
    const isZone = flag.startsWith("--") ? /^--zone(=|$)/.test(flag) : flag[1] === "z";
    const why = zoneless && isZone ? ` (${zoneless} commands have no zone: they work in the account's default zone, from EXOSCALE_ZONE or defaultZone)` : "";
    if (flag.startsWith("--")) return `unknown flag: ${flag.replace(/=.*$/s, "")}`.replace(/[\p{Cc}]/gu, (c) => goQuote(c).slice(1, -1)) + why;
    return `unknown shorthand flag: ${goQuote(flag.slice(1, 2)).replace(/^"|"$/g, "'")} in ${goQuote(flag).slice(1, -1)}${why}`;
  }
  m = /^option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
  if (m) return `flag needs an argument: ${m[1]}`;
  if (error.code === "commander.missingArgument") return MISSING_ARGUMENTS;
  return message;
}
