// exo dbaas user delete NAME USERNAME: asks first (unless -f), waits, then shows the service (unless -Q).
import { deleteKafkaUser } from "../../../api/dbaas.js";
import { serviceShowOutput } from "../../../kafka/views/index.js";
import { goQuote } from "../../../go/quote.js";
import { defineCommand, zoneFlag } from "../../define.js";
import { awaitOperation, forceFlag, parseWaitTimeout, waitTimeoutFlag } from "../shared/async-operation.js";
import { fetchKafkaShow } from "../shared/service.js";
import { fetchKafkaService, requireUser } from "./common.js";

export default defineCommand({
  description: "This command deletes a DBAAS user for the specified service.",
  args: { name: "service", username: "user" },
  changeCheck: (args, _opts, zone) => ["exo", "dbaas", "user", "list", args.name, "-z", zone],
  singleUse: ["username"],
  confirms: { verb: "delete user", subject: (args) => args.username },
  options: {
    zone: zoneFlag("Database Service zone"),
    force: forceFlag(),
    waitTimeout: waitTimeoutFlag(),
  },
  helpFooter: `
Examples:
  exo dbaas user delete test-kafka app-v1 -z de-muc-1
  exo dbaas user delete test-kafka app-v1 -z de-muc-1 --force
`,
  templated: true,
  async run(ctx, args, opts) {
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);

    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    requireUser(await fetchKafkaService(client, args.name, zone), args.name, args.username);
    await ctx.confirmChange(`[+] Are you sure you want to delete user ${goQuote(args.username)}`);

    const op = await deleteKafkaUser(client, args.name, args.username);
    await awaitOperation(ctx, client, op, `Deleting DBaaS user ${goQuote(args.username)}`, timeoutMs);
    if (ctx.globals.quiet) return undefined;
    const { service, acl } = await fetchKafkaShow(client, args.name, zone);
    return serviceShowOutput(service, acl, zone);
  },
});
