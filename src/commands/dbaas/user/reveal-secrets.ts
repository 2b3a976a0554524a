// exo dbaas user reveal-secrets NAME USERNAME: password, client certificate and key.
import { revealKafkaUserSecrets } from "../../../api/dbaas.js";
import { userRevealOutput } from "../../../kafka/views/index.js";
import { defineCommand, zoneFlag } from "../../define.js";
import { readsWithKafkaService } from "../shared/service.js";

export default defineCommand({
  description: "This command shows the secrets of a user.",
  args: { name: "service", username: "user" },
  options: { zone: zoneFlag("Database Service zone") },
  helpFooter: `
Examples:
  exo dbaas user reveal-secrets test-kafka app -z de-muc-1
  exo dbaas user reveal-secrets test-kafka app -z de-muc-1 -O json
`,
  templated: true,
  async run(ctx, args, opts) {
    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    const [secrets] = await readsWithKafkaService(client, args.name, zone, [revealKafkaUserSecrets(client, args.name, args.username)]);
    return userRevealOutput(secrets);
  },
});
