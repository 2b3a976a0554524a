// npm run demo: the Managed Kafka walkthrough, step by step, against the local emulator.
//
// Starts exo-emulator (with a real Kafka broker when Java 17 is available, API-only otherwise), then runs the
// commands a user runs against Exoscale: fetch the CA, extract the access certificate and key with output
// templates, create a topic, produce and consume three messages with the kafka-python scripts, enable SASL and
// produce and consume over SASL_SSL. Every command is printed before it runs; everything is removed at the end.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startEmulatorProcess } from "./lib/emulator-process.mjs";

const root = resolve(import.meta.dirname, "..");
const cli = join(root, "dist", "cli.cjs");
const python = join(root, ".cache", "python-venv", "bin", "python");
const seedScripts = join(root, "test", "broker", "python");
const roundtrip = join(root, "test", "walkthrough", "python", "roundtrip.py");
const ZONE = "de-muc-1";
const tty = process.stdout.isTTY;
const bold = (s) => (tty ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s) => (tty ? `\x1b[2m${s}\x1b[0m` : s);
const say = (s = "") => process.stdout.write(`${s}\n`);
const step = (title) => say(`\n${bold(`# ${title}`)}`);

/** Major version of `java -version`, or 0 when there is no java. */
function javaMajor(cmd) {
  const run = spawnSync(cmd, ["-version"], { encoding: "utf8" });
  if (run.status !== 0) return 0;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(run.stderr);
  if (!match) return 0;
  return match[1] === "1" ? Number(match[2]) : Number(match[1]);
}

/** Installs the broker jars and kafka-python if needed (.ci/setup-extra); returns why a real broker cannot run. */
function prepareRealBroker() {
  if (process.env.DEMO_KAFKA === "fake") return "DEMO_KAFKA=fake";
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
  const major = javaMajor(java);
  if (major < 17) return major ? `Java ${major} found, the Kafka broker needs Java 17 or newer` : "Java 17 is not installed";
  if (spawnSync(java.replace(/java$/, "javac"), ["-version"], { stdio: "ignore" }).status !== 0) return "javac (a JDK 17) is not installed";
  say(dim("Checking the Kafka jars and kafka-python (the first run downloads them: Maven Central, PyPI)..."));
  const setup = spawnSync("bash", [join(root, ".ci", "setup-extra")], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (setup.status !== 0) return "installing the Kafka jars (needs Maven) or kafka-python (needs python3-venv) failed";
  return existsSync(python) ? undefined : "kafka-python is not installed";
}

function startEmulator(real) {
  const args = ["--port", "0", "--seed", "--quiet", "--operation-delay", "200", "--rebuild-delay", "0"];
  return startEmulatorProcess(real ? [...args, "--kafka", "real"] : args);
}

const quote = (a) => (/[\s{}'*|"]/.test(a) ? `'${a}'` : a);

async function main() {
  const whyNot = prepareRealBroker();
  say(whyNot ? `API-only: ${whyNot}; the Kafka client steps are skipped.` : "A real Apache Kafka broker backs the service.");
  const { child, env: emulatorEnv } = await startEmulator(!whyNot);
  const work = mkdtempSync(join(tmpdir(), "exo-dbaas-demo-"));
  const cleanUp = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    rmSync(work, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));
  const env = { ...process.env, ...emulatorEnv };
  say(dim(`exo-emulator listens on ${emulatorEnv.EXOSCALE_API_ENDPOINT}; the commands run in ${work}`));

  /** Prints and runs `exo ARGS [> redirect]`; `shown: false` keeps the output (secrets) off the screen. */
  const exo = (args, { redirect, shown = true } = {}) => {
    say(`$ exo ${args.map(quote).join(" ")}${redirect ? ` > ${redirect}` : ""}`);
    const out = execFileSync(process.execPath, [cli, ...args], { env, cwd: work, encoding: "utf8" });
    if (redirect) writeFileSync(join(work, redirect), out, { mode: 0o600 });
    else if (shown) process.stdout.write(out === "" || out.endsWith("\n") ? out : `${out}\n`);
    return out;
  };
  const runPython = (script, extraEnv, args = []) => {
    const out = execFileSync(python, [script, ...args], { cwd: work, encoding: "utf8", env: { ...process.env, ...extraEnv } });
    process.stdout.write(out);
    return out;
  };
  const seed = (name, bootstrap) => {
    say(`$ python ${name}`);
    return runPython(join(seedScripts, name), { KAFKA_BOOTSTRAP_SERVERS: bootstrap });
  };
  const waitRunning = async () => {
    for (let i = 0; i < 180; i++) {
      const state = execFileSync(process.execPath, [cli, "dbaas", "show", "test-kafka", "-z", ZONE, "--output-template", "{{.State}}"], { env, encoding: "utf8" });
      if (state === "running") return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error("test-kafka did not reach the running state");
  };
  const show = (template, opts) => exo(["dbaas", "show", "test-kafka", "-z", ZONE, "--output-template", template], opts).trim();

  try {
    step("The service (the emulator seeds test-kafka)");
    exo(["dbaas", "list"]);
    if (!whyNot) say(dim("(waiting for its broker to start...)"));
    await waitRunning();

    step("CA, access certificate and key, with output templates");
    exo(["dbaas", "ca-certificate"], { redirect: "ca.pem" });
    show("{{.Kafka.ConnectionInfo.AccessCert}}", { redirect: "test-kafka_cert.pem" });
    show("{{.Kafka.ConnectionInfo.AccessKey}}", { redirect: "test-kafka_key.pem" });
    const bootstrap = show("{{.Kafka.URI}}");

    if (!whyNot) {
      step(`Topic with the CLI, then the seed's kafka-python producer and consumer (bootstrap server ${bootstrap})`);
      exo(["dbaas", "kafka", "topic", "create", "test-kafka", "demo-topic", "-z", ZONE, "--partitions", "1"]);
      seed("producer-ssl.py", bootstrap);
      // the consumer polls for two seconds only: run it again if joining the group took most of them
      let received = 0;
      for (let run = 0; run < 3 && received < 3; run++) received += seed("consumer-ssl.py", bootstrap).split("\n").filter((l) => l.startsWith("Received:")).length;
      step("The consumer group's lag, from the CLI");
      exo(["dbaas", "kafka", "group", "show", "test-kafka", "demo-group", "-z", ZONE]);
    }

    step("SASL");
    show("{{.Kafka.AuthenticationMethods.SASL}}");
    exo(["dbaas", "update", "-z", ZONE, "test-kafka", "--kafka-enable-sasl-auth", "true", "--force", "--quiet"]);
    if (!whyNot) say(dim("(waiting for the broker to restart with its SASL listener...)"));
    await waitRunning();
    const saslPort = show("{{.Kafka.SASLPort}}");
    const json = JSON.parse(exo(["dbaas", "show", "test-kafka", "-z", ZONE, "-O", "json"], { shown: false }));
    const admin = json.kafka.users.find((u) => u.username === "avnadmin");
    say(dim("(output not shown: it holds avnadmin's password, at .kafka.users[].password)"));
    if (!whyNot) {
      const sasl = `${bootstrap.split(":")[0]}:${saslPort}`;
      say(`$ python roundtrip.py sasl-topic 'SASL message' 3   ${dim(`# SASL_SSL, SCRAM-SHA-256, avnadmin, ${sasl}`)}`);
      runPython(roundtrip, { KAFKA_BOOTSTRAP_SERVERS: sasl, KAFKA_CAFILE: "ca.pem", KAFKA_USERNAME: "avnadmin", KAFKA_PASSWORD: admin.password }, ["sasl-topic", "SASL message", "3"]);
    }
    exo(["dbaas", "show", "test-kafka", "-z", ZONE]);
  } finally {
    await cleanUp();
  }
  say(`\nDone: the emulator${whyNot ? "" : " and its broker"} stopped, ${work} removed.`);
}

main().catch((error) => {
  process.stderr.write(`demo failed: ${error.message}\n`);
  process.exit(1);
});
