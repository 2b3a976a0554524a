// npm run bench: start-up, latency, request counts and template throughput, written to BENCH.md.
//
// Figures are medians of alternating runs measured in one process, so machine noise hits every
// variant alike; start-up is reported as a ratio to a bare `node -e 0` measured in the same run.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { CONNECTIONS, emulatorLoad, SECONDS } from "./bench-emulator-load.mjs";
import { nodeVersionsStartup, nodeVersionsTable } from "./bench-node-versions.mjs";
import { startEmulatorProcess } from "./lib/emulator-process.mjs";
import { median, timeSpawn } from "./lib/timing.mjs";

const root = resolve(import.meta.dirname, "..");
const loadAtStart = loadavg()[0];
const cli = join(root, "dist", "cli.cjs");
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

const fmt = (ms) => `${ms.toFixed(1)} ms`;

const timeRun = (args, env) => timeSpawn(process.execPath, args, env);

async function control(url, path, body) {
  const base = url.replace(/\/v2$/, "");
  const res = await fetch(`${base}/_emulator/${path}`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });
  return res.json();
}

/** The requests the emulator recorded since the last `requests/clear`. */
const recordedRequests = async (url) => (await control(url, "requests")).requests;

/** One timed run with every request delayed by 50 ms at the emulator: a simulated network round trip. */
async function timeDelayed(args, env, url) {
  await control(url, "faults", { latencyMs: 50 });
  try {
    return timeRun(args, env).ms;
  } finally {
    await control(url, "faults", { latencyMs: 0 });
  }
}

const startEmulator = (extra = []) => startEmulatorProcess(["--port", "0", "--quiet", "--rebuild-delay", "0", ...extra]);

