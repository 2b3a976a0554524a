// exo dbaas user create NAME USERNAME: creates the user, waits, then shows it (unless -Q).
import { createKafkaUser } from "../../../api/dbaas.js";
import { CliError } from "../../../errors.js";
import { userShowOutput } from "../../../kafka/views/index.js";
import { validateNewUsername } from "../../../kafka/validation/index.js";
import { goQuote } from "../../../go/quote.js";
import { fixedOutput } from "../../../output/model.js";
import { defineCommand, flag, zoneFlag } from "../../define.js";
import { awaitOperation, parseWaitTimeout, waitTimeoutFlag } from "../shared/async-operation.js";
import { engineFlagsHelp, fetchKafkaService, MYSQL_AUTH_USAGE, checkMysqlAuthMethod, requireUser } from "./common.js";

export default defineCommand({
  description: "This command creates a DBAAS user for the specified service.",
  args: { name: "service", username: "new user" },
  changeCheck: (args, _opts, zone) => ["exo", "dbaas", "user", "show", args.name, args.username, "-z", zone],
  options: {
    helpMysql: flag.bool("help-mysql", { description: "show usage for flags specific to the mysql type" }),
    helpPg: flag.bool("help-pg", { description: "show usage for flags specific to the pg type" }),
    zone: zoneFlag("Database Service zone"),
    mysqlAuthenticationMethod: flag.string("mysql-authentication-method", { description: MYSQL_AUTH_USAGE, hidden: true }),
    pgAllowReplication: flag.bool("pg-allow-replication", { hidden: true }),
    waitTimeout: waitTimeoutFlag(),
  },
  helpFooter: `
Examples:
  # to cycle credentials: create a new user, retrieve its certificate and key,
  # then delete the previous user (exo dbaas user rotate does all three)
  exo dbaas user create test-kafka app-v2 -z de-muc-1
  exo dbaas credentials download test-kafka -z de-muc-1 --user app-v2
  exo dbaas user delete test-kafka app-v1 -z de-muc-1
`,
  templated: (opts) => !opts.helpMysql && !opts.helpPg,
  async run(ctx, args, opts) {
    if (ctx.flagsSet.has("help-mysql")) return fixedOutput(engineFlagsHelp([["--mysql-authentication-method", MYSQL_AUTH_USAGE]]));
    if (ctx.flagsSet.has("help-pg")) return fixedOutput(engineFlagsHelp([["--pg-allow-replication", ""]]));
    checkMysqlAuthMethod(ctx, "mysql-authentication-method", opts.mysqlAuthenticationMethod);
    const username = validateNewUsername(args.username);
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);

    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    const service = await fetchKafkaService(client, args.name, zone);
    if ((service.users ?? []).length === 0) throw new CliError(`service ${goQuote(args.name)} is not ready for user creation`);

    const op = await createKafkaUser(client, args.name, username);
    await awaitOperation(ctx, client, op, `Creating DBaaS user ${goQuote(username)}`, timeoutMs);
    if (ctx.globals.quiet) return undefined;
    return userShowOutput(requireUser(await fetchKafkaService(client, args.name, zone), args.name, username));
  },
});
