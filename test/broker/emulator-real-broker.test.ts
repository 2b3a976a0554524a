// The seed walkthrough end to end: the emulator with real brokers, certificate and key taken from its API,
// then kafka-python against the broker address the service reports.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealBrokerProvider } from "../../src/emulator/broker/index.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { call, waitFor } from "../emulator/client.js";
import { consumeWithSeedScript, missingPrerequisite, runScript } from "./kafka-python.js";

const missing = await missingPrerequisite("emulator + real broker walkthrough");

const zone = { "Exoscale-Zone": "de-muc-1" };

describe.skipIf(missing !== null)("emulator with --kafka real: the seed walkthrough", () => {
  let emu: Emulator;
  let work: string;

  const show = () => call(emu, "GET", "/dbaas-kafka/test-kafka", { headers: zone });
  const runPython = (script: string, bootstrap: string, args: string[] = [], env: Record<string, string> = {}) =>
    runScript(script, { cwd: work, bootstrap, args, env });
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
    expect(await consumeWithSeedScript(work, svc.uri, 3)).toEqual([
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
    expect((await runPython("check-connection.py", bootstrap, args, { PW: admin.password })).output).toContain("ACCEPTED");
    expect((await runPython("check-connection.py", bootstrap, args, { PW: "wrong" })).code).toBe(3);
  }, 150_000);
});
