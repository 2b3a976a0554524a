// `exo dbaas list`: dbaasServiceListItemOutput rows and the streaming table.

import { listOutput, type ListOutput } from "../../output/model.js";
import { renderStreamingTable } from "../../output/table.js";
import { field, struct } from "./go.js";
import { str, type RawObject } from "./raw.js";
import type { GoStruct } from "../../templates/values.js";

/** Column headers and `outputWidth` tags of dbaasServiceListItemOutput. */
export const SERVICE_LIST_COLUMNS = {
  headers: ["Name", "Type", "Plan", "Zone"],
  widths: [70, 16, 16, 8],
} as const;

/** One row: a service of `GET /dbaas-service` in the given zone. */
export function serviceListItem(service: RawObject, zone: string): GoStruct {
  return struct("dbaas.dbaasServiceListItemOutput", [
    field("Name", str(service, "name"), "name"),
    field("Type", str(service, "type"), "type"),
    field("Plan", str(service, "plan"), "plan"),
    field("Zone", zone, "zone"),
  ]);
}

/** The streaming table for a set of rows (boxes even when piped; nothing when empty). */
export function serviceListTable(items: readonly GoStruct[]): string {
  const rows = items.map((i) => ["Name", "Type", "Plan", "Zone"].map((f) => String(i.get(f) ?? "")));
  return renderStreamingTable(SERVICE_LIST_COLUMNS.headers, SERVICE_LIST_COLUMNS.widths, rows);
}

/** All rows at once, for commands that do not stream zone by zone. */
export function serviceListOutput(items: readonly GoStruct[]): ListOutput {
  return listOutput(items, () => serviceListTable(items), { streaming: true });
}
