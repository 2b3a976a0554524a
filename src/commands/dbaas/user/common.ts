// What the user commands share: the service lookup (exo's dbaasGetV3, then the Kafka service),
// the user lookup with exo's message (both in ../shared, also used by the credentials commands),
// and the --help-mysql/--help-pg texts.
import type { CommandContext } from "../../../context.js";
import { validateEnum } from "../../../kafka/validation/index.js";
import { renderEmbeddedTable } from "../../../output/table.js";
export { fetchKafkaService } from "../shared/service.js";
export { requireUser } from "../shared/service-user.js";

/** exo's --help-mysql / --help-pg: the hidden engine flags of the command, on stdout. */
export function engineFlagsHelp(flags: ReadonlyArray<readonly [string, string]>): string {
  return renderEmbeddedTable(flags);
}

export const MYSQL_AUTH_USAGE = 'authentication method to be used ("caching_sha2_password" or "mysql_native_password").';

/** The MySQL authentication methods exo's flag names. */
export const MYSQL_AUTH_METHODS = ["caching_sha2_password", "mysql_native_password"] as const;

/**
 * exo's MySQL authentication method flag (`flag`: its spelling in the command): a Kafka user ignores
 * it, as with exo, but a value that is none of the methods is refused before sending.
 */
export function checkMysqlAuthMethod(ctx: CommandContext, flag: string, value: string | undefined): void {
  if (ctx.flagsSet.has(flag)) validateEnum(value ?? "", MYSQL_AUTH_METHODS, flag);
}
