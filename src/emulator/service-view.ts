// Renders stored services as the API's `dbaas-service-kafka` and `dbaas-service-common` objects.
import { findKafkaPlan, SERVICE_TYPES } from "./catalog.js";
import type { BrokerAddress } from "./broker-provider.js";
import type { ServiceRecord } from "./store.js";

/** Where clients reach a service: fake host names, or the real broker's loopback listeners. */
export interface Endpoints {
  host: string;
  kafkaPort: number;
  saslPort: number;
  connectPort: number;
  restPort: number;
  registryPort: number;
  prometheusPort: number;
  /** bootstrap host:port list */
  nodes: string[];
}

export function fakeEndpoints(svc: ServiceRecord, projectId: string, nodeCount: number): Endpoints {
  const suffix = `${projectId.slice(0, 8)}.exoscale-emulator.local`;
  return {
    host: `${svc.name}-${suffix}`,
    kafkaPort: 21701,
    saslPort: 21712,
    connectPort: 21703,
    restPort: 21704,
    registryPort: 21705,
    prometheusPort: 9273,
    nodes: Array.from({ length: nodeCount }, (_, i) => `${svc.name}-${i + 1}-${suffix}:21701`),
  };
}

export function brokerEndpoints(fake: Endpoints, address: BrokerAddress): Endpoints {
  return {
    ...fake,
    host: address.host,
    kafkaPort: address.sslPort,
    saslPort: address.saslPort ?? fake.saslPort,
    // every broker of the cluster, each on its own loopback port, as the API lists a service's nodes
    nodes: (address.nodes ?? [{ sslPort: address.sslPort }]).map((node) => `${address.host}:${node.sslPort}`),
  };
}

function planFigures(svc: ServiceRecord) {
  const plan = findKafkaPlan(svc.plan) ?? SERVICE_TYPES.flatMap((t) => t.plans).find((p) => p.name === svc.plan);
  return {
    "node-count": plan?.["node-count"] ?? 1,
    "node-cpu-count": plan?.["node-cpu-count"] ?? 1,
    "node-memory": plan?.["node-memory"] ?? 0,
    "disk-size": plan?.["disk-space"] ?? 0,
  };
}

/** The fields a service has both in the list and in its own view, in the API's order. */
function summary(svc: ServiceRecord, state: string, figures: ReturnType<typeof planFigures>) {
  return {
    name: svc.name,
    type: svc.type,
    plan: svc.plan,
    state,
    zone: svc.zone,
    ...figures,
    "created-at": svc.createdAt,
    "updated-at": svc.updatedAt,
    "termination-protection": svc.terminationProtection,
  };
}

export function listItem(svc: ServiceRecord, state: string) {
  return { ...summary(svc, state, planFigures(svc)), notifications: [], integrations: [] };
}

/** `nodeStates`: each real broker's own state; without them every node shows the service's. */
export function kafkaView(svc: ServiceRecord, state: string, ep: Endpoints, nodeStates?: readonly string[]) {
  const figures = planFigures(svc);
  const admin = svc.users.find((u) => u.type === "primary");
  const component = (name: string, port: number, extra: Record<string, string> = {}) => ({
    component: name,
    host: ep.host,
    port,
    ...extra,
    route: "dynamic",
    usage: "primary",
  });
  const components = [component("kafka", ep.kafkaPort, { "kafka-authentication-method": "certificate" })];
  if (svc.authenticationMethods.sasl) components.push(component("kafka", ep.saslPort, { "kafka-authentication-method": "sasl" }));
  if (svc.kafkaConnectEnabled) components.push(component("kafka_connect", ep.connectPort));
  if (svc.kafkaRestEnabled) components.push(component("kafka_rest", ep.restPort));
  if (svc.schemaRegistryEnabled) components.push(component("schema_registry", ep.registryPort));
  const nodeState =
    state === "running" ? "running" : state === "rebalancing" ? "syncing_data" : state === "poweroff" ? "unknown" : "setting_up_vm";
  return {
    ...summary(svc, state, figures),
    maintenance: { ...svc.maintenance, updates: [] },
    uri: `${ep.host}:${ep.kafkaPort}`,
    "uri-params": { host: ep.host, port: String(ep.kafkaPort) },
    "prometheus-uri": { host: ep.host, port: ep.prometheusPort },
    "ip-filter": svc.ipFilter,
    "authentication-methods": svc.authenticationMethods,
    "kafka-connect-enabled": svc.kafkaConnectEnabled,
    "kafka-rest-enabled": svc.kafkaRestEnabled,
    "schema-registry-enabled": svc.schemaRegistryEnabled,
    version: svc.version,
    "kafka-settings": svc.kafkaSettings,
    "kafka-connect-settings": svc.kafkaConnectSettings,
    "kafka-rest-settings": svc.kafkaRestSettings,
    "schema-registry-settings": svc.schemaRegistrySettings,
    components,
    "connection-info": {
      nodes: ep.nodes,
      "access-cert": admin?.accessCert,
      "access-key": admin?.accessKey,
      "connect-uri": svc.kafkaConnectEnabled ? `https://${ep.host}:${ep.connectPort}` : undefined,
      "rest-uri": svc.kafkaRestEnabled ? `https://${ep.host}:${ep.restPort}` : undefined,
      "registry-uri": svc.schemaRegistryEnabled ? `https://${ep.host}:${ep.registryPort}` : undefined,
    },
    users: svc.users.map((u) => ({
      username: u.username,
      type: u.type,
      password: u.password,
      "access-cert": u.accessCert,
      "access-key": u.accessKey,
      "access-cert-expiry": u.accessCertExpiry,
    })),
    "node-states": Array.from({ length: nodeStates?.length ?? figures["node-count"] }, (_, i) => ({
      name: `${svc.name}-${i + 1}`,
      role: i === 0 ? "master" : "standby",
      state: nodeStates?.[i] ?? nodeState,
    })),
    notifications: [],
    backups: backups(svc),
    integrations: [],
  };
}

/** One daily backup per full day since creation, the newest two kept (the Kafka plans keep 2). */
function backups(svc: ServiceRecord) {
  const created = Date.parse(svc.createdAt);
  const days = Math.floor((Date.now() - created) / 86_400_000);
  const out = [];
  for (let d = Math.max(1, days - 1); d <= days; d++) {
    const time = new Date(created + d * 86_400_000);
    out.push({ "backup-name": `${time.toISOString().slice(0, 10)}_${svc.name}`, "backup-time": isoSeconds(time), "data-size": 1_048_576 * d });
  }
  return out;
}

export const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
