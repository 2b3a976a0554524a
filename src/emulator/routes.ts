// The /v2 API: a table of routes, each mapping a method and path template to the core.
import { badRequest, notFound } from "./api-error.js";
import { checkPathParams } from "./path-segments.js";
import { findKafkaPlan, SERVICE_TYPES, ZONES } from "./catalog.js";
import type { Core } from "./core.js";
import { registerExternalRoutes } from "./external-endpoints.js";
import { kafkaSettingsSchemas } from "./data/kafka-settings-schemas.js";
import type { Json } from "./lossless-json.js";
import type { RouteContext } from "./route-context.js";
import { optionalString, parseKafkaBody, requireObject } from "./request-validation.js";
import { brokerLogs, METRIC_PERIODS, serviceLogs, serviceMetrics } from "./telemetry.js";

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  signed: boolean;
  handle: (ctx: RouteContext) => unknown;
}

const routes: Route[] = [];

function route(method: string, template: string, handle: Route["handle"], signed = true): void {
  const names: string[] = [];
  const source = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  routes.push({ method, pattern: new RegExp(`^${source}$`), names, signed, handle });
}

export function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | "method-not-allowed" | undefined {
  let pathMatched = false;
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== method) continue;
    const params: Record<string, string> = {};
    r.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1]!);
    });
    checkPathParams(params);
    return { route: r, params };
  }
  return pathMatched ? "method-not-allowed" : undefined;
}

const nodeCount = (plan: string) => findKafkaPlan(plan)?.["node-count"] ?? 1;

// --- platform ---------------------------------------------------------------------------------------------

route(
  "GET",
  "/zone",
  ({ baseUrl }) => ({ zones: ZONES.map((name) => ({ name, "api-endpoint": baseUrl, "sos-endpoint": `https://sos-${name}.exo.io` })) }),
  false,
);
route("GET", "/operation/{id}", ({ core, params }) => core.getOperation(params.id!));
route("GET", "/dbaas-ca-certificate", async ({ core }) => ({ certificate: (await core.ca()).certPem }));
route("GET", "/dbaas-service-type", () => ({ "dbaas-service-types": SERVICE_TYPES }));
route("GET", "/dbaas-service-type/{type}", ({ params }) => {
  const type = SERVICE_TYPES.find((t) => t.name === params.type);
  if (!type) throw notFound();
  return type;
});
route("GET", "/dbaas-settings-kafka", () => ({ settings: kafkaSettingsSchemas }));

// --- generic services -------------------------------------------------------------------------------------

route("GET", "/dbaas-service", ({ core }) => ({ "dbaas-services": core.listServices() }));
route("DELETE", "/dbaas-service/{name}", ({ core, params }) => core.deleteService(params.name!, false));
route("POST", "/dbaas-service-logs/{name}", async ({ core, params, body }) => {
  const svc = core.service(params.name!);
  const o = requireObject(body);
  const limit = o.limit ?? 100;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1 || limit > 500) throw badRequest("limit: must be an integer between 1 and 500");
  const sortOrder = o["sort-order"] ?? "desc";
  if (sortOrder !== "asc" && sortOrder !== "desc") throw badRequest('sort-order: must be "asc" or "desc"');
  const offset = optionalString(o, "offset", 0, 256);
  const page = { limit, sortOrder, offset } as const;
  const real = await core.brokerLogLines(svc);
  return real ? brokerLogs(real, page) : serviceLogs(svc, nodeCount(svc.plan), page);
});
route("POST", "/dbaas-service-metrics/{name}", ({ core, params, body }) => {
  const svc = core.service(params.name!);
  const period = requireObject(body).period ?? "hour";
  if (typeof period !== "string" || !METRIC_PERIODS.includes(period)) throw badRequest(`period: must be one of ${METRIC_PERIODS.join(", ")}`);
  return { metrics: serviceMetrics(svc, nodeCount(svc.plan), period) };
});

// --- Kafka service ----------------------------------------------------------------------------------------

const header = (headers: RouteContext["headers"], name: string) => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

