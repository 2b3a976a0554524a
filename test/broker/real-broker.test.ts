// A real Kafka broker started by the emulator's provider, driven by the seed's kafka-python walkthrough.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealBrokerProvider, type RealKafkaBrokerProvider } from "../../src/emulator/broker/index.js";
import { kafkaRelease } from "../../src/emulator/broker/jar-cache.js";
import { ROOT } from "../helpers/built-cli.js";
import type { BrokerAddress, BrokerUser } from "../../src/emulator/broker-provider.js";
import { consumeWithSeedScript, missingPrerequisite, runScript } from "./kafka-python.js";
import { createCa, issueClientCert, type TestCa } from "./pki.js";

const missing = await missingPrerequisite("real Kafka broker tests");
const run = promisify(execFile);
const CLIENT_LIBS = join(ROOT, ".cache", "kafka", kafkaRelease("3.8").version);

describe.skipIf(missing !== null)("real Kafka broker behind the emulator", () => {
  const servicePassword = "AVNS_test-password-1";
  let provider: RealKafkaBrokerProvider;
  let ca: TestCa;
  let admin: BrokerUser;
  let address: BrokerAddress;
  let work: string;
  let brokerVersionCompiled: Promise<unknown>;

  const ssl = () => `${address.host}:${address.sslPort}`;
  const runPython = (script: string, args: string[] = [], env: Record<string, string> = {}) =>
    runScript(script, { cwd: work, bootstrap: ssl(), args, env });

  // the checks look for the topic the walkthrough test creates: a user without ACLs cannot see it
  const checkSsl = (files: string[]) =>
    runPython("check-connection.py", ["ssl", "--cafile", "ca.pem", "--topic", "demo-topic", ...files]);
  const checkSasl = (username: string, password: string) =>
    runPython(
      "check-connection.py",
      ["sasl", "--cafile", "ca.pem", "--topic", "demo-topic", "--username", username, "--password-env", "CHECK_PASSWORD"],
      { KAFKA_BOOTSTRAP_SERVERS: `${address.host}:${address.saslPort}`, CHECK_PASSWORD: password },
    );

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "broker-test-"));
    ca = await createCa("test-project Project CA");
    const client = await issueClientCert(ca, "avnadmin");
    admin = { username: "avnadmin", password: servicePassword, accessCert: client.certPem, accessKey: client.keyPem };
    await writeFile(join(work, "ca.pem"), ca.certPem);
    await writeFile(join(work, "test-kafka_cert.pem"), admin.accessCert);
    await writeFile(join(work, "test-kafka_key.pem"), admin.accessKey);

    const foreignCa = await createCa("another Project CA");
    const foreign = await issueClientCert(foreignCa, "avnadmin");
    await writeFile(join(work, "foreign_cert.pem"), foreign.certPem);
    await writeFile(join(work, "foreign_key.pem"), foreign.keyPem);

    // compiled while the broker starts; the version test runs it
    brokerVersionCompiled = run("javac", ["-d", join(work, "classes"), "-cp", `${CLIENT_LIBS}/*`, join(import.meta.dirname, "programs", "BrokerVersion.java")]);
    brokerVersionCompiled.catch(() => undefined);
    provider = createRealBrokerProvider();
    const started = performance.now();
    address = await provider.ensureService({
      name: "test-kafka",
      caCertPem: ca.certPem,
      caKeyPem: ca.keyPem,
      users: [admin],
      // what the service starts with, and an entry for a user the test adds later (matched by pattern)
      topicAcls: [
        { username: "avnadmin", topic: "*", permission: "admin" },
        { username: "ali?e", topic: "demo-*", permission: "read" },
      ],
      saslEnabled: true,
    });
    console.log(`broker started (with SCRAM users) in ${Math.round(performance.now() - started)} ms`);
  }, 180_000);

  afterAll(async () => {
    await provider?.close();
    if (work) await rm(work, { recursive: true, force: true });
  }, 60_000);

  it("reports a running broker on loopback with distinct SSL and SASL ports", () => {
    expect(provider.status("test-kafka")).toBe("running");
    expect(address.host).toBe("127.0.0.1");
    expect(address.saslPort).toBeGreaterThan(0);
    expect(address.saslPort).not.toBe(address.sslPort);
  });

  it("runs the seed's topic, producer and consumer scripts with the extracted certificate and key", async () => {
    const topic = await runPython("topic-ssl.py");
    expect(topic.code, topic.output).toBe(0);

    const producer = await runPython("producer-ssl.py");
    expect(producer.code, producer.output).toBe(0);
    expect(producer.output).toContain("Sending: message number 3");

    expect(await consumeWithSeedScript(work, ssl(), 3)).toEqual([
      "Received: b'message number 1'",
      "Received: b'message number 2'",
      "Received: b'message number 3'",
    ]);
  }, 120_000);

  it("accepts the service CA's client certificate", async () => {
    const result = await checkSsl(["--certfile", "test-kafka_cert.pem", "--keyfile", "test-kafka_key.pem"]);
    expect(result.output).toContain("ACCEPTED");
  }, 60_000);

  it("refuses a client without a certificate", async () => {
    const result = await checkSsl([]);
    expect(result.code).toBe(3);
    expect(result.output).toContain("REFUSED");
  }, 60_000);

  it("refuses a client certificate signed by another CA", async () => {
    const result = await checkSsl(["--certfile", "foreign_cert.pem", "--keyfile", "foreign_key.pem"]);
    expect(result.code).toBe(3);
    expect(result.output).toContain("REFUSED");
  }, 60_000);

  it("authenticates SASL SCRAM-SHA-256 with the user's password and refuses a wrong one", async () => {
    expect((await checkSasl("avnadmin", servicePassword)).output).toContain("ACCEPTED");
    const wrong = await checkSasl("avnadmin", "not-the-password");
    expect(wrong.code).toBe(3);
    expect(wrong.output).toContain("REFUSED");
  }, 60_000);

  it("follows user changes: a new user's certificate and password work, a removed user's no longer do", async () => {
    const client = await issueClientCert(ca, "alice");
    const alice = { username: "alice", password: "alice-password-2", accessCert: client.certPem, accessKey: client.keyPem };
    await writeFile(join(work, "alice_cert.pem"), alice.accessCert);
    await writeFile(join(work, "alice_key.pem"), alice.accessKey);
    const aliceFiles = ["--certfile", "alice_cert.pem", "--keyfile", "alice_key.pem"];
    // signed by the right CA but not (yet) a user of the service: connects, sees nothing; once a user, the ACL
    // entry whose username pattern matches lets it see demo-topic
    expect((await checkSsl(aliceFiles)).code).toBe(4);

    let started = performance.now();
    await provider.updateUsers("test-kafka", [admin, alice]);
    console.log(`broker users updated in ${Math.round(performance.now() - started)} ms`);
    expect((await checkSasl("alice", alice.password)).output).toContain("ACCEPTED");
    expect((await checkSsl(aliceFiles)).output).toContain("ACCEPTED");

    started = performance.now();
    await provider.updateUsers("test-kafka", [admin]);
    console.log(`broker users updated in ${Math.round(performance.now() - started)} ms`);
    expect((await checkSasl("alice", alice.password)).code).toBe(3);
    expect((await checkSsl(aliceFiles)).code).toBe(4);
    expect((await checkSasl("avnadmin", servicePassword)).output).toContain("ACCEPTED");
  }, 120_000);

  it("runs the Kafka release of the service's version, as the broker itself answers the Java AdminClient: 3.8 for a 3.8 service, 3.7 for a 3.7 one", async () => {
    const old = await provider.ensureService({ name: "old-kafka", caCertPem: ca.certPem, caKeyPem: ca.keyPem, users: [admin], topicAcls: [{ username: "avnadmin", topic: "*", permission: "admin" }], saslEnabled: false, version: "3.7" });
    expect(old.sslPort).not.toBe(address.sslPort);
    await brokerVersionCompiled;
    const files = ["ca.pem", "test-kafka_cert.pem", "test-kafka_key.pem"].map((f) => join(work, f));
    const releases = [address, old].map((at) => `${at.host}:${at.sslPort}`);
    const { stdout } = await run("java", ["-cp", `${join(work, "classes")}:${CLIENT_LIBS}/*`, "BrokerVersion", ...files, ...releases], { timeout: 90_000 });
    expect(stdout).toMatch(/^metadata\.version \d+ release 3\.8\nmetadata\.version \d+ release 3\.7\n$/);
    expect(provider.kafkaVersion("old-kafka")).toMatch(/^3\.7\.\d+$/);
    expect(provider.kafkaVersion("test-kafka")).toMatch(/^3\.8\.\d+$/);
    await provider.removeService("old-kafka");
  }, 180_000);

  it("reports a crashed broker as failed and forgets removed services", async () => {
    const pid = provider.brokerPid("test-kafka");
    expect(pid).toBeGreaterThan(0);
    expect(await provider.killNode("test-kafka", 1)).toBe(true);
    expect(() => process.kill(pid!, 0)).toThrow();
    expect(provider.status("test-kafka")).toBe("failed");
    expect(provider.nodeStates("test-kafka")).toEqual(["unknown"]);
    expect(await provider.killNode("test-kafka", 1)).toBe(false);
    await provider.removeService("test-kafka");
    expect(provider.status("test-kafka")).toBe("failed");
    expect(provider.brokerPid("test-kafka")).toBeUndefined();
  }, 60_000);
});
