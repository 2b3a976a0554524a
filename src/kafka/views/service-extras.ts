// The other views of `exo dbaas show NAME`: --backups, --notifications, --uri.

import { GoTime } from "../../templates/values.js";
import { goTimeString, wordWrap } from "../../output/go-format.js";
import { fixedOutput, listOutput, type FixedOutput, type ListOutput } from "../../output/model.js";
import { renderTable } from "../../output/table.js";
import { field, struct } from "./go.js";
import { int, isObject, objects, str, time } from "./raw.js";

function text(value: unknown): string {
  if (value instanceof GoTime) return goTimeString(value);
  return String(value ?? "");
}

/** `--backups`: exo's dbServiceBackupListOutput (generic slice table NAME | DATE | SIZE). */
export function serviceBackupsOutput(service: unknown): ListOutput {
  const backups = objects(isObject(service) ? service : undefined, "backups") ?? [];
  const items = backups.map((b) =>
    struct("dbaas.dbServiceBackupListItemOutput", [
      field("Name", str(b, "backup-name"), "name"),
      field("Date", time(b, "backup-time"), "date"),
      field("Size", int(b, "data-size"), "size"),
    ]),
  );
  return listOutput(items, (isTTY) =>
    renderTable(
      {
        header: ["Name", "Date", "Size"],
        rows: items.map((i) => [text(i.get("Name")), text(i.get("Date")), text(i.get("Size"))]),
      },
      isTTY,
    ),
  );
}

/** `--notifications`: messages word-wrapped at 50 columns (in JSON and templates too). */
export function serviceNotificationsOutput(service: unknown): ListOutput {
  const notifications = objects(isObject(service) ? service : undefined, "notifications") ?? [];
  const items = notifications.map((n) =>
    struct("dbaas.dbServiceNotificationListItemOutput", [
      field("Level", str(n, "level"), "level"),
      field("Message", wordWrap(str(n, "message"), 50), "message"),
      field("Type", str(n, "type"), "type"),
    ]),
  );
  return listOutput(items, (isTTY) =>
    renderTable(
      { header: ["Level", "Message"], rows: items.map((i) => [text(i.get("Level")), text(i.get("Message"))]) },
      isTTY,
    ),
  );
}

/** `--uri`: the service URI, unredacted, and a newline. */
export function serviceUriOutput(service: unknown): FixedOutput {
  return fixedOutput(str(isObject(service) ? service : undefined, "uri") + "\n");
}
