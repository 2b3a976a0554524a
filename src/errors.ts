// Exit codes and the CLI's own error types. main.ts is the one place mapping errors to codes.

/**
 * Exit codes.
 *
 * exo exits 1 for every failure (usage, configuration, API, network), so every failure a script of
 * exo can see keeps 1. Codes above 1 are only for conditions exo does not have.
 */
export const ExitCode = {
  /** success */
  OK: 0,
  /** any failure exo also reports: usage error, configuration, API or network error, failed operation */
  FAILURE: 1,
  /** an asynchronous operation was still pending when the wait timeout expired (the change may still happen) */
  OPERATION_TIMEOUT: 3,
  /** a user's client certificate has expired or is about to (credential expiry check) */
  CREDENTIALS_EXPIRED: 4,
  /** a bootstrap address could not be reached, or refused the credentials (credentials check --connect) */
  CONNECTION_FAILED: 5,
  /** ended by SIGHUP: 128 + 1, what a shell reports for a process the signal killed */
  HANGUP: 129,
  /** ended by SIGTERM: 128 + 15 */
  TERMINATED: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Wrong command line: unknown flag, missing argument, invalid value. Printed as `error: <message>`. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A command word that names no command; cobra's suggestions, if any, are printed after the error line. */
export class UnknownCommandError extends UsageError {
  constructor(
    message: string,
    readonly suggestions: readonly string[],
  ) {
    super(message);
    this.name = "UnknownCommandError";
  }
}

/** A failure that carries its own exit code and message. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.FAILURE,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** No service of that name in the zone the command looked in. */
export class ServiceNotFoundError extends CliError {
  constructor(
    message: string,
    readonly service: string,
    readonly zone: string,
  ) {
    super(message);
    this.name = "ServiceNotFoundError";
  }
}

/** The user declined a confirmation prompt: exo exits 0 without output. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

export const MISSING_ARGUMENTS = "missing arguments, run with --help for usage";

/** The refusal of a line that lacks these arguments, named as the usage line names them. */
export function missingArguments(names: readonly string[]): UsageError {
  const list = names.map((n) => n.toUpperCase()).join(", ");
  return new UsageError(`missing argument${names.length > 1 ? "s" : ""} ${list}, run with --help for usage`);
}

/** The arguments, when none is missing. @throws UsageError naming the missing ones */
export function requireArguments<K extends string>(args: Record<K, string | undefined>): Record<K, string> {
  const missing = (Object.keys(args) as K[]).filter((k) => args[k] === undefined);
  if (missing.length > 0) throw missingArguments(missing);
  return args as Record<K, string>;
}
