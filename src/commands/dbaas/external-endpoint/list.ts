// exo dbaas external-endpoint list: every external endpoint of the organization.
import { listExternalEndpoints } from "../../../api/external.js";
import { endpointListItemView, endpointListOutput } from "../../../kafka/views/external-endpoint.js";
import { annotations } from "../../../kafka/views/spec.js";
import { defineCommand } from "../../define.js";
import { ENDPOINT_HELP_NOTES } from "./flags.js";
import { defaultZoneClient, wrapApiError } from "./shared.js";

export default defineCommand({
  description: `List External Endpoints

Supported output template annotations: ${annotations(endpointListItemView)}

${ENDPOINT_HELP_NOTES.split("\n\n")[0]}`,
  helpFooter: `
Examples:
  exo dbaas external-endpoint list
  exo dbaas external-endpoint list -O json
`,
  templated: true,
  async run(ctx) {
    const client = await defaultZoneClient(ctx);
    return endpointListOutput(await wrapApiError("error listing endpoints", listExternalEndpoints(client)));
  },
});
