// The one place that chooses between table, JSON and text output (exo's `utils.PrintOutput`).

import { terminalSafeTable } from "./terminal-text.js";
import { parse, type Template } from "../templates/index.js";
import type { GoStruct } from "../templates/values.js";
import { encodeOutputJSON } from "./json.js";
import type { OutputModel } from "./model.js";

export interface RenderOptions {
  /** `-O` value; anything but `json` and `text` means table, as in exo. */
  format: string;
  /** `--output-template`; when non-empty it wins over `format`. */
  template?: string;
  /** whether stdout is a terminal (table style). */
  isTTY: boolean;
}

/**
 * A template failed. `output` holds what exo had already written to stdout before failing
 * (text/template streams), so the caller prints it, then `error: <message>` on stderr.
 */
export class OutputTemplateError extends Error {
  override name = "OutputTemplateError";
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/** exo's default text template: every top-level field, TAB-separated. */
export function defaultTextTemplate(value: GoStruct): string {
  return [...value.fields.keys()].map((name) => `{{.${name}}}`).join("\t");
}

/** What Go would already have streamed before the failing action, when the engine reports it. */
function partialOutput(error: unknown): string {
  const output = (error as { output?: unknown } | null)?.output;
  return typeof output === "string" ? output : "";
}

let lastParsed: { source: string; template: Template } | undefined;

/** Parses an output template; the one the CLI parsed before running the command is not parsed again. */
export function parseOutputTemplate(source: string): Template {
  if (lastParsed?.source !== source) lastParsed = { source, template: parse(source, "out") };
  return lastParsed.template;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function renderText(model: OutputModel, template: string): string {
  if (model.kind === "fixed") return model.text;
  const items = model.kind === "list" ? model.value : [model.value];
  if (items.length === 0) return "";
  const source = template !== "" ? template : defaultTextTemplate(items[0]!);
  let out = "";
  let parsed: Template;
  try {
    parsed = parseOutputTemplate(source);
  } catch (error) {
    if (model.kind !== "list" || !model.streaming) {
      throw new OutputTemplateError(`unable to encode output in plaintext using template: ${message(error)}`, "");
    }
    out = `warning: invalid output template: ${message(error)}\n`;
    parsed = parse("{{.}}", "out");
  }
  for (const item of items) {
    try {
      out += parsed.execute(item);
    } catch (error) {
      throw new OutputTemplateError(`unable to encode output using template: ${message(error)}`, out + partialOutput(error));
    }
    if (model.kind === "list") out += "\n";
  }
  return out;
}

/** Renders a command's output the way exo prints it to stdout. */
export function render(model: OutputModel, options: RenderOptions): string {
  if (model.kind === "fixed") return model.text;
  if (options.template) return renderText(model, options.template);
  switch (options.format) {
    case "json":
      return encodeOutputJSON(model.value);
    case "text":
      return renderText(model, "");
    default:
      // API text on a terminal cannot drive it; a pipe gets exo's bytes
      return options.isTTY ? terminalSafeTable(model.table(true)) : model.table(false);
  }
}
