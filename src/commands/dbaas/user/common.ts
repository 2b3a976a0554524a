// What the user commands share: the service lookup (exo's dbaasGetV3, then the Kafka service),
// the user lookup with exo's message, and the --help-mysql/--help-pg texts.
import type { ApiClient } from "../../../api/client.js";
import { getKafkaService } from "../../../api/dbaas.js";
import type { KafkaService } from "../../../api/schemas.js";
import { CliError } from "../../../errors.js";
import { findServiceUser } from "../../../kafka/models/index.js";
import type { RawObject } from "../../../kafka/models/raw.js";
import { goQuote } from "../../../kafka/validation/index.js";
import { renderEmbeddedTable } from "../../../output/table.js";
import { findKafkaService } from "../shared/service.js";

/** The Kafka service (GET /dbaas-kafka/NAME) once the zone's list says it exists; both requests run together. */
export async function fetchKafkaService(client: ApiClient, name: string, zone: string): Promise<KafkaService> {
  const [found, service] = await Promise.allSettled([findKafkaService(client, name, zone), getKafkaService(client, name)]);
  if (found.status === "rejected") throw found.reason;
  if (service.status === "rejected") throw service.reason;
  return service.value;
}

export function userNotFound(service: string, username: string): CliError {
  return new CliError(`user ${goQuote(username)} not found for service ${goQuote(service)}`);
}

/** The user's entry in the service's users[]. */
export function requireUser(service: KafkaService, name: string, username: string): RawObject {
  const user = findServiceUser(service, username);
  if (!user) throw userNotFound(name, username);
  return user;
}

/** exo's --help-mysql / --help-pg: the hidden engine flags of the command, on stdout. */
export function engineFlagsHelp(flags: ReadonlyArray<readonly [string, string]>): string {
  return renderEmbeddedTable(flags);
}

export const MYSQL_AUTH_USAGE = 'authentication method to be used ("caching_sha2_password" or "mysql_native_password").';
