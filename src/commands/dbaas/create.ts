// exo dbaas create kafka PLAN NAME: creates a Kafka service after checking the plan, version and
// settings against what the API serves, then waits and shows it.
import { createKafkaService, getKafkaSettingsSchema, getServiceType } from "../../api/dbaas.js";
import { stringify } from "../../api/json.js";
import { requireArguments } from "../../errors.js";
import { kafkaFlagsHelp, serviceShowOutput } from "../../kafka/views/index.js";
import { InputError, validateKafkaVersion, validatePlan } from "../../kafka/validation/index.js";
import { goQuote } from "../../go/quote.js";
import { defineCommand, flag, zoneFlag } from "../define.js";
import { awaitOperation, parseWaitTimeout, waitTimeoutFlag } from "./shared/async-operation.js";
import {
  TERMINATION_PROTECTION_HELP,
  checkSettings,
  createKafkaOptions,
  createRequestBody,
  helpKafkaFlag,
  maintenanceOptions,
  parseKafkaFlags,
  plansInZone,
} from "./shared/kafka-flags.js";
import { fetchKafkaShow } from "./shared/service.js";

/** The service types exo knows; only Kafka is handled here. */
const EXO_SERVICE_TYPES = ["grafana", "kafka", "opensearch", "mysql", "pg", "valkey", "thanos"];

export default defineCommand({
  args: { type: "type to create", plan: "plan", name: "new service" },
  changeCheck: (args, _opts, zone) => ["exo", "dbaas", "show", args.name, "-z", zone],
  argumentsOptional: (opts) => opts.helpKafka,
  options: {
    dryRun: flag.bool("dry-run", { description: "print the JSON request body that would be sent, and send nothing" }),
    helpKafka: helpKafkaFlag(),
    ...createKafkaOptions,
    ...maintenanceOptions,
    terminationProtection: flag.bool("termination-protection", { default: true, description: TERMINATION_PROTECTION_HELP }),
    waitTimeout: waitTimeoutFlag(),
    zone: zoneFlag("Database Service zone"),
  },
  helpFooter: `
Examples:
  exo dbaas create kafka startup-2 test-kafka -z de-muc-1
  exo dbaas create kafka startup-2 test-kafka -z de-muc-1 \\
    --kafka-ip-filter=1.2.3.4/32,5.6.7.8/24 --kafka-enable-sasl-auth
  exo dbaas create --help-kafka
`,
  templated: (opts) => !opts.dryRun && !opts.helpKafka,
  async run(ctx, args, opts) {
    if (opts.helpKafka) return kafkaFlagsHelp("create");
    const { type, plan, name } = requireArguments({ type: args.type, plan: args.plan, name: args.name });

    const parsed = parseKafkaFlags(opts, ctx.flagsSet);
    if (type !== "kafka") {
      const known = EXO_SERVICE_TYPES.includes(type) ? " (only kafka is supported)" : "";
      throw new InputError(`unsupported service type ${goQuote(type)}${known}`);
    }
    if (name.length === 0 || name.length > 63) throw new InputError(`invalid service name ${goQuote(name)}: must be 1 to 63 characters long`);
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);

    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    const [serviceType, schema] = await Promise.all([
      getServiceType(client, "kafka"),
      parsed.settings.length > 0 ? getKafkaSettingsSchema(client) : undefined,
    ]);
    validatePlan(plan, plansInZone(serviceType, zone));
    if (ctx.flagsSet.has("kafka-version")) validateKafkaVersion(opts.kafkaVersion ?? "", serviceType["available-versions"] ?? []);
    const settings = checkSettings(parsed, schema);
    const body = createRequestBody(parsed, settings, { plan, terminationProtection: opts.terminationProtection, version: opts.kafkaVersion });

    if (opts.dryRun) return `${stringify(body, { escapeHTML: true })}\n`;
    const op = await createKafkaService(client, name, body);
    await awaitOperation(ctx, client, op, `Creating Database Service ${goQuote(name)}...`, timeoutMs);
    if (ctx.globals.quiet) return undefined;
    const { service, acl } = await fetchKafkaShow(client, name, zone);
    return serviceShowOutput(service, acl, zone);
  },
});
