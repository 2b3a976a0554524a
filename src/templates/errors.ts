/**
 * A template parse or execution error. The message is Go's text/template message, e.g.
 * `template: out:1: unexpected "}" in operand` or
 * `template: out:1:8: executing "out" at <.Kafka.Nope>: can't evaluate field Nope in type *dbaas.X`.
 */
export class TemplateError extends Error {
  override readonly name = "TemplateError";

  constructor(
    message: string,
    /** "parse" for template syntax errors, "exec" for errors while rendering */
    readonly phase: "parse" | "exec",
  ) {
    super(message);
  }
}
