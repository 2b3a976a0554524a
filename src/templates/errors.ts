/**
 * A template parse or execution error. The message is Go's text/template message, e.g.
 * `template: out:1: unexpected "}" in operand` or
 * `template: out:1:8: executing "out" at <.Kafka.Nope>: can't evaluate field Nope in type *dbaas.X`.
 */
export class TemplateError extends Error {
  override readonly name = "TemplateError";
  /**
   * For execution errors: the output produced before the failing action. Go's text/template
   * streams to its writer, so exo has already printed this much when it reports the error.
   */
  output = "";

  constructor(
    message: string,
    /** "parse" for template syntax errors, "exec" for errors while rendering */
    readonly phase: "parse" | "exec",
  ) {
    super(message);
  }
}

/** The engine ran out of stack (deep recursion in the template). */
export function isStackOverflow(e: unknown): boolean {
  if (!(e instanceof RangeError) && !(e instanceof SyntaxError)) return false;
  try {
    return e.message.includes("call stack");
  } catch {
    return true;
  }
}
