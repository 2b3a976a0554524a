// exo dbaas external-endpoint create TYPE NAME [--TYPE-...]: creates the endpoint, waits, shows it.
import { createExternalEndpoint, listExternalEndpointTypes } from "../../../api/external.js";
import { InputError } from "../../../kafka/validation/index.js";
import { goQuote } from "../../../go/quote.js";
import { defineCommand } from "../../define.js";
import { parseWaitTimeout, waitTimeoutFlag } from "../shared/async-operation.js";
import { ENDPOINT_HELP_NOTES, endpointOptions, endpointSettings, requireTypeAndArg, typeHelp } from "./flags.js";
import { MESSAGE_TITLES, defaultZoneClient, waitAndShow } from "./shared.js";

export default defineCommand({
  description: `Create a new external endpoint for DBaaS

TYPE is datadog, elasticsearch, opensearch, prometheus or rsyslog.

${ENDPOINT_HELP_NOTES}`,
  optionalArgs: { type: "endpoint type", name: "endpoint name" },
  changeCheck: () => ["exo", "dbaas", "external-endpoint", "list"],
  options: { ...endpointOptions, waitTimeout: waitTimeoutFlag() },
  helpFooter: `
Examples:
  exo dbaas external-endpoint create prometheus kafka-metrics \\
    --prometheus-basic-auth-username scraper \\
    --prometheus-basic-auth-password-file ./prometheus-password
  exo dbaas external-endpoint create rsyslog kafka-logs \\
    --rsyslog-server logs.example.net --rsyslog-port 6514 --rsyslog-tls \\
    --rsyslog-format rfc5424
  exo dbaas external-endpoint create --help-rsyslog
`,
  templated: (opts) => typeHelp(opts) === undefined,
  async run(ctx, args, opts) {
    const help = typeHelp(opts);
    if (help !== undefined) return help;
    const [type, name] = requireTypeAndArg(args["type"], args["name"], "name");
    if (name === "" || name.length > 255 || /[\x00-\x1f\x7f]/.test(name)) {
      throw new InputError(`invalid endpoint name ${goQuote(name)}: must be 1 to 255 characters, without control characters`);
    }
    const settings = await endpointSettings(ctx, type, opts, "create");
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);

    const client = await defaultZoneClient(ctx);
    // the types this API serves (a stable read before the write: a type it lacks is refused here)
    if (!(await listExternalEndpointTypes(client)).includes(type)) throw new InputError(`the API offers no ${type} external endpoints`);
    const op = await createExternalEndpoint(client, type, name, settings);
    return waitAndShow(ctx, client, type, op, {
      message: `Creating DBaaS ${MESSAGE_TITLES[type]} external Endpoint ${goQuote(name)}`,
      timeoutMs,
    });
  },
});
