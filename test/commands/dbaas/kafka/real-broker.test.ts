// `exo dbaas kafka` against the emulator's real broker, each result checked by a client that is not ours:
// kafka-python (topic configs, group consumer), confluent-kafka (records byte for byte, lag), kcat -L
// (partitions, replication factor) and Kafka's own Java AdminClient (java/AdminCheck.java: a topic's
// partitions, replication factor and configs; a group's lag). One emulator and broker serve the file, in order: certificate
// authentication, refusals (ACLs, wrong CA, closed port), then SASL.
import { kafkaRelease } from "../../../../src/emulator/broker/jar-cache.js";
import { execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import zlib from "node:zlib";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealBrokerProvider } from "../../../../src/emulator/broker/index.js";
import { startEmulator, type Emulator } from "../../../../src/emulator/index.js";
import { missingPrerequisite } from "../../../broker/kafka-python.js";
import { call } from "../../../emulator/client.js";
import { createCa, issueClientCert } from "../../../broker/pki.js";
import { CLI, ensureBuilt, ROOT } from "../../../helpers/built-cli.js";
import { apiEnv, runCli, type CliResult } from "../../../helpers/run-cli.js";
import { SERVICE, ZONE } from "../../../helpers/session.js";

const missing = await missingPrerequisite("dbaas kafka commands on a real broker");
const PYTHON = join(ROOT, ".cache", "python-venv", "bin", "python");
const OTHER_CLIENT = join(import.meta.dirname, "python", "other_client.py");
const KAFKA_LIBS = join(ROOT, ".cache", "kafka", kafkaRelease().version);
const ADMIN_CHECK = join(import.meta.dirname, "java", "AdminCheck.java");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runProgram(file: string, args: string[], env: Record<string, string>, input?: string): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(file, args, { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 90_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input ?? "");
  });
}

const b64 = (text: string | Buffer) => Buffer.from(text).toString("base64");

