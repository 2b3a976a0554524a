// What the external endpoint commands share: the default-zone client, exo's names for each type in
// its messages, and reading an endpoint back for display.
import type { ApiClient } from "../../../api/client.js";
import { ApiError } from "../../../api/errors.js";
import { getExternalEndpoint, listExternalEndpoints, type ExternalEndpointType } from "../../../api/external.js";
import type { Operation } from "../../../api/schemas.js";
import type { CommandContext } from "../../../context.js";
import { awaitOperation } from "../shared/async-operation.js";
import { CliError } from "../../../errors.js";
import { exoCommand } from "../../../output/shell-word.js";
import { endpointShowOutput } from "../../../kafka/views/external-endpoint.js";
import type { ObjectOutput } from "../../../output/model.js";

/** exo's spelling of each type in progress lines and errors (its table headers differ: see ENDPOINT_TITLES). */
export const MESSAGE_TITLES: Readonly<Record<ExternalEndpointType, string>> = {
  datadog: "Datadog",
  elasticsearch: "ElasticSearch",
  opensearch: "OpenSearch",
  prometheus: "Prometheus",
  rsyslog: "Rsyslog",
};

/** exo switches to the account's default zone for these calls; there is no -z. */
export async function defaultZoneClient(ctx: CommandContext): Promise<ApiClient> {
  return ctx.client(await ctx.zone());
}

/** An API failure as exo wraps it (`<prefix>: <API error>`); anything else unchanged. */
export async function wrapApiError<T>(prefix: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(`${prefix}: ${error.message}`);
    throw error;
  }
}

export async function showEndpoint(client: ApiClient, type: ExternalEndpointType, id: string): Promise<ObjectOutput> {
  const endpoint = await wrapApiError(`error getting ${MESSAGE_TITLES[type]} external endpoint`, getExternalEndpoint(client, type, id));
  return endpointShowOutput(type, endpoint);
}

/** The endpoint an operation created or updated (exo reads it from the operation's reference). */
function referencedId(op: Operation): string {
  const id = op.reference?.id;
  if (!id) throw new CliError(`the operation succeeded but names no endpoint: check with: ${exoCommand(["dbaas", "external-endpoint", "list"])}`);
  return id;
}

/** After create or update: waits for the operation, then shows the endpoint it names (nothing with -Q). */
export async function waitAndShow(
  ctx: CommandContext,
  client: ApiClient,
  type: ExternalEndpointType,
  op: Operation,
  progress: { message: string; timeoutMs: number },
): Promise<ObjectOutput | undefined> {
  const done = await awaitOperation(ctx, client, op, progress.message, progress.timeoutMs);
  if (ctx.globals.quiet) return undefined;
  return showEndpoint(client, type, referencedId(done));
}

/**
 * Refuses an endpoint ID that the account does not have with this type, before a change is sent
 * (exo sends the change and reports the API's 404).
 */
export async function requireEndpoint(client: ApiClient, type: ExternalEndpointType, id: string): Promise<void> {
  const found = (await wrapApiError("error listing endpoints", listExternalEndpoints(client))).find((e) => e.id === id);
  if (!found) throw new CliError(`external endpoint ${id} not found`);
  if (found.type !== type) throw new CliError(`external endpoint ${id} is a ${found.type ?? "?"} endpoint, not ${type}`);
}
