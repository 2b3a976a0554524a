// External endpoints (Datadog, Elasticsearch, OpenSearch, Prometheus, rsyslog) and the integrations
// attaching services to them, with the API's validation of each type's settings. Secrets (API key,
// password, private key) are kept but never answered. Every change is an operation, as in the API.
import { randomUUID } from "node:crypto";
import { ApiError, badRequest, notFound } from "./api-error.js";
import type { Core } from "./core.js";
import { TYPES, type EndpointType, type ExternalEndpointRecord, type ExternalIntegrationRecord, type ExternalState } from "./external-records.js";
import { isJsonObject, type Json } from "./lossless-json.js";
import type { RouteContext } from "./route-context.js";

const TITLES: Record<EndpointType, string> = {
  datadog: "Datadog",
  elasticsearch: "Elasticsearch",
  opensearch: "OpenSearch",
  prometheus: "Prometheus",
  rsyslog: "Remote Syslog",
};
const SECRET_MEMBERS = new Set(["datadog-api-key", "basic-auth-password", "key"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Field =
  | { kind: "string"; min: number; max: number; pattern?: RegExp; values?: readonly string[] }
  | { kind: "int"; min: number; max: number }
  | { kind: "boolean" }
  | { kind: "tags" };

const str = (min: number, max: number, extra: { pattern?: RegExp; values?: readonly string[] } = {}): Field => ({ kind: "string", min, max, ...extra });
const int = (min: number, max: number): Field => ({ kind: "int", min, max });
const bool: Field = { kind: "boolean" };
const PEM = str(1, 16384, { pattern: /^-----BEGIN [A-Z0-9 ]+-----[\s\S]+-----END [A-Z0-9 ]+-----\s*$/ });
const HTTP_URL = str(12, 2048, { pattern: /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/ });

/** Each type's settings: the fields, and which ones create requires (update requires `updateRequired`). */
const SCHEMAS: Record<EndpointType, { fields: Record<string, Field>; required: string[]; updateRequired: string[] }> = {
  datadog: {
    fields: {
      "datadog-api-key": str(1, 256),
      site: str(1, 64, { values: ["datadoghq.com", "datadoghq.eu", "us3.datadoghq.com", "us5.datadoghq.com", "ap1.datadoghq.com", "ddog-gov.com"] }),
      "datadog-tags": { kind: "tags" },
      "disable-consumer-stats": bool,
      "kafka-consumer-check-instances": int(1, 100),
      "kafka-consumer-stats-timeout": int(2, 300),
      "max-partition-contexts": int(200, 200000),
    },
    required: ["datadog-api-key", "site"],
    updateRequired: ["datadog-api-key"],
  },
  elasticsearch: {
    fields: { url: HTTP_URL, "index-prefix": str(1, 1000), ca: PEM, "index-days-max": int(1, 10000), timeout: int(10, 120) },
    required: ["url", "index-prefix"],
    updateRequired: [],
  },
  opensearch: {
    fields: { url: HTTP_URL, "index-prefix": str(1, 1000), ca: PEM, "index-days-max": int(1, 10000), timeout: int(10, 120) },
    required: ["url", "index-prefix"],
    updateRequired: [],
  },
  prometheus: {
    fields: { "basic-auth-username": str(5, 32, { pattern: /^[a-z0-9\-@_]+$/ }), "basic-auth-password": str(8, 64) },
    required: [],
    updateRequired: [],
  },
  rsyslog: {
    fields: {
      server: str(4, 255),
      port: int(1, 65535),
      tls: bool,
      format: str(1, 16, { values: ["rfc5424", "rfc3164", "custom"] }),
      logline: str(1, 512),
      sd: str(0, 1024),
      ca: PEM,
      cert: PEM,
      key: PEM,
      "max-message-size": int(2048, 2147483647),
    },
    required: ["server", "port", "tls", "format"],
    updateRequired: [],
  },
};

const typeOf = (v: Json) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "bigint" ? "number" : typeof v);

function checkField(key: string, field: Field, v: Json): Json {
  switch (field.kind) {
    case "string": {
      if (typeof v !== "string") throw badRequest(`settings.${key}: expected a string, got ${typeOf(v)}`);
      if (v.length < field.min || v.length > field.max) throw badRequest(`settings.${key}: length must be between ${field.min} and ${field.max} characters`);
      if (field.values && !field.values.includes(v)) throw badRequest(`settings.${key}: must be one of ${field.values.join(", ")}`);
      if (field.pattern && !field.pattern.test(v)) throw badRequest(`settings.${key}: invalid value`);
      return v;
    }
    case "int": {
      if ((typeof v !== "number" || !Number.isInteger(v)) && typeof v !== "bigint") throw badRequest(`settings.${key}: expected an integer, got ${typeOf(v)}`);
      if (v < field.min || v > field.max) throw badRequest(`settings.${key}: must be between ${field.min} and ${field.max}`);
      return v;
    }
    case "boolean":
      if (typeof v !== "boolean") throw badRequest(`settings.${key}: expected a boolean, got ${typeOf(v)}`);
      return v;
    case "tags": {
      if (!Array.isArray(v)) throw badRequest(`settings.${key}: expected an array, got ${typeOf(v)}`);
      if (v.length > 32) throw badRequest(`settings.${key}: at most 32 tags`);
      return v.map((tag, i) => {
        if (!isJsonObject(tag)) throw badRequest(`settings.${key}[${i}]: expected an object`);
        for (const k of Object.keys(tag)) if (k !== "tag" && k !== "comment") throw badRequest(`settings.${key}[${i}]: unknown field "${k}"`);
        const t = tag.tag;
        if (typeof t !== "string" || t.length < 1 || t.length > 200) throw badRequest(`settings.${key}[${i}].tag: a string of 1 to 200 characters is required`);
        if (tag.comment !== undefined && (typeof tag.comment !== "string" || tag.comment.length > 1024)) throw badRequest(`settings.${key}[${i}].comment: a string of at most 1024 characters`);
        return tag;
      });
    }
  }
}

/** The `settings` member of a create or update body, checked against the type's schema. */
function parseSettings(type: EndpointType, body: Json | undefined, mode: "create" | "update"): { [key: string]: Json } {
  if (!isJsonObject(body)) throw badRequest("request body must be a JSON object");
  for (const k of Object.keys(body)) if (k !== "settings") throw badRequest(`unknown field "${k}"`);
  const settings = body.settings ?? {};
  if (!isJsonObject(settings)) throw badRequest("settings: expected an object");
  const schema = SCHEMAS[type];
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(settings)) {
    const field = Object.hasOwn(schema.fields, k) ? schema.fields[k] : undefined;
    if (!field) throw badRequest(`settings: unknown field "${k}"`);
    if (v === null) continue;
    out[k] = checkField(k, field, v);
  }
  for (const k of mode === "create" ? schema.required : schema.updateRequired) {
    if (out[k] === undefined) throw badRequest(`settings.${k}: field is required`);
  }
  return out;
}

