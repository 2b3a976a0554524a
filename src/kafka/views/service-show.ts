// `exo dbaas show NAME` for a Kafka service: exo's dbServiceShowOutput and its hand-written table.

import { GoNil, GoPtr, GoStruct, GoTime } from "../../templates/values.js";
import { goTimeString, humanizeIBytes } from "../../output/go-format.js";
import { objectOutput, type ObjectOutput } from "../../output/model.js";
import { renderEmbeddedTable, renderTable } from "../../output/table.js";
import { redactURL } from "../../output/url.js";
import { appended, field, ptr, struct } from "./go.js";
import { bool, int, isObject, obj, objects, str, strings, time, toNumber, type RawObject } from "./raw.js";

const PKG = "dbaas.";

function maintenance(service: RawObject): GoStruct | undefined {
  const m = obj(service, "maintenance");
  if (!m) return undefined;
  return struct(`${PKG}dbServiceMaintenanceShowOutput`, [
    field("DOW", str(m, "dow"), "dow"),
    field("Time", str(m, "time"), "time"),
  ]);
}

function stringPtr(o: RawObject | undefined, key: string): GoPtr {
  return new GoPtr(str(o, key), "*string");
}

function kafkaSection(service: RawObject, aclConfig: RawObject): GoStruct {
  const auth = obj(service, "authentication-methods");
  const info = obj(service, "connection-info");
  const nodes = strings(info, "nodes");
  const ipFilter = strings(service, "ip-filter");
  const uriParams = obj(service, "uri-params");

  const acl = (objects(aclConfig, "topic-acl") ?? []).map((a) =>
    struct(`${PKG}dbServiceKafkaACLShowOutput`, [
      field("ID", str(a, "id"), "id"),
      field("Permission", str(a, "permission"), "permission"),
      field("Topic", str(a, "topic"), "topic"),
      field("Username", str(a, "username"), "username"),
    ]),
  );
  const components = (objects(service, "components") ?? []).map((c) =>
    struct(`${PKG}dbServiceKafkaComponentShowOutput`, [
      field("AuthenticationMethod", str(c, "kafka-authentication-method"), "authentication_method"),
      field("Component", str(c, "component"), "component"),
      field("Host", str(c, "host"), "host"),
      field("Port", int(c, "port"), "port"),
      field("Route", str(c, "route"), "route"),
      field("Usage", str(c, "usage"), "usage"),
    ]),
  );
  const users = (objects(service, "users") ?? []).map((u) =>
    struct(`${PKG}dbServiceKafkaUserShowOutput`, [
      field("AccessCert", stringPtr(u, "access-cert"), "access_cert", true),
      field("AccessCertExpiry", new GoPtr(time(u, "access-cert-expiry"), "*time.Time"), "access_cert-expiry", true),
      field("AccessKey", stringPtr(u, "access-key"), "access_key", true),
      field("Password", str(u, "password"), "password"),
      field("Type", str(u, "type"), "type"),
      field("Username", str(u, "username"), "username"),
    ]),
  );

  return new GoStruct(`${PKG}dbServiceKafkaShowOutput`, [
    field("ACL", appended(acl, `${PKG}dbServiceKafkaACLShowOutput`), "acl"),
    field(
      "AuthenticationMethods",
      struct(`${PKG}dbServiceKafkaAuthenticationShowOutput`, [
        field("Certificate", bool(auth, "certificate"), "certificate"),
        field("SASL", bool(auth, "sasl"), "sasl"),
      ]),
      "authentication_methods",
    ),
    field("Components", appended(components, `${PKG}dbServiceKafkaComponentShowOutput`), "components"),
    field(
      "ConnectionInfo",
      struct(`${PKG}dbServiceKafkaConnectionInfoShowOutput`, [
        field("AccessCert", stringPtr(info, "access-cert"), "access_cert", true),
        field("AccessKey", stringPtr(info, "access-key"), "access_key", true),
        field("Nodes", new GoPtr(nodes ?? new GoNil("[]string"), "*[]string"), "nodes", true),
        field("RegistryURI", stringPtr(info, "registry-uri"), "registry_uri", true),
        field("RestURI", stringPtr(info, "rest-uri"), "rest_uri", true),
      ]),
      "connection_info",
    ),
    field("IPFilter", ipFilter ?? new GoNil("[]string"), "ip_filter"),
    field("KafkaConnectEnabled", bool(service, "kafka-connect-enabled"), "kafka_connect_enabled"),
    field("KafkaRESTEnabled", bool(service, "kafka-rest-enabled"), "kafka_rest_enabled"),
    field("SchemaRegistryEnabled", bool(service, "schema-registry-enabled"), "schema_registry_enabled"),
    field("URI", str(service, "uri"), "uri"),
    field("URIParams", uriParams ?? new GoNil("map[string]interface {}"), "uri_params"),
    field("Users", appended(users, `${PKG}dbServiceKafkaUserShowOutput`), "users"),
    field("Version", str(service, "version"), "version"),
  ], kafkaEndpointMethods(service));
}

