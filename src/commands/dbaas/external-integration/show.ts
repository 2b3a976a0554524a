// exo dbaas external-integration show INTEGRATION-ID
import { getExternalIntegration } from "../../../api/external.js";
import { integrationShowOutput, integrationShowView } from "../../../kafka/views/external-integration.js";
import { indentedAnnotations } from "../../../kafka/views/spec.js";
import { validateUuid } from "../../../kafka/validation/external.js";
import { defineCommand } from "../../define.js";
import { defaultZoneClient, wrapApiError } from "../external-endpoint/shared.js";
import { ZONE_NOTE } from "./shared.js";

export default defineCommand({
  description: `Show External Integration

Supported output template annotations:
${indentedAnnotations(integrationShowView)}

${ZONE_NOTE}`,
  args: { id: "integration id" },
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
