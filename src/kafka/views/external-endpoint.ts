// Views of `exo dbaas external-endpoint list|show` (show is also printed after create and update):
// exo's `*dbaas.<type>Output` structs, whose Settings hold egoscale's settings struct of the type.

import type { ExternalEndpoint, ExternalEndpointSettings, ExternalEndpointSummary, ExternalEndpointType } from "../../api/external.js";
import type { ListOutput, ObjectOutput } from "../../output/model.js";
import { GoNil, goSlice } from "../../templates/values.js";
import { optional } from "./go.js";
import { sliceOutput, structWithPartOutput } from "./outputs.js";
import { defineView, fieldsOf, goStruct, type View } from "./spec.js";

/** How exo names each type in its show table header (its messages spell some differently). */
export const ENDPOINT_TITLES: Readonly<Record<ExternalEndpointType, string>> = {
  datadog: "Datadog",
  elasticsearch: "Elasticsearch",
  opensearch: "OpenSearch",
  prometheus: "Prometheus",
  rsyslog: "Rsyslog",
};

const summary = fieldsOf<ExternalEndpointSummary>();
export const endpointListItemView = defineView("dbaas.dbaasExternalEndpointListItemOutput", [
  summary({ go: "Name", json: "name", label: "Name", from: (e) => e.name ?? "" }),
  summary({ go: "ID", json: "id", label: "ID", from: (e) => e.id ?? "" }),
  summary({ go: "Type", json: "type", label: "Type", from: (e) => e.type ?? "" }),
]);

type Settings = ExternalEndpointSettings;
type DatadogTag = NonNullable<Settings["datadog-tags"]>[number];

const setting = fieldsOf<Settings>();
/** The named settings keys (not the loose object's index signature) whose values are of type T. */
type KeyOf<T> = keyof { [K in keyof Settings as string extends K ? never : NonNullable<Settings[K]> extends T ? K : never]: true } & string;
/** An int64 setting: 0 when the API leaves it out (exo's tables print it with FormatInt). */
const int64 = (go: string, json: KeyOf<number | bigint>, label?: string) => setting({ go, json, omitempty: true, label, from: (s) => s[json] ?? 0 });
/** A string setting: "" when the API leaves it out. */
const text = (go: string, json: KeyOf<string>, label?: string) => setting({ go, json, omitempty: true, label, from: (s) => s[json] ?? "" });
/** A *bool setting: exo's tables print nil as false. */
const boolPointer = (go: string, json: KeyOf<boolean>, label: string) =>
  setting({ go, json, omitempty: true, label, from: (s) => optional(s[json], "*bool"), cell: (_, s) => String(s[json] === true) });

const tag = fieldsOf<DatadogTag>();
export const datadogTagView = defineView("v3.DBAASDatadogTag", [
  tag({ go: "Comment", json: "comment", omitempty: true, from: (t) => t.comment ?? "" }),
  tag({ go: "Tag", json: "tag", from: (t) => t.tag }),
]);

/** exo lists the tags one a line as `TAG (COMMENT)`, or `None`. */
function tagLines(tags: readonly DatadogTag[] | undefined): string {
  return tags?.length ? tags.map((t) => `${t.tag} (${t.comment ?? ""})`).join("\n") : "None";
}

const datadogSettingsView = defineView(
  "v3.DBAASExternalEndpointDatadogOutputSettings",
  [
    setting({
      go: "DatadogTags",
      json: "datadog-tags",
      omitempty: true,
      label: "Datadog Tags",
      from: (s) => {
        const tags = s["datadog-tags"];
        return tags === undefined ? new GoNil("[]v3.DBAASDatadogTag") : goSlice("v3.DBAASDatadogTag", tags.map((t) => goStruct(datadogTagView, t)));
      },
      cell: (_, s) => tagLines(s["datadog-tags"]),
      annotate: { view: datadogTagView, slice: true },
    }),
    boolPointer("DisableConsumerStats", "disable-consumer-stats", "Disable Consumer Stats"),
    int64("KafkaConsumerCheckInstances", "kafka-consumer-check-instances", "Kafka Consumer Check Instances"),
    int64("KafkaConsumerStatsTimeout", "kafka-consumer-stats-timeout", "Kafka Consumer Stats Timeout"),
    int64("MaxPartitionContexts", "max-partition-contexts", "Max Partition Contexts"),
    text("Site", "site", "Site"),
  ],
  { tableOrder: ["Site", "DisableConsumerStats", "KafkaConsumerCheckInstances", "KafkaConsumerStatsTimeout", "MaxPartitionContexts", "DatadogTags"] },
);

