// npm run bench:cluster: the emulator's real Kafka cluster (`exo-emulator --seed --kafka real`, the seeded 3.8
// service): launch to every broker ready for 1 and 3 brokers and their resident memory; a rolling restart of 3
// brokers (`--kafka-enable-sasl-auth true`) with a topic of 6 partitions and 3 replicas; a plan change to 6 nodes
// and back to 3; the emulator's stop. With BENCH_CLUSTER_BEFORE=DIR (the dist/ of an earlier build), that build's
// emulator runs the same steps in each round, in turn with ours, so that load on the (shared) machine hits both
// alike; figures are medians. Writes its section of BENCH.md and leaves the rest as it is.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { median } from "./lib/timing.mjs";
import { writeBenchSection } from "./lib/bench-section.mjs";

const root = resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BEFORE = process.env.BENCH_CLUSTER_BEFORE ? resolve(process.env.BENCH_CLUSTER_BEFORE) : undefined;
const SERVICE = "test-kafka";
const ZONE = "de-muc-1";
const SECTION = "## Real Kafka cluster";
const loadAtStart = loadavg()[0];
// both builds run the same jars, so that they map the same class-data sharing archive
const libsDir = execFileSync(process.execPath, [join(root, "dist", "emulator.js"), "fetch-kafka", "--quiet", "3.8"], { encoding: "utf8" }).trim().split("\n")[0];
const work = mkdtempSync(join(tmpdir(), "bench-cluster-"));

/** The emulator of `dist` with a real cluster; its log lines timed as they come. */
function launch(dist, extraArgs) {
  const started = performance.now();
  const args = [join(dist, "emulator.js"), "--port", "0", "--seed", "--kafka", "real", "--rebuild-delay", "0", "--operation-delay", "0", ...extraArgs];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, EXO_EMULATOR_KAFKA_LIBS: libsDir } });
  const lines = [];
  let waiting = [];
  let listening;
  const exited = new Promise((r) => child.once("exit", r));
  const listened = new Promise((ok) => (listening = ok));
  createInterface({ input: child.stdout }).on("line", (line) => {
    const env = Object.fromEntries([...line.matchAll(/(EXOSCALE_[A-Z_]+)=([^\s;]+)/g)].map((m) => [m[1], m[2]]));
    if (env.EXOSCALE_API_ENDPOINT) listening(env);
  });
  createInterface({ input: child.stderr }).on("line", (text) => {
    if (!text.includes(`kafka ${SERVICE}: `) && !/failed/.test(text)) return;
    lines.push({ at: performance.now(), text });
    waiting = waiting.filter((w) => !w(text));
  });
  /** ms since `from` until a log line matching `pattern` (one already logged after `from` counts) */
  const until = (pattern, from) =>
    new Promise((ok, fail) => {
      const seen = lines.find((l) => l.at >= from && pattern.test(l.text));
      if (seen) return ok(seen.at - from);
      const timer = setTimeout(() => fail(new Error(`no log line ${pattern} within 180 s`)), 180_000);
      waiting.push((text) => {
        if (/failed/.test(text)) fail(new Error(text));
        else if (!pattern.test(text)) return false;
        clearTimeout(timer);
        ok(performance.now() - from);
        return true;
      });
    });
  const stop = async () => {
    const t0 = performance.now();
    child.kill("SIGTERM");
    await exited;
    return performance.now() - t0;
  };
  return { child, started, lines, until, stop, listened };
}

/** Resident memory of the broker JVMs the emulator started, MiB. */
function brokersRssMiB(emulatorPid) {
  let kib = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) !== emulatorPid) continue;
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("ExoBrokerLauncher")) continue;
      kib += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return kib / 1024;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One round of every step on the emulator of `dist`: figures in ms (memory in MiB). */
