// Failures below HTTP: an untrusted TLS certificate (the emulator's --https mode, its CA not
// trusted) for every command, and DNS failures through an injected fetch or resolver, so no name is ever
// resolved on the network.
import dns from "node:dns";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiClient } from "../../src/api/client.js";
import { NetworkError } from "../../src/api/errors.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { runCli } from "../helpers/run-cli.js";
import { cliEnv, COMMAND_CASES, setupClient } from "./commands.js";

/** What undici throws when getaddrinfo fails. */
function dnsFailure(code: "ENOTFOUND" | "EAI_AGAIN", host: string): TypeError {
  const cause = Object.assign(new Error(`getaddrinfo ${code} ${host}`), { code, errno: -3008, syscall: "getaddrinfo", hostname: host });
  return new TypeError("fetch failed", { cause });
}

describe("TLS: an endpoint whose certificate is not trusted", () => {
  let plain: Emulator;
  let secure: Emulator;
  beforeAll(async () => {
    [plain, secure] = await Promise.all([
      startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 }),
      startEmulator({ port: 0, seed: true, https: true }),
    ]);
    expect(process.env.NODE_EXTRA_CA_CERTS ?? "").not.toBe(secure.tlsCaPath);
  });
  afterAll(async () => {
    await plain?.close();
    await secure?.close();
  });

  it.each(COMMAND_CASES)("$name: one TLS error line, no request handled, nothing on stdout", async (cmd) => {
    // the arguments are made on a plain emulator; the command then talks to the TLS one
    const argv = await cmd.prepare(setupClient(plain));
    const result = await runCli(argv, { env: cliEnv(secure) });
    expect(result.stdout).toBe("");
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^error: TLS handshake failed: (GET|POST) https:\/\/127\.0\.0\.1:\d+\/v2\/\S+ \([A-Z_]+: [^\n]+\)\n$/);
    expect(secure.requests()).toEqual([]);
  });
});

describe("DNS failure", () => {
  const endpoint = "https://api-xx.invalid/v2";
  const client = (fetch: typeof globalThis.fetch) =>
    new ApiClient({ endpoint, credentials: { key: "EXOkey", secret: "dns-test-secret" }, fetch, sleep: async () => undefined });

  it("an unknown host is reported as such and not retried, for reads and writes", async () => {
    for (const method of ["GET", "POST"] as const) {
      const fetch = vi.fn(async () => {
        throw dnsFailure("ENOTFOUND", "api-xx.invalid");
      });
      const error = await client(fetch)
        .request({ method, path: "/dbaas-service", operationId: "x", body: method === "POST" ? {} : undefined })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect((error as NetworkError).networkKind).toBe("dns");
      expect((error as Error).message).toBe(`host name could not be resolved: ${method} ${endpoint}/dbaas-service (ENOTFOUND)`);
      expect(fetch).toHaveBeenCalledTimes(1);
    }
  });

  it("a temporary resolver failure is retried for a GET only (nothing was sent)", async () => {
    const attempts = { GET: 0, POST: 0 };
    for (const method of ["GET", "POST"] as const) {
      const fetch = vi.fn(async () => {
        attempts[method]++;
        throw dnsFailure("EAI_AGAIN", "api-xx.invalid");
      });
      const error = await client(fetch)
        .request({ method, path: "/dbaas-service", operationId: "x" })
        .catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/^host name could not be resolved: (GET|POST) https:\/\/api-xx\.invalid\/v2\/dbaas-service \(EAI_AGAIN\)/);
    }
    expect(attempts.GET).toBe(5);
    expect(attempts.POST).toBe(1);
  });

  describe("through the CLI (the resolver replaced, no lookup made)", () => {
    let plain: Emulator;
    beforeAll(async () => {
      plain = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
    });
    afterAll(() => plain?.close());
    afterEach(() => vi.restoreAllMocks());

    it.each(COMMAND_CASES)("$name: one error line naming the host failure, exit 1, empty stdout", async (cmd) => {
      // the arguments are made on the emulator; the command then talks to the zone's own API
      // (EXOSCALE_ZONE; list asks every zone unless given one)
      const argv = [...(await cmd.prepare(setupClient(plain))), ...(cmd.name === "dbaas list" ? ["-z", "de-muc-1"] : [])];
      const method = "(?:GET|POST|PUT|DELETE)";
      const cause = `host name could not be resolved: ${method} https://api-de-muc-1\\.exoscale\\.com/v2/\\S+ \\(ENOTFOUND\\)`;
      const lookup = vi.spyOn(dns, "lookup").mockImplementation(((host: string, _options: unknown, callback: (error: Error) => void) => {
        const cb = typeof _options === "function" ? (_options as typeof callback) : callback;
        process.nextTick(() => cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND", syscall: "getaddrinfo", hostname: host })));
      }) as unknown as typeof dns.lookup);
      const result = await runCli(argv, { env: { EXOSCALE_API_KEY: "EXOkey", EXOSCALE_API_SECRET: "dns-test-secret", EXOSCALE_ZONE: "de-muc-1" } });
      expect(result.stdout).toBe("");
      expect(result.exitCode).toBe(1);
      // list names the zone's failure in a warning, then fails
      const expected = cmd.name === "dbaas list" ? `^warning: zone de-muc-1: [^\\n]*${cause}\\nerror: 1 zone\\(s\\) failed\\n$` : `^error: ${cause}\\n$`;
      expect(result.stderr).toMatch(new RegExp(expected));
      expect(result.stderr).not.toContain("dns-test-secret");
      const hosts = lookup.mock.calls.map((call) => call[0]);
      expect(hosts.length).toBeGreaterThanOrEqual(1);
      expect(hosts.length).toBeLessThanOrEqual(3); // one per concurrent request, none retried
      expect(new Set(hosts)).toEqual(new Set(["api-de-muc-1.exoscale.com"]));
    });
  });
});
