// `exo dbaas logs NAME`: exo's dbServiceLogsOutput from POST /dbaas-service-logs/NAME.

import { goTimeString } from "../../output/go-format.js";
import { objectOutput, type ObjectOutput } from "../../output/model.js";
import { renderTable } from "../../output/table.js";
import { goSlice, type GoTime } from "../../templates/values.js";
import { field, struct } from "./go.js";
import { parseLogTime } from "./log-time.js";
import { isObject, objects, str } from "./raw.js";

const ITEM_TYPE = "dbaas.dbServiceLogsItemOutput";

/** Throws LogTimeError (exo: `unable to parse log timestamp: …`) when a line's time does not parse. */
export function serviceLogsOutput(response: unknown): ObjectOutput {
  const res = isObject(response) ? response : {};
  const items = (objects(res, "logs") ?? []).map((log) =>
    struct(ITEM_TYPE, [
      field("Time", parseLogTime(str(log, "time")), "time"),
      field("Node", str(log, "node"), "node"),
      field("Unit", str(log, "unit"), "unit"),
      field("Message", str(log, "message"), "message"),
    ]),
  );
  const value = struct("*dbaas.dbServiceLogsOutput", [
    field("FirstLogOffset", str(res, "first-log-offset"), "first_log_offset"),
    field("Offset", str(res, "offset"), "offset"),
    field("Logs", goSlice(ITEM_TYPE, items), "logs"),
  ]);
  return objectOutput(value, (isTTY) =>
    renderTable(
      {
        header: ["Time", "Node", "Unit", "Message"],
        rows: items.map((i) => [goTimeString(i.get("Time") as GoTime), String(i.get("Node")), String(i.get("Unit")), String(i.get("Message"))]),
      },
      isTTY,
    ),
  );
}
