// Finding a Kafka service by name in a zone, as exo's dbaasGetV3 does: list the zone's services,
// match the name exactly, check the type. One endpoint may serve several zones (the emulator, an
// endpoint override), so a listed service whose `zone` differs is treated as absent.
import type { ApiClient } from "../../../api/client.js";
import { getKafkaAclConfig, getKafkaService, listServices } from "../../../api/dbaas.js";
import { NotFoundError } from "../../../api/errors.js";
import type { KafkaAcls, KafkaService, ServiceCommon } from "../../../api/schemas.js";
import { CliError, ServiceNotFoundError } from "../../../errors.js";
import { goQuote } from "../../../go/quote.js";
import { allInOrder } from "./settle.js";

export function serviceNotFound(name: string, zone: string): ServiceNotFoundError {
  return new ServiceNotFoundError(`${goQuote(name)} Database Service not found in zone ${goQuote(zone)}`, name, zone);
}

/** exo's message when a per-service call answers 404; `service`: the service the call names, when its absence is the cause. */
export function resourceNotFound(zone: string, service?: string): CliError {
  const message = `resource not found in zone ${goQuote(zone)}`;
  return service === undefined ? new CliError(message) : new ServiceNotFoundError(message, service, zone);
}

function inZone(service: ServiceCommon, zone: string): boolean {
  return service.zone === undefined || service.zone === zone;
}

/** The listed service of that name in the zone; a non-Kafka service is refused. */
export async function findKafkaService(client: ApiClient, name: string, zone: string): Promise<ServiceCommon> {
  const services = await listServices(client);
  const service = services.find((s) => s.name === name && inZone(s, zone));
  if (!service) throw serviceNotFound(name, zone);
  if (service.type !== "kafka") {
    throw new CliError(`Database Service ${goQuote(name)} is of type ${goQuote(service.type)}: only kafka services are supported`);
  }
  return service;
}

/**
 * Sends reads together with exo's service lookup (one round trip instead of two); the lookup's error
 * (not found, not Kafka) wins over theirs, then theirs in order.
 */
export async function readsWithKafkaService<T extends readonly unknown[]>(
  client: ApiClient,
  name: string,
  zone: string,
  reads: { [K in keyof T]: T[K] | Promise<T[K]> },
): Promise<T> {
  const [, ...results] = await allInOrder([findKafkaService(client, name, zone), ...reads]);
  return results as unknown as T;
}

/**
 * Maps a 404 from a per-service call to exo's `resource not found in zone "<zone>"`; `service`: the
 * service the call names, when nothing has shown it exists in the zone.
 */
export async function orResourceNotFound<T>(zone: string, call: Promise<T>, service?: string): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof NotFoundError) throw resourceNotFound(zone, service);
    throw error;
  }
}

/**
 * The Kafka service of this zone from GET /dbaas-kafka/NAME, with exo's errors: exo first lists the
 * zone's services to find the name; here the list is asked only when the service is not found as a
 * Kafka service of this zone, to word the error as exo does. One request fewer on every success.
 */
async function kafkaServiceOrExoError(client: ApiClient, name: string, zone: string, result: PromiseSettledResult<KafkaService>): Promise<KafkaService> {
  if (result.status === "fulfilled" && inZone(result.value, zone)) return result.value;
  await findKafkaService(client, name, zone); // throws exo's not-found or wrong-type error
  if (result.status === "rejected") throw result.reason instanceof NotFoundError ? resourceNotFound(zone) : result.reason;
  throw serviceNotFound(name, zone);
}

/** The Kafka service (see kafkaServiceOrExoError). */
export async function fetchKafkaService(client: ApiClient, name: string, zone: string): Promise<KafkaService> {
  const [service] = await Promise.allSettled([getKafkaService(client, name)]);
  return kafkaServiceOrExoError(client, name, zone, service);
}

/** Everything `show` needs: the service and its ACLs, fetched concurrently. */
export async function fetchKafkaShow(
  client: ApiClient,
  name: string,
  zone: string,
): Promise<{ service: KafkaService; acl: KafkaAcls }> {
  // Settle both before throwing, so no request is left running unobserved.
  const [service, acls] = await Promise.allSettled([getKafkaService(client, name), getKafkaAclConfig(client, name)]);
  const found = await kafkaServiceOrExoError(client, name, zone, service);
  if (acls.status === "rejected") throw acls.reason;
  return { service: found, acl: acls.value };
}
