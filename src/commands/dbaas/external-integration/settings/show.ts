// exo dbaas external-integration settings show TYPE INTEGRATION-ID (datadog only, as in exo)
import { getDatadogIntegrationSettings } from "../../../../api/external.js";
import { datadogIntegrationSettingsOutput, datadogIntegrationSettingsView } from "../../../../kafka/views/external-integration.js";
import { annotations } from "../../../../kafka/views/spec.js";
import { InputError } from "../../../../kafka/validation/index.js";
import { goQuote } from "../../../../go/quote.js";
import { validateUuid } from "../../../../kafka/validation/external.js";
import { defineCommand } from "../../../define.js";
import { defaultZoneClient, wrapApiError } from "../../external-endpoint/shared.js";
import { ZONE_NOTE } from "../shared.js";

export default defineCommand({
  description: `Show External Integration Settings

TYPE is datadog, the only type with integration settings.

Supported output template annotations: ${annotations(datadogIntegrationSettingsView)}

${ZONE_NOTE}`,
  args: { type: "integration settings type", id: "integration id" },
  helpFooter: `
Examples:
  exo dbaas external-integration settings show datadog INTEGRATION-ID
`,
  templated: true,
  async run(ctx, args) {
    const type = args.type;
    if (type !== "datadog") throw new InputError(`unsupported external integration settings for type ${goQuote(type)}`);
    const id = validateUuid(args["id"], "integration");
    const client = await defaultZoneClient(ctx);
    return datadogIntegrationSettingsOutput(await wrapApiError("error getting settings for integration", getDatadogIntegrationSettings(client, id)));
  },
});
