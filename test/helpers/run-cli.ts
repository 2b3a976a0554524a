// Runs the real CLI entry (main.run) in-process with buffered IO.
import { run } from "../../src/main.js";
import type { GroupEntry } from "../../src/commands/registry.js";
import { bufferIO } from "../../src/io.js";

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  tty?: boolean;
  input?: string[];
  /** substitute command tree */
  tree?: GroupEntry;
}

export async function runCli(argv: string[], options: RunCliOptions = {}): Promise<CliResult> {
  const { io, stdout, stderr } = bufferIO({
    // an empty HOME keeps the developer's own exoscale.toml out of tests
    env: { HOME: "/nonexistent-home", ...options.env },
    cwd: options.cwd ?? "/nonexistent-cwd",
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
    input: options.input,
  });
  const exitCode = await run(argv, io, { tree: options.tree });
  return { exitCode, stdout: stdout(), stderr: stderr() };
}
