// exo dbaas user show NAME USERNAME
import { userShowOutput } from "../../../kafka/views/index.js";
import { defineCommand, zoneFlag } from "../../define.js";
import { fetchKafkaService, requireUser } from "./common.js";

export default defineCommand({
  description: "This command shows the details of a user.",
  args: { name: "service", username: "user" },
  options: { zone: zoneFlag("Database Service zone") },
  helpFooter: `
Examples:
  exo dbaas user show test-kafka avnadmin -z de-muc-1
  exo dbaas user show test-kafka avnadmin -z de-muc-1 -O json
`,
  templated: true,
  async run(ctx, args, opts) {
    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    const service = await fetchKafkaService(client, args.name, zone);
    return userShowOutput(requireUser(service, args.name, args.username));
  },
});
