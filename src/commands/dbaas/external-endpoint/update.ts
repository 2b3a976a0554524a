// exo dbaas external-endpoint update TYPE ENDPOINT-ID [--TYPE-...]: changes the given settings only.
import { updateExternalEndpoint } from "../../../api/external.js";
import { goQuote } from "../../../go/quote.js";
import { canonicalUuid, validateUuid } from "../../../kafka/validation/external.js";
import { defineCommand } from "../../define.js";
import { parseWaitTimeout, waitTimeoutFlag } from "../shared/async-operation.js";
import { ENDPOINT_HELP_NOTES, endpointOptions, endpointSettings, requireTypeAndArg, typeHelp } from "./flags.js";
import { MESSAGE_TITLES, defaultZoneClient, requireEndpoint, waitAndShow } from "./shared.js";

export default defineCommand({
  description: `Update an existing external endpoint for DBaaS

Only the settings given are sent. Unlike exo, the endpoint ID is checked (a
UUID, of an endpoint of this type) before anything is sent.

${ENDPOINT_HELP_NOTES}`,
  optionalArgs: { type: "endpoint type", id: "endpoint id" },
  changeCheck: (args) => ["exo", "dbaas", "external-endpoint", "show", args.type ?? "", canonicalUuid(args.id ?? "")],
  options: { ...endpointOptions, waitTimeout: waitTimeoutFlag() },
  helpFooter: `
Examples:
  exo dbaas external-endpoint update prometheus ENDPOINT-ID \\
    --prometheus-basic-auth-password-file - < ./new-password
  exo dbaas external-endpoint update --help-prometheus
`,
  templated: (opts) => typeHelp(opts) === undefined,
  async run(ctx, args, opts) {
    const help = typeHelp(opts);
    if (help !== undefined) return help;
    const [type, rawId] = requireTypeAndArg(args["type"], args["id"], "id");
    const id = validateUuid(rawId, "endpoint");
    const settings = await endpointSettings(ctx, type, opts, "update");
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);

    const client = await defaultZoneClient(ctx);
    await requireEndpoint(client, type, id);
    const op = await updateExternalEndpoint(client, type, id, settings);
    return waitAndShow(ctx, client, type, op, {
      message: `Updating DBaaS ${MESSAGE_TITLES[type]} external Endpoint ${goQuote(rawId)}`,
      timeoutMs,
    });
  },
});
