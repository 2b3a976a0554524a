// Go text/template, as the exo CLI's --output-template uses it: no functions beyond the
// builtins, no HTML escaping, Go's fmt for printing, Go's messages for errors.

import { TemplateError } from "./errors.js";
import { execute } from "./exec.js";
import { ParsedSet, parseSet } from "./parse.js";

export { TemplateError } from "./errors.js";
export { GoFloat, GoNil, GoPtr, GoStruct, GoTime, goMap, goSlice } from "./values.js";
export type { GoFieldSpec } from "./values.js";
export { sprint, sprintf, sprintln } from "./fmt/print.js";
export { formatFloat } from "./fmt/float.js";
export { formatTime } from "./time.js";

/** A parsed template, ready to execute many times. */
export class Template {
  /** @internal */
  constructor(
    readonly name: string,
    private readonly set: ParsedSet,
  ) {}

  /** Renders the template on `data`; the whole output is built in memory. Throws TemplateError. */
  execute(data: unknown): string {
    return execute(this.set, this.name, data);
  }

  /** Names of the templates the text defines (the main one included when it has content). */
  get definedTemplates(): string[] {
    return [...this.set.trees.keys()];
  }
}

/** Parses a template text (Go's template.New(name).Parse(text)). Throws TemplateError. */
export function parse(template: string, name = "out"): Template {
  return new Template(name, parseSet(template, name));
}

/** Parses and executes in one step. Throws TemplateError. */
export function render(template: string, data: unknown, name = "out"): string {
  return parse(template, name).execute(data);
}

/** Whether err is a template parse or execution error. */
export function isTemplateError(err: unknown): err is TemplateError {
  return err instanceof TemplateError;
}
