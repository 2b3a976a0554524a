// A confirmation prompt on a real pseudo-terminal ends with a signal: Ctrl-C typed at it (script(1))
// ends the command at once with `error: context canceled`, exit 1; SIGTERM, SIGHUP and SIGINT sent to
// it (a python pty) print their one line and exit. Nothing is sent either way.
import { execFile, spawn } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CLI, emulatorEnv, HAS_SCRIPT } from "../helpers/built-cli.js";
import { useBuiltEmulator } from "../helpers/built-emulator.js";


const built = useBuiltEmulator();

/** Runs `exo ARGS` on a pty; types Ctrl-C once the prompt is shown. Returns what the terminal showed and the exit code. */
function interruptAtPrompt(args: string[]): Promise<{ screen: string; exitCode: number | null; elapsedMs: number }> {
  // exec: the shell script(1) starts must not stay in the foreground group, where Ctrl-C would kill it too
  const command = "exec " + ["node", CLI, ...args].map((w) => `'${w.replaceAll("'", "'\\''")}'`).join(" ");
  return new Promise((resolve, reject) => {
    // script -e passes on the command's exit code; its stdin is what the pty's keyboard types
    const child = spawn("script", ["-qefc", command, "/dev/null"], { env: emulatorEnv(built.emulator, { TERM: "dumb" }), stdio: ["pipe", "pipe", "pipe"] });
    let screen = "";
    let typed = false;
    let typedAt = 0;
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.stdout.on("data", (chunk: Buffer) => {
      screen += chunk.toString("utf8");
      if (!typed && screen.includes("[yN]: ")) {
        typed = true;
        typedAt = Date.now();
        child.stdin.write("\x03");
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(killer);
      resolve({ screen, exitCode: code, elapsedMs: typed ? Date.now() - typedAt : -1 });
    });
  });
}

describe.skipIf(!HAS_SCRIPT)("Ctrl-C at a confirmation", () => {
  it.each([
    ["delete", ["dbaas", "delete", "test-kafka", "-z", "de-muc-1"]],
    ["update", ["dbaas", "update", "test-kafka", "-z", "de-muc-1", "--kafka-enable-sasl-auth"]],
    ["user delete", ["dbaas", "user", "delete", "test-kafka", "avnadmin", "-z", "de-muc-1"]],
  ])("%s: error: context canceled, exit 1, nothing sent", async (_, args) => {
    built.emulator.clearRequests();
    const result = await interruptAtPrompt(args);
    expect(result.exitCode).toBe(1);
    expect(result.screen.replaceAll("\r\n", "\n")).toMatch(/\[yN\]: (\^C)?\n+error: context canceled\n$/);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(result.elapsedMs).toBeLessThan(5000);
    expect(built.emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
  }, 30_000);
});

const SIGNAL_AT_PROMPT = join(import.meta.dirname, "python", "signal-at-prompt.py");

it.each([
  ["SIGTERM", 143, "error: terminated"],
  ["SIGHUP", 129, "error: hangup"],
  ["SIGINT", 1, "error: context canceled"],
])("%s at the prompt of `user delete`: exit %i with one line, nothing deleted", async (signal, code, line) => {
  built.emulator.clearRequests();
  const { stdout } = await promisify(execFile)("python3", [SIGNAL_AT_PROMPT, signal, process.execPath, CLI, "dbaas", "user", "delete", "test-kafka", "avnadmin", "-z", "de-muc-1"], {
    env: emulatorEnv(built.emulator),
  });
  const result = JSON.parse(stdout) as { sent: boolean; code: number; output: string };
  expect(result.sent).toBe(true);
  expect(result.code).toBe(code);
  expect(result.output.split("[yN]: ")[1]!.replace(/\r/g, "").trim()).toBe(line);
  expect(built.emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
});
