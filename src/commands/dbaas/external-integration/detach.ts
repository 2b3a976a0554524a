// exo dbaas external-integration detach SERVICE --integration-id ID
import { detachServiceFromEndpoint, listExternalIntegrations } from "../../../api/external.js";
import { CliError } from "../../../errors.js";
import { validateUuid } from "../../../kafka/validation/external.js";
import { defineCommand, flag } from "../../define.js";
import { awaitOperation, parseWaitTimeout, waitTimeoutFlag } from "../shared/async-operation.js";
import { defaultZoneClient, wrapApiError } from "../external-endpoint/shared.js";
import { ZONE_NOTE, validServiceName } from "./shared.js";

export default defineCommand({
  description: `Disable sending data from an existing DBaaS service to an external endpoint

Prints nothing on success.

${ZONE_NOTE}`,
  args: { service: "service" },
  changeCheck: (args) => ["exo", "dbaas", "external-integration", "list", args.service],
  singleUse: ["integration-id"],
  options: {
    integrationId: flag.string("integration-id", { names: "integration id", description: "External integration id" }),
    waitTimeout: waitTimeoutFlag(),
  },
  helpFooter: `
Examples:
  exo dbaas external-integration list test-kafka     # the INTEGRATION ID column
  exo dbaas external-integration detach test-kafka \\
    --integration-id INTEGRATION-ID
`,
  async run(ctx, args, opts) {
    const service = validServiceName(args.service);
    const integrationId = validateUuid(opts.integrationId ?? "", "integration");
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);

    const client = await defaultZoneClient(ctx);
    // refused before the change when the service has no such integration (exo reports the API's 404)
    const integrations = await wrapApiError("error listing integrations", listExternalIntegrations(client, service));
    if (!integrations.some((i) => i["integration-id"] === integrationId)) throw new CliError(`integration ${integrationId} not found for service "${service}"`);
    const op = await detachServiceFromEndpoint(client, service, integrationId);
    await awaitOperation(ctx, client, op, `Detaching service ${service} from endpoint ${integrationId}`, timeoutMs);
    return undefined;
  },
});
