// The seed walkthrough end to end: the emulator with real brokers, certificate and key taken from its API,
// then kafka-python against the broker address the service reports.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealBrokerProvider, kafkaRuntimeProblem } from "../../src/emulator/broker/index.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { call, waitFor } from "../emulator/client.js";

const run = promisify(execFile);
const python = join(resolve(import.meta.dirname, "../.."), ".cache", "python-venv", "bin", "python");
const scripts = join(import.meta.dirname, "python");

const missing = (await kafkaRuntimeProblem()) ?? (existsSync(python) ? null : `kafka-python venv not found at ${python}`);
if (missing && process.env.CI) throw new Error(`real broker test prerequisites missing under CI: ${missing}`);
if (missing) console.warn(`skipping emulator + real broker walkthrough: ${missing}`);

const zone = { "Exoscale-Zone": "de-muc-1" };

describe.skipIf(missing !== null)("emulator with --kafka real: the seed walkthrough", () => {
  let emu: Emulator;
  let work: string;

  const show = () => call(emu, "GET", "/dbaas-kafka/test-kafka", { headers: zone });
  const runPython = async (script: string, bootstrap: string, args: string[] = [], env: Record<string, string> = {}) => {
    try {
      const { stdout } = await run(python, [join(scripts, script), ...args], {
        cwd: work,
        timeout: 60_000,
        env: { ...process.env, KAFKA_BOOTSTRAP_SERVERS: bootstrap, ...env },
      });
      return { code: 0, stdout };
    } catch (error) {
      const failure = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failure.code ?? -1, stdout: `${failure.stdout ?? ""}${failure.stderr ?? ""}` };
    }
  };
  const waitRunning = (predicate: (svc: any) => boolean = () => true) =>
    waitFor(
      "test-kafka running with its broker",
      async () => {
        const r = await show();
        return r.status === 200 && r.json.state === "running" && predicate(r.json) ? r.json : undefined;
      },
      90_000,
    );

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "emulator-broker-test-"));
    emu = await startEmulator({ seed: true, operationDelayMs: 0, rebuildDelayMs: 0, brokers: createRealBrokerProvider() });
  }, 60_000);

  afterAll(async () => {
    await emu?.close();
    if (work) await rm(work, { recursive: true, force: true });
  }, 60_000);

  it("produces and consumes with the CA, certificate and key the API hands out", async () => {
    const started = performance.now();
    const svc = await waitRunning();
    console.log(`seeded service running with a real broker after ${Math.round(performance.now() - started)} ms`);
    expect(svc.uri).toMatch(/^127\.0\.0\.1:\d+$/);

    const ca = await call(emu, "GET", "/dbaas-ca-certificate");
    await writeFile(join(work, "ca.pem"), ca.json.certificate);
    await writeFile(join(work, "test-kafka_cert.pem"), svc["connection-info"]["access-cert"]);
    await writeFile(join(work, "test-kafka_key.pem"), svc["connection-info"]["access-key"]);

    expect((await runPython("topic-ssl.py", svc.uri)).code).toBe(0);
    expect((await runPython("producer-ssl.py", svc.uri)).code).toBe(0);
    const consumer = await runPython("consumer-ssl.py", svc.uri);
    expect(consumer.stdout.split("\n").filter((l) => l.startsWith("Received:"))).toEqual([
      "Received: b'message number 1'",
      "Received: b'message number 2'",
      "Received: b'message number 3'",
    ]);
  }, 150_000);

  it("serves SASL on the port of the sasl component once SASL is enabled", async () => {
    const update = await call(emu, "PUT", "/dbaas-kafka/test-kafka", {
      headers: zone,
      json: { "authentication-methods": { sasl: true } },
    });
    expect(update.status).toBe(200);
    const saslComponent = (svc: any) =>
      svc.components.find((c: any) => c.component === "kafka" && c["kafka-authentication-method"] === "sasl");
    const svc = await waitRunning((s) => s["authentication-methods"].sasl === true && saslComponent(s) !== undefined);
    const sasl = saslComponent(svc);
    const admin = svc.users.find((u: any) => u.username === "avnadmin");
    const bootstrap = `${sasl.host}:${sasl.port}`;
    const args = ["sasl", "--cafile", "ca.pem", "--topic", "demo-topic", "--username", "avnadmin", "--password-env", "PW"];
    expect((await runPython("check-connection.py", bootstrap, args, { PW: admin.password })).stdout).toContain("ACCEPTED");
    expect((await runPython("check-connection.py", bootstrap, args, { PW: "wrong" })).code).toBe(3);
  }, 150_000);
});
