// npm run bench:kafka: `exo dbaas kafka` beside kcat and Kafka's own TopicCommand, on the emulator's real
// broker (--kafka real, mTLS), in one run: topic list, consuming and producing 100,000 records of 100 bytes.
// Each round runs every variant once, in turn, so load on the (shared) machine hits them alike; figures
// are medians. Start-up is measured apart: `exo version`, the Kafka library's load, kcat -V, the JVM tool's
// --version, and a floor for any Node program (scripts/kafka/metadata-floor.cjs). With
// BENCH_KAFKA_BEFORE=DIR (the dist/ of an earlier build), that build's commands run in the same rounds,
// each beside ours. Writes its section of BENCH.md and leaves the rest as it is.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { startEmulatorProcess } from "./lib/emulator-process.mjs";
import { median } from "./lib/timing.mjs";
import { writeBenchSection } from "./lib/bench-section.mjs";

const root = resolve(import.meta.dirname, "..");
const cli = join(root, "dist", "cli.cjs");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BEFORE = process.env.BENCH_KAFKA_BEFORE ? resolve(process.env.BENCH_KAFKA_BEFORE) : undefined;
const RECORDS = 100_000;
const RECORD_BYTES = 100;
const SERVICE = "test-kafka";
const ZONE = "de-muc-1";
const SECTION = "## Kafka: `exo dbaas kafka` beside kcat and Kafka's TopicCommand";
const loadAtStart = loadavg()[0];