/** Time from spawning exo-emulator to its "listening" line, with and without the seeded service. */
async function emulatorStartup() {
  const times = { plain: [], seed: [] };
  for (let i = 0; i < 5; i++) {
    for (const [name, extra] of [["plain", []], ["seed", ["--seed"]]]) {
      const { child, readyMs } = await startEmulator(extra);
      times[name].push(readyMs);
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }
  return { plain: median(times.plain), seed: median(times.seed) };
}

/**
 * Cold start in rounds (node -e 0, exo version, show, then the same show with every request delayed
 * by 50 ms, a simulated round trip). Node reads NODE_EXTRA_CA_CERTS at start-up, which can cost more
 * than a short command: when it is set, a second series runs without it.
 */
async function startupAndLatency(emuEnv) {
  const withCa = await coldStart(emuEnv, process.env);
  if (!process.env.NODE_EXTRA_CA_CERTS) return { withCa };
  const { NODE_EXTRA_CA_CERTS: _ignored, ...plain } = process.env;
  return { withCa, withoutCa: await coldStart(emuEnv, plain) };
}

/** Node's own floor for what show does on the wire: two concurrent GETs with an HMAC, bodies parsed. */
const FLOOR_SCRIPT = `const http = require("node:http"), crypto = require("node:crypto");
const base = new URL(process.env.EXOSCALE_API_ENDPOINT), agent = new http.Agent({ keepAlive: true });
let left = 2;
for (const path of ["/dbaas-kafka/test-kafka", "/dbaas-kafka/test-kafka/acl-config"]) {
  crypto.createHmac("sha256", "secret").update(path).digest("base64");
  http.get(new URL(base.pathname + path, base), { agent }, (res) => {
    let body = "";
    res.on("data", (chunk) => (body += chunk));
    res.on("end", () => { JSON.parse(body); if (--left === 0) process.stdout.write("done\\n"); });
  });
}`;

/** Less still: open one TCP connection to the emulator and close it. */
const CONNECT_SCRIPT = `const base = new URL(process.env.EXOSCALE_API_ENDPOINT);
const socket = require("node:net").connect(Number(base.port), base.hostname, () => socket.end());`;

async function coldStart(emuEnv, baseEnv) {
  const env = { ...baseEnv, ...emuEnv, EXOSCALE_ZONE: "de-muc-1" };
  const show = [cli, "dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Name}}"];
  const variants = { node: ["-e", "0"], connect: ["-e", CONNECT_SCRIPT], floor: ["-e", FLOOR_SCRIPT], version: [cli, "version"], show };
  const times = { node: [], connect: [], floor: [], version: [], show: [], slowShow: [] };
  let slowRequests = 0;
  for (let i = 0; i < RUNS; i++) {
    for (const [name, args] of Object.entries(variants)) times[name].push(timeRun(args, env).ms);
    // the same show with every request delayed by 50 ms, paired with the run above
    await control(emuEnv.EXOSCALE_API_ENDPOINT, "requests/clear", {});
    times.slowShow.push(await timeDelayed(show, env, emuEnv.EXOSCALE_API_ENDPOINT));
    slowRequests += (await recordedRequests(emuEnv.EXOSCALE_API_ENDPOINT)).length;
  }
  const med = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  const ratio = (name) => median(times[name].map((t, i) => t / times.node[i]));
  const ratios = { connect: ratio("connect"), floor: ratio("floor"), version: ratio("version"), show: ratio("show") };
  const latencyCost = median(times.slowShow.map((t, i) => t - times.show[i]));
  return { med, ratios, latencyCost, perShow: slowRequests / RUNS };
}

/** The real show model builder, bundled on the fly, fed a service with many users and ACL entries. */
async function largeShowModel(users, acls) {
  const { build } = await import("esbuild");
  const outfile = join(mkdtempSync(join(tmpdir(), "exo-bench-")), "models.mjs");
  await build({ entryPoints: [join(root, "src", "kafka", "views", "index.ts")], bundle: true, platform: "node", format: "esm", outfile, logLevel: "error" });
  const { buildServiceShowValue } = await import(outfile);
  const pem = (label) => `-----BEGIN ${label}-----\n${"MIIC1DCCAbwCFCpa4NsK9bmSJp+2rlxQfIdMxb+vMA0GCSqGSIb3DQEBCwUAMDox\n".repeat(24)}-----END ${label}-----\n`;
  const user = (i) => ({ username: `user-${i}`, type: i ? "normal" : "primary", password: `pw-${i}`, "access-cert": pem("CERTIFICATE"), "access-key": pem("PRIVATE KEY"), "access-cert-expiry": "2028-01-01T00:00:00Z" });
  const service = {
    name: "big-kafka", type: "kafka", plan: "business-8", state: "running", "disk-size": 96636764160, "node-count": 3, "node-cpu-count": 2,
    "node-memory": 2147483648, "created-at": "2021-11-01T15:11:37Z", "updated-at": "2021-11-01T15:55:54Z", "termination-protection": true,
    maintenance: { dow: "wednesday", time: "18:48:43", updates: [] }, uri: "big-kafka.example:21701", "uri-params": { host: "big-kafka.example", port: "21701" },
    "ip-filter": ["0.0.0.0/0"], "authentication-methods": { certificate: true, sasl: true }, version: "3.8",
    components: [{ component: "kafka", host: "big-kafka.example", port: 21701, "kafka-authentication-method": "certificate", route: "dynamic", usage: "primary" }],
    "connection-info": { nodes: ["10.0.0.1:21701"], "access-cert": pem("CERTIFICATE"), "access-key": pem("PRIVATE KEY") },
    users: Array.from({ length: users }, (_, i) => user(i)),
  };
  const acl = { "topic-acl": Array.from({ length: acls }, (_, i) => ({ id: `acl-${i}`, username: `user-${i % users}`, topic: `topic-${i}`, permission: "read" })) };
  return buildServiceShowValue(service, acl, "de-muc-1");
}

async function templateThroughput() {
  const { parse } = await import(join(root, "dist", "templates", "index.js"));
  const model = await largeShowModel(100, 500);
  const results = {};
  for (const [name, source] of [
    ["AccessCert", "{{.Kafka.ConnectionInfo.AccessCert}}"],
    ["users+ACL range", "{{range .Kafka.Users}}{{.Username}} {{.Password}}\n{{end}}{{range .Kafka.ACL}}{{.ID}} {{.Topic}}\n{{end}}"],
  ]) {
    const tpl = parse(source, "out");
    for (let i = 0; i < 1000; i++) tpl.execute(model); // warm-up
    const heapBefore = process.memoryUsage().heapUsed;
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 1000) {
      for (let i = 0; i < 100; i++) tpl.execute(model);
      n += 100;
    }
    const secs = (performance.now() - t0) / 1000;
    results[name] = { perSec: n / secs, heapDeltaMiB: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20 };
  }
  return { results, rssMiB: process.memoryUsage().rss / 2 ** 20 };
}

