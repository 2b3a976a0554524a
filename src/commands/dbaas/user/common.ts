// What the user commands share: the service lookup (exo's dbaasGetV3, then the Kafka service),
// the user lookup with exo's message, and the --help-mysql/--help-pg texts.
import type { KafkaService } from "../../../api/schemas.js";
import { CliError } from "../../../errors.js";
import { findServiceUser, type KafkaUser } from "../../../kafka/views/index.js";
import { goQuote } from "../../../kafka/validation/index.js";
import { renderEmbeddedTable } from "../../../output/table.js";
export { fetchKafkaService } from "../shared/service.js";

export function userNotFound(service: string, username: string): CliError {
  return new CliError(`user ${goQuote(username)} not found for service ${goQuote(service)}`);
}

/** The user's entry in the service's users[]. */
export function requireUser(service: KafkaService, name: string, username: string): KafkaUser {
  const user = findServiceUser(service, username);
  if (!user) throw userNotFound(name, username);
  return user;
}

/** exo's --help-mysql / --help-pg: the hidden engine flags of the command, on stdout. */
export function engineFlagsHelp(flags: ReadonlyArray<readonly [string, string]>): string {
  return renderEmbeddedTable(flags);
}

export const MYSQL_AUTH_USAGE = 'authentication method to be used ("caching_sha2_password" or "mysql_native_password").';
