// exo dbaas update NAME: changes a Kafka service with only the flags given, after validating them
// all, asking for confirmation (a restart may follow), then waits and shows the service.
import { getKafkaService, getKafkaSettingsSchema, getServiceType, updateKafkaService } from "../../api/dbaas.js";
import { stringify } from "../../api/json.js";
import { requireArguments } from "../../errors.js";
import { kafkaFlagsHelp, serviceShowOutput } from "../../kafka/views/index.js";
import { validatePlan } from "../../kafka/validation/index.js";
import { goQuote } from "../../go/quote.js";
import { defineCommand, flag, zoneFlag } from "../define.js";
import { awaitOperation, forceFlag, parseWaitTimeout, waitTimeoutFlag } from "./shared/async-operation.js";
import {
  TERMINATION_PROTECTION_HELP,
  checkSettings,
  editedIpFilter,
  helpKafkaFlag,
  maintenanceOptions,
  needsCurrentIpFilter,
  parseKafkaFlags,
  plansInZone,
  updateKafkaOptions,
  updateRequestBody,
} from "./shared/kafka-flags.js";
import { fetchKafkaShow, orResourceNotFound, readsWithKafkaService } from "./shared/service.js";

/** Flags that change nothing by themselves. */
const NOT_CHANGING = ["dry-run", "force", "help-kafka", "wait-timeout", "zone"];

export default defineCommand({
  args: { name: "service" },
  changeCheck: (args, _opts, zone) => ["exo", "dbaas", "show", args.name, "-z", zone],
  // a line that changes nothing (only -z, --wait-timeout, ...) or a dry run asks nothing
  confirms: { verb: "update", subject: (args) => args.name, when: (opts, flagsSet) => !opts.dryRun && [...flagsSet].some((f) => !NOT_CHANGING.includes(f)) },
  argumentsOptional: (opts) => opts.helpKafka,
  options: {
    dryRun: flag.bool("dry-run", { description: "print the JSON request body that would be sent, and send nothing" }),
    force: forceFlag("don't prompt for confirmation before updating"),
    helpKafka: helpKafkaFlag(),
    ...updateKafkaOptions,
    ...maintenanceOptions,
    plan: flag.string("plan", { description: "Database Service plan" }),
    terminationProtection: flag.bool("termination-protection", { description: TERMINATION_PROTECTION_HELP }),
    waitTimeout: waitTimeoutFlag(),
    zone: zoneFlag("Database Service zone"),
  },
  helpFooter: `
Examples:
  exo dbaas update -z de-muc-1 test-kafka --kafka-enable-sasl-auth true
  exo dbaas update -z de-muc-1 test-kafka \\
    --kafka-ip-filter=1.2.3.4/32,5.6.7.8/24
  exo dbaas update --zone de-fra-1 target-kafka-service-name \\
    --kafka-settings '{"compression_type":"lz4"}'
  exo dbaas update --help-kafka
`,
  templated: (opts) => !opts.dryRun && !opts.helpKafka,
  async run(ctx, args, opts) {
    if (opts.helpKafka) return kafkaFlagsHelp("update");
    const { name } = requireArguments({ name: args.name });

    const parsed = parseKafkaFlags(opts, ctx.flagsSet);
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);
    const planGiven = ctx.flagsSet.has("plan");

    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    const [schema, serviceType, current] = await readsWithKafkaService(client, name, zone, [
      parsed.settings.length > 0 ? getKafkaSettingsSchema(client) : undefined,
      planGiven ? getServiceType(client, "kafka") : undefined,
      needsCurrentIpFilter(parsed) ? orResourceNotFound(zone, getKafkaService(client, name)) : undefined,
    ]);
    const settings = checkSettings(parsed, schema);
    const plan = planGiven ? validatePlan(opts.plan ?? "", plansInZone(serviceType, zone)) : undefined;
    const body = updateRequestBody(parsed, settings, {
      plan,
      terminationProtection: ctx.flagsSet.has("termination-protection") ? opts.terminationProtection : undefined,
      ipFilter: current ? editedIpFilter(parsed, current["ip-filter"] ?? []) : undefined,
    });

    if (opts.dryRun) return `${stringify(body, { escapeHTML: true })}\n`;
    if (Object.keys(body).length > 0) {
      await ctx.confirmChange(`[+] Updating Database Service ${goQuote(name)} can trigger a service restart. Do you want to continue?`);
      const op = await orResourceNotFound(zone, updateKafkaService(client, name, body));
      await awaitOperation(ctx, client, op, `Updating Database Service ${goQuote(name)}...`, timeoutMs);
    }
    if (ctx.globals.quiet) return undefined;
    const { service, acl } = await fetchKafkaShow(client, name, zone);
    return serviceShowOutput(service, acl, zone);
  },
});
