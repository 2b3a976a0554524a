// The other views of `exo dbaas show NAME`: --backups, --notifications, --uri.

import type { KafkaService } from "../../api/schemas.js";
import { wordWrap } from "../../output/go-format.js";
import { fixedOutput, type FixedOutput, type ListOutput } from "../../output/model.js";
import { goTime } from "./go.js";
import { sliceOutput } from "./outputs.js";
import { defineView, fieldsOf } from "./spec.js";

type Backup = NonNullable<KafkaService["backups"]>[number];
type Notification = Pick<NonNullable<KafkaService["notifications"]>[number], "level" | "message" | "type">;

const backup = fieldsOf<Backup>();
export const serviceBackupView = defineView("dbaas.dbServiceBackupListItemOutput", [
  backup({ go: "Name", json: "name", label: "Name", from: (b) => b["backup-name"] }),
  backup({ go: "Date", json: "date", label: "Date", from: (b) => goTime(b["backup-time"]) }),
  backup({ go: "Size", json: "size", label: "Size", from: (b) => b["data-size"] }),
]);

/** Messages are word-wrapped at 50 columns (in JSON and templates too). */
const notification = fieldsOf<Notification>();
export const serviceNotificationView = defineView("dbaas.dbServiceNotificationListItemOutput", [
  notification({ go: "Level", json: "level", label: "Level", from: (n) => n.level }),
  notification({ go: "Message", json: "message", label: "Message", from: (n) => wordWrap(n.message, 50) }),
  notification({ go: "Type", json: "type", from: (n) => n.type }),
]);

/** `--backups`: exo's dbServiceBackupListOutput (NAME | DATE | SIZE). */
export function serviceBackupsOutput(service: Pick<KafkaService, "backups">): ListOutput {
  return sliceOutput(serviceBackupView, service.backups ?? []);
}

/** `--notifications`: LEVEL | MESSAGE. */
export function serviceNotificationsOutput(service: { readonly notifications?: readonly Notification[] }): ListOutput {
  return sliceOutput(serviceNotificationView, service.notifications ?? []);
}

/** `--uri`: the service URI, unredacted, and a newline. */
export function serviceUriOutput(service: Pick<KafkaService, "uri">): FixedOutput {
  return fixedOutput((service.uri ?? "") + "\n");
}
