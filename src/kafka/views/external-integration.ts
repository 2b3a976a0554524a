// Views of `exo dbaas external-integration list|show` and `settings show datadog` (also printed
// after `settings update`), on exo's output structs.

import type { DatadogIntegrationSettings, ExternalIntegration } from "../../api/external.js";
import type { ListOutput, ObjectOutput } from "../../output/model.js";
import { sliceOutput, structOutput } from "./outputs.js";
import { defineView, fieldsOf } from "./spec.js";

/** exo's list item and show structs declare the same fields; labels are camelcase.Split of the Go names. */
const integration = fieldsOf<ExternalIntegration>();
const integrationFields = [
  integration({ go: "Description", json: "description", label: "Description", from: (i) => i.description ?? "" }),
  integration({ go: "DestEndpointName", json: "dest-endpoint-name", label: "Dest Endpoint Name", from: (i) => i["dest-endpoint-name"] ?? "" }),
  integration({ go: "DestEndpointID", json: "dest-endpoint-id", label: "Dest Endpoint ID", from: (i) => i["dest-endpoint-id"] ?? "" }),
  integration({ go: "IntegrationID", json: "id", label: "Integration ID", from: (i) => i["integration-id"] ?? "" }),
  integration({ go: "Status", json: "status", label: "Status", from: (i) => i.status ?? "" }),
  integration({ go: "SourceServiceName", json: "source-service-name", label: "Source Service Name", from: (i) => i["source-service-name"] ?? "" }),
  integration({ go: "SourceServiceType", json: "source-service-type", label: "Source Service Type", from: (i) => i["source-service-type"] ?? "" }),
  integration({ go: "Type", json: "type", label: "Type", from: (i) => i.type ?? "" }),
];

export const integrationListItemView = defineView("dbaas.dbaasExternalIntegrationListItemOutput", integrationFields);
export const integrationShowView = defineView("*dbaas.dbaasExternalIntegrationShowOutput", integrationFields);

/** exo dereferences both pointers; an absent one is false here. */
const datadog = fieldsOf<DatadogIntegrationSettings>();
export const datadogIntegrationSettingsView = defineView("*dbaas.dbaasExternalIntegrationSettingsShowDatadogOutput", [
  datadog({ go: "DatadogDbmEnabled", json: "datadog-dbm-enabled", label: "Datadog Dbm Enabled", from: (s) => s["datadog-dbm-enabled"] === true }),
  datadog({ go: "DatadogPgbouncerEnabled", json: "datadog-pgbouncer-enabled", label: "Datadog Pgbouncer Enabled", from: (s) => s["datadog-pgbouncer-enabled"] === true }),
]);

/** `external-integration list SERVICE`. */
export function integrationListOutput(integrations: readonly ExternalIntegration[]): ListOutput {
  return sliceOutput(integrationListItemView, integrations);
}

/** `external-integration show ID`: one label/value row per field, no header. */
export function integrationShowOutput(value: ExternalIntegration): ObjectOutput {
  return structOutput(integrationShowView, value);
}

/** `external-integration settings show datadog ID` (also printed after settings update). */
export function datadogIntegrationSettingsOutput(settings: DatadogIntegrationSettings | undefined): ObjectOutput {
  return structOutput(datadogIntegrationSettingsView, settings ?? {});
}