function checkCustomLogline(settings: { [key: string]: Json }): void {
  if (settings.format === "custom" && settings.logline === undefined) throw badRequest("settings.logline: required when format is custom");
}

function split(settings: { [key: string]: Json }): { shown: { [key: string]: Json }; secrets: { [key: string]: Json } } {
  const shown: { [key: string]: Json } = {};
  const secrets: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(settings)) (SECRET_MEMBERS.has(k) || k === "ca" || k === "cert" ? secrets : shown)[k] = v;
  return { shown, secrets };
}

/** The external state kept with the rest of the emulator's (created on first use). */
function state(core: Core): ExternalState {
  return (core.store.state.external ??= { endpoints: [], integrations: [] });
}

function operation(core: Core, command: string, referenceId: string, link: string) {
  const op = { id: randomUUID(), doneAt: Date.now() + core.opts.operationDelayMs, command, referenceId, link };
  core.store.addOperation(op);
  core.store.save();
  return core.renderOperation(op);
}

function endpointType(type: string | undefined): EndpointType {
  if (!(TYPES as readonly string[]).includes(type ?? "")) throw notFound();
  return type as EndpointType;
}

function findEndpoint(core: Core, type: EndpointType, id: string): ExternalEndpointRecord {
  const e = state(core).endpoints.find((x) => x.id === id && x.type === type);
  if (!e) throw notFound();
  return e;
}

