// The processes the walkthrough drives: the built emulator and CLI (dist/), and kafka-python scripts.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { CLI, ROOT } from "../helpers/built-cli.js";

const run = promisify(execFile);
const EMULATOR = join(ROOT, "dist", "emulator.js");
const PYTHON = join(ROOT, ".cache", "python-venv", "bin", "python");
/** the seed's scripts, changed only in their bootstrap server (KAFKA_BOOTSTRAP_SERVERS) */
export const SEED_SCRIPTS = join(ROOT, "test", "broker", "python");
export const WALKTHROUGH_SCRIPTS = join(import.meta.dirname, "python");

export { ensureBuilt } from "../helpers/built-cli.js";

export interface RunningEmulator {
  child: ChildProcess;
  /** EXOSCALE_API_ENDPOINT, EXOSCALE_API_KEY, EXOSCALE_API_SECRET as the emulator prints them */
  env: Record<string, string>;
  /** everything the emulator wrote on stderr so far */
  stderr: () => string;
  /** SIGTERM, then the exit code */
  stop: () => Promise<number | null>;
}

/** Starts `exo-emulator ARGS` (dist/emulator.js) and waits for the line with its exports. */
export async function startEmulatorProcess(args: string[], env: Record<string, string> = {}): Promise<RunningEmulator> {
  const child = spawn(process.execPath, [EMULATOR, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const line = await new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout! }).once("line", done);
    void exited.then((code) => fail(new Error(`exo-emulator exited with code ${code}: ${stderr}`)));
  });
  return {
    child,
    env: Object.fromEntries([...line.matchAll(/(EXOSCALE_[A-Z_]+)=([^\s;]+)/g)].map((m) => [m[1]!, m[2]!])),
    stderr: () => stderr,
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Kills one broker of a service as a crash would, through the emulator's control API. */
export async function killBroker(emulator: RunningEmulator, service: string, node: number): Promise<void> {
  const url = emulator.env.EXOSCALE_API_ENDPOINT!.replace(/\/v2$/, "/_emulator/broker/kill");
  const res = await fetch(url, { method: "POST", body: JSON.stringify({ service, node }) });
  if (res.status !== 200) throw new Error(`killing broker ${node} of ${service}: ${res.status} ${await res.text()}`);
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  env: Record<string, string>;
  /** like a shell's `> FILE`: stdout goes straight into this file (relative to cwd) */
  stdoutFile?: string;
}

/** Runs `exo ARGS` (node dist/cli.cjs) in `cwd` with only PATH, a throwaway HOME and `env`. */
export function exo(args: string[], opts: CliOptions): Promise<CliResult> {
  const out = opts.stdoutFile ? openSync(join(opts.cwd, opts.stdoutFile), "w", 0o600) : "pipe";
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    stdio: ["ignore", out, "pipe"],
    timeout: 120_000,
    env: { PATH: process.env.PATH ?? "", HOME: join(opts.cwd, ".home-not-created"), ...opts.env },
  });
  if (typeof out === "number") closeSync(out);
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((done) => child.once("close", (code) => done({ code: code ?? -1, stdout, stderr })));
}

export interface PythonRun {
  code: number;
  /** stdout, then stderr */
  output: string;
}

/** Runs a kafka-python script with the venv of .ci/setup-extra. */
export async function python(script: string, opts: { cwd: string; env: Record<string, string>; args?: string[] }): Promise<PythonRun> {
  try {
    const { stdout, stderr } = await run(PYTHON, [script, ...(opts.args ?? [])], {
      cwd: opts.cwd,
      timeout: 90_000,
      env: { ...process.env, ...opts.env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/** Process ids of the children of `parent` whose command line contains `marker` (Linux /proc). */
export function childProcesses(parent: number, marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // the command name in /proc/PID/stat is in parentheses and may hold spaces: fields follow the last ")"
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === parent && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(marker)) found.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

/** Whether a process exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    return !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
  } catch {
    return false;
  }
}

/** Polls `probe` until it returns a value other than undefined; fails after `timeoutMs` naming `what`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
