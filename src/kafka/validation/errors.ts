/**
 * The one error class every validation refusal throws. Its message is a single line, printed by the
 * CLI as `error: <message>`; it never contains a secret (passwords are described, not echoed).
 */
export class InputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "InputError";
  }
}
