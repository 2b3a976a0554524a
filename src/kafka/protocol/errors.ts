// The library's errors as one line each, with what to do about them. A failure deep in the library is an
// aggregate of attempts; the first error that says something specific (a broker's error code, a TLS or a
// socket error) decides the message.
import { CliError, ExitCode } from "../../errors.js";
import { goQuote } from "../../go/quote.js";
import { shellCommand } from "../../output/shell-word.js";
import { formatAddress } from "../clients/bootstrap.js";
import type { KafkaConnection } from "./connection.js";

/** What a failed request was about, for the messages that name it. */
export interface KafkaTarget {
  topic?: string;
  group?: string;
  /** the ACL permission the operation needs on the topic */
  permission?: "read" | "write" | "readwrite" | "admin";
}

interface Found {
  apiId?: string;
  serverMessage?: string;
  socketCode?: string;
  message: string;
  timeout: boolean;
  authentication: boolean;
}

const TLS_VERIFY = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|HOSTNAME|ALTNAME/;

/** Every error in an aggregate's tree, depth first (causes and members). */
function* errorTree(error: unknown, seen = new Set<unknown>()): Generator<Record<string, unknown>> {
  if (typeof error !== "object" || error === null || seen.has(error)) return;
  seen.add(error);
  const e = error as Record<string, unknown>;
  yield e;
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* errorTree(inner, seen);
  yield* errorTree(e.cause, seen);
}

function inspect(error: unknown): Found {
  const found: Found = { message: error instanceof Error ? error.message : String(error), timeout: false, authentication: false };
  for (const e of errorTree(error)) {
    if (typeof e.apiId === "string" && e.apiId !== "" && found.apiId === undefined) {
      found.apiId = e.apiId;
      if (typeof e.serverErrorMessage === "string" && e.serverErrorMessage !== "") found.serverMessage = e.serverErrorMessage;
    }
    const code = typeof e.code === "string" ? e.code : undefined;
    if (code === "PLT_KFK_TIMEOUT") found.timeout = true;
    if (code === "PLT_KFK_AUTHENTICATION") found.authentication = true;
    if (code && !code.startsWith("PLT_KFK_") && found.socketCode === undefined) found.socketCode = code;
  }
  return found;
}

const brokers = (c: KafkaConnection) => c.addresses.map(formatAddress).join(", ");

/** The bootstrap brokers did not answer in time: the IP filter is the usual reason. */
export function unreachable(c: KafkaConnection, why: string): CliError {
  return new CliError(
    `no answer from the Kafka brokers of service ${goQuote(c.service)} (${brokers(c)}) within ${c.connectTimeoutMs / 1000}s (${why}): ` +
      `check that this address is allowed by the service's IP filter (${shellCommand(["exo", "dbaas", "show", c.service, "-z", c.zone, "--output-template", "{{.Kafka.IPFilter}}"])})`,
    ExitCode.CONNECTION_FAILED,
  );
}

function aclHint(c: KafkaConnection, target: KafkaTarget): string {
  const topic = target.topic ?? "TOPIC";
  return shellCommand(["exo", "dbaas", "acl", "create", c.service, "-z", c.zone, "--username", c.username, "--topic", topic, "--permission", target.permission ?? "readwrite"]);
}

