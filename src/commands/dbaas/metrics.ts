// exo dbaas metrics NAME: the service's raw metrics as one line of JSON, whatever -O says (as exo).
import { getServiceMetrics, METRICS_PERIODS } from "../../api/dbaas.js";
import { validateEnum } from "../../kafka/validation/index.js";
import { asGoInterface } from "../../output/go-format.js";
import { encodeMarshalJSON } from "../../output/json.js";
import { fixedOutput } from "../../output/model.js";
import { defineCommand, flag, zoneFlag } from "../define.js";
import { orResourceNotFound } from "./shared/service.js";

export default defineCommand({
  description: `This command outputs a Database Service raw metrics for the specified time
period in JSON format.`,
  args: { name: "service" },
  options: {
    period: flag.string("period", { default: "hour", description: "metrics time period to retrieve" }),
    zone: zoneFlag("Database Service zone"),
  },
  helpFooter: `
Examples:
  exo dbaas metrics test-kafka -z de-muc-1
  exo dbaas metrics test-kafka -z de-muc-1 --period day
`,
  async run(ctx, args, opts) {
    // a period the API does not have is refused before sending (exo sends it); an empty one is left
    // out of the body, as the SDK's omitempty does, and the API takes its default
    const period = opts.period ? validateEnum(opts.period, METRICS_PERIODS, "period") : undefined;
    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    const response = await orResourceNotFound(zone, getServiceMetrics(client, args.name, period), args.name);
    return fixedOutput(encodeMarshalJSON(asGoInterface(response.metrics)));
  },
});
