// EXOSCALE_TRACE=1 for every command: the trace is on stderr only, and nothing secret reaches
// stderr — not the API secret, no signature, no user password, no private key — in traces nor in
// the error messages of failing commands.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../../src/api/client.js";
import { getKafkaService, revealKafkaUserSecrets } from "../../src/api/dbaas.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { runCli, type CliResult } from "../helpers/run-cli.js";
import { cliEnv, COMMAND_CASES, SERVICE, setupClient } from "../faults/commands.js";

const API_SECRET = "trace-test-api-secret-0123456789";

let emulator: Emulator;
let api: ApiClient;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0, apiSecret: API_SECRET });
  api = setupClient(emulator);
});
afterAll(() => emulator?.close());

/** Every secret the emulator holds for the service's users: passwords and private key lines. */
async function userSecrets(): Promise<string[]> {
  const secrets: string[] = [];
  const service = await getKafkaService(api, SERVICE);
  if (service.uri) {
    const password = new URL(service.uri).password;
    if (password) secrets.push(decodeURIComponent(password));
  }
  for (const user of service.users ?? []) {
    if (!user.username) continue;
    const revealed = await revealKafkaUserSecrets(api, SERVICE, user.username);
    if (revealed.password) secrets.push(revealed.password);
    const key = revealed["access-key"];
    if (key) secrets.push(...key.split("\n").filter((line) => line.length >= 32 && !line.startsWith("-----")).slice(0, 3));
  }
  return secrets;
}

function expectNoSecret(stderr: string, secrets: readonly string[]): void {
  expect(stderr).not.toContain(API_SECRET);
  expect(stderr).not.toMatch(/signature=/i);
  expect(stderr).not.toMatch(/PRIVATE KEY-----/);
  for (const line of stderr.split("\n").filter((l) => /^authorization:/i.test(l))) expect(line).toBe("Authorization: [REDACTED]");
  for (const secret of secrets) expect(stderr).not.toContain(secret);
}

const traced = (argv: string[], extra: Record<string, string> = {}) => runCli(argv, { env: cliEnv(emulator, { EXOSCALE_TRACE: "1", ...extra }) });
const plain = (argv: string[]) => runCli(argv, { env: cliEnv(emulator) });

describe.each(COMMAND_CASES)("$name with EXOSCALE_TRACE=1", (cmd) => {
  let run: CliResult;
  let argv: string[];
  beforeAll(async () => {
    argv = await cmd.prepare(api);
    run = await traced(argv);
  });

  it("succeeds and traces every request and response on stderr", () => {
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/^>>> Operation: [a-z-]+\n(GET|POST|PUT|DELETE) \/v2\//m);
    expect(run.stderr).toMatch(/^<<< HTTP\/1\.1 200 OK$/m);
  });

  it("puts no secret on stderr", async () => {
    const secrets = await userSecrets();
    expect(secrets.length).toBeGreaterThan(2); // the uri's password, avnadmin's password and key lines
    expectNoSecret(run.stderr, secrets);
  });

  it("leaves stdout as without the trace", async () => {
    expect(run.stdout).not.toMatch(/>>> Operation|<<< HTTP|Authorization/);
    // a second run of the same command line is only meaningful for commands that change nothing
    const readOnly = !/ (create|delete|update|rotate|reset-credentials)$/.test(cmd.name) && !cmd.name.endsWith("download");
    if (readOnly) expect((await plain(argv)).stdout).toBe(run.stdout);
  });
});

describe("failing commands keep secrets out of their errors", () => {
  it("a wrong API secret is not echoed", async () => {
    const result = await traced(["dbaas", "show", SERVICE], { EXOSCALE_API_SECRET: "wrong-secret-value-42" });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).not.toContain("wrong-secret-value-42");
    expectNoSecret(result.stderr, []);
  });

  it("a password given on the command line appears neither in the trace nor in the error of a failed reset", async () => {
    const password = "Cmd-Line-Passw0rd-XYZ-1234";
    emulator.faults.inject({ kind: "status", status: 503, method: "PUT", count: 1 });
    const result = await traced(["dbaas", "user", "reset-credentials", SERVICE, "avnadmin", "--password", password]);
    emulator.faults.clear();
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/>>> Operation: reset-dbaas-kafka-user-password\n/);
    expect(result.stderr).not.toContain(password);
    expectNoSecret(result.stderr, await userSecrets());
  });

  it("a password the API refuses is not echoed in the error", async () => {
    for (const password of ["x", "a".repeat(300), "pass word\twith\ncontrol"]) {
      const result = await traced(["dbaas", "user", "reset-credentials", SERVICE, "avnadmin", "--password", password]);
      if (result.exitCode === 0) continue; // accepted: nothing to echo
      expect(result.stdout).toBe("");
      const error = result.stderr.split("\n").filter((l) => l.startsWith("error:")).join("\n");
      expect(error).not.toBe("");
      if (password.length >= 4) expect(error).not.toContain(password);
    }
  });

  it("an API error body carrying secrets is shown without them", async () => {
    const leaked = "leaky-password-in-error-body";
    emulator.canned({
      method: "GET",
      path: "/v2/dbaas-ca-certificate",
      status: 500,
      body: JSON.stringify({ message: "boom", password: leaked, uri: `kafka://avnadmin:${leaked}@host:1` }),
    });
    try {
      const result = await traced(["dbaas", "ca-certificate"]);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).not.toContain(leaked);
    } finally {
      emulator.clearCanned();
    }
  });
});