const endpointView = (e: ExternalEndpointRecord) => ({ id: e.id, name: e.name, type: e.type, settings: e.settings });

/** Integrations whose service still exists (a deleted service takes its integrations with it). */
function liveIntegrations(core: Core): ExternalIntegrationRecord[] {
  const s = state(core);
  s.integrations = s.integrations.filter((i) => core.store.find(i.service)?.id === i.serviceId);
  return s.integrations;
}

function integrationView(core: Core, i: ExternalIntegrationRecord) {
  const endpoint = state(core).endpoints.find((e) => e.id === i.endpointId);
  const metrics = i.type === "datadog" || i.type === "prometheus";
  return {
    description: `Send ${metrics ? "metrics" : "logs"} of ${i.service} to ${TITLES[i.type]}`,
    "dest-endpoint-id": i.endpointId,
    "dest-endpoint-name": endpoint?.name ?? "",
    "integration-id": i.id,
    "source-service-name": i.service,
    "source-service-type": core.store.find(i.service)?.type ?? "kafka",
    status: "active",
    type: i.type,
  };
}

function findIntegration(core: Core, id: string): ExternalIntegrationRecord {
  const i = liveIntegrations(core).find((x) => x.id === id);
  if (!i) throw notFound();
  return i;
}

function requireUuid(value: Json | undefined, key: string): string {
  if (typeof value !== "string" || !UUID.test(value)) throw badRequest(`${key}: expected a UUID`);
  return value;
}

type Register = (method: string, template: string, handle: (ctx: RouteContext) => unknown) => void;

