// run(argv, io) → exit code: runs the command line (src/cli/), prints its output, and maps every
// error to `error: <message>` and an exit code in this one place.
import { COMMAND_TREE, type GroupEntry } from "./commands/registry.js";
import { execute } from "./cli/program.js";
import { OperationTimeoutError } from "./api/operation-timeout.js";
import { CancelledError, CliError, ExitCode, UnknownCommandError, UsageError } from "./errors.js";
import { suggestionLines } from "./cli/suggestions.js";
import { COMPLETE_COMMAND } from "./cli/globals.js";
import type { IO } from "./io.js";
import { terminalSafe } from "./output/terminal-text.js";

const VERSION_FLAG = "--version";

export interface RunOptions {
  /** the command tree (tests substitute their own) */
  tree?: GroupEntry;
}

export async function run(argv: readonly string[], io: IO, options: RunOptions = {}): Promise<number> {
  // `exo --version` is `exo version`, its flags kept (`exo --version -O json`)
  if (argv[0] === VERSION_FLAG) argv = ["version", ...argv.slice(1)];
  const tree = options.tree ?? COMMAND_TREE;
  // hidden entry point of the shell completion scripts (src/completion/)
  if (argv[0] === COMPLETE_COMMAND) {
    const { runComplete } = await import("./completion/complete.js");
    return runComplete(argv.slice(1), io, tree);
  }
  let result;
  try {
    result = await execute(argv, io, tree);
    // interrupted after the work was done: still a failure, and stdout stays empty
    io.signal?.throwIfAborted();
  } catch (error) {
    return report(error, io);
  }
  if (result.output) io.stdout(result.output);
  // whole lines, each made safe on its own
  io.stderr(result.warnings.map((w) => `${terminalSafe(w.replace(/\n$/, ""))}\n`).join(""));
  if (result.failure !== undefined) errorLine(io, result.failure);
  return result.exitCode;
}

/** `error: <message>` on stderr; the message may carry API text, so it is made safe. */
function errorLine(io: IO, message: string): void {
  io.stderr(`error: ${terminalSafe(message)}\n`);
}

/** The single mapping from errors to stderr text and exit codes, by class. */
function report(error: unknown, io: IO): ExitCode {
  // Ctrl-C: whatever was interrupted rejected with the signal's own reason (SIGTERM and SIGHUP
  // carry a CliError with their own line and exit code)
  if (io.signal?.aborted && error === io.signal.reason && !(error instanceof CliError)) {
    errorLine(io, "context canceled");
    return ExitCode.FAILURE;
  }
  if (error instanceof CancelledError) return ExitCode.OK;
  if (error instanceof CliError) {
    errorLine(io, error.message);
    return error.exitCode;
  }
  if (error instanceof OperationTimeoutError) {
    errorLine(io, error.message);
    return ExitCode.OPERATION_TIMEOUT;
  }
  if (error instanceof UsageError) {
    // cobra's "Did you mean this?" block, before the error line, which stays the last line of stderr
    if (error instanceof UnknownCommandError) io.stderr(suggestionLines(error.suggestions));
    errorLine(io, error.message);
    return ExitCode.FAILURE;
  }
  errorLine(io, error instanceof Error ? error.message : String(error));
  return ExitCode.FAILURE;
}
