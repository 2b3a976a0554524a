// The session of the external endpoint and integration tests: an emulator per file (state kept in a
// temporary directory, so tests can check the secrets it received), and helpers to create endpoints.
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect } from "vitest";
import { useSession, type Session } from "./session.js";
import { tempDir } from "./temp-dir.js";

export const ID_LINE = /^\| Endpoint ID +\| ([0-9a-f-]{36}) +\|$/m;
export const PRIVATE_KEY = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();

export interface EndpointSession extends Session {
  dataDir: string;
  /** the CA certificate of the emulator's project: a real PEM certificate for --*-ca flags */
  certPem: string;
  /** creates an endpoint and returns its id */
  create(type: string, name: string, flags?: string[]): Promise<string>;
  /** what the emulator stored for external endpoints, secrets included (its state file) */
  stored(): { endpoints: Array<{ id: string; name: string; settings: Record<string, unknown>; secrets: Record<string, unknown> }> };
}

export const DEFAULT_FLAGS: Record<string, string[]> = {
  datadog: ["--datadog-api-key", "dd-api-key-0123456789abcdef"],
  elasticsearch: ["--elasticsearch-url", "https://es.example.net:9200", "--elasticsearch-index-prefix", "kafka"],
  opensearch: ["--opensearch-url", "https://os.example.net:9200", "--opensearch-index-prefix", "kafka"],
  prometheus: ["--prometheus-basic-auth-username", "scraper", "--prometheus-basic-auth-password", "prom-pass-0123"],
  rsyslog: ["--rsyslog-server", "logs.example.net", "--rsyslog-port", "514", "--rsyslog-format", "rfc5424"],
};

/** `resetEach: false` keeps the state between tests (no re-seeding: much faster where state does not matter). */
export function useEndpointSession(options: { resetEach?: boolean } = {}): EndpointSession {
  const dataDir = tempDir("exo-external-");
  const session = useSession({ resetEach: options.resetEach, emulator: { dataDir, reset: true } }) as EndpointSession;
  beforeAll(async () => {
    Object.assign(session, {
      dataDir,
      certPem: await session.emulator.caCertificatePem(),
      async create(type: string, name: string, flags?: string[]) {
        const r = await session.exo(["dbaas", "external-endpoint", "create", type, name, ...(flags ?? DEFAULT_FLAGS[type]!)]);
        expect(r.stderr).not.toMatch(/^error/m);
        expect(r.exitCode).toBe(0);
        return ID_LINE.exec(r.stdout)![1]!;
      },
      stored() {
        const state = JSON.parse(readFileSync(join(dataDir, "state.json"), "utf8"));
        return state.external ?? { endpoints: [] };
      },
    });
  });
  return session;
}
