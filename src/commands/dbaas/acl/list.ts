// exo dbaas acl list NAME: topic and Schema Registry ACLs of a Kafka service.
import { getKafkaAclConfig } from "../../../api/dbaas.js";
import { defineCommand, zoneFlag } from "../../define.js";
import { readsWithKafkaService } from "../shared/service.js";
import { aclEntries, aclListItemView, aclListOutput } from "../../../kafka/views/acl.js";
import { annotations } from "../../../kafka/views/spec.js";

export default defineCommand({
  description: `This command lists the topic ACLs and Schema Registry ACLs of a Kafka
service.

Supported output template annotations:
  ${annotations(aclListItemView)}
  (.Kind is "topic" or "schema-registry")`,
  args: { name: "service" },
  options: { zone: zoneFlag("Database Service zone") },
  helpFooter: `
Examples:
  exo dbaas acl list test-kafka -z de-muc-1
  exo dbaas acl list test-kafka -z de-muc-1 -O json
`,
  templated: true,
  async run(ctx, args, opts) {
    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    const [acls] = await readsWithKafkaService(client, args.name, zone, [getKafkaAclConfig(client, args.name)]);
    return aclListOutput(aclEntries(acls));
  },
});
