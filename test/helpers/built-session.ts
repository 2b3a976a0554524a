// For a test file of the built CLI: the build (made if need be) and a seeded emulator, closed after the
// file's tests, with the environment runBuilt needs to talk to it.
import { afterAll, beforeAll } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { emulatorEnv, ensureBuilt } from "./built-cli.js";

export function useBuiltCliEmulator(): { readonly emulator: Emulator; readonly env: Record<string, string> } {
  const state = {} as { emulator: Emulator; env: Record<string, string> };
  beforeAll(async () => {
    await ensureBuilt();
    state.emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0 });
    state.env = emulatorEnv(state.emulator);
  }, 120_000);
  afterAll(() => state.emulator?.close());
  return state;
}
