// npm run demo: the Managed Kafka walkthrough, step by step, against the local emulator.
//
// Starts exo-emulator (with a real Kafka broker when Java is available), then runs the same
// commands a user runs against Exoscale: fetch the CA, extract the access certificate and key with
// output templates, create a topic, produce and consume three messages with kafka-python, enable
// SASL. Every command is printed before it runs. Everything is cleaned up at the end.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";

const root = resolve(import.meta.dirname, "..");
const cli = join(root, "dist", "cli.cjs");
const python = join(root, ".cache", "python-venv", "bin", "python");
const scripts = join(root, "test", "broker", "python");
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const say = (s) => process.stdout.write(`${s}\n`);

function hasCommand(cmd, args = ["-version"]) {
  return spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
}

/** Installs the broker jars and kafka-python when the tools to do so are here; returns why not otherwise. */
function prepareRealBroker() {
  if (process.env.DEMO_KAFKA === "fake") return "DEMO_KAFKA=fake";
  if (!hasCommand("java")) return "Java 17 is not installed";
  if (!hasCommand("mvn", ["-v"])) return "Maven is not installed";
  say("Preparing the local Kafka broker (first run downloads the jars from Maven Central)...");
  const setup = spawnSync("bash", [join(root, ".ci", "setup-extra")], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (setup.status !== 0) return "installing the Kafka jars or kafka-python failed";
  return existsSync(python) ? undefined : "kafka-python is not installed";
}

function startEmulator(real) {
  const args = [join(root, "dist", "emulator.js"), "--port", "0", "--seed", "--quiet", "--operation-delay", "200", "--rebuild-delay", "0"];
  if (real) args.push("--kafka", "real");
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      const env = Object.fromEntries([...line.matchAll(/(EXOSCALE_[A-Z_]+)=(\S+)/g)].map((m) => [m[1], m[2]]));
      resolvePromise({ child, env });
    });
    child.once("exit", (code) => reject(new Error(`exo-emulator exited with code ${code}`)));
  });
}

function main() {
  return (async () => {
    const whyNot = prepareRealBroker();
    say(whyNot ? `Running API-only: ${whyNot}. The Kafka client steps are skipped.` : "A real Kafka broker backs the service.");
    const { child, env: emulatorEnv } = await startEmulator(!whyNot);
    const work = mkdtempSync(join(tmpdir(), "exo-dbaas-demo-"));
    const env = { ...process.env, ...emulatorEnv, EXOSCALE_ZONE: "de-muc-1" };
    say(`\nThe emulator listens on ${emulatorEnv.EXOSCALE_API_ENDPOINT}; files go to ${work}\n`);

    const exo = (args, redirect) => {
      say(bold(`$ exo ${args.map((a) => (/[\s{}'*]/.test(a) ? `'${a}'` : a)).join(" ")}${redirect ? ` > ${redirect}` : ""}`));
      const out = execFileSync(process.execPath, [cli, ...args], { env, cwd: work, encoding: "utf8" });
      if (redirect) writeFileSync(join(work, redirect), out, { mode: redirect.includes("key") ? 0o600 : 0o644 });
      else process.stdout.write(out.endsWith("\n") || out === "" ? out : `${out}\n`);
      return out;
    };
    const py = (script, bootstrap) => {
      say(bold(`$ python ${script}`));
      const out = execFileSync(python, [join(scripts, script)], {
        cwd: work,
        encoding: "utf8",
        env: { ...process.env, KAFKA_BOOTSTRAP_SERVERS: bootstrap },
      });
      process.stdout.write(out);
    };

    try {
      exo(["dbaas", "list"]);
      // A real broker takes a few seconds to start: wait until the service reports running.
      for (let i = 0; i < 120; i++) {
        const state = execFileSync(process.execPath, [cli, "dbaas", "show", "test-kafka", "--output-template", "{{.State}}"], { env, encoding: "utf8" });
        if (state === "running") break;
        await new Promise((r) => setTimeout(r, 500));
      }
      exo(["dbaas", "ca-certificate"], "ca.pem");
      exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Kafka.ConnectionInfo.AccessCert}}"], "test-kafka_cert.pem");
      exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Kafka.ConnectionInfo.AccessKey}}"], "test-kafka_key.pem");
      const bootstrap = exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Kafka.URI}}"]);
      if (!whyNot) {
        py("topic-ssl.py", bootstrap);
        py("producer-ssl.py", bootstrap);
        py("consumer-ssl.py", bootstrap);
      }
      exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Kafka.AuthenticationMethods.SASL}}"]);
      exo(["dbaas", "update", "-z", "de-muc-1", "test-kafka", "--kafka-enable-sasl-auth", "true", "--force", "--quiet"]);
      exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Kafka.AuthenticationMethods.SASL}}"]);
      exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1"]);
      say("\nDone. The emulator is stopped and the files removed.");
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      rmSync(work, { recursive: true, force: true });
    }
  })();
}

main().catch((error) => {
  process.stderr.write(`demo failed: ${error.message}\n`);
  process.exit(1);
});
