// The seed's walkthrough with the built CLI only, against `exo-emulator --kafka real`: files written by `exo`
// (stdout redirected as a shell does) connect the seed's kafka-python scripts to a real Apache Kafka broker.
// One emulator and broker serve every case, in order: SSL, refused clients, crash, SASL (which restarts the
// broker), rotation, topic ACLs, stop.
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROKER_LAUNCHER_CLASS } from "../../src/emulator/broker/java-sources.js";
import { consumeWithSeedScript, missingPrerequisite, runScript } from "../broker/kafka-python.js";
import { createCa, issueClientCert } from "../broker/pki.js";
import {
  childProcesses,
  killBroker,
  ensureBuilt,
  exo as runExo,
  isAlive,
  python,
  startEmulatorProcess,
  waitFor,
  WALKTHROUGH_SCRIPTS,
  type RunningEmulator,
} from "./processes.js";

const missing = await missingPrerequisite("CLI walkthrough on a real Kafka broker");

const MESSAGES = ["Received: b'message number 1'", "Received: b'message number 2'", "Received: b'message number 3'"];

describe.skipIf(missing !== null)("the seed walkthrough with the CLI, on a real Kafka broker", () => {
  let work: string;
  let emulator: RunningEmulator;
  /** the broker JVMs' parent directory, inside the emulator's TMPDIR */
  let emulatorTmp: string;
  let bootstrap: string;
  const cliStderr: string[] = [];
  const secrets: string[] = [];

  /** `exo ARGS [> FILE]`, expected to succeed; returns stdout (empty when redirected). */
  const exo = async (args: string[], stdoutFile?: string) => {
    const result = await runExo(args, { cwd: work, env: emulator.env, stdoutFile });
    cliStderr.push(result.stderr);
    expect(result.code, `exo ${args.join(" ")}: ${result.stderr}`).toBe(0);
    return result.stdout;
  };
  const show = (template: string) => exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", template]);
  const waitState = (state: string) =>
    waitFor(`test-kafka ${state}`, async () => ((await show("{{.State}}")) === state ? true : undefined), 90_000);

  /** check-connection.py: exit 0 accepted, 3 refused, 4 connected but demo-topic not visible */
  const check = (server: string, args: string[], env: Record<string, string> = {}) =>
    runScript("check-connection.py", { cwd: work, bootstrap: server, args: [...args, "--cafile", "ca.pem", "--topic", "demo-topic"], env });
  const checkCert = (cert: string, key: string) => check(bootstrap, ["ssl", "--certfile", cert, "--keyfile", key]);
  const checkSasl = (server: string, username: string, password: string) =>
    check(server, ["sasl", "--username", username, "--password-env", "CHECK_PASSWORD"], { CHECK_PASSWORD: password });

  /** roundtrip.py: creates TOPIC, sends three messages tagged TAG, reads them back; returns the Received lines */
  const roundtrip = async (topic: string, tag: string, env: Record<string, string>) => {
    const result = await python(join(WALKTHROUGH_SCRIPTS, "roundtrip.py"), {
      cwd: work,
      args: [topic, tag, "3"],
      env: { KAFKA_CAFILE: "ca.pem", ...env },
    });
    expect(result.code, result.output).toBe(0);
    return result.output.split("\n").filter((line) => line.startsWith("Received:"));
  };
  const password = async (username: string) => {
    const secret = JSON.parse(await exo(["dbaas", "user", "reveal-secrets", "test-kafka", username, "-z", "de-muc-1", "-O", "json"]));
    secrets.push(secret.password);
    return secret.password as string;
  };

  beforeAll(async () => {
    await ensureBuilt();
    work = await mkdtemp(join(tmpdir(), "walkthrough-"));
    emulatorTmp = join(work, "emulator-tmp");
    await mkdir(emulatorTmp);
    const started = performance.now();
    emulator = await startEmulatorProcess(
      ["--port", "0", "--seed", "--kafka", "real", "--brokers", "1", "--operation-delay", "0", "--rebuild-delay", "0"],
      { TMPDIR: emulatorTmp },
    );
    await waitState("running");
    console.log(`exo-emulator --kafka real: test-kafka running after ${Math.round(performance.now() - started)} ms`);
  }, 120_000);

  afterAll(async () => {
    if (emulator?.child.exitCode === null) await emulator.stop();
    if (work) await rm(work, { recursive: true, force: true });
  }, 60_000);

  it("extracts CA, certificate and key with the CLI; the seed's scripts create a topic, produce and consume", async () => {
    await exo(["dbaas", "ca-certificate"], "ca.pem");
    await exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Kafka.ConnectionInfo.AccessCert}}"], "test-kafka_cert.pem");
    await exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Kafka.ConnectionInfo.AccessKey}}"], "test-kafka_key.pem");
    bootstrap = await show("{{.Kafka.URI}}");
    expect(bootstrap).toMatch(/^127\.0\.0\.1:\d+$/);

    const topic = await runScript("topic-ssl.py", { cwd: work, bootstrap });
    expect(topic.code, topic.output).toBe(0);
    const producer = await runScript("producer-ssl.py", { cwd: work, bootstrap });
    expect(producer.code, producer.output).toBe(0);
    expect(producer.output).toContain("Sending: message number 3");
    expect(await consumeWithSeedScript(work, bootstrap, 3)).toEqual(MESSAGES);
  }, 120_000);

  it("refuses a client without a certificate or with one from another CA", async () => {
    const other = await createCa("another Project CA");
    const foreign = await issueClientCert(other, "avnadmin");
    await writeFile(join(work, "foreign_cert.pem"), foreign.certPem);
    await writeFile(join(work, "foreign_key.pem"), foreign.keyPem, { mode: 0o600 });

    expect((await checkCert("test-kafka_cert.pem", "test-kafka_key.pem")).output).toContain("ACCEPTED");
    const none = await check(bootstrap, ["ssl"]);
    expect(none.code, none.output).toBe(3);
    const foreignCa = await checkCert("foreign_cert.pem", "foreign_key.pem");
    expect(foreignCa.code, foreignCa.output).toBe(3);
  }, 60_000);

  it("reports a crashed broker as poweroff", async () => {
    const [pid] = childProcesses(emulator.child.pid!, BROKER_LAUNCHER_CLASS);
    expect(pid).toBeGreaterThan(0);
    await killBroker(emulator, "test-kafka", 1);
    expect(isAlive(pid!)).toBe(false);
    await waitState("poweroff");
    const [host, port] = bootstrap.split(":");
    const refused = await new Promise<string>((done) =>
      connect(Number(port), host).once("connect", () => done("connected")).once("error", (e: NodeJS.ErrnoException) => done(e.code ?? "error")),
    );
    expect(refused).toBe("ECONNREFUSED");
  }, 60_000);

  it("enables SASL with the CLI (restarting the crashed broker); its port and the password from the CLI's output produce and consume over SASL_SSL", async () => {
    await exo(["dbaas", "update", "-z", "de-muc-1", "test-kafka", "--kafka-enable-sasl-auth", "true", "--force"]);
    // while the broker restarts with its SASL listener, the service already reports the port it will have
    const announced = await show("{{.Kafka.SASLPort}}");
    await waitState("running");
    expect(await show("{{.Kafka.AuthenticationMethods.SASL}}")).toBe("true");
    const saslPort = await show("{{.Kafka.SASLPort}}");
    expect(saslPort).toBe(announced);
    const host = bootstrap.split(":")[0]!;
    expect(await exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1"])).toMatch(new RegExp(`kafka +${host}:${saslPort} +auth:sasl`));

    const json = JSON.parse(await exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "-O", "json"]));
    const admin = json.kafka.users.find((u: { username: string }) => u.username === "avnadmin");
    secrets.push(admin.password);
    const sasl = `${host}:${saslPort}`;
    expect(
      await roundtrip("sasl-topic", "over SASL_SSL", { KAFKA_BOOTSTRAP_SERVERS: sasl, KAFKA_USERNAME: "avnadmin", KAFKA_PASSWORD: admin.password }),
    ).toEqual(["Received: over SASL_SSL 1", "Received: over SASL_SSL 2", "Received: over SASL_SSL 3"]);

    const wrong = await checkSasl(sasl, "avnadmin", `${admin.password}-wrong`);
    expect(wrong.code, wrong.output).toBe(3);
    // the broker restarted with the new listener and its data; certificates still work on the same port
    expect(await show("{{.Kafka.URI}}")).toBe(bootstrap);
    expect((await checkCert("test-kafka_cert.pem", "test-kafka_key.pem")).output).toContain("ACCEPTED");
  }, 150_000);

  it("user rotate: the new user's files connect, the old user's credentials no longer do", async () => {
    // a username pattern covers every generation of the application's user
    await exo(["dbaas", "acl", "create", "test-kafka", "-z", "de-muc-1", "--username", "app-v*", "--topic", "*", "--permission", "admin"]);
    await exo(["dbaas", "user", "create", "test-kafka", "app-v1", "-z", "de-muc-1"]);
    await exo(["dbaas", "credentials", "download", "test-kafka", "-z", "de-muc-1", "--user", "app-v1", "--dir", "v1"]);
    const oldPassword = await password("app-v1");
    const sasl = `${bootstrap.split(":")[0]}:${await show("{{.Kafka.SASLPort}}")}`;
    const v1 = ["v1/app-v1.cert.pem", "v1/app-v1.key.pem"] as const;
    // the broker learns of a new user shortly after the API does
    await waitFor("app-v1 known to the broker", async () => ((await checkCert(...v1)).code === 0 ? true : undefined), 60_000);

    const rotate = await exo(["dbaas", "user", "rotate", "test-kafka", "app-v1", "app-v2", "-z", "de-muc-1", "--dir", "v2"]);
    expect(rotate).toContain('deleted user "app-v1"');
    expect((await readdir(join(work, "v2"))).sort()).toEqual(["app-v2.cert.pem", "app-v2.key.pem", "ca.pem"]);
    await waitFor("app-v2 known to the broker", async () => ((await checkCert("v2/app-v2.cert.pem", "v2/app-v2.key.pem")).code === 0 ? true : undefined), 60_000);
    expect(
      await roundtrip("rotated-topic", "rotated", {
        KAFKA_BOOTSTRAP_SERVERS: bootstrap,
        KAFKA_CAFILE: "v2/ca.pem",
        KAFKA_CERTFILE: "v2/app-v2.cert.pem",
        KAFKA_KEYFILE: "v2/app-v2.key.pem",
      }),
    ).toEqual(["Received: rotated 1", "Received: rotated 2", "Received: rotated 3"]);
    expect((await checkSasl(sasl, "app-v2", await password("app-v2"))).code).toBe(0);

    // once the broker has dropped app-v1, its password is refused and its certificate, still signed by the CA,
    // sees no topic
    await waitFor("app-v1's password refused", async () => ((await checkSasl(sasl, "app-v1", oldPassword)).code === 3 ? true : undefined), 60_000);
    const oldCert = await checkCert(...v1);
    expect(oldCert.code, oldCert.output).toBe(4);
  }, 180_000);

  it("enforces the topic ACLs: read on orders* consumes orders-1 but neither produces nor reads payments; acl create and delete change that", async () => {
    const admin = ["--certfile", "test-kafka_cert.pem", "--keyfile", "test-kafka_key.pem"];
    const reader = ["--certfile", "reader/reader.cert.pem", "--keyfile", "reader/reader.key.pem"];
    /** acl-probe.py: exit 0 done, 5 refused by the broker's ACLs, 3 failed otherwise */
    const probe = async (action: "create" | "produce" | "consume", topic: string, files: string[]) => {
      const result = await runScript("acl-probe.py", { cwd: work, bootstrap, args: [action, topic, ...files] });
      return { code: result.code, output: result.output };
    };
    for (const topic of ["orders-1", "payments"]) {
      expect(await probe("create", topic, admin)).toMatchObject({ code: 0 });
      expect(await probe("produce", topic, admin)).toMatchObject({ code: 0 });
    }
    await exo(["dbaas", "user", "create", "test-kafka", "reader", "-z", "de-muc-1"]);
    await exo(["dbaas", "credentials", "download", "test-kafka", "-z", "de-muc-1", "--user", "reader", "--dir", "reader"]);
    // a user without a matching ACL entry may do nothing
    expect(await probe("consume", "orders-1", reader)).toMatchObject({ code: 5 });

    // each acl command returns once the broker enforces the change: no waiting here
    const acl = (permission: string) => ["dbaas", "acl", "create", "test-kafka", "-z", "de-muc-1", "--username", "reader", "--topic", "orders*", "--permission", permission];
    await exo(acl("read"));
    expect(await probe("consume", "orders-1", reader)).toMatchObject({ code: 0 });
    expect(await probe("produce", "orders-1", reader)).toMatchObject({ code: 5 });
    expect(await probe("consume", "payments", reader)).toMatchObject({ code: 5 });

    const [readwrite] = JSON.parse(await exo([...acl("readwrite"), "-O", "json"])) as { id: string }[];
    expect(await probe("produce", "orders-1", reader)).toMatchObject({ code: 0 });
    expect(await probe("produce", "payments", reader)).toMatchObject({ code: 5 });

    await exo(["dbaas", "acl", "delete", "test-kafka", readwrite!.id, "-z", "de-muc-1", "--force"]);
    expect(await probe("produce", "orders-1", reader)).toMatchObject({ code: 5 });
    expect(await probe("consume", "orders-1", reader)).toMatchObject({ code: 0 });
  }, 180_000);

  it("stops its broker with the emulator and leaves no broker files; no secret in any log", async () => {
    const brokers = childProcesses(emulator.child.pid!, BROKER_LAUNCHER_CLASS);
    expect(brokers).toHaveLength(1);
    expect(await readdir(emulatorTmp)).not.toEqual([]);
    expect(await emulator.stop()).toBe(0);
    expect(brokers.filter(isAlive)).toEqual([]);
    expect(await readdir(emulatorTmp)).toEqual([]);

    const logs = emulator.stderr() + cliStderr.join("");
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(logs.includes(secret)).toBe(false);
    expect(logs).not.toContain("PRIVATE KEY");
  }, 60_000);
});