route("GET", "/dbaas-kafka/{name}", ({ core, params }) => core.viewKafka(params.name!));
route("POST", "/dbaas-kafka/{name}", ({ core, params, body, headers }) =>
  core.createKafka(params.name!, parseKafkaBody(body, "create"), header(headers, "exoscale-zone")),
);
route("PUT", "/dbaas-kafka/{name}", ({ core, params, body }) => {
  core.kafka(params.name!);
  return core.updateKafka(params.name!, parseKafkaBody(body, "update"));
});
route("DELETE", "/dbaas-kafka/{name}", ({ core, params }) => core.deleteService(params.name!, true));
route("PUT", "/dbaas-kafka/{name}/maintenance/start", ({ core, params }) => core.startMaintenance(params.name!));

// --- users ------------------------------------------------------------------------------------------------

route("POST", "/dbaas-kafka/{name}/user", ({ core, params, body }) => {
  core.kafka(params.name!);
  const o = requireObject(body);
  for (const key of Object.keys(o)) if (key !== "username") throw badRequest(`unknown field "${key}"`);
  const username = optionalString(o, "username", 1, 64);
  if (username === undefined) throw badRequest("username: field is required");
  return core.createUser(params.name!, username);
});
route("DELETE", "/dbaas-kafka/{name}/user/{username}", ({ core, params }) => core.deleteUser(params.name!, params.username!));
route("PUT", "/dbaas-kafka/{name}/user/{username}/password/reset", ({ core, params, body }) => {
  core.kafka(params.name!);
  const o = requireObject(body);
  for (const key of Object.keys(o)) if (key !== "password") throw badRequest(`unknown field "${key}"`);
  return core.resetPassword(params.name!, params.username!, optionalString(o, "password", 8, 256));
});
route("GET", "/dbaas-kafka/{name}/user/{username}/password/reveal", ({ core, params }) => core.revealPassword(params.name!, params.username!));
route("GET", "/dbaas-kafka/{name}/connect/password/reveal", ({ core, params }) => core.revealConnectPassword(params.name!));

// --- ACLs -------------------------------------------------------------------------------------------------

function aclEntry(body: Json | undefined, target: "topic" | "resource", permissions: string[]) {
  const o = requireObject(body);
  for (const key of Object.keys(o)) if (!["id", "username", target, "permission"].includes(key)) throw badRequest(`unknown field "${key}"`);
  const username = optionalString(o, "username", 1, 64);
  const value = optionalString(o, target, 1, 249);
  const permission = o.permission;
  if (username === undefined) throw badRequest("username: field is required");
  if (value === undefined) throw badRequest(`${target}: field is required`);
  if (typeof permission !== "string" || !permissions.includes(permission)) throw badRequest(`permission: must be one of ${permissions.join(", ")}`);
  return { username, value, permission };
}

route("GET", "/dbaas-kafka/{name}/acl-config", ({ core, params }) => core.acls(params.name!));
route("POST", "/dbaas-kafka/{name}/topic/acl-config", ({ core, params, body }) => {
  core.kafka(params.name!);
  const e = aclEntry(body, "topic", ["admin", "read", "readwrite", "write"]);
  return core.addTopicAcl(params.name!, { username: e.username, topic: e.value, permission: e.permission });
});
route("DELETE", "/dbaas-kafka/{name}/topic/acl-config/{id}", ({ core, params }) => core.deleteAcl(params.name!, "topic", params.id!));
route("POST", "/dbaas-kafka/{name}/schema-registry/acl-config", ({ core, params, body }) => {
  core.kafka(params.name!);
  const e = aclEntry(body, "resource", ["schema_registry_read", "schema_registry_write"]);
  return core.addSchemaRegistryAcl(params.name!, { username: e.username, resource: e.value, permission: e.permission });
});
route("DELETE", "/dbaas-kafka/{name}/schema-registry/acl-config/{id}", ({ core, params }) => core.deleteAcl(params.name!, "schema-registry", params.id!));

// --- external endpoints and integrations ------------------------------------------------------------------

registerExternalRoutes(route);
