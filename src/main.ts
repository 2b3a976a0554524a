// run(argv, io) → exit code: runs the command line (src/cli/), prints its output, and maps every
// error to `error: <message>` and an exit code in this one place.
import { COMMAND_TREE, type GroupEntry } from "./commands/registry.js";
import { execute } from "./cli/program.js";
import { CancelledError, CliError, DetailedError, ExitCode, PartialFailureError, UsageError } from "./errors.js";
import { COMPLETE_COMMAND } from "./cli/globals.js";
import type { IO } from "./io.js";
import { terminalSafe } from "./output/terminal-text.js";

export interface RunOptions {
  /** the command tree (tests substitute their own) */
  tree?: GroupEntry;
}

export async function run(argv: readonly string[], io: IO, options: RunOptions = {}): Promise<number> {
  const tree = options.tree ?? COMMAND_TREE;
  // hidden entry point of the shell completion scripts (src/completion/)
  if (argv[0] === COMPLETE_COMMAND) {
    const { runComplete } = await import("./completion/complete.js");
    return runComplete(argv.slice(1), io, tree);
  }
  try {
    const output = await execute(argv, io, tree);
    // interrupted after the work was done: still a failure, and stdout stays empty
    io.signal?.throwIfAborted();
    if (output) io.stdout(output);
    return ExitCode.OK;
  } catch (error) {
    return report(error, io);
  }
}

/** The single mapping from errors to stderr text and exit codes. Messages may carry API text: made safe. */
function report(error: unknown, io: IO): number {
  const line = (message: string) => io.stderr(`error: ${terminalSafe(message)}\n`);
  if (error instanceof CancelledError) return ExitCode.OK;
  if (error instanceof CliError) {
    // whole lines, each made safe on its own
    const lines = error instanceof PartialFailureError ? error.warnings : error instanceof DetailedError ? error.lines : [];
    if (lines.length > 0) io.stderr(lines.map((w) => `${terminalSafe(w.replace(/\n$/, ""))}\n`).join(""));
    line(error.message);
    return error.exitCode;
  }
  if (error instanceof UsageError) {
    line(error.message);
    return ExitCode.FAILURE;
  }
  const name = error instanceof Error ? error.name : "";
  if (name === "OperationTimeoutError") {
    line((error as Error).message);
    return ExitCode.OPERATION_TIMEOUT;
  }
  if (name === "AbortError" || (io.signal?.aborted && error === io.signal.reason)) {
    line("context canceled");
    return ExitCode.FAILURE;
  }
  line(error instanceof Error ? error.message : String(error));
  return ExitCode.FAILURE;
}
