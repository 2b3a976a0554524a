// The client configurations `credentials download --client` writes, used as they are by real clients against
// `exo-emulator --kafka real`: a Java program (kafka-clients) reading only USER.client.properties, confluent-kafka
// reading only USER.librdkafka.conf, kcat -F, and kafka-python reading only the variables of USER.env; each over
// mTLS and SASL_SSL (Debian's kcat, librdkafka 2.0.2, does SCRAM with the service's Kafka 3.8, not with Kafka 4). Then
// `credentials check --connect` on a healthy service (SCRAM login included), a deleted user, a wrong CA, a client
// certificate from another CA, a wrong SASL password and a closed address.
// One emulator and one broker (created with both listeners) serve every case.
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kafkaRelease } from "../../src/emulator/broker/jar-cache.js";
import { BROKER_LAUNCHER_CLASS } from "../../src/emulator/broker/java-sources.js";
import { probeAddress } from "../../src/kafka/connect-check/probe.js";
import { missingPrerequisite } from "../broker/kafka-python.js";
import { createCa, issueClientCert } from "../broker/pki.js";
import { ROOT } from "../helpers/built-cli.js";
import { childProcesses, ensureBuilt, exo as runExo, killBroker, startEmulatorProcess, waitFor, type RunningEmulator } from "../walkthrough/processes.js";

const run = promisify(execFile);
const PROGRAMS = join(import.meta.dirname, "programs");
const PYTHON = join(ROOT, ".cache", "python-venv", "bin", "python");
const KAFKA_VERSION = kafkaRelease("3.8").version;
const KAFKA_LIBS = join(ROOT, ".cache", "kafka", KAFKA_VERSION);

async function toolMissing(): Promise<string | null> {
  for (const [tool, args] of [["kcat", ["-V"]], ["javac", ["-version"]], [PYTHON, ["-c", "import confluent_kafka"]]] as const) {
    try {
      await run(tool, [...args]);
    } catch {
      const problem = `${tool} ${args.join(" ")} failed (run .ci/setup-extra)`;
      if (process.env.CI) throw new Error(`client configuration tests: prerequisites missing under CI: ${problem}`);
      console.warn(`skipping client configuration tests: ${problem}`);
      return problem;
    }
  }
  return null;
}

const missing = (await missingPrerequisite("client configuration tests")) ?? (await toolMissing());

const SERVICE = "cfg-kafka";
const Z = ["-z", "de-muc-1"];

interface Run {
  code: number;
  output: string;
}

async function runTool(file: string, args: string[], opts: { cwd: string; input?: string }): Promise<Run> {
  const child = execFile(file, args, { cwd: opts.cwd, timeout: 90_000, env: { PATH: process.env.PATH ?? "" } });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  if (opts.input !== undefined) child.stdin!.end(opts.input);
  else child.stdin!.end();
  const code = await new Promise<number>((done) => child.once("close", (c) => done(c ?? -1)));
  return { code, output };
}

const received = (result: Run) => result.output.split("\n").filter((line) => line.startsWith("Received: "));
const expected = (tag: string) => [1, 2, 3].map((i) => `Received: ${tag} ${i}`);

