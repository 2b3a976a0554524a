// exo dbaas external-integration settings update TYPE INTEGRATION-ID [--datadog-...]
import { getDatadogIntegrationSettings, updateDatadogIntegrationSettings, type DatadogIntegrationSettings } from "../../../../api/external.js";
import { requireArguments } from "../../../../errors.js";
import { datadogIntegrationSettingsOutput } from "../../../../kafka/views/external-integration.js";
import { InputError } from "../../../../kafka/validation/index.js";
import { goQuote } from "../../../../go/quote.js";
import { canonicalUuid, validateUuid } from "../../../../kafka/validation/external.js";
import { renderEmbeddedTable } from "../../../../output/table.js";
import { defineCommand, flag } from "../../../define.js";
import { awaitOperation, parseWaitTimeout, waitTimeoutFlag } from "../../shared/async-operation.js";
import { defaultZoneClient, wrapApiError } from "../../external-endpoint/shared.js";
import { ZONE_NOTE } from "../shared.js";

const DATADOG_FLAGS = {
  datadogDbmEnabled: flag.bool("datadog-dbm-enabled", { description: "Enable/Disable pg stats with Datadog" }),
  datadogPgbouncerEnabled: flag.bool("datadog-pgbouncer-enabled", { description: "Enable/Disable pgbouncer stats with Datadog" }),
};

export default defineCommand({
  description: `Update external integration settings

TYPE is datadog, the only type with integration settings. Only the flags given
are sent (--datadog-dbm-enabled=false turns a setting off).

${ZONE_NOTE}`,
  optionalArgs: { type: "integration settings type", id: "integration id" },
  changeCheck: (args) => ["exo", "dbaas", "external-integration", "settings", "show", args.type ?? "", canonicalUuid(args.id ?? "")],
  options: {
    helpDatadog: flag.bool("help-datadog", { description: "show usage for flags specific to the datadog external integration type" }),
    ...DATADOG_FLAGS,
    waitTimeout: waitTimeoutFlag(),
  },
  helpFooter: `
Examples:
  exo dbaas external-integration settings update datadog INTEGRATION-ID \\
    --datadog-dbm-enabled=false
`,
  templated: (opts) => !opts.helpDatadog,
  async run(ctx, args, opts) {
    if (opts.helpDatadog) return renderEmbeddedTable(Object.values(DATADOG_FLAGS).map((f) => [`--${f.long}`, f.description ?? ""]));
    const { type, id: rawId } = requireArguments({ type: args.type, id: args["id"] });
    if (type !== "datadog") throw new InputError(`unsupported updating external integration settings for type ${goQuote(type)}`);
    const id = validateUuid(rawId, "integration");
    const settings: DatadogIntegrationSettings = {};
    if (ctx.flagsSet.has("datadog-dbm-enabled")) settings["datadog-dbm-enabled"] = opts.datadogDbmEnabled;
    if (ctx.flagsSet.has("datadog-pgbouncer-enabled")) settings["datadog-pgbouncer-enabled"] = opts.datadogPgbouncerEnabled;
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);

    const client = await defaultZoneClient(ctx);
    // read first: an integration without Datadog settings is refused before any change is sent
    await wrapApiError("error getting settings for integration", getDatadogIntegrationSettings(client, id));
    const op = await wrapApiError("error updating settings for integration", updateDatadogIntegrationSettings(client, id, settings));
    await awaitOperation(
      ctx,
      client,
      op,
      `Updating DBaaS Datadog external integration settings ${goQuote(rawId)}`,
      timeoutMs,
    );
    if (ctx.globals.quiet) return undefined;
    return datadogIntegrationSettingsOutput(await wrapApiError("error getting settings for integration", getDatadogIntegrationSettings(client, id)));
  },
});
