// What the user commands share: the service lookup (exo's dbaasGetV3, then the Kafka service),
// the user lookup with exo's message (both in ../shared, also used by the credentials commands),
// and the --help-mysql/--help-pg texts.
import type { CommandContext } from "../../../context.js";
import { InputError } from "../../../kafka/validation/index.js";
import { renderEmbeddedTable } from "../../../output/table.js";
export { fetchKafkaService } from "../shared/service.js";
export { requireUser } from "../shared/service-user.js";

/** exo's --help-mysql / --help-pg: the hidden engine flags of the command, on stdout. */
export function engineFlagsHelp(flags: ReadonlyArray<readonly [string, string]>): string {
  return renderEmbeddedTable(flags);
}

export const MYSQL_AUTH_USAGE = 'authentication method to be used ("caching_sha2_password" or "mysql_native_password").';

/**
 * exo's flags for MySQL and PostgreSQL users, which a Kafka user ignores: refused when given, as the
 * commands manage Kafka users only.
 */
export function refuseEngineFlags(ctx: CommandContext, flags: readonly string[]): void {
  const given = flags.find((f) => ctx.flagsSet.has(f));
  if (given !== undefined) throw new InputError(`--${given} applies to ${given.startsWith("pg-") ? "pg" : "mysql"} services only; Kafka users have no such setting`);
}
