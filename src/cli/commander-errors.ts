// commander's refusals in pflag's words, the ones scripts of exo see.
import type { CommanderError } from "commander";
import { MISSING_ARGUMENTS } from "../errors.js";
import { goQuote } from "../go/quote.js";

export function translateCommanderError(error: CommanderError): string {
  const message = error.message.replace(/^error: /, "");
  let m = /^unknown option '([^']+)'/s.exec(message);
  if (m) {
    const flag = m[1]!;
    if (flag.startsWith("--")) return `unknown flag: ${flag.replace(/=.*$/s, "")}`.replace(/[\p{Cc}]/gu, (c) => goQuote(c).slice(1, -1));
    return `unknown shorthand flag: ${goQuote(flag.slice(1, 2)).replace(/^"|"$/g, "'")} in ${goQuote(flag).slice(1, -1)}`;
  }
  m = /^option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
  if (m) return `flag needs an argument: ${m[1]}`;
  if (error.code === "commander.missingArgument") return MISSING_ARGUMENTS;
  return message;
}
