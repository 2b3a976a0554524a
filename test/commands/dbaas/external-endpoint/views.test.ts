// The external endpoint views against exo 1.97's output structs (cmd/dbaas/dbaas_external_endpoint_*.go)
// and egoscale v3's settings structs: Go names, JSON tags and order; the help's annotations come from
// the same specs; tables reach a terminal through the output layer's one escaping rule.
import { describe, expect, it } from "vitest";
import type { ExternalEndpointType } from "../../../../src/api/external.js";
import listCommand from "../../../../src/commands/dbaas/external-endpoint/list.js";
import showCommand from "../../../../src/commands/dbaas/external-endpoint/show.js";
import {
  datadogTagView,
  endpointListItemView,
  endpointListOutput,
  endpointSettingsViews,
  endpointShowOutput,
  endpointShowViews,
  settingsAnnotation,
} from "../../../../src/kafka/views/external-endpoint.js";
import { annotations, type View } from "../../../../src/kafka/views/spec.js";
import { render } from "../../../../src/output/render.js";

const tags = (view: View<never>) => view.fields.map((f) => `${f.go} ${f.json}${f.omitempty ? ",omitempty" : ""}`);

describe("Go structs", () => {
  it("list item: exo's dbaasExternalEndpointListItemOutput", () => {
    expect(endpointListItemView.type).toBe("dbaas.dbaasExternalEndpointListItemOutput");
    expect(tags(endpointListItemView)).toEqual(["Name name", "ID id", "Type type"]);
  });

  it.each(["datadog", "elasticsearch", "opensearch", "prometheus", "rsyslog"] as const)("show %s: exo's *%sOutput holding the settings struct", (type) => {
    expect(endpointShowViews[type].type).toBe(`*dbaas.${type}Output`);
    expect(tags(endpointShowViews[type])).toEqual(["ID id", "Name name", "Type type", "Settings settings"]);
  });

  const SETTINGS: Record<ExternalEndpointType, [string, string[]]> = {
    datadog: [
      "v3.DBAASExternalEndpointDatadogOutputSettings",
      ["DatadogTags datadog-tags", "DisableConsumerStats disable-consumer-stats", "KafkaConsumerCheckInstances kafka-consumer-check-instances", "KafkaConsumerStatsTimeout kafka-consumer-stats-timeout", "MaxPartitionContexts max-partition-contexts", "Site site"],
    ],
    elasticsearch: ["v3.DBAASEndpointElasticsearchOptionalFields", ["IndexDaysMax index-days-max", "IndexPrefix index-prefix", "Timeout timeout", "URL url"]],
    opensearch: ["v3.DBAASEndpointOpensearchOptionalFields", ["IndexDaysMax index-days-max", "IndexPrefix index-prefix", "Timeout timeout", "URL url"]],
    prometheus: ["v3.DBAASEndpointExternalPrometheusOutputSettings", ["BasicAuthUsername basic-auth-username"]],
    rsyslog: ["v3.DBAASEndpointRsyslogOptionalFields", ["Format format", "Logline logline", "MaxMessageSize max-message-size", "Port port", "SD sd", "Server server", "Tls tls"]],
  };
  it.each(Object.entries(SETTINGS))("%s settings: egoscale's struct, every field omitempty", (type, [name, fields]) => {
    const view = endpointSettingsViews[type as ExternalEndpointType];
    expect(view.type).toBe(name);
    expect(tags(view)).toEqual(fields.map((f) => `${f},omitempty`));
  });

  it("datadog tags: v3.DBAASDatadogTag, the comment omitempty", () => {
    expect(tags(datadogTagView)).toEqual(["Comment comment,omitempty", "Tag tag"]);
  });
});

describe("help annotations from the specs", () => {
  it("list names the list item's fields", () => {
    expect(annotations(endpointListItemView)).toBe(".Name .ID .Type");
    expect(listCommand.description).toContain(`Supported output template annotations: ${annotations(endpointListItemView)}\n`);
  });

  it("show names the show struct's fields and settings fields that exist", () => {
    expect(showCommand.description).toContain("Supported output template annotations: .ID .Name .Type .Settings\n");
    for (const [, name] of (showCommand.description ?? "").matchAll(/\.Settings\.(\w+)/g)) {
      expect(Object.values(endpointSettingsViews).some((v) => v.fields.some((f) => f.go === name))).toBe(true);
    }
    expect(() => settingsAnnotation("prometheus", "URL")).toThrow("prometheus settings have no field URL");
  });
});

describe("tables", () => {
  const datadog = {
    id: "3bd2a2a4-5f04-4a2b-8a56-8e2f8a5c1b27",
    name: "dd",
    type: "datadog",
    settings: { site: "datadoghq.eu", "datadog-tags": [{ tag: "env:prod", comment: "production" }, { tag: "team:data" }] },
  };

  it("datadog: one line per tag under one label, nil pointers and absent ints as exo prints them", () => {
    expect(render(endpointShowOutput("datadog", datadog), { format: "table", isTTY: false })).toBe(
      "|   DATADOG EXTERNAL ENDPOINT    |                                      |\n" +
        "|--------------------------------|--------------------------------------|\n" +
        "| Endpoint ID                    | 3bd2a2a4-5f04-4a2b-8a56-8e2f8a5c1b27 |\n" +
        "| Endpoint Name                  | dd                                   |\n" +
        "| Endpoint Type                  | datadog                              |\n" +
        "| Site                           | datadoghq.eu                         |\n" +
        "| Disable Consumer Stats         | false                                |\n" +
        "| Kafka Consumer Check Instances | 0                                    |\n" +
        "| Kafka Consumer Stats Timeout   | 0                                    |\n" +
        "| Max Partition Contexts         | 0                                    |\n" +
        "| Datadog Tags                   | env:prod (production)                |\n" +
        "|                                | team:data ()                         |\n",
    );
    expect(render(endpointShowOutput("datadog", datadog), { format: "json", isTTY: false })).toBe(
      `{"id":"${datadog.id}","name":"dd","type":"datadog","settings":{"datadog-tags":[{"comment":"production","tag":"env:prod"},{"tag":"team:data"}],"site":"datadoghq.eu"}}\n`,
    );
    expect(render(endpointShowOutput("datadog", datadog), { format: "table", template: "{{printf \"%T %v\" .Settings.DisableConsumerStats .Settings.DisableConsumerStats}}", isTTY: false })).toBe("*bool <nil>");
  });

  it("API text reaches a terminal escaped as in every other table (laid out as exo lays out the raw text), byte-exact when piped", () => {
    const hostile = endpointListOutput([{ id: "a", name: "ev\u001b[31mil\r\u202e", type: "prometheus" }]);
    expect(render(hostile, { format: "table", isTTY: true })).toBe(
      "┼──────┼────┼────────────┼\n" +
        "│ NAME │ ID │    TYPE    │\n" +
        "┼──────┼────┼────────────┼\n" +
        "│ ev\\x1b[31mil\\r\\u202e │ a  │ prometheus │\n" +
        "┼──────┼────┼────────────┼\n",
    );
    expect(render(hostile, { format: "table", isTTY: false })).toContain("| ev\u001b[31mil\r\u202e |");
  });
});