async function round(dist) {
  const figures = {};
  const one = launch(dist, ["--brokers", "1"]);
  try {
    figures.ready1 = await one.until(/broker 1 ready in/, one.started);
    await sleep(3000);
    figures.rss1 = brokersRssMiB(one.child.pid);
  } finally {
    figures.stop1 = await one.stop();
  }

  const three = launch(dist, []);
  try {
    for (const node of [1, 2, 3]) figures.ready3 = Math.max(figures.ready3 ?? 0, await three.until(new RegExp(`broker ${node} ready in`), three.started));
    await sleep(3000);
    figures.rss3 = brokersRssMiB(three.child.pid);
    const env = { ...process.env, ...(await three.listened), HOME: work };
    const exo = (...args) => execFileSync(process.execPath, [join(dist, "cli.cjs"), ...args, "-z", ZONE], { env, encoding: "utf8" });
    for (let i = 0; exo("dbaas", "show", SERVICE, "--output-template", "{{.State}}") !== "running"; i++) {
      if (i === 180) throw new Error(`${SERVICE} did not reach the running state`);
      await sleep(500);
    }
    exo("dbaas", "kafka", "topic", "create", SERVICE, "replicated", "--partitions", "6", "--replication-factor", "3");
    let t0 = performance.now();
    exo("dbaas", "update", SERVICE, "--kafka-enable-sasl-auth", "true", "--force", "-Q");
    figures.roll = await three.until(/broker 3 restarted, every partition back in sync/, t0);
    const restarts = three.lines.filter((l) => l.at >= t0 && /restarted, every partition back in sync, \d+ ms in all/.test(l.text));
    figures.restartOne = median(restarts.map((l) => Number(/(\d+) ms in all/.exec(l.text)[1])));
    await sleep(1000);
    t0 = performance.now();
    exo("dbaas", "update", SERVICE, "--plan", "premium-6x-8", "--force", "-Q");
    figures.grow = await three.until(/partitions spread over 6 brokers/, t0);
    await sleep(1000);
    t0 = performance.now();
    exo("dbaas", "update", SERVICE, "--plan", "business-4", "--force", "-Q");
    figures.shrink = await three.until(/broker 4 stopped and removed/, t0);
  } finally {
    figures.stop3 = await three.stop();
  }
  return figures;
}

const builds = { ours: join(root, "dist"), ...(BEFORE ? { before: BEFORE } : {}) };
const results = Object.fromEntries(Object.keys(builds).map((name) => [name, []]));
try {
  for (let r = 0; r < RUNS; r++) {
    for (const [name, dist] of Object.entries(builds)) {
      results[name].push(await round(dist));
      process.stderr.write(`round ${r + 1}/${RUNS}: ${name} ${JSON.stringify(results[name].at(-1), (_, v) => (typeof v === "number" ? Math.round(v) : v))}\n`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const med = (name, key) => median(results[name].map((f) => f[key]));
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const mib = (x) => `${x.toFixed(0)} MiB`;
const steps = [
  ["ready1", "1 broker: launch to ready", s],
  ["ready3", "3 brokers: launch to all ready (aim ≤ 20 s)", s],
  ["rss1", "1 broker: resident memory", mib],
  ["rss3", "3 brokers: resident memory together (aim < 1.5 GB)", mib],
  ["roll", "rolling restart of 3 brokers (SASL enabled): the update to the third broker back, every partition in sync", s],
  ["restartOne", "one broker of it: stop, start, every partition back in sync", s],
  ["grow", "3 → 6 nodes (premium-6x-8): three brokers join one at a time, then partitions spread over all", s],
  ["shrink", "6 → 3 nodes (business-4): partitions moved off each leaving broker, then it stops", s],
  ["stop1", "the emulator's stop (SIGTERM), 1 broker", s],
  ["stop3", "the emulator's stop (SIGTERM), 3 brokers", s],
];
const header = BEFORE ? "| what | this build | earlier build |\n| --- | --- | --- |" : "| what | measured |\n| --- | --- |";
const rows = steps.map(([key, label, fmt]) => `| ${label} | ${fmt(med("ours", key))} |${BEFORE ? ` ${fmt(med("before", key))} |` : ""}`);
const kafkaRelease = libsDir.split("/").at(-1);
const section = `${SECTION}

\`npm run bench:cluster\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${cpus().length} CPUs, load average ${loadAtStart.toFixed(1)} at the start;
median of ${RUNS} rounds; Kafka ${kafkaRelease}, heap 256 MiB a broker, the class-data sharing archive in place
(\`.cache/kafka/cds/\`). Times are from the emulator's own log lines: launch (spawn) to "broker N ready"; the
command's start to "broker 3 restarted, every partition back in sync", "partitions spread over 6 brokers" or
"broker 4 stopped and removed". Resident memory is the brokers' JVMs' RSS 3 s after they are ready.${BEFORE ? `
The earlier build: ${process.env.BENCH_CLUSTER_BEFORE_NAME ?? BEFORE}, its rounds in turn with this build's.` : ""}

${header}
${rows.join("\n")}

`;

writeBenchSection(root, SECTION, section);
process.stdout.write(section);
