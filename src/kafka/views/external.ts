// Views of `exo dbaas external-endpoint` and `external-integration`, on exo's Go output structs:
// templates see the same field names (.ID .Name .Type .Settings.Site ...), JSON the same keys.

import type { ExternalEndpoint, ExternalEndpointSettings, ExternalEndpointSummary, ExternalEndpointType, ExternalIntegration, DatadogIntegrationSettings } from "../../api/external.js";
import { listOutput, objectOutput, type ListOutput, type ObjectOutput } from "../../output/model.js";
import { renderTable as renderPlainTable, type TableData } from "../../output/table.js";
import { GoNil, GoPtr, GoStruct, goSlice, type GoFieldSpec } from "../../templates/values.js";
import { field } from "./go.js";

// Text from the API is data: on a terminal, control characters (ESC and the like) are shown escaped
// rather than acted on; piped, the table stays byte-exact.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
const escapeControls = (text: string) => text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);

function renderTable(data: TableData, isTTY: boolean): string {
  if (!isTTY) return renderPlainTable(data, isTTY);
  return renderPlainTable({ header: data.header, rows: data.rows.map((row) => row.map(escapeControls)) }, isTTY);
}

/** How exo names each type in its show table header and messages. */
export const ENDPOINT_TITLES: Readonly<Record<ExternalEndpointType, string>> = {
  datadog: "Datadog",
  elasticsearch: "Elasticsearch",
  opensearch: "OpenSearch",
  prometheus: "Prometheus",
  rsyslog: "Rsyslog",
};

/** `external-endpoint list`: name, id and type of every endpoint, in API order. */
export function endpointListOutput(endpoints: readonly ExternalEndpointSummary[]): ListOutput {
  const items = endpoints.map((e) =>
    new GoStruct("dbaas.dbaasExternalEndpointListItemOutput", [
      field("Name", e.name ?? "", "name"),
      field("ID", e.id ?? "", "id"),
      field("Type", e.type ?? "", "type"),
    ]),
  );
  return listOutput(items, (isTTY) =>
    renderTable({ header: ["Name", "ID", "Type"], rows: endpoints.map((e) => [e.name ?? "", e.id ?? "", e.type ?? ""]) }, isTTY),
  );
}

const int64 = (value: number | bigint | undefined): number | bigint => value ?? 0;
const boolPtr = (value: boolean | undefined) => (value === undefined ? new GoNil("*bool") : new GoPtr(value, "*bool"));
const text = (value: number | bigint | undefined) => String(value ?? 0);
const flag = (value: boolean | undefined) => (value === true ? "true" : "false");

function settingsStruct(type: ExternalEndpointType, s: ExternalEndpointSettings): GoStruct {
  const fields = (typeName: string, specs: GoFieldSpec[]) => new GoStruct(typeName, specs);
  switch (type) {
    case "datadog": {
      const tags = (s["datadog-tags"] ?? []).map((t) =>
        new GoStruct("v3.DBAASDatadogTag", [field("Comment", t.comment ?? "", "comment", true), field("Tag", t.tag, "tag")]),
      );
      return fields("v3.DBAASExternalEndpointDatadogOutputSettings", [
        field("DatadogTags", s["datadog-tags"] === undefined ? new GoNil("[]v3.DBAASDatadogTag") : goSlice("v3.DBAASDatadogTag", tags), "datadog-tags", true),
        field("DisableConsumerStats", boolPtr(s["disable-consumer-stats"]), "disable-consumer-stats", true),
        field("KafkaConsumerCheckInstances", int64(s["kafka-consumer-check-instances"]), "kafka-consumer-check-instances", true),
        field("KafkaConsumerStatsTimeout", int64(s["kafka-consumer-stats-timeout"]), "kafka-consumer-stats-timeout", true),
        field("MaxPartitionContexts", int64(s["max-partition-contexts"]), "max-partition-contexts", true),
        field("Site", s.site ?? "", "site", true),
      ]);
    }
    case "elasticsearch":
    case "opensearch":
      return fields(type === "opensearch" ? "v3.DBAASEndpointOpensearchOptionalFields" : "v3.DBAASEndpointElasticsearchOptionalFields", [
        field("IndexDaysMax", int64(s["index-days-max"]), "index-days-max", true),
        field("IndexPrefix", s["index-prefix"] ?? "", "index-prefix", true),
        field("Timeout", int64(s.timeout), "timeout", true),
        field("URL", s.url ?? "", "url", true),
      ]);
    case "prometheus":
      return fields("v3.DBAASEndpointExternalPrometheusOutputSettings", [field("BasicAuthUsername", s["basic-auth-username"] ?? "", "basic-auth-username", true)]);
    case "rsyslog":
      return fields("v3.DBAASEndpointRsyslogOptionalFields", [
        field("Format", s.format ?? "", "format", true),
        field("Logline", s.logline ?? "", "logline", true),
        field("MaxMessageSize", int64(s["max-message-size"]), "max-message-size", true),
        field("Port", int64(s.port), "port", true),
        field("SD", s.sd ?? "", "sd", true),
        field("Server", s.server ?? "", "server", true),
        field("Tls", boolPtr(s.tls), "tls", true),
      ]);
  }
}

