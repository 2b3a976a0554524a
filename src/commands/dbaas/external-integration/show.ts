// exo dbaas external-integration show INTEGRATION-ID
import { getExternalIntegration } from "../../../api/external.js";
import { integrationShowOutput } from "../../../kafka/views/external.js";
import { validateUuid } from "../../../kafka/validation/external.js";
import { defineCommand } from "../../define.js";
import { defaultZoneClient, wrapApiError } from "../external-endpoint/shared.js";
import { ZONE_NOTE } from "./shared.js";

export default defineCommand({
  description: `Show External Integration

Supported output template annotations:
  .Description .DestEndpointName .DestEndpointID .IntegrationID .Status
  .SourceServiceName .SourceServiceType .Type

${ZONE_NOTE}`,
  args: ["id"],
  helpFooter: `
Examples:
  exo dbaas external-integration show INTEGRATION-ID -O json
`,
  templated: true,
  async run(ctx, args) {
    const id = validateUuid(args["id"], "integration");
    const client = await defaultZoneClient(ctx);
    return integrationShowOutput(await wrapApiError("error showing integration", getExternalIntegration(client, id)));
  },
});
