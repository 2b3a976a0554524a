// `exo dbaas show NAME` for a Kafka service: exo's dbServiceShowOutput and its hand-written table.

import type { KafkaAcls, KafkaService, TopicAclEntry } from "../../api/schemas.js";
import { GoNil, GoPtr, GoStruct } from "../../templates/values.js";
import { humanizeIBytes } from "../../output/go-format.js";
import { objectOutput, type ObjectOutput } from "../../output/model.js";
import { renderEmbeddedTable, renderTable } from "../../output/table.js";
import { redactURL } from "../../output/url.js";
import { appended, goTime, ptr, toNumber } from "./go.js";
import { defineView, fieldsOf, goStruct, tableRows, type View } from "./spec.js";
import type { KafkaUser } from "./users.js";

/**
 * `GET /dbaas-kafka/NAME`, `GET /dbaas-kafka/NAME/acl-config`, and the `--zone` value, which exo
 * prints instead of anything the API says.
 */
export interface ServiceShowSource {
  readonly service: KafkaService;
  readonly acl: KafkaAcls;
  readonly zone: string;
}

type Maintenance = NonNullable<KafkaService["maintenance"]>;
type Component = NonNullable<KafkaService["components"]>[number];

const PKG = "dbaas.";
const stringPtr = (value: string | undefined) => new GoPtr(value ?? "", "*string");
const bytes = (value: number | bigint) => humanizeIBytes(toNumber(value));

const maintenanceField = fieldsOf<Maintenance>();
export const maintenanceView = defineView(`${PKG}dbServiceMaintenanceShowOutput`, [
  maintenanceField({ go: "DOW", json: "dow", from: (m) => m.dow }),
  maintenanceField({ go: "Time", json: "time", from: (m) => m.time }),
]);

const aclField = fieldsOf<TopicAclEntry>();
export const kafkaAclView = defineView(`${PKG}dbServiceKafkaACLShowOutput`, [
  aclField({ go: "ID", json: "id", from: (a) => a.id ?? "" }),
  aclField({ go: "Permission", json: "permission", from: (a) => a.permission }),
  aclField({ go: "Topic", json: "topic", from: (a) => a.topic }),
  aclField({ go: "Username", json: "username", from: (a) => a.username }),
]);

const serviceField = fieldsOf<KafkaService>();
export const kafkaAuthenticationView = defineView(`${PKG}dbServiceKafkaAuthenticationShowOutput`, [
  serviceField({ go: "Certificate", json: "certificate", from: (s) => s["authentication-methods"]?.certificate ?? false }),
  serviceField({ go: "SASL", json: "sasl", from: (s) => s["authentication-methods"]?.sasl ?? false }),
]);

const componentField = fieldsOf<Component>();
export const kafkaComponentView = defineView(`${PKG}dbServiceKafkaComponentShowOutput`, [
  componentField({ go: "AuthenticationMethod", json: "authentication_method", from: (c) => c["kafka-authentication-method"] ?? "" }),
  componentField({ go: "Component", json: "component", from: (c) => c.component }),
  componentField({ go: "Host", json: "host", from: (c) => c.host }),
  componentField({ go: "Port", json: "port", from: (c) => c.port }),
  componentField({ go: "Route", json: "route", from: (c) => c.route }),
  componentField({ go: "Usage", json: "usage", from: (c) => c.usage }),
]);

export const kafkaConnectionInfoView = defineView(`${PKG}dbServiceKafkaConnectionInfoShowOutput`, [
  serviceField({ go: "AccessCert", json: "access_cert", omitempty: true, from: (s) => stringPtr(s["connection-info"]?.["access-cert"]) }),
  serviceField({ go: "AccessKey", json: "access_key", omitempty: true, from: (s) => stringPtr(s["connection-info"]?.["access-key"]) }),
  serviceField({
    go: "Nodes",
    json: "nodes",
    omitempty: true,
    from: (s) => new GoPtr(s["connection-info"]?.nodes ?? new GoNil("[]string"), "*[]string"),
  }),
  serviceField({ go: "RegistryURI", json: "registry_uri", omitempty: true, from: (s) => stringPtr(s["connection-info"]?.["registry-uri"]) }),
  serviceField({ go: "RestURI", json: "rest_uri", omitempty: true, from: (s) => stringPtr(s["connection-info"]?.["rest-uri"]) }),
]);

