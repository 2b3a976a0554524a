// exo dbaas acl delete NAME ACL-ID: the id is looked up among topic and Schema Registry ACLs.
import { deleteKafkaSchemaRegistryAcl, deleteKafkaTopicAcl, getKafkaAclConfig } from "../../../api/dbaas.js";
import { CliError } from "../../../errors.js";
import { validateAclId } from "../../../kafka/validation/index.js";
import { goQuote } from "../../../go/quote.js";
import { defineCommand, zoneFlag } from "../../define.js";
import { awaitOperation, forceFlag, parseWaitTimeout, waitTimeoutFlag } from "../shared/async-operation.js";
import { findKafkaService } from "../shared/service.js";
import { aclEntries } from "../../../kafka/views/acl.js";

export default defineCommand({
  description: `This command deletes a topic or Schema Registry ACL of a Kafka service, by
the id "exo dbaas acl list" shows.`,
  args: { name: "service", "acl-id": "ACL id" },
  changeCheck: (args, _opts, zone) => ["exo", "dbaas", "acl", "list", args.name, "-z", zone],
  singleUse: ["acl-id"],
  confirms: { verb: "delete ACL", subject: (args) => args["acl-id"] },
  options: {
    zone: zoneFlag("Database Service zone"),
    force: forceFlag(),
    waitTimeout: waitTimeoutFlag(),
  },
  helpFooter: `
Examples:
  exo dbaas acl list test-kafka -z de-muc-1     # the ID column
  exo dbaas acl delete test-kafka ACL-ID -z de-muc-1 --force
`,
  async run(ctx, args, opts) {
    const id = validateAclId(args["acl-id"]);
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);

    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    await findKafkaService(client, args.name, zone);
    const entry = aclEntries(await getKafkaAclConfig(client, args.name)).find((e) => e.id === id);
    if (!entry) throw new CliError(`ACL ${goQuote(id)} not found for service ${goQuote(args.name)}`);
    const target = entry.kind === "topic" ? `topic ${goQuote(entry.topic)}` : `resource ${goQuote(entry.resource)}`;
    await ctx.confirmChange(`[+] Are you sure you want to delete ACL ${goQuote(id)} (${goQuote(entry.username)} ${entry.permission} on ${target})?`);

    const op = entry.kind === "topic" ? await deleteKafkaTopicAcl(client, args.name, id) : await deleteKafkaSchemaRegistryAcl(client, args.name, id);
    await awaitOperation(ctx, client, op, `Deleting ACL ${goQuote(id)}`, timeoutMs);
    return undefined;
  },
});