describe.skipIf(missing !== null)("dbaas kafka on a real broker", () => {
  let emulator: Emulator;
  let work: string;
  let env: Record<string, string>;
  let bootstrap: string;
  const brokerLog: string[] = [];

  const cli = (argv: string[], options: { input?: string[] } = {}) => runCli(argv, { env, cwd: work, input: options.input });
  const kafka = (...argv: string[]) => cli(["dbaas", "kafka", ...argv, "-z", ZONE]);
  const ok = async (result: Promise<CliResult>) => {
    const r = await result;
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    return r.stdout;
  };
  const showService = async (template: string) => ok(cli(["dbaas", "show", SERVICE, "-z", ZONE, "--output-template", template]));
  const waitRunning = async () => {
    for (let i = 0; i < 180; i++) {
      if ((await showService("{{.State}}")) === "running") return;
      await new Promise((r) => setTimeout(r, 1000));
    }
    throw new Error("service not running");
  };
  /** What Java's AdminClient sees, through the client.properties of `credentials download --client java`. */
  const adminCheck = async (...args: string[]) => {
    const r = await runProgram("java", ["-cp", `${join(work, "classes")}:${KAFKA_LIBS}/*`, "AdminCheck", join(work, "java", "avnadmin.client.properties"), ...args], {});
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };
  const otherEnv = () => ({ KAFKA_BOOTSTRAP: bootstrap, KAFKA_CA: join(work, "certs", "ca.pem"), KAFKA_CERT: join(work, "certs", "avnadmin.cert.pem"), KAFKA_KEY: join(work, "certs", "avnadmin.key.pem") });
  const other = async (args: string[], input?: string, extraEnv: Record<string, string> = {}) => {
    const r = await runProgram(PYTHON, [OTHER_CLIENT, ...args], { ...otherEnv(), ...extraEnv }, input);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "dbaas-kafka-"));
    const compiled = runProgram("javac", ["-d", join(work, "classes"), "-cp", `${KAFKA_LIBS}/*`, ADMIN_CHECK], {});
    emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0, brokers: createRealBrokerProvider({ brokers: 1, log: (line) => brokerLog.push(line) }) });
    env = apiEnv(emulator);
    await waitRunning();
    bootstrap = await showService("{{.Kafka.URI}}");
    await ok(cli(["dbaas", "credentials", "download", SERVICE, "-z", ZONE, "--dir", "certs"]));
    await ok(cli(["dbaas", "credentials", "download", SERVICE, "-z", ZONE, "--dir", "java", "--client", "java"]));
    const javac = await compiled;
    expect(javac.code, javac.stderr).toBe(0);
  }, 240_000);

  afterAll(async () => {
    await emulator?.close();
    if (work) await rm(work, { recursive: true, force: true });
  }, 60_000);

  it("--auth sasl while the service has no SASL: one error line naming the update that enables it", async () => {
    const r = await kafka("topic", "list", SERVICE, "--auth", "sasl");
    expect([r.exitCode, r.stdout]).toEqual([1, ""]);
    expect(r.stderr).toBe(`error: SASL authentication is not enabled on service "${SERVICE}" (enable it with: exo dbaas update ${SERVICE} -z ${ZONE} --kafka-enable-sasl-auth true)\n`);
  });

  it("topic create: kcat -L and kafka-python see its partitions, replication factor and configs; list and show agree", async () => {
    const created = JSON.parse(
      await ok(kafka("topic", "create", SERVICE, "orders", "--partitions", "3", "--topic-config", "retention.ms=3600000", "--topic-config", "cleanup.policy=compact,delete", "-O", "json")),
    );
    expect(created).toMatchObject({ name: "orders", partition_count: 3, replication_factor: 1 });
    expect(created.partitions.map((p: { leader: number }) => p.leader >= 0)).toEqual([true, true, true]);

    const seen = JSON.parse(await other(["describe-topic", "orders"]));
    expect(seen).toEqual({ partitions: 3, replication_factor: 1, leaders: [1, 1, 1], configs: { "retention.ms": "3600000", "cleanup.policy": "compact,delete" } });
    expect(await adminCheck("topic", "orders")).toEqual({ partitions: 3, replication_factor: 1, configs: { "cleanup.policy": "compact,delete", "retention.ms": "3600000" } });
    const e = otherEnv();
    const kcat = await runProgram("kcat", ["-L", "-J", "-t", "orders", "-b", bootstrap, "-X", "security.protocol=ssl", "-X", `ssl.ca.location=${e.KAFKA_CA}`, "-X", `ssl.certificate.location=${e.KAFKA_CERT}`, "-X", `ssl.key.location=${e.KAFKA_KEY}`], {});
    expect(kcat.code, kcat.stderr).toBe(0);
    const topic = JSON.parse(kcat.stdout).topics.find((t: { topic: string }) => t.topic === "orders");
    expect(topic.partitions.map((p: { replicas: unknown[] }) => p.replicas.length)).toEqual([1, 1, 1]);

    expect(await ok(kafka("topic", "list", SERVICE, "--output-template", "{{.Name}} {{.PartitionCount}} {{.ReplicationFactor}}"))).toContain("orders 3 1\n");
    const shown = JSON.parse(await ok(kafka("topic", "show", SERVICE, "orders", "-O", "json")));
    expect(shown.configs).toEqual([
      { name: "cleanup.policy", value: "compact,delete", source: "topic" },
      { name: "retention.ms", value: "3600000", source: "topic" },
    ]);
    // without --partitions and --replication-factor: the broker's defaults
    expect(JSON.parse(await ok(kafka("topic", "create", SERVICE, "defaults", "-O", "json")))).toMatchObject({ partition_count: 1, replication_factor: 1, configs: null });
  }, 120_000);

  it("topic create refusals: an existing topic, an unknown config (nothing created), a replication factor above the brokers", async () => {
    const exists = await kafka("topic", "create", SERVICE, "orders");
    expect([exists.exitCode, exists.stdout, exists.stderr]).toEqual([1, "", `error: topic "orders" already exists on service "${SERVICE}"\n`]);
    const unknown = await kafka("topic", "create", SERVICE, "unknown-config", "--topic-config", "no.such.config=1");
    expect([unknown.exitCode, unknown.stdout]).toEqual([1, ""]);
    expect(unknown.stderr).toMatch(/^error: the broker refused: [^\n]*no\.such\.config[^\n]*\n$/);
    const absent = await kafka("topic", "show", SERVICE, "unknown-config");
    expect([absent.exitCode, absent.stderr]).toEqual([1, `error: topic "unknown-config" not found on service "${SERVICE}"\n`]);
    const factor = await kafka("topic", "create", SERVICE, "too-replicated", "--replication-factor", "3");
    expect([factor.exitCode, factor.stdout]).toEqual([1, ""]);
    expect(factor.stderr).toMatch(/^error: the broker refused: [^\n]+\n$/);
  }, 60_000);

  it("produce: confluent-kafka reads the records byte for byte (keys, values, headers) where the report says", async () => {
    const report = JSON.parse(
      await ok(cli(["dbaas", "kafka", "produce", SERVICE, "orders", "-z", ZONE, "--key-separator", "|", "--header", "source=cli", "--header", "trace=a,b", "-O", "json"], { input: ["k1|first", "k2|żółw \u001b[31m", "k1|third", "|empty key"] })),
    );
    expect(report.records).toBe(4);
    const read = (await other(["consume", "orders", "4"])).trim().split("\n").map((l) => JSON.parse(l));
    const headers = [["source", b64("cli")], ["trace", b64("a,b")]];
    const expected = [
      { key: b64("k1"), value: b64("first"), headers },
      { key: b64("k2"), value: b64("żółw \u001b[31m"), headers },
      { key: b64("k1"), value: b64("third"), headers },
      { key: b64(""), value: b64("empty key"), headers },
    ];
    expect(read.map(({ key, value, headers: h }) => ({ key, value, headers: h })).sort((a, b) => (a.value < b.value ? -1 : 1))).toEqual(
      expected.sort((a, b) => (a.value < b.value ? -1 : 1)),
    );
    // the report's partitions and offsets are where the records are; same key, same partition
    const where = read.map((r) => `${r.partition}:${r.offset}`).sort();
    const reported = report.partitions.flatMap((p: { partition: number; first_offset: number; records: number }) =>
      Array.from({ length: p.records }, (_, i) => `${p.partition}:${p.first_offset + i}`),
    );
    expect(reported.sort()).toEqual(where);
    const k1 = read.filter((r) => r.key === b64("k1")).map((r) => r.partition);
    expect(k1[0]).toBe(k1[1]);
  }, 120_000);

  it("produce: 3 MB of lines (several requests, the broker takes at most 1 MiB per batch) all written, in order", async () => {
    await ok(kafka("topic", "create", SERVICE, "large"));
    const lines = Array.from({ length: 3000 }, (_, i) => `${i}:`.padEnd(1000, "v"));
    const report = JSON.parse(await ok(cli(["dbaas", "kafka", "produce", SERVICE, "large", "-z", ZONE, "-O", "json"], { input: lines })));
    expect(report).toEqual({ topic: "large", records: 3000, partitions: [{ partition: 0, first_offset: 0, last_offset: 2999, records: 3000 }] });
    const e = otherEnv();
    const kcat = (...args: string[]) =>
      runProgram("kcat", ["-C", "-t", "large", "-e", "-q", ...args, "-b", bootstrap, "-X", "security.protocol=ssl", "-X", `ssl.ca.location=${e.KAFKA_CA}`, "-X", `ssl.certificate.location=${e.KAFKA_CERT}`, "-X", `ssl.key.location=${e.KAFKA_KEY}`], {});
    // each record's offset and the first bytes of its value: every line, in order
    const read = await kcat("-o", "beginning", "-f", "%o %s\n", "-c", "3000");
    expect(read.code, read.stderr).toBe(0);
    expect(read.stdout.split("\n").slice(0, -1).map((l) => l.slice(0, 12))).toEqual(lines.map((l, i) => `${i} ${l}`.slice(0, 12)));
  }, 60_000);

  it("the built CLI (its bundle of the library writes a batch's records into one buffer): confluent-kafka reads them byte for byte, in order; its consume gives them back", async () => {
    await ensureBuilt();
    await ok(kafka("topic", "create", SERVICE, "built"));
    // several requests of several hundred records, keys and values of every length class, one empty key
    const lines = Array.from({ length: 3000 }, (_, i) => `k${i % 7}|${i === 1 ? "żółw \u001b[31m" : `${i}:`.padEnd(i % 300, "v")}`);
    lines[2] = "|empty key";
    const built = (args: string[], input?: string) => runProgram(process.execPath, [CLI, "dbaas", "kafka", ...args, "-z", ZONE], env, input);
    const produced = await built(["produce", SERVICE, "built", "--key-separator", "|", "--header", "source=cli", "--header", "trace=", "--partition", "0", "-O", "json"], lines.join("\n") + "\n");
    expect(produced.code, produced.stderr).toBe(0);
    expect(JSON.parse(produced.stdout).records).toBe(lines.length);
    const read = (await other(["consume", "built", String(lines.length)])).trim().split("\n").map((l) => JSON.parse(l));
    const headers = [["source", b64("cli")], ["trace", b64("")]];
    expect(read.map(({ offset, key, value, headers: h }) => ({ offset, key, value, headers: h }))).toEqual(
      lines.map((l, offset) => ({ offset, key: b64(l.slice(0, l.indexOf("|"))), value: b64(l.slice(l.indexOf("|") + 1)), headers })),
    );
    const consumed = await built(["consume", SERVICE, "built", "--from-beginning", "--max-messages", String(lines.length), "--output-template", "{{.Key}}|{{.Value}}"]);
    expect([consumed.code, consumed.stderr]).toEqual([0, ""]);
    expect(consumed.stdout).toBe(lines.join("\n") + "\n");
  }, 180_000);

  it("consume: what confluent-kafka wrote, exact in JSON and templates, escaped or marked base64 in tables", async () => {
    await ok(kafka("topic", "create", SERVICE, "binary", "--partitions", "1"));
    const binary = Buffer.from([0xff, 0x00, 0xfe, 0x41]);
    await other(["produce", "binary"], JSON.stringify([
      { key: null, value: b64(binary), headers: [["bin", b64(binary)]] },
      { key: b64("k"), value: b64("line\nbreak \u001b]0;title\u0007"), headers: [] },
    ]));
    const records = JSON.parse(await ok(kafka("consume", SERVICE, "binary", "--from-beginning", "--max-messages", "2", "-O", "json")));
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ topic: "binary", partition: 0, offset: 0, key: "", key_encoding: "null", value: b64(binary), value_encoding: "base64" });
    expect(records[0].headers).toEqual([{ key: "bin", key_encoding: "utf-8", value: b64(binary), value_encoding: "base64" }]);
    expect(records[1]).toMatchObject({ offset: 1, key: "k", key_encoding: "utf-8", value: "line\nbreak \u001b]0;title\u0007", value_encoding: "utf-8", headers: null });
    expect(Date.parse(records[0].timestamp)).toBeGreaterThan(Date.now() - 600_000);

    const template = await ok(kafka("consume", SERVICE, "binary", "--from-beginning", "--max-messages", "2", "--output-template", "{{.Offset}}:{{.Value}}|"));
    expect(template).toBe(`0:${b64(binary)}|\n1:line\nbreak \u001b]0;title\u0007|\n`);
    const table = await ok(kafka("consume", SERVICE, "binary", "--from-beginning", "--max-messages", "2"));
    expect(table.split("\n")[0]).toMatch(/^\| TOPIC +\| PARTITION \| OFFSET \| +TIMESTAMP +\| KEY \| +VALUE +\| +HEADERS +\|$/);
    const text = await ok(kafka("consume", SERVICE, "binary", "--from-beginning", "--max-messages", "1", "-O", "text"));
    expect(text.startsWith("binary\t0\t0\t")).toBe(true);
    expect(table).toContain(`base64:${b64(binary)}`);
    expect(table).toContain("line\\nbreak \\x1b]0;title\\a");
    expect(table).not.toContain("\u001b");
    // --partition and --offset: from that offset only
    const one = JSON.parse(await ok(kafka("consume", SERVICE, "binary", "--partition", "0", "--offset", "1", "--idle-timeout", "1s", "-O", "json")));
    expect(one.map((r: { offset: number }) => r.offset)).toEqual([1]);
    const outside = await kafka("consume", SERVICE, "binary", "--partition", "0", "--offset", "7");
    expect([outside.exitCode, outside.stdout, outside.stderr]).toEqual([1, "", 'error: offset 7 is outside partition 0 of topic "binary" (offsets 0 to 2)\n']);
    // without --from-beginning: new records only
    expect(await ok(kafka("consume", SERVICE, "binary", "--idle-timeout", "1s", "-O", "json"))).toBe("[]\n");
  }, 120_000);

  it("consume: batches compressed with gzip, snappy and lz4 by librdkafka; zstd where Node.js has it", async () => {
    await ok(kafka("topic", "create", SERVICE, "compressed", "--partitions", "1"));
    for (const codec of ["gzip", "snappy", "lz4"]) {
      await other(["produce", "compressed"], JSON.stringify([{ key: null, value: b64(`${codec} `.repeat(50)), headers: [] }]), { COMPRESSION: codec });
    }
    const records = JSON.parse(await ok(kafka("consume", SERVICE, "compressed", "--from-beginning", "--max-messages", "3", "-O", "json")));
    expect(records.map((r: { value: string }) => r.value)).toEqual(["gzip ", "snappy ", "lz4 "].map((v) => v.repeat(50)));

    await ok(kafka("topic", "create", SERVICE, "zstd", "--partitions", "1"));
    await other(["produce", "zstd"], JSON.stringify([{ key: null, value: b64("zstd ".repeat(50)), headers: [] }]), { COMPRESSION: "zstd" });
    const zstd = await kafka("consume", SERVICE, "zstd", "--from-beginning", "--max-messages", "1", "-O", "json");
    if ("zstdDecompressSync" in zlib) expect(JSON.parse(zstd.stdout)[0].value).toBe("zstd ".repeat(50));
    else expect([zstd.exitCode, zstd.stdout, zstd.stderr]).toEqual([1, "", `error: Kafka request to service "${SERVICE}" failed: zstd is not supported in the current Node.js version\n`]);
  }, 60_000);

  it("consume: a record's own timestamp, or the broker's append time on a LogAppendTime topic", async () => {
    const old = Date.parse("2020-01-02T03:04:05.678Z");
    for (const [topic, type] of [["create-time", "CreateTime"], ["append-time", "LogAppendTime"]]) {
      await ok(kafka("topic", "create", SERVICE, topic!, "--partitions", "1", "--topic-config", `message.timestamp.type=${type}`));
      await other(["produce", topic!], JSON.stringify([{ value: b64("v"), headers: [], timestamp: old }]));
    }
    const created = JSON.parse(await ok(kafka("consume", SERVICE, "create-time", "--from-beginning", "--max-messages", "1", "-O", "json")));
    expect(created[0].timestamp).toBe("2020-01-02T03:04:05.678Z");
    const appended = JSON.parse(await ok(kafka("consume", SERVICE, "append-time", "--from-beginning", "--max-messages", "1", "-O", "json")));
    expect(Date.now() - Date.parse(appended[0].timestamp)).toBeLessThan(600_000);
  }, 60_000);

  it("consume: --partition beyond the topic's partitions is refused", async () => {
    const r = await kafka("consume", SERVICE, "compressed", "--partition", "1");
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([1, "", 'error: topic "compressed" has no partition 1 (partitions 0 to 0)\n']);
    const p = await kafka("produce", SERVICE, "compressed", "--partition", "4", "--value", "x");
    expect([p.exitCode, p.stdout, p.stderr]).toEqual([1, "", 'error: topic "compressed" has no partition 4 (partitions 0 to 0)\n']);
  });

  it("group show: the lag equals what confluent-kafka computes; reset-offsets plans, then applies; consume --group commits", async () => {
    expect(await other(["group-consume", "orders", "lagging", "1"])).toBe("1\n");
    const theirs = JSON.parse(await other(["lag", "orders", "lagging"])) as Array<{ partition: number; committed: number; log_end: number; lag: number | null }>;
    const ours = JSON.parse(await ok(kafka("group", "show", SERVICE, "lagging", "-O", "json")));
    expect(ours).toMatchObject({ id: "lagging", state: "Empty", members: null });
    const committedRows = theirs.filter((r) => r.committed >= 0).map((r) => ({ topic: "orders", partition: r.partition, committed_offset: r.committed, log_end_offset: r.log_end, lag: r.lag, member: "" }));
    expect(ours.partitions).toEqual(committedRows);
    expect(ours.total_lag).toBe(committedRows.reduce((n, r) => n + (r.lag ?? 0), 0));
    // Java's AdminClient: listConsumerGroupOffsets against listOffsets(latest)
    const java = await adminCheck("lag", "lagging");
    expect(java.total).toBeGreaterThan(0);
    expect(java).toEqual({ ...Object.fromEntries(ours.partitions.map((p: { partition: number; lag: number }) => [`orders:${p.partition}`, p.lag])), total: ours.total_lag });
    expect(await ok(kafka("group", "list", SERVICE, "--output-template", "{{.ID}} {{.State}}"))).toContain("lagging Empty\n");

    const plan = JSON.parse(await ok(kafka("group", "reset-offsets", SERVICE, "lagging", "--topic", "orders", "--to-earliest", "-O", "json")));
    expect(plan.map((e: { new_offset: number }) => e.new_offset)).toEqual([0, 0, 0]);
    expect(plan.map((e: { current_offset: number }) => e.current_offset)).toEqual(theirs.map((r) => r.committed));
    const logEnds = theirs.map((r) => r.log_end);
    const byTime = async (time: string) =>
      JSON.parse(await ok(kafka("group", "reset-offsets", SERVICE, "lagging", "--topic", "orders", "--to-datetime", time, "-O", "json"))).map((e: { new_offset: number }) => e.new_offset);
    expect(await byTime("2000-01-01T00:00:00Z")).toEqual([0, 0, 0]);
    expect(await byTime("2100-01-01T00:00:00+02:00")).toEqual(logEnds);
    expect(JSON.parse(await ok(kafka("group", "reset-offsets", SERVICE, "lagging", "--topic", "orders", "--to-latest", "-O", "json"))).map((e: { new_offset: number }) => e.new_offset)).toEqual(logEnds);
    // a dry run changes nothing
    expect(JSON.parse(await other(["lag", "orders", "lagging"]))).toEqual(theirs);
    await ok(kafka("group", "reset-offsets", SERVICE, "lagging", "--topic", "orders", "--to-earliest", "--execute"));
    const reset = JSON.parse(await other(["lag", "orders", "lagging"])) as typeof theirs;
    expect(reset.map((r) => r.committed)).toEqual([0, 0, 0]);
    expect(JSON.parse(await ok(kafka("group", "show", SERVICE, "lagging", "-O", "json"))).total_lag).toBe(4);
    expect((await adminCheck("lag", "lagging")).total).toBe(4);

    const read = JSON.parse(await ok(kafka("consume", SERVICE, "orders", "--group", "lagging", "--idle-timeout", "2s", "-O", "json")));
    expect(read).toHaveLength(4);
    expect((JSON.parse(await other(["lag", "orders", "lagging"])) as typeof theirs).map((r) => r.lag)).toEqual(reset.map(() => 0));
    expect(await ok(kafka("group", "show", SERVICE, "lagging", "--output-template", "{{.TotalLag}}"))).toBe("0");

    const shifted = JSON.parse(await ok(kafka("group", "reset-offsets", SERVICE, "lagging", "--topic", "orders", "--shift-by", "-1", "--execute", "-O", "json")));
    const after = JSON.parse(await other(["lag", "orders", "lagging"])) as typeof theirs;
    expect(after.map((r) => r.committed)).toEqual(shifted.map((e: { new_offset: number }) => e.new_offset));
    const unknown = await kafka("group", "show", SERVICE, "no-such-group");
    expect([unknown.exitCode, unknown.stdout, unknown.stderr]).toEqual([1, "", `error: consumer group "no-such-group" not found on service "${SERVICE}"\n`]);
  }, 180_000);

  it("a group with an active member: group show lists it with its partitions; reset-offsets is refused", async () => {
    const holder = spawn(PYTHON, [OTHER_CLIENT, "hold", "orders", "busy"], { env: { PATH: process.env.PATH ?? "", ...otherEnv() }, stdio: ["pipe", "pipe", "inherit"] });
    try {
      await new Promise<void>((done, fail) => {
        holder.stdout!.on("data", (d: Buffer) => (d.toString().includes("joined") ? done() : undefined));
        holder.once("exit", (code) => fail(new Error(`hold exited with ${code}`)));
      });
      const shown = JSON.parse(await ok(kafka("group", "show", SERVICE, "busy", "-O", "json")));
      expect(shown.state).toBe("Stable");
      expect(shown.members).toHaveLength(1);
      expect(shown.members[0].assignments).toEqual(["orders:0,1,2"]);
      expect(shown.partitions.map((p: { member: string }) => p.member)).toEqual([shown.members[0].id, shown.members[0].id, shown.members[0].id]);
      const r = await kafka("group", "reset-offsets", SERVICE, "busy", "--topic", "orders", "--to-earliest", "--execute");
      expect([r.exitCode, r.stdout, r.stderr]).toEqual([1, "", 'error: consumer group "busy" has 1 active member(s) (state Stable): stop its consumers first\n']);
      // consume --group would read, then have its commit refused: it is refused before reading
      const consumed = await kafka("consume", SERVICE, "orders", "--group", "busy", "--from-beginning", "--idle-timeout", "1s");
      expect([consumed.exitCode, consumed.stdout, consumed.stderr]).toEqual([1, "", 'error: consumer group "busy" has 1 active member(s) (state Stable): stop its consumers first; nothing was read\n']);
    } finally {
      holder.stdin!.end();
      await new Promise((done) => holder.once("exit", done));
    }
  }, 120_000);

  it("completion lists topics and groups from the broker, a hostile group id escaped for bash, dropped without a shell; none for topic create", async () => {
    const complete = async (...words: string[]) => (await ok(runCli(["__complete", "--shell=bash", "--", "dbaas", "kafka", ...words], { env, cwd: work }))).split("\n").filter(Boolean);
    expect(await complete("topic", "show", SERVICE, "-z", ZONE, "or")).toEqual(["orders"]);
    expect(await complete("produce", SERVICE, "-z", ZONE, "")).toContain("orders");
    expect(await complete("topic", "create", SERVICE, "-z", ZONE, "or")).toEqual([]);
    expect(await complete("group", "reset-offsets", SERVICE, "lagging", "-z", ZONE, "--topic", "or")).toEqual(["orders"]);
    // a group id is any printable text: one that is shell syntax comes back as one escaped word
    await ok(kafka("consume", SERVICE, "orders", "--group", "x$(touch;P)", "--from-beginning", "--max-messages", "1"));
    expect(await complete("group", "show", SERVICE, "-z", ZONE, "")).toEqual(expect.arrayContaining(["lagging", "x\\$\\(touch\\;P\\)"]));
    expect(await complete("consume", SERVICE, "orders", "-z", ZONE, "--group", "la")).toEqual(["lagging"]);
    const plain = (await ok(runCli(["__complete", "--", "dbaas", "kafka", "group", "show", SERVICE, "-z", ZONE, ""], { env, cwd: work }))).split("\n");
    expect(plain).toContain("lagging");
    expect(plain.some((w) => w.includes("touch"))).toBe(false);
  }, 60_000);

  it("Ctrl-C: before a change nothing is created; while consume waits it ends at once; during produce it says the records were sent", async () => {
    const ctrlC = () => Object.assign(new Error("context canceled"), { name: "AbortError" });
    const early = new AbortController();
    early.abort(ctrlC());
    const notCreated = await runCli(["dbaas", "kafka", "topic", "create", SERVICE, "interrupted", "-z", ZONE], { env, cwd: work, signal: early.signal });
    expect(notCreated).toEqual({ exitCode: 1, stdout: "", stderr: "error: context canceled\n" });
    expect(await ok(kafka("topic", "list", SERVICE, "--output-template", "{{.Name}}"))).not.toContain("interrupted");

    // without following the interrupt, this would wait ten minutes for a record
    const waiting = new AbortController();
    setTimeout(() => waiting.abort(ctrlC()), 1500);
    const consumed = await runCli(["dbaas", "kafka", "consume", SERVICE, "orders", "-z", ZONE, "--idle-timeout", "10m"], { env, cwd: work, signal: waiting.signal });
    expect(consumed).toEqual({ exitCode: 1, stdout: "", stderr: "error: context canceled\n" });

    // 60,000 records of 1,000 bytes take seconds: interrupted once the first are on the broker
    await ok(kafka("topic", "create", SERVICE, "bulk"));
    const sending = new AbortController();
    const e = otherEnv();
    const firstRecord = async () => {
      for (;;) {
        const r = await runProgram("kcat", ["-C", "-t", "bulk", "-o", "beginning", "-c", "1", "-e", "-q", "-b", bootstrap, "-X", "security.protocol=ssl", "-X", `ssl.ca.location=${e.KAFKA_CA}`, "-X", `ssl.certificate.location=${e.KAFKA_CERT}`, "-X", `ssl.key.location=${e.KAFKA_KEY}`], {});
        if (r.stdout !== "") return sending.abort(ctrlC());
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    void firstRecord();
    const lines = Array.from({ length: 60_000 }, (_, i) => `${i}`.padEnd(1000, "x"));
    const produced = await runCli(["dbaas", "kafka", "produce", SERVICE, "bulk", "-z", ZONE], { env, cwd: work, input: lines, signal: sending.signal });
    expect(produced).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: `error: context canceled: the change was sent and may still complete; check with exo dbaas kafka consume ${SERVICE} bulk -z ${ZONE} --from-beginning\n`,
    });
  }, 120_000);

  it("a user whose ACL allows one topic: refused on another with the acl create that would allow it", async () => {
    await ok(cli(["dbaas", "user", "create", SERVICE, "alice", "-z", ZONE, "-Q"]));
    await ok(cli(["dbaas", "acl", "create", SERVICE, "-z", ZONE, "-Q", "--username", "alice", "--topic", "orders", "--permission", "read"]));
    await waitRunning();
    const readable = await kafka("consume", SERVICE, "orders", "--user", "alice", "--from-beginning", "--max-messages", "1", "-O", "json");
    expect(readable.stderr).toBe("");
    expect(JSON.parse(readable.stdout)).toHaveLength(1);
    const denied = await kafka("topic", "show", SERVICE, "binary", "--user", "alice");
    expect([denied.exitCode, denied.stdout]).toEqual([1, ""]);
    expect(denied.stderr).toBe(
      `error: user "alice" is not authorized on topic "binary": an ACL would allow it: exo dbaas acl create ${SERVICE} -z ${ZONE} --username alice --topic binary --permission read\n`,
    );
    const write = await cli(["dbaas", "kafka", "produce", SERVICE, "orders", "-z", ZONE, "--user", "alice", "--value", "x"]);
    expect([write.exitCode, write.stdout]).toEqual([1, ""]);
    expect(write.stderr).toContain(`--username alice --topic orders --permission write\n`);
  }, 120_000);

  it("--dir uses the downloaded files; a CA from elsewhere fails the TLS handshake, a certificate from elsewhere is refused (exit 5)", async () => {
    expect(await ok(kafka("topic", "list", SERVICE, "--dir", "certs", "--output-template", "{{.Name}}"))).toContain("orders\n");
    const foreignCa = await createCa("another Project CA");
    const client = await issueClientCert(foreignCa, "avnadmin");
    const place = async (dir: string, files: Record<string, string>) => {
      await mkdir(join(work, dir));
      for (const [name, text] of Object.entries(files)) await writeFile(join(work, dir, name), text, { mode: 0o600 });
    };
    const own = { cert: await readFile(join(work, "certs", "avnadmin.cert.pem"), "utf8"), key: await readFile(join(work, "certs", "avnadmin.key.pem"), "utf8"), ca: await readFile(join(work, "certs", "ca.pem"), "utf8") };
    await place("wrong-ca", { "ca.pem": foreignCa.certPem, "avnadmin.cert.pem": own.cert, "avnadmin.key.pem": own.key });
    await place("wrong-cert", { "ca.pem": own.ca, "avnadmin.cert.pem": client.certPem, "avnadmin.key.pem": client.keyPem });

    const wrongCa = await kafka("topic", "list", SERVICE, "--dir", "wrong-ca");
    expect([wrongCa.exitCode, wrongCa.stdout]).toEqual([5, ""]);
    expect(wrongCa.stderr).toMatch(/^error: the TLS handshake with service "test-kafka" failed \([A-Z_]+\): the broker's certificate is not signed by the CA in use \(exo dbaas ca-certificate -z de-muc-1\)\n$/);
    const wrongCert = await kafka("topic", "list", SERVICE, "--dir", "wrong-cert");
    expect([wrongCert.exitCode, wrongCert.stdout]).toEqual([5, ""]);
    expect(wrongCert.stderr).toMatch(/^error: authentication failed for user "avnadmin" on service "test-kafka": the broker refused the client certificate \([A-Z_0-9]+\)\n$/);
    const missingFiles = await kafka("topic", "list", SERVICE, "--dir", "nowhere");
    expect([missingFiles.exitCode, missingFiles.stderr]).toEqual([1, `error: cannot read nowhere/ca.pem (ENOENT): write it with exo dbaas credentials download ${SERVICE} -z ${ZONE} --user avnadmin --dir nowhere\n`]);
  }, 60_000);

  it("a closed port: one line naming the IP filter and how to show it, exit 5, within the connect timeout", async () => {
    const closed = await new Promise<number>((done) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => done(port));
      });
    });
    const { getKafkaService } = await import("../../../../src/api/dbaas.js");
    const { ApiClient } = await import("../../../../src/api/client.js");
    const api = new ApiClient({ endpoint: emulator.url, credentials: { key: emulator.apiKey, secret: emulator.apiSecret }, headers: { "Exoscale-Zone": ZONE } });
    const real = await getKafkaService(api, SERVICE);
    const components = real.components!.map((c) => (c.component === "kafka" ? { ...c, port: closed } : c));
    emulator.canned({ method: "GET", path: `/dbaas-kafka/${SERVICE}`, status: 200, body: JSON.stringify({ ...real, components }) });
    try {
      const started = Date.now();
      const r = await kafka("topic", "list", SERVICE, "--connect-timeout", "3s");
      expect(Date.now() - started).toBeLessThan(20_000);
      expect([r.exitCode, r.stdout]).toEqual([5, ""]);
      expect(r.stderr).toBe(
        `error: no answer from the Kafka brokers of service "${SERVICE}" (127.0.0.1:${closed}) within 3s (ECONNREFUSED): check that this address is allowed by the service's IP filter (exo dbaas show ${SERVICE} -z ${ZONE} --output-template '{{.Kafka.IPFilter}}')\n`,
      );
    } finally {
      emulator.clearCanned();
    }
  }, 60_000);

  it("SASL: produce and consume with the user's password over SCRAM-SHA-256; topic delete asks unless -f", async () => {
    await ok(cli(["dbaas", "update", SERVICE, "-z", ZONE, "--kafka-enable-sasl-auth", "true", "--force", "-Q"]));
    await waitRunning();
    const report = JSON.parse(await ok(kafka("produce", SERVICE, "binary", "--auth", "sasl", "--value", "over sasl", "-O", "json")));
    expect(report.partitions).toEqual([{ partition: 0, first_offset: 2, last_offset: 2, records: 1 }]);
    const read = JSON.parse(await ok(kafka("consume", SERVICE, "binary", "--auth", "sasl", "--partition", "0", "--offset", "2", "--max-messages", "1", "-O", "json")));
    expect(read[0].value).toBe("over sasl");
    // --dir with SASL: the CA from the file, the password from the API
    expect(await ok(kafka("topic", "list", SERVICE, "--auth", "sasl", "--dir", "certs", "--output-template", "{{.Name}}"))).toContain("binary\n");

    // a password the broker does not take (the API answering an old one)
    emulator.canned({ method: "GET", path: `/dbaas-kafka/${SERVICE}/user/avnadmin/password/reveal`, status: 200, body: JSON.stringify({ username: "avnadmin", password: "not-the-password" }) });
    try {
      const wrong = await kafka("topic", "list", SERVICE, "--auth", "sasl");
      expect([wrong.exitCode, wrong.stdout]).toEqual([5, ""]);
      expect(wrong.stderr).toBe(`error: authentication failed for user "avnadmin" on service "${SERVICE}" (SASL SCRAM-SHA-256): check the password (exo dbaas user reveal-secrets ${SERVICE} avnadmin -z ${ZONE})\n`);
      expect(wrong.stderr).not.toContain("not-the-password");
    } finally {
      emulator.clearCanned();
    }

    const refused = await kafka("topic", "delete", SERVICE, "binary");
    expect([refused.exitCode, refused.stdout, refused.stderr]).toEqual([1, "", 'error: refusing to delete topic "binary" without confirmation: stdin is not a terminal; pass -f/--force\n']);
    expect(await ok(kafka("topic", "delete", SERVICE, "binary", "-f"))).toBe("");
    expect(await ok(kafka("topic", "list", SERVICE, "--output-template", "{{.Name}}"))).not.toContain("binary\n");
  }, 180_000);

  it("a plan change with as many nodes (--brokers fixes them) restarts the brokers in turn: rebalancing, then running, records kept", async () => {
    await ok(kafka("topic", "create", SERVICE, "plan-check", "-Q"));
    await ok(kafka("produce", SERVICE, "plan-check", "--value", "kept", "-Q"));
    const from = brokerLog.length;
    await ok(cli(["dbaas", "update", SERVICE, "-z", ZONE, "--plan", "business-4", "--force", "-Q"]));
    const states: string[] = [];
    for (let i = 0; i < 600 && !(states.includes("rebalancing") && states.at(-1) === "running"); i++) {
      const now = (await call(emulator, "GET", `/dbaas-kafka/${SERVICE}`)).json.state as string;
      if (states.at(-1) !== now) states.push(now);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(states).toEqual(expect.arrayContaining(["rebalancing", "running"]));
    expect(states).not.toContain("poweroff");
    const log = brokerLog.slice(from).join("\n");
    expect(log).toMatch(new RegExp(`^kafka ${SERVICE}: broker 1 restarted, every partition back in sync, \\d+ ms in all$`, "m"));
    expect(log).not.toMatch(/joined|left|removed/);
    expect(await showService("{{.Plan}}")).toBe("business-4");
    const read = JSON.parse(await ok(kafka("consume", SERVICE, "plan-check", "--partition", "0", "--offset", "0", "--max-messages", "1", "-O", "json")));
    expect(read[0].value).toBe("kept");
  }, 120_000);
});
