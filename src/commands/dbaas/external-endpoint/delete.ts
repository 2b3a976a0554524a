// exo dbaas external-endpoint delete TYPE ENDPOINT-ID: like exo, deletes without asking, waits, prints nothing.
import { deleteExternalEndpoint } from "../../../api/external.js";
import { validateUuid } from "../../../kafka/validation/external.js";
import { defineCommand } from "../../define.js";
import { awaitOperation, parseWaitTimeout, waitTimeoutFlag } from "../shared/async-operation.js";
import { ENDPOINT_HELP_NOTES, validateEndpointType } from "./flags.js";
import { defaultZoneClient, requireEndpoint } from "./shared.js";

export default defineCommand({
  description: `Delete a DBaaS external endpoint. As in exo, there is no confirmation prompt.

Services still attached to it should be detached first
(exo dbaas external-integration detach).

${ENDPOINT_HELP_NOTES.split("\n\n")[0]}`,
  args: { type: "endpoint type", id: "endpoint id" },
  changeCheck: () => ["exo", "dbaas", "external-endpoint", "list"],
  singleUse: ["id"],
  options: {
    waitTimeout: waitTimeoutFlag(),
  },
  helpFooter: `
Examples:
  exo dbaas external-endpoint delete prometheus ENDPOINT-ID
`,
  async run(ctx, args, opts) {
    const type = validateEndpointType(args["type"]);
    const id = validateUuid(args["id"], "endpoint");
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);

    const client = await defaultZoneClient(ctx);
    await requireEndpoint(client, type, id);
    const op = await deleteExternalEndpoint(client, type, id);
    await awaitOperation(ctx, client, op, `Deleting external endpoint ${type} ${id}`, timeoutMs);
    return undefined;
  },
});