/**
 * Beyond exo, for templates only (methods: `-O json` and `-O text` stay exo's): where clients
 * connect. `.Kafka.SASLPort`, `.Kafka.SASLBootstrap` and `.Kafka.CertificateBootstrap` ("host:port");
 * a method fails when the service does not offer that authentication method.
 */
function kafkaEndpointMethods(service: RawObject): Record<string, () => unknown> {
  const endpoint = (method: "sasl" | "certificate"): RawObject => {
    const found = (objects(service, "components") ?? []).find(
      (c) => str(c, "component") === "kafka" && str(c, "kafka-authentication-method") === method,
    );
    if (!found) throw new Error(`${method === "sasl" ? "SASL" : "certificate"} authentication is not enabled on this service`);
    return found;
  };
  const bootstrap = (c: RawObject) => `${str(c, "host")}:${int(c, "port")}`;
  return {
    SASLPort: () => int(endpoint("sasl"), "port"),
    SASLBootstrap: () => bootstrap(endpoint("sasl")),
    CertificatePort: () => int(endpoint("certificate"), "port"),
    CertificateBootstrap: () => bootstrap(endpoint("certificate")),
  };
}

/**
 * Builds exo's `*dbaas.dbServiceShowOutput` from `GET /dbaas-kafka/NAME` and
 * `GET /dbaas-kafka/NAME/acl-config`. `zone` is the `--zone` value, which exo prints instead of
 * anything the API says. Where exo would panic (no `termination-protection` or `connection-info`)
 * the Go zero values are used instead.
 */
export function buildServiceShowValue(service: RawObject, aclConfig: RawObject, zone: string): GoStruct {
  const noEngine = (name: string) => new GoNil(`*${PKG}dbService${name}ShowOutput`);
  return struct(`*${PKG}dbServiceShowOutput`, [
    field("CreationDate", time(service, "created-at"), "creation_date"),
    field("DiskSize", int(service, "disk-size"), "disk_size"),
    field("Maintenance", ptr(maintenance(service), `${PKG}dbServiceMaintenanceShowOutput`), "maintenance"),
    field("Name", str(service, "name"), "name"),
    field("NodeCPUs", int(service, "node-cpu-count"), "node_cpus"),
    field("NodeMemory", int(service, "node-memory"), "node_memory"),
    field("Nodes", int(service, "node-count"), "nodes"),
    field("Plan", str(service, "plan"), "plan"),
    field("State", str(service, "state"), "state"),
    field("TerminationProtection", bool(service, "termination-protection"), "termination_protection"),
    field("Type", str(service, "type"), "type"),
    field("UpdateDate", time(service, "updated-at"), "update_date"),
    field("Zone", zone, "zone"),
    field("Grafana", noEngine("Grafana"), "grafana", true),
    field("Kafka", ptr(kafkaSection(service, aclConfig), `${PKG}dbServiceKafkaShowOutput`), "kafka", true),
    field("Mysql", noEngine("Mysql"), "mysql", true),
    field("PG", noEngine("PG"), "pg", true),
    field("Valkey", noEngine("Valkey"), "valkey", true),
    field("Opensearch", noEngine("Opensearch"), "opensearch", true),
    field("Thanos", noEngine("Thanos"), "thanos", true),
  ]);
}

// ---- table -------------------------------------------------------------------------------

