// exo dbaas type show NAME: a Database Service type, its plans (--plans), its settings schema
// (--settings) or a plan's backup configuration (--backup-config), in the account's default zone.
import { getKafkaSettingsSchema, getServiceType } from "../../../api/dbaas.js";
import { CliError, UsageError } from "../../../errors.js";
import {
  findPlanBackupConfig,
  settingsTableOutput,
  typeBackupConfigOutput,
  typePlansOutput,
  typeShowOutput,
  typeShowView,
  typePlanView,
  typeBackupConfigView,
} from "../../../kafka/views/index.js";
import { annotationSections } from "../../../kafka/views/spec.js";
import { goQuote } from "../../../go/quote.js";
import { SETTINGS_KINDS, type SettingsKind } from "../../../kafka/settings-kinds.js";
import { defineCommand, flag } from "../../define.js";
import { allInOrder } from "../shared/settle.js";


export default defineCommand({
  description: `This command shows information about a Database Service type.

Supported output template annotations:

${annotationSections([
  { title: "When showing a Database Service type", view: typeShowView },
  { title: "When listing plans (--plans)", view: typePlanView },
  { title: "When showing a plan's backup configuration (--backup-config)", view: typeBackupConfigView },
])}

Settings of the kafka type (--settings):
  ${SETTINGS_KINDS.join(", ")}`,
  args: { name: "service type" },
  options: {
    backupConfig: flag.string("backup-config", { description: "show backup configuration for the Database Service type and Plan" }),
    plans: flag.bool("plans", { description: "list plans offered for the Database Service type" }),
    settings: flag.string("settings", { description: "show settings supported by the Database Service type", choices: SETTINGS_KINDS }),
  },
  helpFooter: `
Examples:
  exo dbaas type show kafka
  exo dbaas type show kafka --plans
  exo dbaas type show kafka --settings kafka
  exo dbaas type show kafka --backup-config startup-2
`,
  templated: (opts) => Boolean(opts.plans) || !opts.settings,
  async run(ctx, args, opts) {
    const settings = opts.settings || undefined;
    const view = opts.plans ? "plans" : settings !== undefined ? "settings" : opts.backupConfig ? "backup-config" : "type";
    // exo checks the value after fetching the type; refusing it first sends nothing for a typo.
    if (view === "settings" && args.name === "kafka" && !(SETTINGS_KINDS as readonly string[]).includes(settings!)) {
      throw new UsageError(`invalid settings value ${goQuote(settings!)}, expected one of: ${SETTINGS_KINDS.join(", ")}`);
    }

    const client = await ctx.client(await ctx.zone());
    // exo reads the type, then the Kafka settings schema: both go out at once, the type's error first
    const [serviceType, schema] = await allInOrder([
      getServiceType(client, args.name),
      view === "settings" && args.name === "kafka" ? getKafkaSettingsSchema(client) : undefined,
    ]);
    switch (view) {
      case "plans":
        return typePlansOutput(serviceType);
      case "settings": {
        // exo prints settings for the types it knows; for any other type, nothing
        if (schema === undefined) return undefined;
        return settingsTableOutput(schema.settings[settings as SettingsKind]?.properties, ctx.io.stdoutIsTTY);
      }
      case "backup-config": {
        const backupConfig = findPlanBackupConfig(serviceType, opts.backupConfig!);
        if (!backupConfig) throw new CliError(`${goQuote(opts.backupConfig!)} is not a valid plan`);
        return typeBackupConfigOutput(backupConfig);
      }
      default:
        return typeShowOutput(serviceType);
    }
  },
});
