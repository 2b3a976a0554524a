// exo dbaas logs NAME: a page of the service's log lines. Works for a service of any type, as exo's does.
import { getServiceLogs, LOG_SORT_ORDERS, type ServiceLogsRequest } from "../../api/dbaas.js";
import { validateEnum } from "../../kafka/validation/index.js";
import { CliError } from "../../errors.js";
import { LogTimeError, serviceLogLineView, serviceLogsOutput, serviceLogsView } from "../../kafka/views/index.js";
import { annotations } from "../../kafka/views/spec.js";
import { defineCommand, flag, zoneFlag } from "../define.js";
import { orResourceNotFound } from "./shared/service.js";

export default defineCommand({
  description: `This command outputs a Database Service logs.

Supported output template annotations: ${annotations(serviceLogsView, ", ")}
  - .Logs: ${annotations(serviceLogLineView, ", ")}`,
  args: { name: "service" },
  options: {
    limit: flag.int("limit", { short: "l", default: 10, description: "number of log messages to retrieve" }),
    offset: flag.string("offset", {
      short: "o",
      description: "opaque offset identifier (can be found in the JSON output of the command)",
    }),
    sort: flag.string("sort", { default: "desc", description: "log messages sorting order (asc|desc)" }),
    zone: zoneFlag("Database Service zone"),
  },
  helpFooter: `
Examples:
  exo dbaas logs test-kafka -z de-muc-1
  exo dbaas logs test-kafka -z de-muc-1 --limit 50 --sort asc
  exo dbaas logs test-kafka -z de-muc-1 \\
    --output-template '{{range $l := .Logs}}{{println $l.Message}}{{end}}'
`,
  templated: true,
  async run(ctx, args, opts) {
    // as exo: only the flags given go in the request (and, the SDK's fields being omitempty, not a 0
    // or an empty string); the API applies its own defaults to the rest
    const body: ServiceLogsRequest = {};
    if (ctx.flagsSet.has("limit") && opts.limit !== 0) body.limit = opts.limit;
    if (ctx.flagsSet.has("offset") && opts.offset) body.offset = opts.offset;
    // a sort order the API does not have is refused before sending (exo sends it)
    if (ctx.flagsSet.has("sort") && opts.sort) body["sort-order"] = validateEnum(opts.sort, LOG_SORT_ORDERS, "sort");
    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    const response = await orResourceNotFound(zone, getServiceLogs(client, args.name, body), args.name);
    try {
      return serviceLogsOutput(response);
    } catch (error) {
      if (error instanceof LogTimeError) throw new CliError(`unable to parse log timestamp: ${error.message}`);
      throw error;
    }
  },
});
