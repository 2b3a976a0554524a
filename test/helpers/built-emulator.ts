// A test file's built CLI and seeded emulator (kept apart from built-cli.ts, which global set-up loads outside a test).
import { afterAll, beforeAll } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { ensureBuilt } from "./built-cli.js";

/** Builds the CLI if needed and starts a seeded emulator with instant operations: `.emulator` once the tests run. */
export function useBuiltEmulator(): { emulator: Emulator } {
  const holder = {} as { emulator: Emulator };
  beforeAll(async () => {
    await ensureBuilt();
    holder.emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
  }, 180_000);
  afterAll(() => holder.emulator?.close());
  return holder;
}