/** Adds the external endpoint and integration routes to the API's route table. */
export function registerExternalRoutes(route: Register): void {
  route("GET", "/dbaas-external-endpoint-types", () => ({
    "endpoint-types": TYPES.map((type) => ({ type, title: TITLES[type], "service-types": ["kafka", "mysql", "opensearch", "pg"] })),
  }));
  route("GET", "/dbaas-external-endpoints", ({ core }) => ({
    "dbaas-endpoints": state(core).endpoints.map((e) => ({ id: e.id, name: e.name, type: e.type })),
  }));

  route("POST", "/dbaas-external-endpoint-{type}/{name}", ({ core, params, body, baseUrl }) => {
    const type = endpointType(params.type);
    const name = params.name!;
    if (name.length < 1 || name.length > 255 || /[\x00-\x1f\x7f]/.test(name)) throw badRequest("name: must be 1 to 255 characters");
    const settings = parseSettings(type, body, "create");
    checkCustomLogline(settings);
    if (state(core).endpoints.some((e) => e.name === name)) throw new ApiError(409, `an external endpoint named "${name}" already exists`);
    const { shown, secrets } = split(settings);
    const e: ExternalEndpointRecord = { id: randomUUID(), name, type, settings: shown, secrets };
    state(core).endpoints.push(e);
    return operation(core, `create-dbaas-external-endpoint-${type}`, e.id, `${baseUrl}/dbaas-external-endpoint-${type}/${e.id}`);
  });
  route("GET", "/dbaas-external-endpoint-{type}/{id}", ({ core, params }) => endpointView(findEndpoint(core, endpointType(params.type), params.id!)));
  route("PUT", "/dbaas-external-endpoint-{type}/{id}", ({ core, params, body, baseUrl }) => {
    const type = endpointType(params.type);
    const e = findEndpoint(core, type, params.id!);
    const { shown, secrets } = split(parseSettings(type, body, "update"));
    const merged = { ...e.settings, ...shown };
    checkCustomLogline(merged);
    e.settings = merged;
    e.secrets = { ...e.secrets, ...secrets };
    return operation(core, `update-dbaas-external-endpoint-${type}`, e.id, `${baseUrl}/dbaas-external-endpoint-${type}/${e.id}`);
  });
  route("DELETE", "/dbaas-external-endpoint-{type}/{id}", ({ core, params, baseUrl }) => {
    const type = endpointType(params.type);
    const e = findEndpoint(core, type, params.id!);
    const s = state(core);
    s.endpoints = s.endpoints.filter((x) => x !== e);
    s.integrations = s.integrations.filter((i) => i.endpointId !== e.id);
    return operation(core, `delete-dbaas-external-endpoint-${type}`, e.id, `${baseUrl}/dbaas-external-endpoint-${type}/${e.id}`);
  });

  route("PUT", "/dbaas-external-endpoint/{service}/attach", ({ core, params, body, baseUrl }) => {
    const svc = core.service(params.service!);
    if (!isJsonObject(body)) throw badRequest("request body must be a JSON object");
    for (const k of Object.keys(body)) if (k !== "dest-endpoint-id" && k !== "type") throw badRequest(`unknown field "${k}"`);
    const endpointId = requireUuid(body["dest-endpoint-id"], "dest-endpoint-id");
    const type = body.type;
    if (typeof type !== "string" || !(TYPES as readonly string[]).includes(type)) throw badRequest(`type: must be one of ${TYPES.join(", ")}`);
    const e = state(core).endpoints.find((x) => x.id === endpointId);
    if (!e) throw notFound();
    if (e.type !== type) throw badRequest(`type: the endpoint is a ${e.type} endpoint, not ${type}`);
    if (liveIntegrations(core).some((i) => i.service === svc.name && i.endpointId === endpointId)) {
      throw new ApiError(409, "the service is already attached to this endpoint");
    }
    const integration: ExternalIntegrationRecord = {
      id: randomUUID(),
      service: svc.name,
      serviceId: svc.id,
      endpointId,
      type: e.type,
      datadogSettings: { "datadog-dbm-enabled": false, "datadog-pgbouncer-enabled": false },
    };
    state(core).integrations.push(integration);
    return operation(core, "attach-dbaas-service-to-endpoint", svc.id, `${baseUrl}/dbaas-service/${svc.name}`);
  });
  route("PUT", "/dbaas-external-endpoint/{service}/detach", ({ core, params, body, baseUrl }) => {
    const svc = core.service(params.service!);
    if (!isJsonObject(body)) throw badRequest("request body must be a JSON object");
    for (const k of Object.keys(body)) if (k !== "integration-id") throw badRequest(`unknown field "${k}"`);
    const id = requireUuid(body["integration-id"], "integration-id");
    const integration = liveIntegrations(core).find((i) => i.id === id && i.service === svc.name);
    if (!integration) throw notFound();
    const s = state(core);
    s.integrations = s.integrations.filter((i) => i !== integration);
    return operation(core, "detach-dbaas-service-from-endpoint", svc.id, `${baseUrl}/dbaas-service/${svc.name}`);
  });
  route("GET", "/dbaas-external-integrations/{service}", ({ core, params }) => {
    const svc = core.service(params.service!);
    return { "external-integrations": liveIntegrations(core).filter((i) => i.service === svc.name).map((i) => integrationView(core, i)) };
  });
  route("GET", "/dbaas-external-integration/{id}", ({ core, params }) => integrationView(core, findIntegration(core, params.id!)));

  const datadogIntegration = (core: Core, id: string) => {
    const i = findIntegration(core, id);
    if (i.type !== "datadog") throw badRequest("the integration is not a datadog integration");
    return i;
  };
  route("GET", "/dbaas-external-integration-settings-datadog/{id}", ({ core, params }) => ({ settings: datadogIntegration(core, params.id!).datadogSettings }));
  route("POST", "/dbaas-external-integration-settings-datadog/{id}", ({ core, params, body, baseUrl }) => {
    const i = datadogIntegration(core, params.id!);
    if (!isJsonObject(body)) throw badRequest("request body must be a JSON object");
    for (const k of Object.keys(body)) if (k !== "settings") throw badRequest(`unknown field "${k}"`);
    const settings = body.settings ?? {};
    if (!isJsonObject(settings)) throw badRequest("settings: expected an object");
    const next = { ...i.datadogSettings };
    for (const [k, v] of Object.entries(settings)) {
      if (k !== "datadog-dbm-enabled" && k !== "datadog-pgbouncer-enabled") throw badRequest(`settings: unknown field "${k}"`);
      if (typeof v !== "boolean") throw badRequest(`settings.${k}: expected a boolean, got ${typeOf(v)}`);
      next[k] = v;
    }
    i.datadogSettings = next;
    return operation(core, "update-dbaas-external-integration-settings-datadog", i.id, `${baseUrl}/dbaas-external-integration/${i.id}`);
  });
}
