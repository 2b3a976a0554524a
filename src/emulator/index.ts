// Programmatic entry point of the local Exoscale DBaaS API emulator.
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { BrokerProvider } from "./broker-provider.js";
import { checkCanned, controlApi } from "./control.js";
import { Core } from "./core.js";
import { FaultController } from "./faults.js";
import { cannedKey, createHandler, serverOptions, type CannedResponse, type RecordedRequest, type ServerTimeouts } from "./server.js";
import { Store } from "./store.js";
import { loadOrCreateTls } from "./tls.js";

export type { BrokerProvider } from "./broker-provider.js";
export type { FaultRule, FaultSettings, FaultController } from "./faults.js";
export type { CannedResponse, RecordedRequest } from "./server.js";

export const DEFAULT_API_KEY = "EXOemulator0000000000000000000";
export const DEFAULT_API_SECRET = "emulator-secret";

export interface EmulatorOptions extends ServerTimeouts {
  /** default 127.0.0.1 */
  host?: string;
  /** default 0 (any free port) */
  port?: number;
  /** persist state here; in memory when absent */
  dataDir?: string;
  /** discard the persisted state first */
  reset?: boolean;
  apiKey?: string;
  apiSecret?: string;
  /** zone of services created without an Exoscale-Zone header (default ch-gva-2) */
  defaultZone?: string;
  /** how long operations stay pending (default 300 ms; 0 = success at once) */
  operationDelayMs?: number;
  /** how long a new service stays rebuilding (default 2000 ms) */
  rebuildDelayMs?: number;
  /** serve HTTPS with a certificate from a separate emulator CA (see Emulator.tlsCaPath) */
  https?: boolean;
  /** create a running Kafka service "test-kafka" in de-muc-1 */
  seed?: boolean;
  log?: (line: string) => void;
  /** runs real brokers for Kafka services; without it services report fake host names */
  brokers?: BrokerProvider;
}

export interface Emulator {
  /** base URL including /v2, e.g. http://127.0.0.1:8080/v2 */
  url: string;
  apiKey: string;
  apiSecret: string;
  /** in-process fault injection */
  faults: FaultController;
  /** requests recorded so far (oldest first) */
  requests(): RecordedRequest[];
  clearRequests(): void;
  /** serves `body` verbatim for method+path until clearCanned() */
  canned(response: CannedResponse): void;
  clearCanned(): void;
  /** the project CA (PEM) that signs users' certificates; created on first use */
  caCertificatePem(): Promise<string>;
  /** with https: the emulator CA file to trust (NODE_EXTRA_CA_CERTS) */
  tlsCaPath?: string;
  /** forgets services, operations, faults, canned responses and recorded requests (re-seeds when seeded) */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const host = opts.host ?? "127.0.0.1";
  const log = opts.log ?? (() => undefined);
  const store = new Store(opts.dataDir, opts.reset ?? false);
  let url = "";
  const core = new Core(store, {
    defaultZone: opts.defaultZone ?? "ch-gva-2",
    operationDelayMs: opts.operationDelayMs ?? 300,
    rebuildDelayMs: opts.rebuildDelayMs ?? 2000,
    baseUrl: () => url,
    brokers: opts.brokers,
    log,
  });
  const faults = new FaultController();
  const recorded: RecordedRequest[] = [];
  const canned = new Map<string, CannedResponse>();

  const seed = async () => {
    if (opts.seed && !store.find("test-kafka")) {
      await core.createKafka("test-kafka", { plan: "startup-2" }, "de-muc-1", true);
      store.state.operations = [];
      store.save();
    }
  };

  const emulator: Emulator = {
    url: "",
    apiKey: opts.apiKey ?? DEFAULT_API_KEY,
    apiSecret: opts.apiSecret ?? DEFAULT_API_SECRET,
    faults,
    requests: () => recorded.map((r) => ({ ...r })),
    clearRequests: () => void recorded.splice(0),
    canned: (c) => void canned.set(cannedKey(c.method, c.path), checkCanned(c)),
    clearCanned: () => canned.clear(),
    caCertificatePem: async () => (await core.ca()).certPem,
    reset: async () => {
      for (const svc of store.state.services) await opts.brokers?.removeService(svc.name).catch(() => undefined);
      store.clear();
      faults.clear();
      canned.clear();
      recorded.splice(0);
      await seed();
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await core.close();
      // a TLS directory made for this run only (no --data-dir) goes with it
      if (ownTlsDir) rmSync(ownTlsDir, { recursive: true, force: true });
    },
  };

  const handler = createHandler({
    core,
    faults,
    credentials: { key: emulator.apiKey, secret: emulator.apiSecret },
    recorded,
    canned,
    baseUrl: () => url,
    log,
    control: controlApi(() => ({
      faults,
      requests: emulator.requests,
      clearRequests: emulator.clearRequests,
      reset: emulator.reset,
      canned: emulator.canned,
      clearCanned: emulator.clearCanned,
      cannedList: () => [...canned.values()],
      brokerNode: (action, service, node) => core.brokerNode(action, service, node),
      url,
    })),
  });

  const options = serverOptions(opts);
  let server: Server;
  let ownTlsDir: string | undefined;
  if (opts.https) {
    if (!opts.dataDir) ownTlsDir = mkdtempSync(join(tmpdir(), "exo-emulator-tls-"));
    const tls = await loadOrCreateTls(opts.dataDir ?? ownTlsDir!);
    // Node times out a silent connection's headers only once it speaks HTTP: before the TLS handshake, its own timeout
    server = createHttpsServer({ ...options, handshakeTimeout: options.headersTimeout, cert: tls.cert, key: tls.key }, handler);
    emulator.tlsCaPath = tls.caPath;
  } else {
    server = createHttpServer(options, handler);
  }
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  url = `${opts.https ? "https" : "http"}://${urlHost}:${port}/v2`;
  emulator.url = url;

  core.start();
  await seed();
  return emulator;
}
