// exo dbaas show NAME: the service, or one view of it (--backups, --notifications, --settings, --uri).
import { fetchKafkaShow } from "./shared/service.js";
import { UsageError } from "../../errors.js";
import {
  serviceBackupsOutput,
  serviceNotificationsOutput,
  serviceSettingsOutput,
  serviceShowOutput,
  serviceUriOutput,
  serviceBackupView,
  serviceNotificationView,
  serviceShowView,
} from "../../kafka/views/index.js";
import { annotationSections } from "../../kafka/views/spec.js";
import { goQuote } from "../../go/quote.js";
import { SETTINGS_KINDS, type SettingsKind } from "../../kafka/settings-kinds.js";
import { defineCommand, flag, zoneFlag } from "../define.js";


const isSettingsKind = (value: string): value is SettingsKind => (SETTINGS_KINDS as readonly string[]).includes(value);

export default defineCommand({
  description: `This command shows a Database Service details.

Supported output template annotations:

${annotationSections([
  { title: "When showing a Database Service", view: serviceShowView },
  { title: "When listing backups (--backups)", view: serviceBackupView },
  { title: "When listing notifications (--notifications)", view: serviceNotificationView },
])}`,
  args: { name: "service" },
  options: {
    backups: flag.bool("backups", { description: "show Database Service backups" }),
    notifications: flag.bool("notifications", { description: "show Database Service notifications" }),
    settings: flag.string("settings", {
      description: 'show Database Service settings (see "exo dbaas type show --help" for supported settings)',
      choices: SETTINGS_KINDS,
    }),
    uri: flag.bool("uri", { description: "show Database Service connection URI" }),
    zone: zoneFlag("Database Service zone"),
  },
  helpFooter: `
Examples:
  exo dbaas show test-kafka -z de-muc-1
  exo dbaas show test-kafka -z de-muc-1 -O json
  exo dbaas show test-kafka -z de-muc-1 \\
    --output-template '{{.Kafka.ConnectionInfo.AccessCert}}' \\
    > test-kafka_cert.pem
  exo dbaas show test-kafka -z de-muc-1 \\
    --output-template '{{.Kafka.ConnectionInfo.AccessKey}}' > test-kafka_key.pem
  exo dbaas show test-kafka -z de-muc-1 \\
    --output-template '{{.Kafka.AuthenticationMethods.SASL}}'
  exo dbaas show test-kafka -z de-muc-1 \\
    --output-template '{{.Kafka.SASLBootstrap}}'
  exo dbaas show test-kafka -z de-muc-1 --settings kafka
`,
  // --settings and --uri print fixed views; the first view asked for wins, --backups and --notifications first
  templated: (opts) => opts.backups || opts.notifications || (!opts.settings && !opts.uri),
  async run(ctx, args, opts) {
    // The first view asked for wins, in exo's order; a bad --settings value is refused before any request.
    const settings = opts.settings || undefined;
    const view = opts.backups ? "backups" : opts.notifications ? "notifications" : settings !== undefined ? "settings" : opts.uri ? "uri" : "service";
    if (view === "settings" && !isSettingsKind(settings!)) {
      throw new UsageError(`invalid settings value ${goQuote(settings!)}, expected one of: ${SETTINGS_KINDS.join(", ")}`);
    }

    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    const { service, acl } = await fetchKafkaShow(client, args.name, zone);
    switch (view) {
      case "backups":
        return serviceBackupsOutput(service);
      case "notifications":
        return serviceNotificationsOutput(service);
      case "settings":
        return serviceSettingsOutput(service, settings as SettingsKind);
      case "uri":
        return serviceUriOutput(service);
      default:
        return serviceShowOutput(service, acl, zone);
    }
  },
});