function settingsRows(type: ExternalEndpointType, s: ExternalEndpointSettings): string[][] {
  switch (type) {
    case "datadog": {
      const tags = (s["datadog-tags"] ?? []).map((t) => `${t.tag} (${t.comment ?? ""})`);
      return [
        ["Site", s.site ?? ""],
        ["Disable Consumer Stats", flag(s["disable-consumer-stats"])],
        ["Kafka Consumer Check Instances", text(s["kafka-consumer-check-instances"])],
        ["Kafka Consumer Stats Timeout", text(s["kafka-consumer-stats-timeout"])],
        ["Max Partition Contexts", text(s["max-partition-contexts"])],
        ...(tags.length === 0 ? [["Datadog Tags", "None"]] : tags.map((t, i) => [i === 0 ? "Datadog Tags" : "", t])),
      ];
    }
    case "elasticsearch":
    case "opensearch":
      return [
        [`${ENDPOINT_TITLES[type]} URL`, s.url ?? ""],
        ["Index Prefix", s["index-prefix"] ?? ""],
        ["Index Days Max", text(s["index-days-max"])],
        ["Timeout", text(s.timeout)],
      ];
    case "prometheus":
      return [["Basic Auth Username", s["basic-auth-username"] ?? ""]];
    case "rsyslog":
      return [
        ["Server", s.server ?? ""],
        ["Port", text(s.port)],
        ["Tls", flag(s.tls)],
        ["Max Message Size", text(s["max-message-size"])],
        ["Structured data block", s.sd ?? ""],
        ["Custom logline format", s.logline ?? ""],
      ];
  }
}

/** `external-endpoint show TYPE ID` (also printed after create and update). */
export function endpointShowOutput(type: ExternalEndpointType, endpoint: ExternalEndpoint): ObjectOutput {
  const settings = endpoint.settings ?? {};
  const value = new GoStruct(`*dbaas.${type}Output`, [
    field("ID", endpoint.id ?? "", "id"),
    field("Name", endpoint.name ?? "", "name"),
    field("Type", endpoint.type ?? "", "type"),
    field("Settings", settingsStruct(type, settings), "settings"),
  ]);
  return objectOutput(value, (isTTY) =>
    renderTable(
      {
        header: [`${ENDPOINT_TITLES[type]} External Endpoint`],
        rows: [
          ["Endpoint ID", endpoint.id ?? ""],
          ["Endpoint Name", endpoint.name ?? ""],
          ["Endpoint Type", endpoint.type ?? ""],
          ...settingsRows(type, settings),
        ],
      },
      isTTY,
    ),
  );
}

/** exo's integration output struct: fields in its order, labels as camelcase.Split makes them. */
const INTEGRATION_FIELDS: ReadonlyArray<readonly [goName: string, label: string, json: string, apiKey: keyof ExternalIntegration]> = [
  ["Description", "Description", "description", "description"],
  ["DestEndpointName", "Dest Endpoint Name", "dest-endpoint-name", "dest-endpoint-name"],
  ["DestEndpointID", "Dest Endpoint ID", "dest-endpoint-id", "dest-endpoint-id"],
  ["IntegrationID", "Integration ID", "id", "integration-id"],
  ["Status", "Status", "status", "status"],
  ["SourceServiceName", "Source Service Name", "source-service-name", "source-service-name"],
  ["SourceServiceType", "Source Service Type", "source-service-type", "source-service-type"],
  ["Type", "Type", "type", "type"],
];

function integrationStruct(typeName: string, i: ExternalIntegration): GoStruct {
  return new GoStruct(
    typeName,
    INTEGRATION_FIELDS.map(([name, , json, key]) => field(name, String(i[key] ?? ""), json)),
  );
}

const integrationCells = (i: ExternalIntegration) => INTEGRATION_FIELDS.map(([, , , key]) => String(i[key] ?? ""));

/** `external-integration list SERVICE`. */
export function integrationListOutput(integrations: readonly ExternalIntegration[]): ListOutput {
  const items = integrations.map((i) => integrationStruct("dbaas.dbaasExternalIntegrationListItemOutput", i));
  return listOutput(items, (isTTY) =>
    renderTable({ header: INTEGRATION_FIELDS.map(([, label]) => label), rows: integrations.map(integrationCells) }, isTTY),
  );
}

/** `external-integration show ID`: one label/value row per field, no header. */
export function integrationShowOutput(integration: ExternalIntegration): ObjectOutput {
  const value = integrationStruct("*dbaas.dbaasExternalIntegrationShowOutput", integration);
  const cells = integrationCells(integration);
  return objectOutput(value, (isTTY) => renderTable({ rows: INTEGRATION_FIELDS.map(([, label], n) => [label, cells[n]!]) }, isTTY));
}

/** `external-integration settings show datadog ID` (also printed after settings update). */
export function datadogIntegrationSettingsOutput(settings: DatadogIntegrationSettings | undefined): ObjectOutput {
  const dbm = settings?.["datadog-dbm-enabled"] === true;
  const pgbouncer = settings?.["datadog-pgbouncer-enabled"] === true;
  const value = new GoStruct("*dbaas.dbaasExternalIntegrationSettingsShowDatadogOutput", [
    field("DatadogDbmEnabled", dbm, "datadog-dbm-enabled"),
    field("DatadogPgbouncerEnabled", pgbouncer, "datadog-pgbouncer-enabled"),
  ]);
  return objectOutput(value, (isTTY) =>
    renderTable(
      {
        rows: [
          ["Datadog Dbm Enabled", String(dbm)],
          ["Datadog Pgbouncer Enabled", String(pgbouncer)],
        ],
      },
      isTTY,
    ),
  );
}