/** Runs a command to its end, stdin from a file when given, stdout to /dev/null; wall time in ms. */
function timed(file, args, { env, input } = {}) {
  const t0 = performance.now();
  const r = spawnSync("sh", ["-c", `exec "$0" "$@" <${input ?? "/dev/null"} >/dev/null`, file, ...args], { env, encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${file} ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return ms;
}

const work = mkdtempSync(join(tmpdir(), "bench-kafka-"));
const toolsDir = execFileSync(join(root, "scripts", "kafka", "fetch-tools.sh"), { encoding: "utf8" }).trim();
const { child, env: emuEnv } = await startEmulatorProcess(["--port", "0", "--quiet", "--seed", "--rebuild-delay", "0", "--kafka", "real"]);
const { NODE_EXTRA_CA_CERTS: _ca, ...baseEnv } = process.env;
const env = { ...baseEnv, ...emuEnv, HOME: work, XDG_CACHE_HOME: join(work, "cache") };
const exo = (...args) => execFileSync(process.execPath, [cli, ...args], { env, cwd: work, encoding: "utf8" });

let rows;
let brokers;
try {
  for (let i = 0; exo("dbaas", "show", SERVICE, "-z", ZONE, "--output-template", "{{.State}}") !== "running"; i++) {
    if (i === 180) throw new Error(`${SERVICE} did not reach the running state`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const bootstrap = exo("dbaas", "show", SERVICE, "-z", ZONE, "--output-template", "{{.Kafka.URI}}");
  exo("dbaas", "credentials", "download", SERVICE, "-z", ZONE, "--dir", "certs", "--client", "java");
  const certs = join(work, "certs");
  const kcatConn = ["-b", bootstrap, "-X", "security.protocol=ssl", "-X", `ssl.ca.location=${certs}/ca.pem`, "-X", `ssl.certificate.location=${certs}/avnadmin.cert.pem`, "-X", `ssl.key.location=${certs}/avnadmin.key.pem`];
  brokers = Number(/ (\d+) brokers:/.exec(execFileSync("kcat", [...kcatConn, "-L"], { encoding: "utf8" }))?.[1]);
  const javaCp = ["-cp", `${toolsDir}/*`];
  const topicCommand = [...javaCp, "org.apache.kafka.tools.TopicCommand", "--bootstrap-server", bootstrap, "--command-config", `${certs}/avnadmin.client.properties`];
  const kafka = (...args) => ["dbaas", "kafka", ...args, "-z", ZONE, "--dir", certs];
  // the earlier build keeps its code caches apart: one file per name and Node, which the two builds would rewrite in turn
  const beforeEnv = { ...env, XDG_CACHE_HOME: join(work, "cache-before") };
  const consumeArgs = ["consume", SERVICE, "bench-consume", "--from-beginning", "--max-messages", String(RECORDS), "--output-template", "{{.Value}}"];

  // 100,000 lines of 100 bytes (the newline not counted), and a topic that holds them for the consumers
  const lines = join(work, "records.txt");
  writeFileSync(lines, Array.from({ length: RECORDS }, (_, i) => `record ${String(i).padStart(7, "0")} `.padEnd(RECORD_BYTES, "x")).join("\n") + "\n");
  for (const topic of ["bench-consume", "bench-produce"]) exo(...kafka("topic", "create", SERVICE, topic));
  timed("kcat", [...kcatConn, "-P", "-t", "bench-consume"], { env, input: lines });
  for (let i = 0; i < 20; i++) exo(...kafka("topic", "create", SERVICE, `other-${i}`));

  const variants = {
    nodeNoop: ["node -e 0", process.execPath, ["-e", "0"]],
    exoVersion: ["`exo version`", process.execPath, [cli, "version"]],
    packageLoad: ["Node loading the installed @platformatic/kafka (`import()`, then exit)", process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(join(root, "node_modules", "@platformatic", "kafka", "dist", "index.js"))})`]],
    libraryLoad: ["Node loading dist/exo-kafka.cjs, the library as bundled (`require()` without code cache, then exit)", process.execPath, ["-e", `require(${JSON.stringify(join(root, "dist", "exo-kafka.cjs"))})`]],
    libraryCached: ["Node loading dist/exo-kafka.cjs from the code cache the commands left, as the launcher does (then exit)", process.execPath, [join(root, "scripts", "kafka", "load-library.cjs"), join(root, "dist"), join(work, "cache", "exo-dbaas", "code-cache")]],
    floor: ["floor: Node, one TLS connection, one Metadata request of all topics (`scripts/kafka/metadata-floor.cjs`)", process.execPath, [join(root, "scripts", "kafka", "metadata-floor.cjs"), bootstrap, `${certs}/ca.pem`, `${certs}/avnadmin.cert.pem`, `${certs}/avnadmin.key.pem`]],
    kcatVersion: ["`kcat -V`", "kcat", ["-V"]],
    javaVersion: ["`java TopicCommand --version`", "java", [...javaCp, "org.apache.kafka.tools.TopicCommand", "--version"]],
    exoList: ["`exo dbaas kafka topic list`", process.execPath, [cli, ...kafka("topic", "list", SERVICE)]],
    kcatList: ["`kcat -L`", "kcat", [...kcatConn, "-L"]],
    javaList: ["`TopicCommand --list`", "java", [...topicCommand, "--list"]],
    exoConsume: ["`exo dbaas kafka consume --from-beginning --max-messages 100000 --output-template '{{.Value}}'`", process.execPath, [cli, ...kafka(...consumeArgs)]],
    exoConsumeTable: ["the same consume, default table output", process.execPath, [cli, ...kafka("consume", SERVICE, "bench-consume", "--from-beginning", "--max-messages", String(RECORDS))]],
    kcatConsume: ["`kcat -C -e -o beginning`", "kcat", [...kcatConn, "-C", "-e", "-o", "beginning", "-t", "bench-consume"]],
    exoProduce: ["`exo dbaas kafka produce` (stdin)", process.execPath, [cli, ...kafka("produce", SERVICE, "bench-produce")], lines],
    kcatProduce: ["`kcat -P`", "kcat", [...kcatConn, "-P", "-t", "bench-produce"], lines],
  };
  if (BEFORE) {
    const beforeCli = join(BEFORE, "cli.cjs");
    Object.assign(variants, {
      exoListBefore: ["the earlier build's `topic list`", process.execPath, [beforeCli, ...kafka("topic", "list", SERVICE)], undefined, beforeEnv],
      exoConsumeBefore: ["the earlier build's consume", process.execPath, [beforeCli, ...kafka(...consumeArgs)], undefined, beforeEnv],
      exoProduceBefore: ["the earlier build's produce", process.execPath, [beforeCli, ...kafka("produce", SERVICE, "bench-produce")], lines, beforeEnv],
    });
  }
  // one run of each exo command first: each leaves its code caches, as any user's first command does
  const exoCommand = ([, file, args]) => file === process.execPath && args.includes("dbaas");
  for (const [, file, args, input, own] of Object.values(variants).filter(exoCommand)) timed(file, args, { env: own ?? env, input });
  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let round = 0; round < RUNS; round++) {
    for (const [name, [, file, args, input, own]] of Object.entries(variants)) times[name].push(timed(file, args, { env: own ?? env, input }));
    process.stderr.write(`round ${round + 1}/${RUNS}\n`);
  }
  rows = Object.fromEntries(Object.entries(times).map(([k, t]) => [k, { label: variants[k][0], ms: median(t) }]));
  const consumed = execFileSync("kcat", [...kcatConn, "-C", "-e", "-o", "beginning", "-t", "bench-produce", "-f", "%p\\n"], { encoding: "utf8", maxBuffer: 1 << 28 }).split("\n").length - 1;
  const producers = Object.keys(variants).filter((k) => /Produce/.test(k));
  const produces = producers.length * RUNS + producers.filter((k) => exoCommand(variants[k])).length;
  if (consumed !== produces * RECORDS) throw new Error(`bench-produce holds ${consumed} records, not ${produces * RECORDS}`);
} finally {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  rmSync(work, { recursive: true, force: true });
}

const fmt = (ms) => `${ms.toFixed(0)} ms`;
const ratio = (a, b) => (rows[a].ms / rows[b].ms).toFixed(2);
const row = (k, note = "") => `| ${rows[k].label} | ${fmt(rows[k].ms)} | ${note} |`;
const verdict = (ok) => (ok ? "met" : "**not met**");
// start-up: Node and the CLI bundle (`exo version`), plus the library's load from its code cache above Node's own start
const startExo = rows.exoVersion.ms + rows.libraryCached.ms - rows.nodeNoop.ms;
const share = (k) => `${fmt(startExo)} of ${fmt(rows[k].ms)} (${((100 * startExo) / rows[k].ms).toFixed(0)}%)`;
const beforeRows = !BEFORE
  ? ""
  : `
The same rounds ran the commands of an earlier build (\`BENCH_KAFKA_BEFORE\`, with code caches of its own): the build
before the changes listed last below.

| command | before | after | before, against kcat | after, against kcat |
| --- | --- | --- | --- | --- |
${[
  ["`topic list`", "exoListBefore", "exoList", "kcatList"],
  ["consume, `--output-template '{{.Value}}'`", "exoConsumeBefore", "exoConsume", "kcatConsume"],
  ["produce", "exoProduceBefore", "exoProduce", "kcatProduce"],
]
  .map(([label, before, after, kcat]) => `| ${label} | ${fmt(rows[before].ms)} | ${fmt(rows[after].ms)} | ${ratio(before, kcat)}× | ${ratio(after, kcat)}× |`)
  .join("\n")}
`;
const section = `${SECTION}

Reproduce with \`npm run bench:kafka\` (builds first; \`BENCH_RUNS=N\`, default 7; \`BENCH_KAFKA_BEFORE=DIR\` adds the commands of
an earlier build's dist/). Measured on ${process.platform}/${process.arch},
Node ${process.version}, ${cpus().length} CPUs, ${new Date().toISOString().slice(0, 10)}, load average ${loadAtStart.toFixed(1)} at the start (the machine is shared: the ratios,
measured in the same rounds, say more than the times), against \`exo-emulator --seed --kafka real\` (${brokers} Kafka brokers on
loopback, mTLS with the files of \`credentials download --client java\`). ${RUNS} rounds after one run of each exo command (its code
caches written, as by a user's first command); each round runs every line once, in turn; medians.
Kafka's TopicCommand is \`org.apache.kafka.tools.TopicCommand\` of the kafka-tools jar (the broker's version), which
\`.cache/kafka/RELEASE\` (the broker's runtime) lacks: \`scripts/kafka/fetch-tools.sh\` fetches it and its runtime jars
with Maven into a folder outside the repository and runs it with \`java -cp\`, as \`kafka-topics.sh\` does.
The topic list has 22 topics; consume reads a topic of ${RECORDS.toLocaleString("en-US")} records of ${RECORD_BYTES} bytes (one partition) to
/dev/null; produce writes the same ${RECORDS.toLocaleString("en-US")} lines from a file (acks=all for both: kcat's default is -1 too).

| command | median | against the others | target |
| --- | --- | --- | --- |
${row("exoList", `${ratio("exoList", "kcatList")}× kcat, ${ratio("exoList", "javaList")}× TopicCommand`)} ≤ 1.5× kcat: ${verdict(rows.exoList.ms <= 1.5 * rows.kcatList.ms)}; ≤ 0.25× TopicCommand: ${verdict(rows.exoList.ms <= 0.25 * rows.javaList.ms)} |
${row("kcatList")} |
${row("javaList")} |
${row("floor", `${ratio("floor", "kcatList")}× kcat`)} reference |
${row("exoConsume", `${ratio("exoConsume", "kcatConsume")}× kcat`)} ≤ 1.5× kcat: ${verdict(rows.exoConsume.ms <= 1.5 * rows.kcatConsume.ms)} |
${row("exoConsumeTable", `${ratio("exoConsumeTable", "kcatConsume")}× kcat`)} |
${row("kcatConsume")} |
${row("exoProduce", `${ratio("exoProduce", "kcatProduce")}× kcat`)} ≤ 1.5× kcat: ${verdict(rows.exoProduce.ms <= 1.5 * rows.kcatProduce.ms)} |
${row("kcatProduce")} |
${beforeRows}
Start-up, in the same rounds:

| start-up | median |
| --- | --- |
${["nodeNoop", "exoVersion", "packageLoad", "libraryLoad", "libraryCached", "kcatVersion", "javaVersion"].map((k) => `| ${rows[k].label} | ${fmt(rows[k].ms)} |`).join("\n")}

So about ${fmt(startExo)} of every \`exo dbaas kafka\` command is start-up (\`exo version\`, plus the library's load from its
code cache above \`node -e 0\`), against ${fmt(rows.kcatVersion.ms)} for kcat and ${fmt(rows.javaVersion.ms)} for the JVM tool: ${share("exoList")} of \`topic list\`,
${share("exoConsume")} of consume, ${share("exoProduce")} of produce.

Where the aims stand: against the JVM tool \`topic list\` is ${ratio("exoList", "javaList")}× its wall time. Against kcat, a C
program: \`node -e 0\` alone is ${ratio("nodeNoop", "kcatList")}× kcat's whole \`-L\`, and the floor above (Node, the three PEM files, one TLS
connection and one Metadata request, nothing else) ${ratio("floor", "kcatList")}×; \`topic list\` also loads the CLI and the library, asks the
API for the service (bootstrap addresses, then credentials unless \`--dir\`) and the broker for its API versions, so no
Node program reaches 1.5× there. For 100,000 records, consume and produce pay the start-up once: consume
${fmt(rows.exoConsume.ms - startExo)} and produce ${fmt(rows.exoProduce.ms - startExo)} after start-up, against kcat's ${fmt(rows.kcatConsume.ms)} and ${fmt(rows.kcatProduce.ms)}.

What was changed after profiling. Earlier: the library bundled apart with lazy validators (topic list 1.1 s → 0.25 s;
the library's load ~0.7 s → ~0.1 s); produce sent one request for all records, which the broker refused above 1 MiB:
requests of 512 KiB, four in flight, stdin split as bytes, one message object per record (2.7 s → ~1.1 s); consume
parsed 4 MiB fetches from one contiguous copy (2.1 s → ~1.7 s). Then${BEFORE ? " (the earlier build's figures above)" : ""}:
- consume: a record's shown fields (offset, date, text or base64 of key, value and headers) and the struct templates
  and JSON read are made when the output first reads them, each once; a template that shows the value no longer
  makes nine fields and their objects for each of 100,000 records (that and the garbage collection it caused were
  most of consume's time after the fetches);
- produce and consume connect with their producer or consumer (its metadata request proves the connection and finds
  the topic) instead of an admin client first: one TLS connection and its requests fewer; consume keeps one consumer;
- produce: a batch's records written into one buffer (the library made several small buffers per record, then joined
  them again for the batch's CRC); no Map of headers for a record without any (the library made two per record); a
  request's message objects made when it is sent and dropped once it is answered (fewer objects surviving into
  the old generation); stdin split at newlines by the native search instead of a loop over every byte, its lines
  made into records as they are sent (less memory, not measurably faster);
  more requests in flight (8, 16, 32) or larger ones were measured no faster: the broker's replication and the
  shared CPUs set the pace;
- start-up: the library's bundle holds what the commands use (esbuild drops its schema registries and Avro); its JSON
  schema validator, debug loggers and native CRC32C are loaded when first used; the \`dbaas kafka\` commands no longer
  load the ASN.1 bundle (they imported it through the key stores' code without using it).

`;

writeBenchSection(root, SECTION, section);
process.stdout.write(section);