const userField = fieldsOf<KafkaUser>();
export const kafkaUserView = defineView(`${PKG}dbServiceKafkaUserShowOutput`, [
  userField({ go: "AccessCert", json: "access_cert", omitempty: true, from: (u) => stringPtr(u["access-cert"]) }),
  userField({
    go: "AccessCertExpiry",
    json: "access_cert-expiry",
    omitempty: true,
    from: (u) => new GoPtr(goTime(u["access-cert-expiry"]), "*time.Time"),
  }),
  userField({ go: "AccessKey", json: "access_key", omitempty: true, from: (u) => stringPtr(u["access-key"]) }),
  userField({ go: "Password", json: "password", from: (u) => u.password ?? "" }),
  userField({ go: "Type", json: "type", from: (u) => u.type ?? "" }),
  userField({ go: "Username", json: "username", from: (u) => u.username ?? "" }),
]);

/** A slice of structs built by `append`: nil (JSON `null`) when empty. */
const slice = <S>(view: View<S>, items: readonly S[]) => appended(items.map((i) => goStruct(view, i)), view.type);

const embedded = (rows: readonly string[][]) => renderEmbeddedTable(rows, [" "]);

const show = fieldsOf<ServiceShowSource>();
export const kafkaView = defineView(
  `${PKG}dbServiceKafkaShowOutput`,
  [
    show({
      go: "ACL",
      json: "acl",
      label: "ACL",
      from: ({ acl }) => slice(kafkaAclView, acl["topic-acl"] ?? []),
      cell: (_, { acl }) =>
        embedded((acl["topic-acl"] ?? []).map((a) => [a.id ?? "", `username:${a.username}`, `topic:${a.topic}`, `permission:${a.permission}`])),
      annotate: { view: kafkaAclView, slice: true },
    }),
    show({
      go: "AuthenticationMethods",
      json: "authentication_methods",
      label: "Authentication Methods",
      from: ({ service }) => goStruct(kafkaAuthenticationView, service),
      cell: (_, { service }) => {
        const auth = service["authentication-methods"];
        return [...(auth?.certificate === true ? ["certificate"] : []), ...(auth?.sasl === true ? ["SASL"] : [])].join(", ");
      },
      annotate: { view: kafkaAuthenticationView },
    }),
    show({
      go: "Components",
      json: "components",
      label: "Components",
      from: ({ service }) => slice(kafkaComponentView, service.components ?? []),
      cell: (_, { service }) =>
        embedded(
          (service.components ?? []).map((c) => [
            c.component,
            `${c.host}:${c.port}`,
            `auth:${c["kafka-authentication-method"] ?? ""}`,
            `route:${c.route}`,
            `usage:${c.usage}`,
          ]),
        ),
      annotate: { view: kafkaComponentView, slice: true },
    }),
    show({
      go: "ConnectionInfo",
      json: "connection_info",
      from: ({ service }) => goStruct(kafkaConnectionInfoView, service),
      annotate: { view: kafkaConnectionInfoView },
    }),
    show({
      go: "IPFilter",
      json: "ip_filter",
      label: "IP Filter",
      from: ({ service }): readonly string[] | GoNil => service["ip-filter"] ?? new GoNil("[]string"),
      cell: (value) => (Array.isArray(value) ? value.join(", ") : ""),
    }),
    show({ go: "KafkaConnectEnabled", json: "kafka_connect_enabled", label: "Kafka Connect Enabled", from: ({ service }) => service["kafka-connect-enabled"] ?? false }),
    show({ go: "KafkaRESTEnabled", json: "kafka_rest_enabled", label: "Kafka REST Enabled", from: ({ service }) => service["kafka-rest-enabled"] ?? false }),
    show({
      go: "SchemaRegistryEnabled",
      json: "schema_registry_enabled",
      label: "Schema Registry Enabled",
      from: ({ service }) => service["schema-registry-enabled"] ?? false,
    }),
    show({ go: "URI", json: "uri", label: "URI", from: ({ service }) => service.uri ?? "", cell: redactURL }),
    show({ go: "URIParams", json: "uri_params", from: ({ service }) => service["uri-params"] ?? new GoNil("map[string]interface {}") }),
    show({
      go: "Users",
      json: "users",
      label: "Users",
      from: ({ service }) => slice(kafkaUserView, service.users ?? []),
      cell: (_, { service }) => {
        const users = (service.users ?? []).map((u) => `${u.username ?? ""} (${u.type ?? ""})`);
        return users.length > 0 ? users.join("\n") : "n/a";
      },
      annotate: { view: kafkaUserView, slice: true },
    }),
    show({ go: "Version", json: "version", label: "Version", from: ({ service }) => service.version ?? "" }),
  ],
  {
    tableOrder: ["Version", "URI", "IPFilter", "AuthenticationMethods", "KafkaConnectEnabled", "KafkaRESTEnabled", "SchemaRegistryEnabled", "Components", "ACL", "Users"],
    methods: ({ service }) => kafkaEndpointMethods(service),
  },
);

