// Shared set-up of the write-command tests: an emulator per file, the CLI run in-process with a
// chosen terminal state, and the API read back to check what a command changed.
import { ApiClient } from "../../../src/api/client.js";
import { getKafkaService } from "../../../src/api/dbaas.js";
import { stringify } from "../../../src/api/json.js";
import type { KafkaService } from "../../../src/api/schemas.js";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../../src/emulator/index.js";
import { bufferIO } from "../../../src/io.js";
import { run } from "../../../src/main.js";
import { afterAll, beforeAll, beforeEach } from "vitest";

export interface Result {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface Session {
  emulator: Emulator;
  env: Record<string, string>;
  /** runs `exo ARGV`; stdin is a terminal only when `terminal` is set, answering with `input` lines */
  exo(argv: string[], options?: { terminal?: boolean; input?: string[]; stdoutTTY?: boolean }): Promise<Result>;
  /** the service as the API now describes it (zone header de-muc-1) */
  service(name: string, zone?: string): Promise<KafkaService>;
  /** POST, PUT and DELETE requests the emulator received since the last clear (bodies as exact JSON) */
  mutations(): string[];
}

export async function openSession(options: EmulatorOptions = {}): Promise<Session> {
  const emulator = await startEmulator({ port: 0, operationDelayMs: 0, rebuildDelayMs: 0, seed: true, ...options });
  const env = { EXOSCALE_API_KEY: emulator.apiKey, EXOSCALE_API_SECRET: emulator.apiSecret, EXOSCALE_API_ENDPOINT: emulator.url };
  return {
    emulator,
    env,
    async exo(argv, opts = {}) {
      const { io, stdout, stderr } = bufferIO({
        env: { HOME: "/nonexistent-home", ...env },
        cwd: "/nonexistent-cwd",
        stdinIsTTY: opts.terminal ?? false,
        stdoutIsTTY: opts.stdoutTTY ?? false,
        stderrIsTTY: opts.terminal ?? false,
        input: opts.input,
      });
      const exitCode = await run(argv, io);
      return { exitCode, stdout: stdout(), stderr: stderr() };
    },
    async service(name, zone = "de-muc-1") {
      const client = new ApiClient({
        endpoint: emulator.url,
        credentials: { key: emulator.apiKey, secret: emulator.apiSecret },
        headers: { "Exoscale-Zone": zone },
      });
      return getKafkaService(client, name);
    },
    mutations() {
      return emulator
        .requests()
        .filter((r) => r.method !== "GET" && !r.path.startsWith("/_emulator"))
        .map((r) => `${r.method} ${r.path}${r.body === undefined ? "" : ` ${stringify(r.body)}`}`);
    },
  };
}

/** The test file's session: one emulator for the file, reset (state and canned answers) before each test. */
export function useSession(): Session {
  const session = {} as Session;
  beforeAll(async () => {
    Object.assign(session, await openSession());
  });
  afterAll(() => session.emulator?.close());
  beforeEach(async () => {
    await session.emulator.reset();
    session.emulator.clearCanned();
  });
  return session;
}
