// Malformed JSON, as the readers of this folder report it; each caller words the fault its own way.

/** `position` is the 0-based offset of the offending character. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = "JsonSyntaxError";
  }
}
