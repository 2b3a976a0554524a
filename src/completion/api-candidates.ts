// Names listed from the API for completion, within a small time budget and without retries: a
// completion that makes the shell hang is worse than none.
import { createContext, type CommandContext } from "../context.js";
import type { IO } from "../io.js";
import { SEGMENT_MAX_LENGTH, type SegmentKind } from "../api/path-segment.js";
import type { ArgumentSource } from "./argument-source.js";
import { isCompletableName } from "./shell-words.js";

export interface ApiLookup {
  zones(): Promise<string[]>;
  /** names of the services in the zone (the account's default zone when absent) */
  services(zone?: string): Promise<string[]>;
  serviceTypes(zone?: string): Promise<string[]>;
  /** plans of a service type available in the zone */
  plans(type: string, zone?: string): Promise<string[]>;
  users(service: string, zone?: string): Promise<string[]>;
  /** external endpoint types the API serves */
  endpointTypes(): Promise<string[]>;
  /** IDs of the external endpoints, of one type when given */
  endpoints(type?: string): Promise<string[]>;
  /** IDs of the external integrations of a service (of every Kafka service when absent) */
  integrations(service?: string, type?: string): Promise<string[]>;
  /** topics and consumer groups of a Kafka service, read from its brokers (see kafka-candidates.ts) */
  topics(service: string, zone?: string): Promise<string[]>;
  groups(service: string, zone?: string): Promise<string[]>;
}

export const COMPLETION_BUDGET_MS = 3000;

export interface LookupOptions {
  io: IO;
  config?: string;
  useAccount?: string;
  budgetMs?: number;
}

/** An ApiLookup over the CLI's own configuration and client; every call gives up after the budget. */
export function createApiLookup(options: LookupOptions): ApiLookup & { dispose(): void } {
  const controller = new AbortController();
  const budgetMs = options.budgetMs ?? COMPLETION_BUDGET_MS;
  const timer = setTimeout(() => controller.abort(new Error("completion budget exceeded")), budgetMs);
  // No trace and no progress: completion output must stay clean.
  const io: IO = { ...options.io, env: { ...options.io.env, EXOSCALE_TRACE: "", EXO_DBAAS_RETRY_BASE_MS: undefined }, signal: controller.signal };
  const ctx: CommandContext = createContext({
    io,
    globals: { config: options.config, useAccount: options.useAccount, quiet: true, timeoutMs: budgetMs },
  });
  const client = async (zone?: string) => ctx.client(await ctx.zone(zone), { deadlineMs: budgetMs });
  const api = () => import("../api/dbaas.js");
  const external = () => import("../api/external.js");
  const kafka = () => import("./kafka-candidates.js");

  return {
    dispose: () => clearTimeout(timer),
    zones: () => ctx.listZones(),
    async services(zone) {
      const { listServices } = await api();
      const wanted = await ctx.zone(zone);
      const services = await listServices(await client(zone));
      // this CLI handles Kafka only; with an endpoint override one URL serves every zone
      return services.filter((s) => s.type === "kafka" && (s.zone === undefined || s.zone === wanted)).map((s) => s.name);
    },
    async serviceTypes(zone) {
      const { listServiceTypes } = await api();
      return (await listServiceTypes(await client(zone))).map((t) => t.name).filter((n): n is string => !!n);
    },
    async plans(type, zone) {
      const { getServiceType } = await api();
      const wanted = await ctx.zone(zone);
      const plans = (await getServiceType(await client(zone), type)).plans ?? [];
      return plans.filter((p) => !p.zones || p.zones.includes(wanted)).map((p) => p.name).filter((n): n is string => !!n);
    },
    async users(service, zone) {
      const { getKafkaService } = await api();
      return ((await getKafkaService(await client(zone), service)).users ?? []).map((u) => u.username).filter((u): u is string => !!u);
    },
    // external endpoints and integrations live in the account's default zone, as exo has it
    async endpointTypes() {
      const { listExternalEndpointTypes } = await external();
      return listExternalEndpointTypes(await client());
    },
    async endpoints(type) {
      const { listExternalEndpoints } = await external();
      return (await listExternalEndpoints(await client())).filter((e) => type === undefined || e.type === type).map((e) => e.id).filter((id): id is string => !!id);
    },
    async integrations(service, type) {
      const { listExternalIntegrations } = await external();
      const c = await client();
      const services = service !== undefined ? [service] : await this.services();
      const lists = await Promise.all(services.map((name) => listExternalIntegrations(c, name).catch(() => [])));
      return lists
        .flat()
        .filter((i) => type === undefined || i.type === type)
        .map((i) => i["integration-id"])
        .filter((id): id is string => !!id);
    },
    topics: async (service, zone) => (await kafka()).kafkaTopics(ctx, service, zone),
    groups: async (service, zone) => (await kafka()).kafkaGroups(ctx, service, zone),
  };
}

/** The names for a positional argument that the CLI would accept as that argument; empty on any failure. */
export async function apiCandidates(source: ArgumentSource, zone: string | undefined, lookup: ApiLookup): Promise<string[]> {
  try {
    const valid = (names: string[], kind?: SegmentKind) => names.filter((name) => isCompletableName(name, kind && SEGMENT_MAX_LENGTH[kind]));
    switch (source.kind) {
      case "services":
        return valid(await lookup.services(zone), "service name");
      case "service-types":
        return valid(await lookup.serviceTypes(zone), "service type");
      case "plans":
        return valid(await lookup.plans(source.type, zone));
      case "users":
        return valid(await lookup.users(source.service, zone), "username");
      case "endpoint-types":
        return valid(await lookup.endpointTypes());
      case "endpoints":
        return valid(await lookup.endpoints(source.type), "endpoint ID");
      case "integrations":
        return valid(await lookup.integrations(source.service, source.type), "integration ID");
      case "topics":
        return valid(await lookup.topics(source.service, zone));
      case "groups":
        return valid(await lookup.groups(source.service, zone));
      default:
        return [];
    }
  } catch {
    return [];
  }
}
