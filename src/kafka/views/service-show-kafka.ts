// The `.Kafka` part of `exo dbaas show NAME`: exo's dbServiceKafkaShowOutput, the structs it holds,
// and its rows of the show table.

import type { KafkaAcls, KafkaService, TopicAclEntry } from "../../api/schemas.js";
import { GoNil, GoPtr } from "../../templates/values.js";
import { renderEmbeddedTable } from "../../output/table.js";
import { redactURL } from "../../output/url.js";
import { appended, goTime } from "./go.js";
import { defineView, fieldsOf, goStruct, type View } from "./spec.js";
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

type Component = NonNullable<KafkaService["components"]>[number];

const PKG = "dbaas.";
const stringPtr = (value: string | undefined) => new GoPtr(value ?? "", "*string");

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
