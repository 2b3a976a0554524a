// Ctrl-C at a confirmation prompt, on a real pseudo-terminal (script(1)): the command ends at once
// with `error: context canceled`, exit 1, and sends nothing.
import { spawn } from "node:child_process";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { CLI, emulatorEnv, ensureBuilt } from "../helpers/built-cli.js";

const hasScript = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

let emulator: Emulator;
beforeAll(async () => {
  await ensureBuilt();
  emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
}, 180_000);
afterAll(() => emulator?.close());

/** Runs `exo ARGS` on a pty; types Ctrl-C once the prompt is shown. Returns what the terminal showed and the exit code. */
function interruptAtPrompt(args: string[]): Promise<{ screen: string; exitCode: number | null; elapsedMs: number }> {
  // exec: the shell script(1) starts must not stay in the foreground group, where Ctrl-C would kill it too
  const command = "exec " + ["node", CLI, ...args].map((w) => `'${w.replaceAll("'", "'\\''")}'`).join(" ");
  return new Promise((resolve, reject) => {
    // script -e passes on the command's exit code; its stdin is what the pty's keyboard types
    const child = spawn("script", ["-qefc", command, "/dev/null"], { env: emulatorEnv(emulator, { TERM: "dumb" }), stdio: ["pipe", "pipe", "pipe"] });
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

describe.skipIf(!hasScript)("Ctrl-C at a confirmation", () => {
  it.each([
    ["delete", ["dbaas", "delete", "test-kafka", "-z", "de-muc-1"]],
    ["update", ["dbaas", "update", "test-kafka", "-z", "de-muc-1", "--kafka-enable-sasl-auth"]],
    ["user delete", ["dbaas", "user", "delete", "test-kafka", "avnadmin", "-z", "de-muc-1"]],
  ])("%s: error: context canceled, exit 1, nothing sent", async (_, args) => {
    emulator.clearRequests();
    const result = await interruptAtPrompt(args);
    expect(result.exitCode).toBe(1);
    expect(result.screen.replaceAll("\r\n", "\n")).toMatch(/\[yN\]: (\^C)?\n+error: context canceled\n$/);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(result.elapsedMs).toBeLessThan(5000);
    expect(emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
  }, 30_000);
});