/**
 * The API requests each common command line sends, as the emulator records them, and what 50 ms of
 * latency on every request adds to its wall time (median of paired runs): the round trips it waits for.
 */
async function requestCounts(emuEnv) {
  const env = { PATH: process.env.PATH ?? "", HOME: "/nonexistent", ...emuEnv, EXOSCALE_ZONE: "de-muc-1" };
  const rows = [];
  for (const line of [
    "dbaas show test-kafka",
    "dbaas show test-kafka --settings kafka",
    "dbaas list",
    "dbaas ca-certificate",
    "dbaas type list",
    "dbaas type show kafka --settings kafka",
    "dbaas user list test-kafka",
    "dbaas user show test-kafka avnadmin",
    "dbaas user reveal-secrets test-kafka avnadmin",
    "dbaas acl list test-kafka",
    "dbaas logs test-kafka",
    "dbaas metrics test-kafka",
    "dbaas credentials check test-kafka",
    "dbaas update test-kafka --kafka-settings {\"compression_type\":\"lz4\"} --dry-run",
  ]) {
    const args = [cli, ...line.split(" ")];
    await control(emuEnv.EXOSCALE_API_ENDPOINT, "requests/clear", {});
    timeRun(args, env);
    const requests = await recordedRequests(emuEnv.EXOSCALE_API_ENDPOINT);
    const paths = requests.map((r) => `${r.method} ${r.path.replace(/^\/v2/, "")}`);
    const counted = [...new Set(paths)].map((p) => {
      const n = paths.filter((q) => q === p).length;
      return n > 1 ? `${p} ×${n}` : p;
    });
    const added = [];
    const walls = [];
    for (let i = 0; i < 5; i++) {
      const plain = timeRun(args, env).ms;
      walls.push(plain);
      added.push((await timeDelayed(args, env, emuEnv.EXOSCALE_API_ENDPOINT)) - plain);
    }
    rows.push({ line, count: requests.length, paths: counted, wall: median(walls), added: median(added) });
  }
  return rows;
}

const { child, env: emuEnv } = await startEmulator(["--seed"]);
let startup;
let requests;
let nodeVersions;
try {
  startup = await startupAndLatency(emuEnv);
  requests = await requestCounts(emuEnv);
  // last: it makes no request of its own, and the control connection above would be left idle meanwhile
  nodeVersions = nodeVersionsStartup({ root, emuEnv, runs: RUNS, ca: process.env.NODE_EXTRA_CA_CERTS });
} finally {
  child.kill("SIGTERM");
}
const emulator = await emulatorStartup();
const loaded = await startEmulator(["--seed"]);
let load;
try {
  load = await emulatorLoad(root, loaded);
} finally {
  loaded.child.kill("SIGTERM");
}
const tpl = await templateThroughput();
const mib = (v) => (v === undefined ? "n/a" : `${v.toFixed(1)} MiB`);

