// Set-up shared by the user, ACL and credentials tests: a seeded emulator ("test-kafka" in de-muc-1),
// the CLI run in-process with a chosen terminal state and working directory, and API read-backs.
import { ApiClient } from "../../../src/api/client.js";
import { getKafkaAclConfig, getKafkaService } from "../../../src/api/dbaas.js";
import type { KafkaAcls, KafkaService } from "../../../src/api/schemas.js";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../../src/emulator/index.js";
import { bufferIO } from "../../../src/io.js";
import { run } from "../../../src/main.js";
import { tempDir as removedOnExit } from "../../helpers/temp-dir.js";

export const SERVICE = "test-kafka";
export const ZONE = "de-muc-1";

export interface Result {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** stdin (and stderr) is a terminal */
  terminal?: boolean;
  input?: string[];
  stdoutTTY?: boolean;
  cwd?: string;
}

export interface Session {
  emulator: Emulator;
  env: Record<string, string>;
  exo(argv: string[], options?: RunOptions): Promise<Result>;
  service(): Promise<KafkaService>;
  usernames(): Promise<string[]>;
  acls(): Promise<KafkaAcls>;
  /** POST, PUT and DELETE requests received since the last clearRequests() */
  mutations(): string[];
  /** every API request (not the control API) since the last clearRequests() */
  apiRequests(): string[];
}

export async function openSession(options: EmulatorOptions = {}): Promise<Session> {
  const emulator = await startEmulator({ port: 0, operationDelayMs: 0, rebuildDelayMs: 0, seed: true, ...options });
  const env = { EXOSCALE_API_KEY: emulator.apiKey, EXOSCALE_API_SECRET: emulator.apiSecret, EXOSCALE_API_ENDPOINT: emulator.url };
  const client = new ApiClient({ endpoint: emulator.url, credentials: { key: emulator.apiKey, secret: emulator.apiSecret }, headers: { "Exoscale-Zone": ZONE } });
  const apiRequests = () => emulator.requests().filter((r) => !r.path.startsWith("/_emulator"));
  const session: Session = {
    emulator,
    env,
    async exo(argv, opts = {}) {
      const { io, stdout, stderr } = bufferIO({
        env: { HOME: "/nonexistent-home", ...env },
        cwd: opts.cwd ?? "/nonexistent-cwd",
        stdinIsTTY: opts.terminal ?? false,
        stdoutIsTTY: opts.stdoutTTY ?? false,
        stderrIsTTY: opts.terminal ?? false,
        input: opts.input,
      });
      const exitCode = await run(argv, io);
      return { exitCode, stdout: stdout(), stderr: stderr() };
    },
    service: () => getKafkaService(client, SERVICE),
    async usernames() {
      return ((await session.service()).users ?? []).map((u) => u.username ?? "");
    },
    acls: () => getKafkaAclConfig(client, SERVICE),
    mutations: () => apiRequests().filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`),
    apiRequests: () => apiRequests().map((r) => `${r.method} ${r.path}`),
  };
  return session;
}

export function tempDir(prefix = "exo-creds-"): string {
  return removedOnExit(prefix);
}