/** Elasticsearch and OpenSearch share their fields; the struct's name and the URL's label differ. */
const searchSettingsView = (type: "elasticsearch" | "opensearch", structName: string) =>
  defineView(
    `v3.DBAASEndpoint${structName}OptionalFields`,
    [
      int64("IndexDaysMax", "index-days-max", "Index Days Max"),
      text("IndexPrefix", "index-prefix", "Index Prefix"),
      int64("Timeout", "timeout", "Timeout"),
      text("URL", "url", `${ENDPOINT_TITLES[type]} URL`),
    ],
    { tableOrder: ["URL", "IndexPrefix", "IndexDaysMax", "Timeout"] },
  );

const prometheusSettingsView = defineView("v3.DBAASEndpointExternalPrometheusOutputSettings", [
  text("BasicAuthUsername", "basic-auth-username", "Basic Auth Username"),
]);

const rsyslogSettingsView = defineView(
  "v3.DBAASEndpointRsyslogOptionalFields",
  [
    text("Format", "format"),
    text("Logline", "logline", "Custom logline format"),
    int64("MaxMessageSize", "max-message-size", "Max Message Size"),
    int64("Port", "port", "Port"),
    text("SD", "sd", "Structured data block"),
    text("Server", "server", "Server"),
    boolPointer("Tls", "tls", "Tls"),
  ],
  { tableOrder: ["Server", "Port", "Tls", "MaxMessageSize", "SD", "Logline"] },
);

/** The Settings struct of each type. */
export const endpointSettingsViews: Readonly<Record<ExternalEndpointType, View<Settings>>> = {
  datadog: datadogSettingsView,
  elasticsearch: searchSettingsView("elasticsearch", "Elasticsearch"),
  opensearch: searchSettingsView("opensearch", "Opensearch"),
  prometheus: prometheusSettingsView,
  rsyslog: rsyslogSettingsView,
};

const endpoint = fieldsOf<ExternalEndpoint>();
const endpointShowView = (type: ExternalEndpointType): View<ExternalEndpoint> => {
  const settings = endpointSettingsViews[type];
  return defineView(`*dbaas.${type}Output`, [
    endpoint({ go: "ID", json: "id", label: "Endpoint ID", from: (e) => e.id ?? "" }),
    endpoint({ go: "Name", json: "name", label: "Endpoint Name", from: (e) => e.name ?? "" }),
    endpoint({ go: "Type", json: "type", label: "Endpoint Type", from: (e) => e.type ?? "" }),
    endpoint({ go: "Settings", json: "settings", from: (e) => goStruct(settings, e.settings ?? {}), annotate: { view: settings } }),
  ]);
};

/** The show struct of each type. */
export const endpointShowViews: Readonly<Record<ExternalEndpointType, View<ExternalEndpoint>>> = {
  datadog: endpointShowView("datadog"),
  elasticsearch: endpointShowView("elasticsearch"),
  opensearch: endpointShowView("opensearch"),
  prometheus: endpointShowView("prometheus"),
  rsyslog: endpointShowView("rsyslog"),
};

/** `.Settings.GO` for a help text; GO must be a field of TYPE's settings struct. */
export function settingsAnnotation(type: ExternalEndpointType, go: string): string {
  if (!endpointSettingsViews[type].fields.some((f) => f.go === go)) throw new Error(`${type} settings have no field ${go}`);
  return `.Settings.${go}`;
}

/** `external-endpoint list`: name, id and type of every endpoint, in API order. */
export function endpointListOutput(endpoints: readonly ExternalEndpointSummary[]): ListOutput {
  return sliceOutput(endpointListItemView, endpoints);
}

/** `external-endpoint show TYPE ID`: the endpoint's rows, then its settings' rows, in exo's order. */
export function endpointShowOutput(type: ExternalEndpointType, value: ExternalEndpoint): ObjectOutput {
  const header = `${ENDPOINT_TITLES[type]} External Endpoint`;
  return structWithPartOutput(endpointShowViews[type], value, header, endpointSettingsViews[type], value.settings ?? {});
}
