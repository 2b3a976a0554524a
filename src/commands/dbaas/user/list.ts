// exo dbaas user list NAME: the service's users, in API order.
import { userListOutput } from "../../../kafka/views/index.js";
import { defineCommand, zoneFlag } from "../../define.js";
import { fetchKafkaService } from "./common.js";

export default defineCommand({
  description: "This command lists users of a DBAAS service.",
  args: { name: "service" },
  options: { zone: zoneFlag("Database Service zone") },
  helpFooter: `
Examples:
  exo dbaas user list test-kafka -z de-muc-1
`,
  templated: true,
  async run(ctx, args, opts) {
    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    return userListOutput(await fetchKafkaService(client, args.name, zone));
  },
});
