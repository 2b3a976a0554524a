// One emulator serving the reference examples' canned API responses, shared by a test file.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startEmulator, type Emulator } from "../../../src/emulator/index.js";
import { runCli, type CliResult } from "../../helpers/run-cli.js";
import { installCanned } from "./fixtures.js";

export interface CannedEmulator {
  emulator: Emulator;
  env: Record<string, string>;
  exo(argv: string[], options?: { tty?: boolean; env?: Record<string, string> }): Promise<CliResult>;
  /** replaces one canned response (restored before the next test) */
  can(method: string, path: string, body: unknown, status?: number): Promise<void>;
  /** `METHOD /v2/path` of the requests the emulator received since the test began */
  requests(): string[];
}

export function useCannedEmulator(): CannedEmulator {
  const state = {} as CannedEmulator;
  beforeAll(async () => {
    state.emulator = await startEmulator({ port: 0, operationDelayMs: 0 });
    state.env = {
      EXOSCALE_API_KEY: state.emulator.apiKey,
      EXOSCALE_API_SECRET: state.emulator.apiSecret,
      EXOSCALE_API_ENDPOINT: state.emulator.url,
      EXOSCALE_ZONE: "de-muc-1",
    };
  });
  afterAll(() => state.emulator.close());
  beforeEach(async () => {
    state.emulator.clearCanned();
    state.emulator.faults.clear();
    await installCanned(state.emulator);
    state.emulator.clearRequests();
  });
  state.exo = (argv, options = {}) => runCli(argv, { env: { ...state.env, ...options.env }, tty: options.tty });
  state.can = async (method, path, body, status = 200) => {
    state.emulator.canned({ method, path, status, body: typeof body === "string" ? body : JSON.stringify(body) });
    state.emulator.clearRequests();
  };
  state.requests = () => state.emulator.requests().map((r) => `${r.method} ${r.path}`);
  return state;
}
