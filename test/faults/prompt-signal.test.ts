// A confirmation prompt waiting on a terminal ends with a signal too (the built CLI on a
// pseudo-terminal): SIGTERM, SIGHUP and Ctrl-C each print their one line and exit, nothing is sent.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { CLI, emulatorEnv, ensureBuilt } from "../helpers/built-cli.js";

const SCRIPT = join(import.meta.dirname, "python", "signal-at-prompt.py");
let emulator: Emulator;
beforeAll(async () => {
  await ensureBuilt();
  emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
}, 180_000);
afterAll(() => emulator?.close());

it.each([
  ["SIGTERM", 143, "error: terminated"],
  ["SIGHUP", 129, "error: hangup"],
  ["SIGINT", 1, "error: context canceled"],
])("%s at the prompt of `user delete`: exit %i with one line, nothing deleted", async (signal, code, line) => {
  emulator.clearRequests();
  const { stdout } = await promisify(execFile)("python3", [SCRIPT, signal, process.execPath, CLI, "dbaas", "user", "delete", "test-kafka", "avnadmin", "-z", "de-muc-1"], {
    env: emulatorEnv(emulator),
  });
  const result = JSON.parse(stdout) as { sent: boolean; code: number; output: string };
  expect(result.sent).toBe(true);
  expect(result.code).toBe(code);
  expect(result.output.split("[yN]: ")[1]!.replace(/\r/g, "").trim()).toBe(line);
  expect(emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
});
