// `exo dbaas logs NAME`: exo's dbServiceLogsOutput from POST /dbaas-service-logs/NAME.

import type { ServiceLogs } from "../../api/schemas.js";
import { objectOutput, type ObjectOutput } from "../../output/model.js";
import { renderTable } from "../../output/table.js";
import { goSlice } from "../../templates/values.js";
import { parseLogTime } from "./log-time.js";
import { defineView, fieldsOf, goStruct, tableHeader, tableRow } from "./spec.js";

type LogLine = NonNullable<ServiceLogs["logs"]>[number];

const line = fieldsOf<LogLine>();
export const serviceLogLineView = defineView("dbaas.dbServiceLogsItemOutput", [
  line({ go: "Time", json: "time", label: "Time", from: (l) => parseLogTime(l.time ?? "") }),
  line({ go: "Node", json: "node", label: "Node", from: (l) => l.node ?? "" }),
  line({ go: "Unit", json: "unit", label: "Unit", from: (l) => l.unit ?? "" }),
  line({ go: "Message", json: "message", label: "Message", from: (l) => l.message ?? "" }),
]);

const logs = fieldsOf<ServiceLogs>();
export const serviceLogsView = defineView("*dbaas.dbServiceLogsOutput", [
  logs({ go: "FirstLogOffset", json: "first_log_offset", from: (r) => r["first-log-offset"] ?? "" }),
  logs({ go: "Offset", json: "offset", from: (r) => r.offset ?? "" }),
  logs({
    go: "Logs",
    json: "logs",
    from: (r) => goSlice(serviceLogLineView.type, (r.logs ?? []).map((l) => goStruct(serviceLogLineView, l))),
    annotate: { view: serviceLogLineView, slice: true },
  }),
]);

/** Throws LogTimeError (exo: `unable to parse log timestamp: …`) when a line's time does not parse. */
export function serviceLogsOutput(response: ServiceLogs): ObjectOutput {
  const lines = response.logs ?? [];
  return objectOutput(goStruct(serviceLogsView, response), (isTTY) =>
    renderTable({ header: tableHeader(serviceLogLineView), rows: lines.map((l) => tableRow(serviceLogLineView, l)) }, isTTY),
  );
}
