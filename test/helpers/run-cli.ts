// The one in-process harness: runs the real CLI entry (main.run) with buffered IO and returns the
// one result type of the in-process tests.
import { run } from "../../src/main.js";
import type { GroupEntry } from "../../src/commands/registry.js";
import { bufferIO } from "../../src/io.js";

/** The variables that point the CLI at an emulator: its v2 URL and its credentials. */
export function apiEnv(emulator: { apiKey: string; apiSecret: string; url: string }): Record<string, string> {
  return { EXOSCALE_API_KEY: emulator.apiKey, EXOSCALE_API_SECRET: emulator.apiSecret, EXOSCALE_API_ENDPOINT: emulator.url };
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** stdout and stderr are terminals */
  tty?: boolean;
  /** stdin and stderr are terminals (a user at a prompt) */
  terminal?: boolean;
  /** stdout alone is a terminal */
  stdoutTTY?: boolean;
  /** stderr alone is a terminal */
  stderrTTY?: boolean;
  /** lines typed at prompts */
  input?: string[];
  /** Ctrl-C */
  signal?: AbortSignal;
  /** substitute command tree */
  tree?: GroupEntry;
  /** the name the CLI was started as (exo-dbaas) */
  program?: string;
}

export async function runCli(argv: string[], options: RunCliOptions = {}): Promise<CliResult> {
  const { io, stdout, stderr } = bufferIO({
    // an empty HOME keeps the developer's own exoscale.toml out of tests
    env: { HOME: "/nonexistent-home", ...options.env },
    cwd: options.cwd ?? "/nonexistent-cwd",
    stdinIsTTY: options.terminal ?? false,
    stdoutIsTTY: options.stdoutTTY ?? options.tty ?? false,
    stderrIsTTY: options.stderrTTY ?? options.terminal ?? options.tty ?? false,
    input: options.input,
    signal: options.signal,
    program: options.program,
  });
  const exitCode = await run(argv, io, { tree: options.tree });
  return { exitCode, stdout: stdout(), stderr: stderr() };
}
