// exo dbaas external-integration attach TYPE --source-service-name S --destination-endpoint-id ID
import { attachServiceToEndpoint } from "../../../api/external.js";
import { InputError } from "../../../kafka/validation/index.js";
import { validateUuid } from "../../../kafka/validation/external.js";
import { defineCommand, flag } from "../../define.js";
import { awaitOperation, parseWaitTimeout, waitTimeoutFlag } from "../shared/async-operation.js";
import { validateEndpointType } from "../external-endpoint/flags.js";
import { defaultZoneClient, requireEndpoint } from "../external-endpoint/shared.js";
import { ZONE_NOTE, validServiceName } from "./shared.js";

export default defineCommand({
  description: `Enable sending data from an existing DBaaS service to an external endpoint

TYPE is the endpoint's type: datadog, elasticsearch, opensearch, prometheus or
rsyslog. Prints nothing on success; "exo dbaas external-integration list
SERVICE" shows the new integration and its ID.

${ZONE_NOTE}`,
  args: { type: "endpoint type" },
  changeCheck: (_args, opts) => ["exo", "dbaas", "external-integration", "list", opts.sourceServiceName ?? ""],
  singleUse: ["destination-endpoint-id"],
  options: {
    sourceServiceName: flag.string("source-service-name", { names: "service", description: "DBaaS source service name" }),
    destinationEndpointId: flag.string("destination-endpoint-id", { names: "endpoint id", description: "Destination external endpoint id" }),
    waitTimeout: waitTimeoutFlag(),
  },
  helpFooter: `
Examples:
  exo dbaas external-integration attach prometheus \\
    --source-service-name test-kafka --destination-endpoint-id ENDPOINT-ID
`,
  async run(ctx, args, opts) {
    const type = validateEndpointType(args.type);
    const endpointId = validateUuid(opts.destinationEndpointId ?? "", "endpoint");
    if (opts.sourceServiceName === undefined) throw new InputError("--source-service-name is required");
    const service = validServiceName(opts.sourceServiceName);
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);

    const client = await defaultZoneClient(ctx);
    await requireEndpoint(client, type, endpointId);
    const op = await attachServiceToEndpoint(client, service, endpointId, type);
    await awaitOperation(ctx, client, op, `Attaching service ${service} to endpoint ${endpointId}`, timeoutMs);
    return undefined;
  },
});
