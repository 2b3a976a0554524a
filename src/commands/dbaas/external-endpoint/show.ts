// exo dbaas external-endpoint show TYPE ENDPOINT-ID
import { endpointShowViews, settingsAnnotation } from "../../../kafka/views/external-endpoint.js";
import { annotations } from "../../../kafka/views/spec.js";
import { validateUuid } from "../../../kafka/validation/external.js";
import { defineCommand } from "../../define.js";
import { ENDPOINT_HELP_NOTES, validateEndpointType } from "./flags.js";
import { defaultZoneClient, showEndpoint } from "./shared.js";

export default defineCommand({
  description: `This command shows a Database Service external endpoint details.

TYPE is datadog, elasticsearch, opensearch, prometheus or rsyslog.

Supported output template annotations: ${annotations(endpointShowViews.datadog)}
(.Settings holds the type's fields, e.g. ${settingsAnnotation("datadog", "Site")}, ${settingsAnnotation("opensearch", "URL")},
${settingsAnnotation("prometheus", "BasicAuthUsername")}, ${settingsAnnotation("rsyslog", "Server")}, ${settingsAnnotation("rsyslog", "Port")})

${ENDPOINT_HELP_NOTES.split("\n\n")[0]}`,
  args: { type: "endpoint type", id: "endpoint id" },
  helpFooter: `
Examples:
  exo dbaas external-endpoint show prometheus ENDPOINT-ID
  exo dbaas external-endpoint show rsyslog ENDPOINT-ID -O json
`,
  templated: true,
  async run(ctx, args) {
    const type = validateEndpointType(args["type"]);
    const id = validateUuid(args["id"], "endpoint");
    return showEndpoint(await defaultZoneClient(ctx), type, id);
  },
});
