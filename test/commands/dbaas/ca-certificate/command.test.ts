// `exo dbaas ca-certificate`, in-process against the emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../../../src/emulator/index.js";
import { closedPort } from "../../../helpers/loopback-server.js";
import { runCli, apiEnv } from "../../../helpers/run-cli.js";

let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, operationDelayMs: 0 });
  env = apiEnv(emulator);
});
afterAll(() => emulator.close());

describe("exo dbaas ca-certificate", () => {
  it("prints the PEM exactly as returned, for every output format", async () => {
    const pem = await emulator.caCertificatePem();
    for (const argv of [
      ["dbaas", "ca-certificate"],
      ["-O", "json", "dbaas", "ca-certificate"],
      ["dbaas", "ca-certificate", "-z", "de-muc-1", "--output-template", "{{.X}}"],
      ["--zone", "at-vie-1", "dbaas", "ca-certificate"],
    ]) {
      const result = await runCli(argv, { env });
      expect(result).toEqual({ exitCode: 0, stdout: pem, stderr: "" });
    }
  });

  it("signs with the emulator's credentials and sends the zone", async () => {
    emulator.clearRequests();
    await runCli(["dbaas", "ca-certificate", "-z", "de-fra-1"], { env });
    const requests = emulator.requests();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /v2/dbaas-ca-certificate"]);
  });

  it("fails with one auth error line, exit 1 and empty stdout on a wrong secret", async () => {
    const result = await runCli(["dbaas", "ca-certificate"], { env: { ...env, EXOSCALE_API_SECRET: "wrong-secret-value" } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: (Unauthorized|Forbidden): .+\n$/);
    expect(result.stderr).not.toContain("wrong-secret-value");
  });

  it("says what to set when there are no credentials", async () => {
    const result = await runCli(["dbaas", "ca-certificate"], { env: { EXOSCALE_API_ENDPOINT: emulator.url } });
    expect(result).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "error: no API credentials: set EXOSCALE_API_KEY and EXOSCALE_API_SECRET, or configure an account in ~/.config/exoscale/exoscale.toml\n",
    });
  });

  it("rejects an unknown zone with the list of valid ones", async () => {
    const result = await runCli(["dbaas", "ca-certificate", "-z", "xx-yyy-1"], { env });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^error: unknown zone "xx-yyy-1": valid zones are: [a-z0-9-]+(, [a-z0-9-]+)+\n$/);
  });

  it("traces to stderr without secrets when EXOSCALE_TRACE is set", async () => {
    const result = await runCli(["dbaas", "ca-certificate"], { env: { ...env, EXOSCALE_TRACE: "1" } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(">>> Operation: get-dbaas-ca-certificate\nGET /v2/dbaas-ca-certificate HTTP/1.1\n");
    expect(result.stderr).toContain("Authorization: [REDACTED]");
    expect(result.stderr).not.toContain(emulator.apiSecret);
    expect(result.stderr).not.toContain("signature=");
  });

  it("reports a refused connection clearly", async () => {
    const port = await closedPort();
    const result = await runCli(["dbaas", "ca-certificate"], { env: { ...env, EXOSCALE_API_ENDPOINT: `http://127.0.0.1:${port}/v2` } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`error: connection refused: GET http://127.0.0.1:${port}/v2/dbaas-ca-certificate (ECONNREFUSED) (gave up after 5 attempts)\n`);
  }, 20_000);

  // fetch's port blocklist is gone with the node:http transport: port 1 is an ordinary refused connection
  it("reports port 1 as a refused connection, retried like any other", async () => {
    const result = await runCli(["dbaas", "ca-certificate"], { env: { ...env, EXOSCALE_API_ENDPOINT: "http://127.0.0.1:1/v2", EXO_DBAAS_RETRY_BASE_MS: "1" } });
    expect(result).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "error: connection refused: GET http://127.0.0.1:1/v2/dbaas-ca-certificate (ECONNREFUSED) (gave up after 5 attempts)\n",
    });
  });
});