const verdict = (ok) => (ok ? "met" : "**not met**");
const coldRows = ({ med, ratios }, label) => `| \`node -e 0\`${label} | ${fmt(med.node)} | 1.00 | |
| Node opening one TCP connection to the emulator and closing it${label} | ${fmt(med.connect)} | ${ratios.connect.toFixed(2)} | |
| Node's floor: a 10-line script sending show's two GETs${label} | ${fmt(med.floor)} | ${ratios.floor.toFixed(2)} | |
| \`exo version\`${label} | ${fmt(med.version)} | ${ratios.version.toFixed(2)} | |
| \`exo dbaas show test-kafka -z de-muc-1 --output-template '{{.Name}}'\`${label} | ${fmt(med.show)} | ${ratios.show.toFixed(2)} | ≤ 1.5: ${verdict(ratios.show <= 1.5)} |`;
const latencyRow = ({ perShow, latencyCost }, label) =>
  `| \`exo dbaas show … --output-template '{{.Name}}'\`${label} | ${perShow.toFixed(1)} | ${fmt(latencyCost)} | one round trip, not two (< 75 ms): ${verdict(latencyCost < 75)} |`;
const series = [[startup.withCa, startup.withoutCa ? " (NODE_EXTRA_CA_CERTS set)" : ""]];
if (startup.withoutCa) series.push([startup.withoutCa, " (without NODE_EXTRA_CA_CERTS)"]);
const report = `# Benchmarks

Reproduce with \`npm run bench\` (builds first; \`BENCH_RUNS=N\` changes the run count). Measured on
${process.platform}/${process.arch}, Node ${process.version}, ${cpus().length} CPUs, ${new Date().toISOString().slice(0, 10)}, load average
${loadAtStart.toFixed(1)} at the start (other work on the machine moves single times; the paired ratios hold up better).

## Cold start (${RUNS} rounds; each round runs every command once, in turn, against the emulator on loopback)

Ratios are medians of the per-round ratio to \`node -e 0\` of the same round, so load on the machine
hits both sides alike.${
  startup.withoutCa
    ? ` This machine sets NODE_EXTRA_CA_CERTS, which Node reads at every start-up (for \`node -e 0\` too), so
the figures are also given without it: that is the start-up most users have.`
    : ""
}

| command | median | ratio to \`node -e 0\` | target |
| --- | --- | --- | --- |
${series.map(([r, label]) => coldRows(r, label)).join("\n")}

The floor row is what Node itself needs to send show's two GETs (with an HMAC) and parse the answers,
with no CLI at all; the distance from it to show is this CLI's own cost (parsing the command line,
the account, validating the responses, rendering).${series
  .filter(([r]) => r.ratios.show > 1.5)
  .map(
    ([r, label]) => `

