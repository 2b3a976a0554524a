// The built executable the subprocess tests run, and the build check they share.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

export const ROOT = join(import.meta.dirname, "..", "..");
/** `exo` as installed: the launcher of the code-cached bundle */
export const CLI = join(ROOT, "dist", "cli.cjs");

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
    EXOSCALE_API_KEY: emulator.apiKey,
    EXOSCALE_API_SECRET: emulator.apiSecret,
    EXOSCALE_API_ENDPOINT: emulator.url,
    ...extra,
  };
}