describe.skipIf(missing !== null)("client configurations on a real Kafka broker", () => {
  let work: string;
  let emulator: RunningEmulator;
  const stderrs: string[] = [];

  const exo = async (args: string[]) => {
    const result = await runExo(args, { cwd: work, env: emulator.env });
    stderrs.push(result.stderr);
    expect(result.code, `exo ${args.join(" ")}: ${result.stderr}`).toBe(0);
    return result;
  };
  const java = (dir: string, topic: string, tag: string) =>
    runTool("java", ["-cp", `${join(work, "classes")}:${KAFKA_LIBS}/*`, "ClientRoundtrip", `${dir}/avnadmin.client.properties`, topic, tag, "3"], { cwd: work });
  const confluent = (dir: string, topic: string, tag: string) =>
    runTool(PYTHON, [join(PROGRAMS, "confluent_roundtrip.py"), `${dir}/avnadmin.librdkafka.conf`, topic, tag, "3"], { cwd: work });
  /** the env file loaded by the shell, as its comment says, then kafka-python with nothing else */
  const kafkaPython = (dir: string, topic: string, tag: string) =>
    runTool("sh", ["-c", `set -a; . "./${dir}/avnadmin.env"; set +a; exec "$0" "$@"`, PYTHON, join(PROGRAMS, "env_roundtrip.py"), topic, tag, "3"], { cwd: work });
  /** every broker's own log (its rolled files included), found under the emulator's TMPDIR */
  const brokerLogs = async () => {
    const byBroker = new Map<string, string>();
    for (const entry of (await readdir(work, { recursive: true })).sort()) {
      if (!/(^|\/)server\.log(\.\d+)?$/.test(entry)) continue;
      const dir = entry.replace(/server\.log(\.\d+)?$/, "");
      byBroker.set(dir, (byBroker.get(dir) ?? "") + (await readFile(join(work, entry), "utf8")));
    }
    return [...byBroker.values()];
  };
  const connectCheck = async (...flags: string[]) => {
    const result = await runExo(["dbaas", "credentials", "check", SERVICE, ...Z, "--connect", ...flags], { cwd: work, env: emulator.env });
    stderrs.push(result.stderr);
    return result;
  };

  beforeAll(async () => {
    await ensureBuilt();
    work = await mkdtemp(join(tmpdir(), "client-configs-"));
    const started = performance.now();
    // one broker: what a cluster does (replicas, restarts, a node down) is test/broker/rolling-restart.test.ts's
    emulator = await startEmulatorProcess(["--port", "0", "--kafka", "real", "--brokers", "1", "--operation-delay", "0", "--rebuild-delay", "0", "--quiet"], {
      TMPDIR: work,
    });
    const compiled = run("javac", ["-d", join(work, "classes"), "-cp", `${KAFKA_LIBS}/*`, join(PROGRAMS, "ClientRoundtrip.java")]);
    await exo(["dbaas", "create", "kafka", "startup-2", SERVICE, ...Z, "--kafka-enable-cert-auth", "--kafka-enable-sasl-auth"]);
    await compiled;
    await waitFor(
      `${SERVICE} running`,
      async () => ((await exo(["dbaas", "show", SERVICE, ...Z, "--output-template", "{{.State}}"])).stdout === "running" ? true : undefined),
      90_000,
    );
    console.log(`exo-emulator --kafka real: ${SERVICE} with SSL and SASL_SSL listeners running after ${Math.round(performance.now() - started)} ms`);
  }, 150_000);

  afterAll(async () => {
    if (emulator?.child.exitCode === null) await emulator.stop();
    if (work) await rm(work, { recursive: true, force: true });
  }, 60_000);

  it("writes every configuration, 0600, with absolute paths, and lists every path in JSON", async () => {
    const all = ["--client", "java,librdkafka,env"];
    const mtls = JSON.parse((await exo(["dbaas", "credentials", "download", SERVICE, ...Z, "--dir", "mtls", ...all, "-O", "json"])).stdout);
    expect(mtls.files).toEqual(
      ["ca.pem", "avnadmin.cert.pem", "avnadmin.key.pem", "avnadmin.client.properties", "avnadmin.keystore.p12", "truststore.p12", "avnadmin.librdkafka.conf", "avnadmin.env"].map(
        (name) => `mtls/${name}`,
      ),
    );
    const sasl = await exo(["dbaas", "credentials", "download", SERVICE, ...Z, "--dir", "sasl", ...all, "--auth", "sasl"]);
    // no key store for SASL: the password authenticates
    expect(sasl.stdout.split("\n").filter(Boolean)).toEqual(
      ["ca.pem", "avnadmin.cert.pem", "avnadmin.key.pem", "avnadmin.client.properties", "truststore.p12", "avnadmin.librdkafka.conf", "avnadmin.env"].map((name) => `sasl/${name}`),
    );
    for (const dir of ["mtls", "sasl"]) {
      for (const name of await readdir(join(work, dir))) expect(((await stat(join(work, dir, name))).mode & 0o777).toString(8), `${dir}/${name}`).toBe("600");
    }
    const env = await readFile(join(work, "mtls", "avnadmin.env"), "utf8");
    expect(env).toContain(`KAFKA_SSL_CERTFILE='${resolve(work, "mtls", "avnadmin.cert.pem")}'`);
    const saslPort = (await exo(["dbaas", "show", SERVICE, ...Z, "--output-template", "{{.Kafka.SASLPort}}"])).stdout;
    const saslConf = await readFile(join(work, "sasl", "avnadmin.librdkafka.conf"), "utf8");
    expect(saslConf).toContain(`bootstrap.servers=127.0.0.1:${saslPort}\n`);
    expect(saslConf).toContain("sasl.mechanisms=SCRAM-SHA-256\n");
    // the same CA gives the same trust store, shared by every user's properties in a directory
    expect(await readFile(join(work, "sasl", "truststore.p12"))).toEqual(await readFile(join(work, "mtls", "truststore.p12")));
    // passwords are in the files only
    const password = /^ssl\.keystore\.password=(.+)$/m.exec(await readFile(join(work, "mtls", "avnadmin.client.properties"), "utf8"))![1]!;
    const saslPassword = /^sasl\.password=(.+)$/m.exec(saslConf)![1]!;
    for (const secret of [password, saslPassword]) expect(stderrs.join("") + mtls.files.join("") + sasl.stdout).not.toContain(secret);
  }, 60_000);

  /** CLIENT over mTLS and over SASL_SSL at once, each on its own topic; both must read back their three messages */
  const overBoth = async (client: (dir: string, topic: string, tag: string) => Promise<Run>, name: string, topic: string) => {
    const runs = await Promise.all([client("mtls", `${topic}-mtls`, `${name} over mTLS`), client("sasl", `${topic}-sasl`, `${name} over SASL_SSL`)]);
    expect(received(runs[0]), runs[0].output).toEqual(expected(`${name} over mTLS`));
    expect(received(runs[1]), runs[1].output).toEqual(expected(`${name} over SASL_SSL`));
  };

  it("a Java program with nothing but USER.client.properties creates a topic, produces and consumes, over mTLS and SASL_SSL", async () => {
    await overBoth(java, "java", "java");
  }, 90_000);

  it("confluent-kafka configured only from USER.librdkafka.conf produces and consumes, over mTLS and SASL_SSL", async () => {
    await overBoth(confluent, "confluent", "librdkafka");
  }, 90_000);

  /** kcat -F DIR/avnadmin.librdkafka.conf: produces `lines` to TOPIC, then reads the topic back from the start */
  const kcatRoundtrip = async (dir: string, topic: string, lines: string[]) => {
    const conf = `${dir}/avnadmin.librdkafka.conf`;
    const produced = await runTool("kcat", ["-F", conf, "-P", "-t", topic], { cwd: work, input: lines.map((l) => `${l}\n`).join("") });
    expect(produced.code, produced.output).toBe(0);
    const consumed = await runTool("kcat", ["-F", conf, "-C", "-t", topic, "-o", "beginning", "-c", "5", "-e", "-q"], { cwd: work });
    expect(consumed.code, consumed.output).toBe(0);
    // kcat tells on stderr which file it reads ("% Reading configuration ...")
    return consumed.output.split("\n").filter((line) => line && !line.startsWith("% "));
  };

  it("kcat -F USER.librdkafka.conf produces and consumes over mTLS", async () => {
    expect(await kcatRoundtrip("mtls", "librdkafka-mtls", ["kcat 1", "kcat 2"])).toEqual(["confluent over mTLS 1", "confluent over mTLS 2", "confluent over mTLS 3", "kcat 1", "kcat 2"]);
  }, 60_000);

  it("kcat -F USER.librdkafka.conf produces and consumes over SASL_SSL: SCRAM works with the service's Kafka version", async () => {
    expect(await kcatRoundtrip("sasl", "librdkafka-sasl", ["kcat scram 1", "kcat scram 2"])).toEqual([
      ...expected("confluent over SASL_SSL").map((line) => line.slice("Received: ".length)),
      "kcat scram 1",
      "kcat scram 2",
    ]);
    // the broker that answered is the service's version (3.8, created without --kafka-version): its own log says so
    const show = (await exo(["dbaas", "show", SERVICE, ...Z, "--output-template", "{{.Kafka.Version}}"])).stdout;
    expect(show).toBe("3.8");
    const logs = await brokerLogs();
    expect(logs.length).toBeGreaterThan(0);
    for (const log of logs) expect(log).toContain(` INFO Kafka version: ${KAFKA_VERSION} (org.apache.kafka.common.utils.AppInfoParser)\n`);
  }, 60_000);

  it("kafka-python configured only from the variables of USER.env produces and consumes, over mTLS and SASL_SSL", async () => {
    await overBoth(kafkaPython, "kafka-python", "env");
  }, 90_000);

  it("check --connect: ok on the healthy service for both methods; names the failing step for a deleted user's certificate and a wrong CA", async () => {
    const [certificate, sasl] = await Promise.all([connectCheck("--dir", "mtls"), connectCheck("--dir", "sasl", "--auth", "sasl")]);
    expect(certificate, certificate.stderr).toMatchObject({ code: 0, stderr: "" });
    expect(certificate.stdout).toMatch(/^127\.0\.0\.1:\d+: ok \(TLSv1\.[23], ApiVersions answered with \d+ APIs\)\n$/);
    expect(sasl, sasl.stderr).toMatchObject({ code: 0, stderr: "" });
    const saslFiles = ["avnadmin.client.properties", "avnadmin.librdkafka.conf", "avnadmin.env"].map((n) => `sasl/${n}`).join(", ");
    expect(sasl.stdout).toMatch(new RegExp(`^127\\.0\\.0\\.1:\\d+: ok \\(TLSv1\\.[23], ApiVersions answered with \\d+ APIs, SCRAM-SHA-256 login accepted with the password in ${saslFiles}\\)\n$`));
    expect(sasl.stdout).not.toBe(certificate.stdout);
    // the same probe with a wrong password: the broker's refusal is the sasl step
    const [host, port] = /^(\S+):(\d+):/.exec(sasl.stdout)!.slice(1);
    const wrong = await probeAddress({
      host: host!,
      port: Number(port),
      ca: await readFile(join(work, "sasl", "ca.pem"), "utf8"),
      sasl: { username: "avnadmin", password: "not-the-password" },
      timeoutMs: 10_000,
    });
    expect(wrong).toMatchObject({ ok: false, step: "sasl", reason: expect.stringContaining(`the broker refused user "avnadmin"'s password`) });

    await exo(["dbaas", "user", "create", SERVICE, "gone", ...Z]);
    await exo(["dbaas", "credentials", "download", SERVICE, ...Z, "--user", "gone", "--dir", "gone"]);
    await exo(["dbaas", "user", "delete", SERVICE, "gone", ...Z, "--force"]);
    const gone = await connectCheck("--user", "gone", "--dir", "gone");
    expect(gone.code).toBe(5);
    expect(gone.stdout).toBe("");
    expect(gone.stderr).toMatch(/^127\.0\.0\.1:\d+: failed at credentials: .*belongs to user "gone", which no longer exists on service "cfg-kafka"$/m);

    await mkdir(join(work, "wrong-ca"));
    for (const name of ["avnadmin.cert.pem", "avnadmin.key.pem"]) await copyFile(join(work, "mtls", name), join(work, "wrong-ca", name));
    await writeFile(join(work, "wrong-ca", "ca.pem"), (await createCa("another Project CA")).certPem, { mode: 0o600 });
    const wrongCa = await connectCheck("--dir", "wrong-ca");
    expect(wrongCa.code).toBe(5);
    expect(wrongCa.stderr).toMatch(/^127\.0\.0\.1:\d+: failed at tls: the broker's certificate is not signed by the CA file's certificate/m);

    // a client certificate from another CA: the broker's refusal
    await mkdir(join(work, "foreign"));
    const foreign = await issueClientCert(await createCa("foreign Project CA"), "avnadmin");
    await copyFile(join(work, "mtls", "ca.pem"), join(work, "foreign", "ca.pem"));
    await writeFile(join(work, "foreign", "avnadmin.cert.pem"), foreign.certPem);
    await writeFile(join(work, "foreign", "avnadmin.key.pem"), foreign.keyPem, { mode: 0o600 });
    const rejected = await connectCheck("--dir", "foreign");
    expect(rejected.code).toBe(5);
    expect(rejected.stderr).toMatch(/^127\.0\.0\.1:\d+: failed at tls: certificate rejected by the broker/m);
  }, 90_000);

  it("check --connect --auth sasl --dir logs in with the files' password: after reset-credentials it names the stale files, and its hint rewrites them", async () => {
    await exo(["dbaas", "user", "create", SERVICE, "resetme", ...Z]);
    const sasl = ["--client", "java,librdkafka,env", "--auth", "sasl"];
    await exo(["dbaas", "credentials", "download", SERVICE, ...Z, "--user", "resetme", "--dir", "reset", ...sasl]);
    const check = () => connectCheck("--user", "resetme", "--auth", "sasl", "--dir", "reset");
    expect((await check()).code).toBe(0);
    await exo(["dbaas", "user", "reset-credentials", SERVICE, "resetme", ...Z]);

    const stale = await check();
    expect(stale.code, stale.stderr).toBe(5);
    expect(stale.stdout).toBe("");
    const files = ["resetme.client.properties", "resetme.librdkafka.conf", "resetme.env"].map((n) => `reset/${n}`).join(", ");
    const hint = `exo dbaas credentials download ${SERVICE} -z de-muc-1 --user resetme --dir reset --client java,librdkafka,env --auth sasl --force`;
    const line = new RegExp(`^127\\.0\\.0\\.1:\\d+: failed at (sasl|credentials): .*the password in ${files} is not user "resetme"'s current password \\(credentials reset\\): write it again with (.*)$`, "m");
    expect(stale.stderr).toMatch(line);
    expect(line.exec(stale.stderr)![2]).toBe(hint);
    // without --dir: the API's password, and the line says so
    const api = await runExo(["dbaas", "credentials", "check", SERVICE, ...Z, "--connect", "--user", "resetme", "--auth", "sasl"], { cwd: join(work, "reset"), env: emulator.env });
    expect(api.stdout).toMatch(/SCRAM-SHA-256 login accepted with the API's password \(--dir checks the client files' instead\)\)\n$/);

    // the hint, run as printed (the words split by sh), rewrites the files; the check then passes
    const { stdout: words } = await run("sh", ["-c", `set -- ${hint}; shift; printf '%s\\0' "$@"`]);
    await exo(words.split("\0").slice(0, -1));
    const fresh = await check();
    expect(fresh, fresh.stderr).toMatchObject({ code: 0, stderr: "" });
  }, 90_000);

  it("check --connect --dir after the user is made anew: names the stale PEM, then the stale key store; each hint, run as printed, fixes it", async () => {
    await exo(["dbaas", "user", "create", SERVICE, "remade", ...Z]);
    await exo(["dbaas", "credentials", "download", SERVICE, ...Z, "--user", "remade", "--dir", "remade", "--client", "java,env"]);
    const check = () => connectCheck("--user", "remade", "--dir", "remade");
    expect((await check()).code).toBe(0);
    await exo(["dbaas", "user", "delete", SERVICE, "remade", ...Z, "--force"]);
    await exo(["dbaas", "user", "create", SERVICE, "remade", ...Z]);
    const runHint = async (hint: string) => {
      const { stdout: words } = await run("sh", ["-c", `set -- ${hint}; shift; printf '%s\\0' "$@"`]);
      await exo(words.split("\0").slice(0, -1));
    };
    const hintOf = (stderr: string) => /again with (exo .*)$/m.exec(stderr)![1]!;

    const pem = await check();
    expect(pem.code, pem.stderr).toBe(5);
    expect(pem.stderr).toMatch(/failed at credentials: .*the certificate in remade\/remade\.cert\.pem is not user "remade"'s current certificate/);
    expect(hintOf(pem.stderr)).toBe(`exo dbaas credentials download ${SERVICE} -z de-muc-1 --user remade --dir remade --force`);
    await runHint(hintOf(pem.stderr));

    // the PEMs are fresh; the Java key store still holds the old certificate, the env file points at the fresh PEM
    const store = await check();
    expect(store.code, store.stderr).toBe(5);
    expect(store.stderr).toMatch(/failed at credentials: .*remade\/remade\.client\.properties would not give a client user "remade"'s current certificate and key/);
    expect(hintOf(store.stderr)).toBe(`exo dbaas credentials download ${SERVICE} -z de-muc-1 --user remade --dir remade --client java --force`);
    await runHint(hintOf(store.stderr));
    const fresh = await check();
    expect(fresh, fresh.stderr).toMatchObject({ code: 0, stderr: "" });
  }, 90_000);

  it("check --connect names the connect step once nothing listens on the address", async () => {
    // every broker of the cluster goes
    const pids = childProcesses(emulator.child.pid!, BROKER_LAUNCHER_CLASS);
    expect(pids.length).toBeGreaterThan(0);
    for (let node = 1; node <= pids.length; node++) await killBroker(emulator, SERVICE, node);
    const closed = await waitFor(
      "the broker's port closed",
      async () => {
        const result = await connectCheck("--dir", "mtls");
        return result.code === 5 && /failed at connect/.test(result.stderr) ? result : undefined;
      },
      30_000,
    );
    expect(closed.stderr).toMatch(/^127\.0\.0\.1:\d+: failed at connect: connection refused/m);
    expect(closed.stdout).toBe("");
    // one line per address, each on its own line, then the error
    expect(closed.stderr).toMatch(/^127\.0\.0\.1:\d+: failed at connect: [^\n]*\nerror: 1 of 1 bootstrap addresses failed\n$/);
  }, 60_000);
});
