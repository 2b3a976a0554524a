// `exo dbaas type show kafka --settings KIND`: the settings schema as a KEY | TYPE | DESCRIPTION
// table, always a table whatever `-O` says. exo prints rows in Go's random map order; here they
// are sorted by key so the output is stable.

import { compareGoStrings, formatGoJSONValue, wordWrap } from "../../output/go-format.js";
import { fixedOutput, type FixedOutput } from "../../output/model.js";
import { renderTable } from "../../output/table.js";
import { isJsonObject } from "./go.js";

type JsonObject = Readonly<Record<string, unknown>>;

function description(schema: JsonObject): string {
  if (typeof schema.description !== "string") return "";
  let text = wordWrap(schema.description, 50);
  if (Array.isArray(schema.enum)) {
    text += "\n  * Supported values:\n" + schema.enum.map((v) => `    - ${formatGoJSONValue(v)}`).join("\n");
  }
  if ("minimum" in schema && "maximum" in schema) {
    text += `\n  * Minimum: ${formatGoJSONValue(schema.minimum)} / Maximum: ${formatGoJSONValue(schema.maximum)}`;
  }
  if ("default" in schema) text += `\n  * Default: ${formatGoJSONValue(schema.default)}`;
  if ("example" in schema) text += `\n  * Example: ${formatGoJSONValue(schema.example)}`;
  return text;
}

/** The table rows for a settings schema's `properties` map. */
export function settingsTableRows(properties: JsonObject): string[][] {
  return Object.keys(properties)
    .sort(compareGoStrings)
    .flatMap((key) => {
      const schema = properties[key];
      if (!isJsonObject(schema)) return [];
      const type = "type" in schema ? formatGoJSONValue(schema.type) : "-";
      return [[key, type, description(schema)]];
    });
}

/**
 * The table for `settings.<kind>.properties` of `GET /dbaas-settings-kafka`
 * (empty or missing properties print nothing).
 */
export function settingsTableOutput(properties: JsonObject | undefined, isTTY: boolean): FixedOutput {
  const rows = settingsTableRows(properties ?? {});
  return fixedOutput(renderTable({ header: ["key", "type", "description"], rows }, isTTY));
}
