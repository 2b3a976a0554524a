// The user's entry in a Kafka service, with exo's message when it has none; shared by the user and
// credentials commands.
import type { KafkaService } from "../../../api/schemas.js";
import { CliError } from "../../../errors.js";
import { findServiceUser, type KafkaUser } from "../../../kafka/views/index.js";
import { goQuote } from "../../../go/quote.js";

export function userNotFound(service: string, username: string): CliError {
  return new CliError(`user ${goQuote(username)} not found for service ${goQuote(service)}`);
}

/** The user's entry in the service's users[]. */
export function requireUser(service: KafkaService, name: string, username: string): KafkaUser {
  const user = findServiceUser(service, username);
  if (!user) throw userNotFound(name, username);
  return user;
}
