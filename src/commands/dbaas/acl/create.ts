// exo dbaas acl create NAME --username U (--topic T | --resource R) --permission P
// Everything is checked before the first request; the new entry (with its id) is printed.
import { createKafkaSchemaRegistryAcl, createKafkaTopicAcl, getKafkaAclConfig } from "../../../api/dbaas.js";
import { CliError } from "../../../errors.js";
import { InputError, validateAclPermission, validateAclTopic, validateAclUsername, validateSchemaRegistryAclPermission, validateSchemaRegistryResource } from "../../../kafka/validation/index.js";
import { goQuote } from "../../../go/quote.js";
import { exoCommand } from "../../../output/shell-word.js";
import { defineCommand, flag, zoneFlag } from "../../define.js";
import { awaitOperation, parseWaitTimeout, waitTimeoutFlag } from "../shared/async-operation.js";
import { findKafkaService } from "../shared/service.js";
import { aclEntries, aclListOutput } from "../../../kafka/views/acl.js";

export default defineCommand({
  description: `This command creates an ACL on a Kafka service: a topic ACL (--topic,
permission admin, read, readwrite or write) or a Schema Registry ACL
(--resource, permission schema_registry_read or schema_registry_write).`,
  args: { name: "service" },
  changeCheck: (args, _opts, zone) => ["exo", "dbaas", "acl", "list", args.name, "-z", zone],
  singleUse: ["topic"],
  options: {
    username: flag.string("username", { description: "username or pattern (* and ? wildcards) the ACL applies to" }),
    topic: flag.string("topic", { description: "topic name or pattern (* and ? wildcards)" }),
    resource: flag.string("resource", { description: "Schema Registry resource, e.g. Subject:orders-value or Config:" }),
    permission: flag.string("permission", { description: "admin|read|readwrite|write (topic), schema_registry_read|schema_registry_write (--resource)" }),
    zone: zoneFlag("Database Service zone"),
    waitTimeout: waitTimeoutFlag(),
  },
  helpFooter: `
Examples:
  exo dbaas acl create test-kafka -z de-muc-1 --username app \\
    --topic 'orders.*' --permission readwrite
  exo dbaas acl create test-kafka -z de-muc-1 --username app \\
    --resource Subject:orders-value --permission schema_registry_read
`,
  templated: true,
  async run(ctx, args, opts) {
    if (opts.username === undefined) throw new InputError("--username is required");
    if ((opts.topic === undefined) === (opts.resource === undefined)) throw new InputError("exactly one of --topic and --resource is required");
    if (opts.permission === undefined) throw new InputError("--permission is required");
    const username = validateAclUsername(opts.username);
    const request =
      opts.topic !== undefined
        ? ({ kind: "topic", entry: { username, topic: validateAclTopic(opts.topic), permission: validateAclPermission(opts.permission) } } as const)
        : ({
            kind: "schema-registry",
            entry: { username, resource: validateSchemaRegistryResource(opts.resource!), permission: validateSchemaRegistryAclPermission(opts.permission) },
          } as const);
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);

    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    await findKafkaService(client, args.name, zone);
    const op =
      request.kind === "topic"
        ? await createKafkaTopicAcl(client, args.name, request.entry)
        : await createKafkaSchemaRegistryAcl(client, args.name, request.entry);
    await awaitOperation(ctx, client, op, `Creating ACL for ${goQuote(username)}`, timeoutMs);
    if (ctx.globals.quiet) return undefined;

    const target = request.kind === "topic" ? request.entry.topic : request.entry.resource;
    const created = aclEntries(await getKafkaAclConfig(client, args.name)).filter(
      (e) => e.kind === request.kind && e.username === username && e.permission === request.entry.permission && (e.kind === "topic" ? e.topic : e.resource) === target,
    );
    if (created.length === 0) throw new CliError(`the ACL was created but is not listed yet: check with: ${exoCommand(["dbaas", "acl", "list", args.name, "-z", zone])}`);
    return aclListOutput(created);
  },
});
