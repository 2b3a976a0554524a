// The built executable the subprocess tests run, the build check they share, and runBuilt, the
// subprocess counterpart of runCli.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { apiEnv, type CliResult } from "./run-cli.js";

export const ROOT = join(import.meta.dirname, "..", "..");
/** `exo` as installed: the launcher of the code-cached bundle */
export const CLI = join(ROOT, "dist", "cli.cjs");

/** Whether script(1) is there to run the CLI on a pseudo-terminal. */
export const HAS_SCRIPT = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** `npm test` builds first; build here only when dist is missing or older than the sources. */
export async function ensureBuilt(): Promise<void> {
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newestSource(join(ROOT, "src"))) return;
  await promisify(execFile)("npm", ["run", "build"], { cwd: ROOT });
}

/** The environment a subprocess `exo` gets to talk to an emulator: no HOME config, the emulator's credentials. */
export function emulatorEnv(emulator: { apiKey: string; apiSecret: string; url: string }, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: "/nonexistent-home",
    ...apiEnv(emulator),
    ...extra,
  };
}

export interface RunBuiltOptions {
  /** the subprocess's environment, added to a PATH and an empty HOME */
  env?: Record<string, string>;
  /** run under this umask (through /bin/sh) */
  umask?: string;
  /** the Node executable to run it with (default: this process's) */
  node?: string;
  timeoutMs?: number;
}

/** Runs the built `exo ARGS` as a subprocess; the same result type as the in-process harness. */
export async function runBuilt(args: string[], options: RunBuiltOptions = {}): Promise<CliResult> {
  const env = { PATH: process.env.PATH ?? "", HOME: "/nonexistent-home", ...options.env };
  const node = options.node ?? process.execPath;
  const [file, argv] =
    options.umask === undefined
      ? [node, [CLI, ...args]]
      : ["/bin/sh", ["-c", `umask ${options.umask} && exec "$0" "$@"`, node, CLI, ...args]];
  try {
    const { stdout, stderr } = await promisify(execFile)(file, argv, { env, timeout: options.timeoutMs });
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { exitCode: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
