// exo dbaas external-endpoint show TYPE ENDPOINT-ID
import { validateUuid } from "../../../kafka/validation/external.js";
import { defineCommand } from "../../define.js";
import { ENDPOINT_HELP_NOTES, validateEndpointType } from "./flags.js";
import { defaultZoneClient, showEndpoint } from "./shared.js";

export default defineCommand({
  description: `This command shows a Database Service external endpoint details.

TYPE is datadog, elasticsearch, opensearch, prometheus or rsyslog.

Supported output template annotations: .ID .Name .Type .Settings
(.Settings holds the type's fields, e.g. .Settings.Site, .Settings.URL,
.Settings.BasicAuthUsername, .Settings.Server, .Settings.Port)

${ENDPOINT_HELP_NOTES.split("\n\n")[0]}`,
  args: ["endpoint-type", "endpoint-id"],
  helpFooter: `
Examples:
  exo dbaas external-endpoint show prometheus 3bd2a2a4-5f04-4a2b-8a56-8e2f8a5c1b27
  exo dbaas external-endpoint show rsyslog ENDPOINT-ID -O json
`,
  templated: true,
  async run(ctx, args) {
    const type = validateEndpointType(args["endpoint-type"]);
    const id = validateUuid(args["endpoint-id"], "endpoint");
    return showEndpoint(await defaultZoneClient(ctx), type, id);
  },
});
