// exo dbaas delete NAME: deletes a service after confirmation (the API refuses while termination
// protection is on, and the error then names the command that turns it off), and waits until it is gone.
// Prints nothing on success.
import { deleteService, listServices } from "../../api/dbaas.js";
import { AuthError } from "../../api/errors.js";
import { CliError } from "../../errors.js";
import { exoCommand } from "../../output/shell-word.js";
import { defineCommand, zoneFlag } from "../define.js";
import { goQuote } from "../../go/quote.js";
import { awaitOperation, forceFlag, parseWaitTimeout, waitTimeoutFlag } from "./shared/async-operation.js";
import { orResourceNotFound, serviceNotFound } from "./shared/service.js";

export default defineCommand({
  args: { name: "service" },
  changeCheck: (_args, _opts, zone) => ["exo", "dbaas", "list", "-z", zone],
  singleUse: ["name"],
  confirms: { verb: "delete", subject: (args) => args.name },
  options: {
    force: forceFlag(),
    waitTimeout: waitTimeoutFlag(),
    zone: zoneFlag("Database Service zone"),
  },
  helpFooter: `
Examples:
  exo dbaas delete test-kafka -z de-muc-1
  exo dbaas delete test-kafka -z de-muc-1 --force
`,
  async run(ctx, args, opts) {
    const { name } = args;
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);

    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    // exo deletes any type through the generic endpoint, so any listed service qualifies
    const services = await listServices(client);
    const service = services.find((s) => s.name === name && (s.zone === undefined || s.zone === zone));
    if (!service) throw serviceNotFound(name, zone);

    await ctx.confirmChange(`[+] Are you sure you want to delete Database Service ${goQuote(name)}?`);
    const op = await orResourceNotFound(zone, deleteService(client, name)).catch((error: unknown) => {
      // the listing said the service is protected, so the API's refusal is that protection
      if (error instanceof AuthError && error.status === 403 && service["termination-protection"] === true) {
        throw new CliError(`${error.message} To turn it off: ${exoCommand(["dbaas", "update", name, "-z", zone, "--termination-protection=false"])}`);
      }
      throw error;
    });
    await awaitOperation(ctx, client, op, `Deleting Database Service ${goQuote(name)}...`, timeoutMs);
    return undefined;
  },
});