Not met${label}: there Node's own floor is already ${r.ratios.floor.toFixed(2)}× \`node -e 0\` (one TCP connection alone
${r.ratios.connect.toFixed(2)}×), so no Node program that sends show's requests reaches 1.5×; show's own cost above
the floor is ${fmt(r.med.show - r.med.floor)}.`,
  )
  .join("")}

How: \`dist/cli.cjs\` runs one minified CommonJS bundle from a V8 code cache, the one written at build time
(\`dist/exo-RUNTIME.cache\`) on the Node that built it, and on other Nodes the one their first run writes
(next section); response schemas (zod/mini) are built on first use; TLS, readline, child_process, Unicode
tables and the ASN.1 libraries of the Java key stores load only when a command needs them. Before this (ES
module chunks, global fetch, zod's classic API), the same show measured 4.10× \`node -e 0\`
(NODE_EXTRA_CA_CERTS set) on 2026-11-25.

## Start-up per Node version (${RUNS} rounds; each runs every line once on every Node, in turn)

This Node and the pinned others (\`scripts/node/versions\`, fetched by \`scripts/node/fetch.sh\`) run
\`exo dbaas show test-kafka -z de-muc-1 --output-template '{{.Name}}'\` against the emulator, each beside its
own \`node -e 0\`, without NODE_EXTRA_CA_CERTS. V8 takes a code cache only from its own version: the one
shipped is made by the Node that built the package (${process.version} here), so on another Node the first run
compiles the bundle and leaves a cache in \`$XDG_CACHE_HOME/exo-dbaas/code-cache\` (~/.cache), which the
later runs use. The last columns run the same bundle through Node's own compile cache
(\`module.enableCompileCache()\`, Node >= 22.1) instead: it keeps only what is compiled before the bundle
runs, not the functions a command then calls, so it was not chosen.

${nodeVersionsTable(nodeVersions)}

Before and after, measured once (2026-12-07, 25 alternating rounds of the previous launcher, which had only
the cache made by Node 20, and this one, on this machine while other work loaded it: load average 6 to 9 on
2 CPUs). Medians of wall time, and in parentheses of the CPU time the process used (user + system), which load
moves less; ratios of the medians.

| Node | \`node -e 0\` | before: \`show\` | ÷ | after: \`show\`, first run | ÷ | after: \`show\`, later runs | ÷ |
| --- | --- | --- | --- | --- | --- | --- | --- |
| v20.20.2 | 25.7 ms (21.2) | 75.9 ms (52.9) | 2.95 (2.50) | 74.4 ms (54.1) | 2.89 (2.55) | 68.6 ms (53.6) | 2.67 (2.53) |
| v22.23.5 | 30.2 ms (24.5) | 110.8 ms (87.1) | 3.67 (3.56) | 131.9 ms (85.4) | 4.37 (3.49) | 74.1 ms (53.5) | 2.45 (2.18) |
| v24.21.0 | 34.5 ms (25.2) | 125.0 ms (94.1) | 3.62 (3.73) | 119.6 ms (90.9) | 3.47 (3.61) | 85.4 ms (59.5) | 2.48 (2.36) |

With NODE_EXTRA_CA_CERTS set, as in the table that started this work (there Node 20's \`node -e 0\` pays for
reading the CA file, so its ratio is lower while its times are the highest):

| Node | \`node -e 0\` | before: \`show\` | ÷ | after: \`show\`, later runs | ÷ |
| --- | --- | --- | --- | --- | --- |
| v20.20.2 | 76.1 ms (58.4) | 130.0 ms (91.4) | 1.71 (1.57) | 126.4 ms (91.6) | 1.66 (1.57) |
| v22.23.5 | 28.4 ms (23.1) | 119.7 ms (87.0) | 4.21 (3.77) | 67.5 ms (53.1) | 2.38 (2.30) |
| v24.21.0 | 33.0 ms (24.8) | 117.4 ms (93.5) | 3.56 (3.77) | 73.3 ms (60.0) | 2.22 (2.42) |

On Node 22 and 24 the later runs now cost what they cost on Node 20 or less, beside a faster \`node -e 0\`,
and with NODE_EXTRA_CA_CERTS set they take 40 % less time than on Node 20. A first run on a new Node compiles
the bundle as before, less the ASN.1 libraries now apart, and writes its cache at exit (about 5 ms of CPU):
the two about cancel (CPU time 2 to 3 % lower than before; wall time under this load varies more than that).
On the Node that built the package the shipped cache serves as before, unchecked beyond V8's own checks (it
is installed with the code it was made from); a user's cache is checked with CRC-32 (node:zlib, 0.5 ms), not
SHA-256: node:crypto, loaded for that check, had cost \`exo version\` about 3 ms (CPU time per run, a2fe790 →
before → now: \`version\` 78.0 → 81.4 → 77.6 ms, \`show\` 98.0 → 103.1 → 98.7 ms, 30 alternating runs, machine loaded).

## Latency: every API request delayed by 50 ms at the emulator

| command | requests per run | median extra wall time over the same run without delay | target |
| --- | --- | --- | --- |
${series.map(([r, label]) => latencyRow(r, label)).join("\n")}

\`show\` sends its independent requests concurrently (the service and its ACLs; exo's lookup in the
service list only when the service is not found), so together they cost one round trip; sent one after
the other they would cost two (≥ 100 ms). Beyond the 50 ms, the figure holds the few milliseconds in
which the emulator answers and the CLI reads the responses, work that a run without delay does while
the other request is still being sent.

## Requests per command (as the emulator recorded them; \`-z de-muc-1\`, so no zone lookup)

Wall times are medians of 5 runs; the CLI gets only PATH, HOME and the emulator's variables (so no NODE_EXTRA_CA_CERTS).

| command | requests | sent | wall time | wall time added by 50 ms on every request |
| --- | --- | --- | --- | --- |
${requests.map((r) => `| \`exo ${r.line}\` | ${r.count} | ${r.paths.map((p) => `\`${p}\``).join(", ")} | ${fmt(r.wall)} | ${fmt(r.added)} |`).join("\n")}

Reads that do not depend on each other go out together, so a command waits for one round trip however
many reads it sends (the last column stays near 50 ms): \`show\` asks for the service and its ACLs at once;
\`acl list\`, \`user reveal-secrets\` and \`update\` send their reads alongside exo's lookup in the service list.
exo's own \`show\` sends one request more (the service list, to find the service's type), which this CLI
sends only when the service is not found, to word the error as exo does.

## Emulator start-up (median of 5, spawn to its "listening" line)

| command | median | target |
| --- | --- | --- |
| \`exo-emulator --port 0\` | ${fmt(emulator.plain)} | < 1 s: ${verdict(emulator.plain < 1000)} |
| \`exo-emulator --port 0 --seed\` (creates a CA and a user's key pair) | ${fmt(emulator.seed)} | |

## Emulator under load (${CONNECTIONS} keep-alive connections, signed GETs of the seeded service for ${SECONDS} s)

The load generator (scripts/bench-emulator-load.mjs) runs in the benchmark process and signs every
request with the CLI's own signer; the emulator is a separate \`exo-emulator --seed --quiet\` process, so
both share the machine's ${cpus().length} CPUs. Memory is the emulator's resident set (Linux /proc).

| requests | requests/s | p50 | p99 | max | errors | emulator memory before | after 0.5 s warm-up | after the run | target |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| ${load.requests.toLocaleString("en-US")} | ${Math.round(load.perSec).toLocaleString("en-US")} | ${fmt(load.p50)} | ${fmt(load.p99)} | ${fmt(load.max)} | ${load.errors} | ${mib(load.rssBefore)} | ${mib(load.rssWarm)} | ${mib(load.rssAfter)} | no errors: ${verdict(load.errors === 0)} |

The emulator keeps at most the last 5,000 requests it recorded, so its memory stays bounded however
long the load runs; malformed requests, bad control values and slow clients are covered by
test/emulator/hostile-requests.test.ts rather than timed here.

## Template rendering (show model with 100 users and 500 ACL entries)

| template | renders/s | heap growth during the run | target |
| --- | --- | --- | --- |
${Object.entries(tpl.results)
  .map(([name, r]) => `| ${name} | ${Math.round(r.perSec).toLocaleString("en-US")} | ${r.heapDeltaMiB.toFixed(1)} MiB | ${name === "AccessCert" ? `≥ 100,000/s: ${verdict(r.perSec >= 100_000)}` : ""} |`)
  .join("\n")}

Peak resident memory of the benchmark process: ${tpl.rssMiB.toFixed(0)} MiB.
`;
// the network, Kafka and cluster sections are written by scripts/bench-network.mjs, bench-kafka.mjs and
// bench-cluster.mjs, the class-data sharing one after them by hand: kept as they are, at the end of the file
const networkSection = /\n## (Over a network:|Kafka:|Real Kafka cluster)[\s\S]*$/.exec(readFileSync(join(root, "BENCH.md"), "utf8"))?.[0] ?? "";
writeFileSync(join(root, "BENCH.md"), report + networkSection);
process.stdout.write(report);
