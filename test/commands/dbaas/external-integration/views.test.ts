// The external integration views against exo 1.97's output structs
// (cmd/dbaas/dbaas_external_integration_{list,show,settings_show_datadog}.go); the help's annotations
// come from the same specs.
import { describe, expect, it } from "vitest";
import listCommand from "../../../../src/commands/dbaas/external-integration/list.js";
import showCommand from "../../../../src/commands/dbaas/external-integration/show.js";
import settingsShowCommand from "../../../../src/commands/dbaas/external-integration/settings/show.js";
import {
  datadogIntegrationSettingsOutput,
  datadogIntegrationSettingsView,
  integrationListItemView,
  integrationShowView,
} from "../../../../src/kafka/views/external-integration.js";
import type { View } from "../../../../src/kafka/views/spec.js";
import { render } from "../../../../src/output/render.js";

const tags = (view: View<never>) => view.fields.map((f) => `${f.go} ${f.json}${f.omitempty ? ",omitempty" : ""}`);
const INTEGRATION = [
  "Description description",
  "DestEndpointName dest-endpoint-name",
  "DestEndpointID dest-endpoint-id",
  "IntegrationID id",
  "Status status",
  "SourceServiceName source-service-name",
  "SourceServiceType source-service-type",
  "Type type",
];

describe("Go structs", () => {
  it("list item and show declare the same fields", () => {
    expect(integrationListItemView.type).toBe("dbaas.dbaasExternalIntegrationListItemOutput");
    expect(integrationShowView.type).toBe("*dbaas.dbaasExternalIntegrationShowOutput");
    expect(tags(integrationListItemView)).toEqual(INTEGRATION);
    expect(tags(integrationShowView)).toEqual(INTEGRATION);
  });

  it("datadog settings: two plain bools, false when the API leaves one out", () => {
    expect(datadogIntegrationSettingsView.type).toBe("*dbaas.dbaasExternalIntegrationSettingsShowDatadogOutput");
    expect(tags(datadogIntegrationSettingsView)).toEqual(["DatadogDbmEnabled datadog-dbm-enabled", "DatadogPgbouncerEnabled datadog-pgbouncer-enabled"]);
    const out = datadogIntegrationSettingsOutput({ "datadog-dbm-enabled": true });
    expect(render(out, { format: "json", isTTY: false })).toBe('{"datadog-dbm-enabled":true,"datadog-pgbouncer-enabled":false}\n');
    expect(render(out, { format: "table", isTTY: false })).toBe("| Datadog Dbm Enabled       | true  |\n| Datadog Pgbouncer Enabled | false |\n");
  });
});

describe("help annotations from the specs", () => {
  it("list and show name every field, wrapped at 80 columns", () => {
    const names = "  .Description .DestEndpointName .DestEndpointID .IntegrationID .Status\n  .SourceServiceName .SourceServiceType .Type\n";
    expect(INTEGRATION.map((f) => `.${f.split(" ")[0]}`).join(" ")).toBe(names.replace(/\s+/g, " ").trim());
    expect(listCommand.description).toContain(`Supported output template annotations:\n${names}`);
    expect(showCommand.description).toContain(`Supported output template annotations:\n${names}`);
  });

  it("settings show names the datadog settings fields", () => {
    expect(settingsShowCommand.description).toContain("Supported output template annotations: .DatadogDbmEnabled .DatadogPgbouncerEnabled\n");
  });
});