/** The one-line CliError for a failure of the library while talking to the service's brokers. */
export function kafkaError(error: unknown, c: KafkaConnection, target: KafkaTarget = {}): CliError {
  if (error instanceof CliError) return error;
  const f = inspect(error);
  const who = `user ${goQuote(c.username)}`;
  switch (f.apiId) {
    case "TOPIC_ALREADY_EXISTS":
      return new CliError(`topic ${goQuote(target.topic ?? "")} already exists on service ${goQuote(c.service)}`);
    case "UNKNOWN_TOPIC_OR_PARTITION":
    case "UNKNOWN_TOPIC_ID":
      return new CliError(`topic ${goQuote(target.topic ?? "")} not found on service ${goQuote(c.service)} (or partition unknown)`);
    case "TOPIC_AUTHORIZATION_FAILED":
      return new CliError(`${who} is not authorized on topic ${goQuote(target.topic ?? "")}: an ACL would allow it: ${aclHint(c, target)}`);
    case "GROUP_AUTHORIZATION_FAILED":
      return new CliError(
        `${who} is not authorized on consumer group ${goQuote(target.group ?? "")}: groups need a topic ACL with read permission or more: ${aclHint(c, { ...target, permission: target.permission ?? "read" })}`,
      );
    case "CLUSTER_AUTHORIZATION_FAILED":
      return new CliError(`${who} is not authorized for this cluster operation: it needs the admin permission: ${aclHint(c, { ...target, permission: "admin" })}`);
    case "SASL_AUTHENTICATION_FAILED":
      return new CliError(`authentication failed for ${who} on service ${goQuote(c.service)} (SASL SCRAM-SHA-256): check the password (${shellCommand(["exo", "dbaas", "user", "reveal-secrets", c.service, c.username, "-z", c.zone])})`, ExitCode.CONNECTION_FAILED);
    case "UNSUPPORTED_SASL_MECHANISM":
    case "ILLEGAL_SASL_STATE":
      return new CliError(`SASL is not enabled on the brokers of service ${goQuote(c.service)} (enable it with: ${shellCommand(["exo", "dbaas", "update", c.service, "-z", c.zone, "--kafka-enable-sasl-auth", "true"])})`);
    case "INVALID_CONFIG":
    case "INVALID_REPLICATION_FACTOR":
    case "INVALID_PARTITIONS":
    case "POLICY_VIOLATION":
    case "INVALID_TOPIC_EXCEPTION":
    case "INVALID_REQUEST":
      return new CliError(`the broker refused: ${f.serverMessage ?? f.apiId}`);
    case "NON_EMPTY_GROUP":
    case "UNKNOWN_MEMBER_ID":
    case "ILLEGAL_GENERATION":
    case "REBALANCE_IN_PROGRESS":
      return new CliError(`consumer group ${goQuote(target.group ?? "")} has active members: stop its consumers first`);
    case "GROUP_ID_NOT_FOUND":
      return new CliError(`consumer group ${goQuote(target.group ?? "")} not found on service ${goQuote(c.service)}`);
    case undefined:
      break;
    default:
      return new CliError(`the broker answered ${f.apiId}${f.serverMessage ? `: ${f.serverMessage}` : ""}`);
  }
  // an alert is the broker refusing the client's certificate; otherwise a certificate code is ours refusing the broker's
  if (f.socketCode && /ALERT/.test(f.socketCode)) {
    return new CliError(`authentication failed for ${who} on service ${goQuote(c.service)}: the broker refused the client certificate (${f.socketCode})`, ExitCode.CONNECTION_FAILED);
  }
  if (f.socketCode && TLS_VERIFY.test(f.socketCode)) {
    return new CliError(
      `the TLS handshake with service ${goQuote(c.service)} failed (${f.socketCode}): the broker's certificate is not signed by the CA in use (${shellCommand(["exo", "dbaas", "ca-certificate", "-z", c.zone])})`,
      ExitCode.CONNECTION_FAILED,
    );
  }
  if (f.authentication || f.socketCode === "ECONNRESET" || /alert|handshake/i.test(f.message)) {
    return new CliError(`authentication failed for ${who} on service ${goQuote(c.service)}: the broker refused the credentials (${f.socketCode ?? "closed"})`, ExitCode.CONNECTION_FAILED);
  }
  if (f.timeout || f.socketCode) return unreachable(c, f.socketCode ?? "timed out");
  return new CliError(`Kafka request to service ${goQuote(c.service)} failed: ${f.message.split("\n")[0]}`);
}