function structField(value: unknown, name: string): unknown {
  const target = value instanceof GoPtr ? value.value : value;
  return target instanceof GoStruct ? target.get(name) : undefined;
}

function structs(value: unknown): GoStruct[] {
  return Array.isArray(value) ? value.filter((v): v is GoStruct => v instanceof GoStruct) : [];
}

function text(value: unknown): string {
  if (value instanceof GoPtr) return text(value.value);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  return "";
}

function kafkaRows(kafka: GoStruct): string[][] {
  const auth = kafka.get("AuthenticationMethods");
  const methods = [
    ...(structField(auth, "Certificate") === true ? ["certificate"] : []),
    ...(structField(auth, "SASL") === true ? ["SASL"] : []),
  ];
  const components = structs(kafka.get("Components")).map((c) => [
    text(c.get("Component")),
    `${text(c.get("Host"))}:${text(c.get("Port"))}`,
    `auth:${text(c.get("AuthenticationMethod"))}`,
    `route:${text(c.get("Route"))}`,
    `usage:${text(c.get("Usage"))}`,
  ]);
  const acl = structs(kafka.get("ACL")).map((a) => [
    text(a.get("ID")),
    `username:${text(a.get("Username"))}`,
    `topic:${text(a.get("Topic"))}`,
    `permission:${text(a.get("Permission"))}`,
  ]);
  const users = structs(kafka.get("Users")).map((u) => `${text(u.get("Username"))} (${text(u.get("Type"))})`);
  const ipFilter = kafka.get("IPFilter");
  return [
    ["Version", text(kafka.get("Version"))],
    ["URI", redactURL(text(kafka.get("URI")))],
    ["IP Filter", Array.isArray(ipFilter) ? ipFilter.map(text).join(", ") : ""],
    ["Authentication Methods", methods.join(", ")],
    ["Kafka Connect Enabled", text(kafka.get("KafkaConnectEnabled"))],
    ["Kafka REST Enabled", text(kafka.get("KafkaRESTEnabled"))],
    ["Schema Registry Enabled", text(kafka.get("SchemaRegistryEnabled"))],
    ["Components", renderEmbeddedTable(components, [" "])],
    ["ACL", renderEmbeddedTable(acl, [" "])],
    ["Users", users.length > 0 ? users.join("\n") : "n/a"],
  ];
}

/** exo's `dbServiceShowOutput.ToTable()`. */
export function serviceShowTable(value: GoStruct, isTTY: boolean): string {
  const time = (name: string) => {
    const t = value.get(name);
    return t instanceof GoTime ? goTimeString(t) : "";
  };
  const bytes = (name: string) => humanizeIBytes(toNumber(value.get(name) as number | bigint));
  const maintenance = value.get("Maintenance");
  const rows: string[][] = [
    ["Zone", text(value.get("Zone"))],
    ["Name", text(value.get("Name"))],
    ["Type", text(value.get("Type"))],
    ["Plan", text(value.get("Plan"))],
    ["Disk Size", bytes("DiskSize")],
    ["State", text(value.get("State"))],
    ["Creation Date", time("CreationDate")],
    ["Update Date", time("UpdateDate")],
    ["Nodes", text(value.get("Nodes"))],
    ["Node CPUs", text(value.get("NodeCPUs"))],
    ["Node Memory", bytes("NodeMemory")],
    ["Termination Protected", text(value.get("TerminationProtection"))],
    [
      "Maintenance",
      maintenance instanceof GoPtr
        ? `${text(structField(maintenance, "DOW"))} (${text(structField(maintenance, "Time"))})`
        : "n/a",
    ],
  ];
  const kafka = value.get("Kafka");
  if (kafka instanceof GoPtr && kafka.value instanceof GoStruct) rows.push(...kafkaRows(kafka.value));
  return renderTable({ header: ["Database Service"], rows }, isTTY);
}

/** `exo dbaas show NAME` (default view) for a Kafka service. */
export function serviceShowOutput(service: unknown, aclConfig: unknown, zone: string): ObjectOutput {
  const value = buildServiceShowValue(isObject(service) ? service : {}, isObject(aclConfig) ? aclConfig : {}, zone);
  return objectOutput(value, (isTTY) => serviceShowTable(value, isTTY));
}
