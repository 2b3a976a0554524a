// Starts the built exo-emulator (dist/emulator.js) as a child process for the repository's scripts,
// and reads the exports it prints once it listens.
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { performance } from "node:perf_hooks";

const EMULATOR = join(resolve(import.meta.dirname, "..", ".."), "dist", "emulator.js");

/**
 * Resolves once the emulator prints its first line: the child, its EXOSCALE_* (and with --https
 * NODE_EXTRA_CA_CERTS) exports and the time
 * that took; rejects if it exits first. Its stderr goes to ours.
 */
export function startEmulatorProcess(args) {
  const started = performance.now();
  const child = spawn(process.execPath, [EMULATOR, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((ok, fail) => {
    createInterface({ input: child.stdout }).once("line", (line) => {
      const env = Object.fromEntries([...line.matchAll(/(EXOSCALE_[A-Z_]+|NODE_EXTRA_CA_CERTS)=([^\s;]+)/g)].map((m) => [m[1], m[2]]));
      ok({ child, env, readyMs: performance.now() - started });
    });
    child.once("exit", (code) => fail(new Error(`exo-emulator exited with code ${code} before listening`)));
  });
}