/**
 * Beyond exo, for templates only (methods: `-O json` and `-O text` stay exo's): where clients
 * connect. `.Kafka.SASLPort`, `.Kafka.SASLBootstrap` and `.Kafka.CertificateBootstrap` ("host:port");
 * a method fails when the service does not offer that authentication method.
 */
function kafkaEndpointMethods(service: KafkaService): Record<string, () => unknown> {
  const endpoint = (method: "sasl" | "certificate"): Component => {
    const found = (service.components ?? []).find((c) => c.component === "kafka" && c["kafka-authentication-method"] === method);
    if (!found) throw new Error(`${method === "sasl" ? "SASL" : "certificate"} authentication is not enabled on this service`);
    return found;
  };
  const bootstrap = (c: Component) => `${c.host}:${c.port}`;
  return {
    SASLPort: () => endpoint("sasl").port,
    SASLBootstrap: () => bootstrap(endpoint("sasl")),
    CertificatePort: () => endpoint("certificate").port,
    CertificateBootstrap: () => bootstrap(endpoint("certificate")),
  };
}

const noEngine = (name: string) =>
  show({ go: name, json: name.toLowerCase(), omitempty: true, unannotated: true, from: () => new GoNil(`*${PKG}dbService${name}ShowOutput`) });

/**
 * exo's `*dbaas.dbServiceShowOutput`. Where exo would panic (no `termination-protection` or
 * `connection-info`) the Go zero values are used instead.
 */
export const serviceShowView = defineView(
  `*${PKG}dbServiceShowOutput`,
  [
    show({ go: "CreationDate", json: "creation_date", label: "Creation Date", from: ({ service }) => goTime(service["created-at"]) }),
    show({ go: "DiskSize", json: "disk_size", label: "Disk Size", from: ({ service }) => service["disk-size"] ?? 0, cell: bytes }),
    show({
      go: "Maintenance",
      json: "maintenance",
      label: "Maintenance",
      from: ({ service }) => ptr(service.maintenance && goStruct(maintenanceView, service.maintenance), maintenanceView.type),
      cell: (_, { service }) => (service.maintenance ? `${service.maintenance.dow} (${service.maintenance.time})` : "n/a"),
    }),
    show({ go: "Name", json: "name", label: "Name", from: ({ service }) => service.name }),
    show({ go: "NodeCPUs", json: "node_cpus", label: "Node CPUs", from: ({ service }) => service["node-cpu-count"] ?? 0 }),
    show({ go: "NodeMemory", json: "node_memory", label: "Node Memory", from: ({ service }) => service["node-memory"] ?? 0, cell: bytes }),
    show({ go: "Nodes", json: "nodes", label: "Nodes", from: ({ service }) => service["node-count"] ?? 0 }),
    show({ go: "Plan", json: "plan", label: "Plan", from: ({ service }) => service.plan }),
    show({ go: "State", json: "state", label: "State", from: ({ service }) => service.state ?? "" }),
    show({
      go: "TerminationProtection",
      json: "termination_protection",
      label: "Termination Protected",
      from: ({ service }) => service["termination-protection"] ?? false,
    }),
    show({ go: "Type", json: "type", label: "Type", from: ({ service }) => service.type }),
    show({ go: "UpdateDate", json: "update_date", label: "Update Date", from: ({ service }) => goTime(service["updated-at"]) }),
    show({ go: "Zone", json: "zone", label: "Zone", from: ({ zone }) => zone }),
    noEngine("Grafana"),
    show({
      go: "Kafka",
      json: "kafka",
      omitempty: true,
      from: (source) => ptr(goStruct(kafkaView, source), kafkaView.type),
      annotate: { view: kafkaView },
    }),
    noEngine("Mysql"),
    noEngine("PG"),
    noEngine("Valkey"),
    noEngine("Opensearch"),
    noEngine("Thanos"),
  ],
  {
    tableOrder: ["Zone", "Name", "Type", "Plan", "DiskSize", "State", "CreationDate", "UpdateDate", "Nodes", "NodeCPUs", "NodeMemory", "TerminationProtection", "Maintenance"],
  },
);

/** The Go value of `exo dbaas show NAME` (templates and JSON see it). */
export function buildServiceShowValue(service: KafkaService, acl: KafkaAcls, zone: string): GoStruct {
  return goStruct(serviceShowView, { service, acl, zone });
}

/** `exo dbaas show NAME` (default view) for a Kafka service: the service's rows, then Kafka's. */
export function serviceShowOutput(service: KafkaService, acl: KafkaAcls, zone: string): ObjectOutput {
  const source = { service, acl, zone };
  return objectOutput(goStruct(serviceShowView, source), (isTTY) =>
    renderTable({ header: ["Database Service"], rows: [...tableRows(serviceShowView, source), ...tableRows(kafkaView, source)] }, isTTY),
  );
}
