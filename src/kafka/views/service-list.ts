// `exo dbaas list`: dbaasServiceListItemOutput rows and the streaming table.

import type { ServiceCommon } from "../../api/schemas.js";
import { listOutput, type ListOutput } from "../../output/model.js";
import { renderStreamingTable } from "../../output/table.js";
import { defineView, fieldsOf, goStruct, tableHeader, tableRow, tableWidths } from "./spec.js";

/** A service of `GET /dbaas-service` and the zone it is listed in. */
export interface ServiceListRow {
  readonly service: ServiceCommon;
  readonly zone: string;
}

/** One row: a service of `GET /dbaas-service` in the given zone. */
export function serviceListItem(service: ServiceCommon, zone: string): ServiceListRow {
  return { service, zone };
}

const row = fieldsOf<ServiceListRow>();
export const serviceListItemView = defineView("dbaas.dbaasServiceListItemOutput", [
  row({ go: "Name", json: "name", label: "Name", width: 70, from: (r) => r.service.name }),
  row({ go: "Type", json: "type", label: "Type", width: 16, from: (r) => r.service.type }),
  row({ go: "Plan", json: "plan", label: "Plan", width: 16, from: (r) => r.service.plan }),
  row({ go: "Zone", json: "zone", label: "Zone", width: 8, from: (r) => r.zone }),
]);

/** The streaming table for a set of rows (boxes even when piped; nothing when empty). */
export function serviceListTable(rows: readonly ServiceListRow[]): string {
  const view = serviceListItemView;
  return renderStreamingTable(tableHeader(view), tableWidths(view), rows.map((r) => tableRow(view, r)));
}

/** All rows at once, for commands that do not stream zone by zone. */
export function serviceListOutput(rows: readonly ServiceListRow[]): ListOutput {
  return listOutput(rows.map((r) => goStruct(serviceListItemView, r)), () => serviceListTable(rows), { streaming: true });
}
