// exo dbaas user reset-credentials NAME USERNAME [--password P]: a new (or the given) password.
import { resetKafkaUserPassword } from "../../../api/dbaas.js";
import { userShowOutput } from "../../../kafka/views/index.js";
import { validatePassword } from "../../../kafka/validation/index.js";
import { goQuote } from "../../../go/quote.js";
import { fixedOutput } from "../../../output/model.js";
import { defineCommand, flag, zoneFlag } from "../../define.js";
import { awaitOperation, parseWaitTimeout, waitTimeoutFlag } from "../shared/async-operation.js";
import { findKafkaService } from "../shared/service.js";
import { engineFlagsHelp, fetchKafkaService, MYSQL_AUTH_USAGE, checkMysqlAuthMethod, requireUser } from "./common.js";

export default defineCommand({
  description: "This command resets the credentials of a DBAAS user for the specified service.",
  args: { name: "service", username: "user" },
  changeCheck: (args, _opts, zone) => ["exo", "dbaas", "user", "reveal-secrets", args.name, args.username, "-z", zone],
  options: {
    zone: zoneFlag("Database Service zone"),
    password: flag.string("password", { description: "Use a specific password instead of an automatically generated one" }),
    helpMysql: flag.bool("help-mysql", { description: "show usage for flags specific to the mysql type" }),
    mysqlAuthenticationMethod: flag.string("mysql-auhentication-method", { description: MYSQL_AUTH_USAGE, hidden: true }),
    waitTimeout: waitTimeoutFlag(),
  },
  helpFooter: `
Examples:
  exo dbaas user reset-credentials test-kafka app -z de-muc-1
`,
  templated: (opts) => !opts.helpMysql,
  async run(ctx, args, opts) {
    if (ctx.flagsSet.has("help-mysql")) return fixedOutput(engineFlagsHelp([["--mysql-auhentication-method", MYSQL_AUTH_USAGE]]));
    checkMysqlAuthMethod(ctx, "mysql-auhentication-method", opts.mysqlAuthenticationMethod);
    const password = opts.password ? validatePassword(opts.password) : undefined;
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);

    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    await findKafkaService(client, args.name, zone);
    const op = await resetKafkaUserPassword(client, args.name, args.username, password);
    await awaitOperation(ctx, client, op, `Resetting DBaaS user ${goQuote(args.username)}`, timeoutMs);
    if (ctx.globals.quiet) return undefined;
    return userShowOutput(requireUser(await fetchKafkaService(client, args.name, zone), args.name, args.username));
  },
});
