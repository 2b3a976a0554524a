// exo dbaas external-integration list SERVICE: the service's integrations with external endpoints.
import { listExternalIntegrations } from "../../../api/external.js";
import { integrationListOutput, integrationListItemView } from "../../../kafka/views/external-integration.js";
import { indentedAnnotations } from "../../../kafka/views/spec.js";
import { defineCommand } from "../../define.js";
import { ZONE_NOTE, validServiceName } from "./shared.js";
import { defaultZoneClient, wrapApiError } from "../external-endpoint/shared.js";

export default defineCommand({
  description: `List External Integrations

Supported output template annotations:
${indentedAnnotations(integrationListItemView)}

${ZONE_NOTE}`,
  args: { service: "service" },
  helpFooter: `
Examples:
  exo dbaas external-integration list test-kafka
`,
  templated: true,
  async run(ctx, args) {
    const service = validServiceName(args.service);
    const client = await defaultZoneClient(ctx);
    return integrationListOutput(await wrapApiError("error listing integrations", listExternalIntegrations(client, service)));
  },
});
