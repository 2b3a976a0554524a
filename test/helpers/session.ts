// The one emulator session of the in-process command tests: an emulator (seeded with "test-kafka"
// in de-muc-1 unless told otherwise), the CLI run through the one harness against it, and the API
// read back to check what a command changed; or an emulator serving the reference examples' canned API
// responses (useCannedEmulator).
import { afterAll, beforeAll, beforeEach } from "vitest";
import { ApiClient } from "../../src/api/client.js";
import { getKafkaAclConfig, getKafkaService } from "../../src/api/dbaas.js";
import { stringify } from "../../src/api/json.js";
import type { KafkaAcls, KafkaService } from "../../src/api/schemas.js";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../src/emulator/index.js";
import { installCanned } from "./reference-examples.js";
import { runCli, type CliResult, type RunCliOptions, apiEnv } from "./run-cli.js";

export const SERVICE = "test-kafka";
export const ZONE = "de-muc-1";

export interface Session {
  emulator: Emulator;
  env: Record<string, string>;
  /** runs `exo ARGV` in-process against the emulator (stdin is a terminal only when `terminal` is set) */
  exo(argv: string[], options?: RunCliOptions): Promise<CliResult>;
  /** the service as the API now describes it */
  service(name?: string, zone?: string): Promise<KafkaService>;
  usernames(): Promise<string[]>;
  acls(): Promise<KafkaAcls>;
  /** `METHOD path` of the POST, PUT and DELETE requests received since the last clearRequests() */
  mutations(): string[];
  /** the same requests with their bodies as exact JSON */
  sent(): string[];
  /** `METHOD path` of every API request (not the control API) since the last clearRequests() */
  apiRequests(): string[];
}

export async function openSession(options: EmulatorOptions = {}): Promise<Session> {
  const emulator = await startEmulator({ port: 0, operationDelayMs: 0, rebuildDelayMs: 0, seed: true, ...options });
  const env = apiEnv(emulator);
  const clientIn = (zone: string) =>
    new ApiClient({ endpoint: emulator.url, credentials: { key: emulator.apiKey, secret: emulator.apiSecret }, headers: { "Exoscale-Zone": zone } });
  const apiRequests = () => emulator.requests().filter((r) => !r.path.startsWith("/_emulator"));
  const mutations = () => apiRequests().filter((r) => r.method !== "GET");
  const session: Session = {
    emulator,
    env,
    exo: (argv, opts = {}) => runCli(argv, { ...opts, env: { ...env, ...opts.env } }),
    service: (name = SERVICE, zone = ZONE) => getKafkaService(clientIn(zone), name),
    async usernames() {
      return ((await session.service()).users ?? []).map((u) => u.username ?? "");
    },
    acls: () => getKafkaAclConfig(clientIn(ZONE), SERVICE),
    mutations: () => mutations().map((r) => `${r.method} ${r.path}`),
    sent: () => mutations().map((r) => `${r.method} ${r.path}${r.body === undefined ? "" : ` ${stringify(r.body)}`}`),
    apiRequests: () => apiRequests().map((r) => `${r.method} ${r.path}`),
  };
  return session;
}

/**
 * The test file's session: one emulator for the file, reset (state and canned answers) before each test;
 * with `resetEach: false` the state carries from test to test and only the request log is cleared.
 */
export function useSession(options: { resetEach?: boolean; emulator?: EmulatorOptions } = {}): Session {
  const session = {} as Session;
  beforeAll(async () => {
    Object.assign(session, await openSession(options.emulator));
  });
  afterAll(() => session.emulator?.close());
  beforeEach(async () => {
    if (options.resetEach === false) return session.emulator.clearRequests();
    await session.emulator.reset();
    session.emulator.clearCanned();
  });
  return session;
}

/** One emulator serving the reference examples' canned API responses, shared by a test file. */
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
    state.env = { ...apiEnv(state.emulator), EXOSCALE_ZONE: "de-muc-1" };
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
