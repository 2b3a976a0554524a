// A startup-2 service is three brokers (kcat sees them, and topics' three replicas in sync). A rolling restart of the
// cluster loses nothing: a Java producer (acks=all, idempotent) writes numbered records without pause to a topic with
// three replicas and min.insync.replicas=2 while `exo dbaas update --kafka-enable-sasl-auth true` restarts the brokers
// one at a time, while node 1 is killed (the service answers, a fresh client bootstraps through the service URI), and
// while a maintenance starts node 1 again first, then restarts the others in turn; the service says rebalancing
// meanwhile. Plan changes then resize the same cluster (3 → 6 → 3 nodes, partitions moved off before a node leaves),
// and a consumer reads every record once, in order per partition. The restarted brokers map the class-data sharing
// archive (node 1 writes it at its exit when there is none); a damaged one is never mapped (a node started again
// through the control API runs without it). `dbaas logs` shows the brokers' own lines, the emulator's log tells each
// broker's steps, and the brokers' logs outlive the cluster. Every case shares this one cluster, the cases in order.
import { execFile, spawn } from "node:child_process";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClassSharing } from "../../src/emulator/broker/class-sharing.js";
import { createRealBrokerProvider, type RealKafkaBrokerProvider } from "../../src/emulator/broker/index.js";
import { kafkaRelease } from "../../src/emulator/broker/jar-cache.js";
import { loadKafkaRuntime } from "../../src/emulator/broker/runtime.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { call } from "../emulator/client.js";
import { ROOT } from "../helpers/built-cli.js";
import { apiEnv, runCli } from "../helpers/run-cli.js";
import { brokerJvms } from "./broker-jvms.js";
import { missingPrerequisite, runScript } from "./kafka-python.js";

const run = promisify(execFile);
async function kcatMissing(): Promise<string | null> {
  try {
    await run("kcat", ["-V"]);
    return null;
  } catch {
    if (process.env.CI) throw new Error("rolling restart test: kcat missing under CI (run .ci/setup-extra)");
    return "kcat -V failed";
  }
}
const missing = process.platform === "linux" ? ((await missingPrerequisite("rolling restart test")) ?? (await kcatMissing())) : "reads /proc";
const RELEASE = kafkaRelease("3.8").version;
const KAFKA_LIBS = join(ROOT, ".cache", "kafka", RELEASE);
const SERVICE = "rolling";
const ZONE = "de-muc-1";
const TOPIC = "numbered";

/** The numbered producer (NumberedRecords.java) running beside the cluster's changes. */
interface NumberedProducer {
  /** resolves once the cluster acknowledged at least `count` records in all */
  untilAcked(count: number): Promise<void>;
  acked(): number;
  /** closes its stdin: it flushes, exits, and says how many it sent and how many failed */
  finish(): Promise<{ code: number | null; sent: number; failed: number; errors: string }>;
}

describe.skipIf(missing !== null)("rolling restart of a three-broker cluster", () => {
  let emulator: Emulator;
  let work: string;
  let env: Record<string, string>;
  let kept: string;
  let brokers: RealKafkaBrokerProvider;
  let sharing: ClassSharing;
  /** the class-data sharing archive the brokers map after the first rolling restart */
  let archive: string;
  let producer: NumberedProducer;
  const emulatorLog: string[] = [];
  const cli = async (...argv: string[]) => {
    const result = await runCli([...argv, "-z", ZONE], { env, cwd: work });
    expect(result.exitCode, `${argv.join(" ")}: ${result.stderr}`).toBe(0);
    return result.stdout;
  };
  const state = () => cli("dbaas", "show", SERVICE, "--output-template", "{{.State}}");
  /** the states seen until the service is running again after having been `rebalancing` */
  const statesUntilRolled = async () => {
    const seen: string[] = [];
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      const now = await state();
      if (seen.at(-1) !== now) seen.push(now);
      if (now === "running" && seen.includes("rebalancing")) return seen;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`no rolling restart seen: ${seen.join(", ")}`);
  };
  const properties = () => join(work, "certs", "avnadmin.client.properties");
  const java = (...args: string[]) => ["-cp", `${join(work, "classes")}:${KAFKA_LIBS}/*`, "NumberedRecords", ...args];
  /** records the numbered producer wrote, read back in full after the cluster changed */
  let written = 0;
  const readBack = async () => {
    const { stdout } = await run("java", java("check", properties(), TOPIC, String(written)), { cwd: work, timeout: 120_000 });
    return stdout.trim();
  };
  const startProducer = (): NumberedProducer => {
    const child = spawn("java", java("produce", properties(), TOPIC), { cwd: work });
    let acked = 0;
    let summary = "";
    let errors = "";
    let exitCode: number | null | undefined;
    createInterface({ input: child.stdout }).on("line", (line) => {
      const progress = /^acked (\d+)$/.exec(line);
      if (progress) acked = Number(progress[1]);
      else summary += line;
    });
    child.stderr.on("data", (d) => (errors += d));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve((exitCode = code))));
    return {
      acked: () => acked,
      async untilAcked(count) {
        const deadline = Date.now() + 120_000;
        while (acked < count) {
          if (exitCode !== undefined) throw new Error(`the producer exited (${exitCode}): ${errors}`);
          if (Date.now() > deadline) throw new Error(`the producer has ${acked} records acknowledged, not ${count}: ${errors}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      },
      async finish() {
        child.stdin.end();
        const code = await exited;
        const [, sent, failed] = /^sent (\d+) failed (\d+)$/.exec(summary) ?? [];
        return { code, sent: Number(sent), failed: Number(failed), errors };
      },
    };
  };
  const control = async (action: "kill" | "start", node: number) => {
    const res = await fetch(emulator.url.replace(/\/v2$/, `/_emulator/broker/${action}`), { method: "POST", body: JSON.stringify({ service: SERVICE, node }) });
    return { status: res.status, body: await res.json() };
  };
  type View = { state: string; uri: string; "node-count": number; "node-states": { name: string; state: string }[]; "connection-info": { nodes: string[] } };
  const view = async () => (await call(emulator, "GET", `/dbaas-kafka/${SERVICE}`)).json as View;
  const nodeStates = (v: View) => v["node-states"].map((n) => n.state);
  /** every distinct (service state, node states) seen, polling, until the change is over: running, every node running */
  const watchChange = async (nodes: number) => {
    const seen: { state: string; nodes: string[] }[] = [];
    const deadline = Date.now() + 300_000;
    while (Date.now() < deadline) {
      const v = await view();
      const now = { state: v.state, nodes: nodeStates(v) };
      if (JSON.stringify(seen.at(-1)) !== JSON.stringify(now)) seen.push(now);
      if (seen.some((x) => x.state === "rebalancing") && now.state === "running" && now.nodes.length === nodes && now.nodes.every((n) => n === "running")) return seen;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the change did not end: ${JSON.stringify(seen)}\n${emulatorLog.slice(-10).join("\n")}`);
  };
  const connectResult = (port: number) =>
    new Promise<string>((done) => {
      const socket = connect({ host: "127.0.0.1", port });
      socket.once("connect", () => (socket.destroy(), done("connected"))).once("error", (e: NodeJS.ErrnoException) => done(e.code ?? "error"));
    });
  const logSince = (from: number) => emulatorLog.slice(from).join("\n");
  const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern.source, "gm"))?.length ?? 0;
  /** whether each node's broker JVM maps the archive, nodes 1 to 3 */
  const mapping = () => {
    const jvms = brokerJvms(KAFKA_LIBS, archive);
    return [1, 2, 3].map((node) => jvms.find((jvm) => jvm.pid === String(brokers.brokerPid(SERVICE, node)))?.mapsArchive);
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "rolling-"));
    const compiled = run("javac", ["-d", join(work, "classes"), "-cp", `${KAFKA_LIBS}/*`, join(import.meta.dirname, "programs", "NumberedRecords.java")]);
    sharing = (await loadKafkaRuntime(KAFKA_LIBS)).classSharing!;
    kept = join(work, "kept-logs");
    // no --brokers: the plan's node count
    brokers = createRealBrokerProvider({ keepLogsDir: kept, log: (line) => emulatorLog.push(line) });
    // the emulator's own lines (a failed change says why), not its request lines
    const log = (line: string) => void (/^[A-Z]+ \//.test(line) || emulatorLog.push(line));
    emulator = await startEmulator({ port: 0, operationDelayMs: 0, rebuildDelayMs: 0, brokers, log });
    env = apiEnv(emulator);
    await cli("dbaas", "create", "kafka", "startup-2", SERVICE, "--kafka-enable-cert-auth");
    for (let i = 0; (await state()) !== "running"; i++) {
      if (i > 240) throw new Error("service not running");
      await new Promise((r) => setTimeout(r, 500));
    }
    await cli("dbaas", "credentials", "download", SERVICE, "--dir", "certs", "--client", "java");
    await cli("dbaas", "kafka", "topic", "create", SERVICE, TOPIC, "--partitions", "3", "--replication-factor", "3", "--topic-config", "min.insync.replicas=2");
    await compiled;
  }, 240_000);

  afterAll(async () => {
    await producer?.finish();
    await emulator?.close();
    if (work) await rm(work, { recursive: true, force: true });
  }, 60_000);

  it("a startup-2 service is a cluster of its plan's three brokers, each on its own port, topics with three replicas by default", async () => {
    const nodes = JSON.parse(await cli("dbaas", "show", SERVICE, "-O", "json")).kafka.connection_info.nodes as string[];
    expect(nodes).toHaveLength(3);
    expect(new Set(nodes).size).toBe(3);
    for (const node of nodes) expect(node).toMatch(/^127\.0\.0\.1:\d+$/);
    await cli("dbaas", "kafka", "topic", "create", SERVICE, "replicated", "--partitions", "3");
    // kcat, from the metadata of the bootstrap broker: the brokers, and each partition's replicas and in-sync replicas
    const certs = join(work, "certs");
    const { stdout } = await run("kcat", ["-b", (await view()).uri, "-X", "security.protocol=ssl", "-X", `ssl.ca.location=${certs}/ca.pem`, "-X", `ssl.certificate.location=${certs}/avnadmin.cert.pem`, "-X", `ssl.key.location=${certs}/avnadmin.key.pem`, "-L"], { timeout: 60_000 });
    const listed = [...stdout.matchAll(/^ {2}broker (\d+) at (\S+)/gm)].map((m) => [Number(m[1]), m[2]]).sort();
    expect(listed).toEqual(nodes.map((node, i) => [i + 1, node]));
    for (const topic of ["replicated", TOPIC]) {
      const section = stdout.split(/^ {2}topic /m).find((part) => part.startsWith(`"${topic}"`))!;
      const partitions = [...section.matchAll(/partition \d+, leader \d+, replicas: ([\d,]+), isrs: ([\d,]+)/g)];
      expect(partitions.length, section).toBe(3);
      for (const [, replicas, isrs] of partitions) {
        expect(replicas!.split(",").sort()).toEqual(["1", "2", "3"]);
        expect(isrs!.split(",").sort()).toEqual(["1", "2", "3"]);
      }
    }
  }, 60_000);

  it("enabling SASL while a producer writes: one broker at a time, the service rebalancing meanwhile", async () => {
    producer = startProducer();
    await producer.untilAcked(200);
    // the SASL bootstrap port refuses clients until SASL is enabled, as the brokers' own SASL ports do
    expect(await connectResult(brokers.currentAddress(SERVICE)!.saslPort!)).toBe("ECONNREFUSED");
    await cli("dbaas", "update", SERVICE, "--kafka-enable-sasl-auth", "true", "--force");
    const saslStates = await statesUntilRolled();
    expect(saslStates).toContain("rebalancing");
    expect(saslStates).not.toContain("rebuilding");
    expect(saslStates).not.toContain("poweroff");
    expect(await cli("dbaas", "show", SERVICE, "--output-template", "{{.Kafka.AuthenticationMethods.SASL}}")).toBe("true");
    expect(await connectResult(brokers.currentAddress(SERVICE)!.saslPort!)).toBe("connected");
  }, 300_000);

  it("class-data sharing: every restarted broker maps the archive (node 1 writes it at its exit when there is none)", () => {
    archive = sharing.archive()!;
    expect(archive).toMatch(new RegExp(`^${join(ROOT, ".cache", "kafka", "cds")}/${RELEASE.replace(/\./g, "\\.")}-[0-9a-f]{16}-\\d+\\.jsa$`));
    expect(mapping()).toEqual([true, true, true]);
  });

  it("node 1 killed: the service answers, node 1 shows as down, the producer carries on, a fresh client bootstraps through the service URI", async () => {
    await cli("dbaas", "kafka", "topic", "create", SERVICE, "bootstrap-check", "--partitions", "3", "--replication-factor", "3");
    const pid = brokers.brokerPid(SERVICE, 1);
    expect(pid).toBeGreaterThan(0);
    expect(await control("kill", 1)).toEqual({ status: 200, body: { ok: true } });
    const ackedAtKill = producer.acked();
    expect(() => process.kill(pid!, 0)).toThrow();
    expect(await control("kill", 1)).toEqual({ status: 409, body: { message: "node 1 of rolling does not run" } });
    const v = await view();
    expect(v.state).toBe("running");
    expect(v["node-states"].map((n) => [n.name, n.state])).toEqual([
      ["rolling-1", "unknown"],
      ["rolling-2", "running"],
      ["rolling-3", "running"],
    ]);
    // the bootstrap is none of the nodes' own addresses: it reaches whichever runs
    expect(v["connection-info"].nodes).not.toContain(v.uri);
    const [result] = await Promise.all([
      runScript("bootstrap-roundtrip.py", { cwd: work, bootstrap: v.uri, args: ["bootstrap-check", "20", join(work, "certs")] }),
      // acks=all with min.insync.replicas=2: two brokers of three still take every write
      producer.untilAcked(ackedAtKill + 2000),
    ]);
    expect(result.output.trim().split("\n").at(-1), result.output).toBe("produced 20 consumed 20");
  }, 180_000);

  it("a maintenance with node 1 down: node 1 starts again first, then 2 and 3 restart once each, one node away at a time; the producer ends without an error", async () => {
    const from = emulatorLog.length;
    const maintenance = await call(emulator, "PUT", `/dbaas-kafka/${SERVICE}/maintenance/start`);
    expect(maintenance.status).toBe(200);
    const seen = await watchChange(3);
    for (const { state, nodes } of seen) {
      expect(["running", "rebalancing"]).toContain(state);
      expect(nodes).toHaveLength(3);
      for (const node of nodes) expect(["running", "setting_up_vm", "syncing_data", "unknown"]).toContain(node);
      // one node at a time is away
      expect(nodes.filter((n) => n !== "running").length, JSON.stringify(seen)).toBeLessThanOrEqual(1);
    }
    for (const node of [0, 1, 2]) {
      const restarting = seen.filter((x) => x.state === "rebalancing" && ["setting_up_vm", "syncing_data"].includes(x.nodes[node]!));
      expect(restarting.length, `node ${node + 1}: ${JSON.stringify(seen)}`).toBeGreaterThan(0);
    }
    const log = logSince(from);
    expect(count(log, /^kafka rolling: broker 1 started again \(it was down\), every partition back in sync/)).toBe(1);
    expect(count(log, /^kafka rolling: broker 1 restarted/)).toBe(0);
    for (const node of [2, 3]) expect(count(log, new RegExp(`^kafka rolling: broker ${node} restarted, every partition back in sync`))).toBe(1);
    expect(log).not.toMatch(/starting 3 broker\(s\)/);
    expect(log.indexOf("broker 1 started again")).toBeLessThan(log.indexOf("broker 2 restarted"));

    // the producer still writes to the rolled cluster, then stops
    await producer.untilAcked(producer.acked() + 1000);
    const { code, sent, failed, errors } = await producer.finish();
    expect(code, errors).toBe(0);
    expect(failed, errors).toBe(0);
    expect(sent).toBeGreaterThan(5000);
    // read back once the plan changes below moved them too
    written = sent;
    console.log(`rolling restarts: ${sent} records written, 0 failed\n${emulatorLog.join("\n")}`);
  }, 360_000);

  it("the emulator's log tells each broker's start, readiness and restarts with the time they took", () => {
    const log = emulatorLog.join("\n");
    expect(log).toMatch(/^kafka rolling: starting 3 broker\(s\), Kafka 3\.8\.\d+, logs in \S+\/node-N\/server\.log$/m);
    for (const node of [1, 2, 3]) {
      expect(log).toMatch(new RegExp(`^kafka rolling: broker ${node} ready in \\d+ ms$`, "m"));
      expect(log).toMatch(new RegExp(`^kafka rolling: broker ${node} stopped for a rolling restart in \\d+ ms$`, "m"));
      // SASL, then the maintenance (node 1 was down for it: it started again instead)
      expect(count(log, new RegExp(`^kafka rolling: broker ${node} restarted, every partition back in sync, \\d+ ms in all$`))).toBe(node === 1 ? 1 : 2);
    }
    expect(log).toMatch(/^kafka rolling: broker 1 killed$/m);
  });

  it("dbaas logs: the brokers' own lines, newest first, from every node, --limit and --offset honoured", async () => {
    const page = JSON.parse(await cli("dbaas", "logs", SERVICE, "--limit", "50", "-O", "json"));
    expect(page.logs).toHaveLength(50);
    const times = page.logs.map((l: { time: string }) => Date.parse(l.time));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Date.now() - times[0]).toBeLessThan(120_000);
    for (const line of page.logs) {
      expect(line.node).toMatch(/^rolling-[123]$/);
      expect(line.message).not.toContain("ZK_BROKER");
    }
    const all = JSON.parse(await cli("dbaas", "logs", SERVICE, "--limit", "500", "-O", "json")).logs as { node: string; message: string }[];
    expect(new Set(all.map((l) => l.node))).toEqual(new Set(["rolling-1", "rolling-2", "rolling-3"]));
    // the next page goes on from the offset the first one returned
    const next = JSON.parse(await cli("dbaas", "logs", SERVICE, "--limit", "5", "--offset", page.offset, "-O", "json"));
    expect(Date.parse(next.logs[0].time)).toBeLessThanOrEqual(times.at(-1));
    expect(next.logs).toHaveLength(5);
  });
  it("a plan of 6 nodes: three brokers join one at a time and partitions spread over them; back to 3 nodes is refused while a topic has 4 replicas, then partitions move off each leaving node before it stops; every record the producer wrote read back once, in order", async () => {
    const from = emulatorLog.length;
    await cli("dbaas", "update", SERVICE, "--plan", "premium-6x-8", "--force");
    const grown = await watchChange(6);
    for (const { nodes } of grown.filter((x) => x.nodes.length === 6)) {
      // the joined nodes are a prefix: node N+1 never runs before node N
      const firstNotRunning = nodes.indexOf(nodes.find((n) => n !== "running") ?? "none");
      if (firstNotRunning >= 0) expect(nodes.slice(firstNotRunning + 1).every((n) => n === "setting_up_vm"), JSON.stringify(grown)).toBe(true);
    }
    expect(grown.some((x) => x.nodes.join() === "running,running,running,setting_up_vm,setting_up_vm,setting_up_vm")).toBe(true);
    const six = await view();
    expect(six["connection-info"].nodes).toHaveLength(6);
    expect(six["node-count"]).toBe(6);
    const growLog = logSince(from);
    for (const node of [4, 5, 6]) expect(growLog).toMatch(new RegExp(`^kafka rolling: broker ${node} joined the cluster, \\d+ ms in all$`, "m"));
    expect(growLog).toMatch(/^kafka rolling: partitions spread over 6 brokers in \d+ ms$/m);

    await cli("dbaas", "kafka", "topic", "create", SERVICE, "wide", "--partitions", "1", "--replication-factor", "4");
    const refused = await runCli(["dbaas", "update", SERVICE, "--plan", "business-4", "--force", "-z", ZONE], { env, cwd: work });
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain("plan: cannot change to business-4: topic wide has 4 replicas, more than the 3 nodes left");
    expect((await view())["node-count"]).toBe(6);
    await cli("dbaas", "kafka", "topic", "delete", SERVICE, "wide", "--force");

    const shrinkFrom = emulatorLog.length;
    // Kafka deletes a topic asynchronously: the broker the shrink check asks may list it for a moment longer
    const shrink = () => runCli(["dbaas", "update", SERVICE, "--plan", "business-4", "--force", "-z", ZONE], { env, cwd: work });
    let accepted = await shrink();
    for (let i = 0; i < 50 && accepted.exitCode !== 0 && accepted.stderr.includes("topic wide has 4 replicas"); i++) {
      await new Promise((r) => setTimeout(r, 200));
      accepted = await shrink();
    }
    expect(accepted.exitCode, accepted.stderr).toBe(0);
    const shrunk = await watchChange(3);
    for (const node of [4, 5, 6]) {
      expect(shrunk.some((x) => x.nodes[node - 1] === "leaving" && x.nodes.filter((n) => n !== "running").length === 1), JSON.stringify(shrunk)).toBe(true);
    }
    const shrinkLog = logSince(shrinkFrom);
    for (const node of [6, 5, 4]) {
      expect(shrinkLog).toMatch(new RegExp(`^kafka rolling: partitions moved off broker ${node} in \\d+ ms$`, "m"));
      expect(shrinkLog.indexOf(`partitions moved off broker ${node}`)).toBeLessThan(shrinkLog.indexOf(`broker ${node} stopped and removed`));
    }
    console.log(`plan changes, 3 → 6 → 3 nodes:\n${growLog}\n${shrinkLog}`);
    const three = await view();
    expect(three["connection-info"].nodes).toHaveLength(3);
    // every record the producer wrote through the rolling restarts, the killed node and the plan changes (partitions
    // that lived on nodes 4 to 6 only were moved before they stopped): read once each, in order per partition
    expect(await readBack()).toBe(`read ${written} missing 0 duplicated 0 out-of-order 0`);
  }, 600_000);

  it("a damaged archive is never mapped: node 2, started again through the control API, runs without it", async () => {
    // a cut-short archive in its place (the running JVMs keep the file they mapped): Java 17 would crash mapping it
    const bytes = readFileSync(archive);
    writeFileSync(`${archive}.part`, bytes.subarray(0, Math.floor(bytes.length / 2)));
    renameSync(`${archive}.part`, archive);
    expect(await control("kill", 2)).toEqual({ status: 200, body: { ok: true } });
    expect(await control("start", 2)).toEqual({ status: 200, body: { ok: true } });
    expect((await control("start", 2)).status).toBe(409);
    await expect.poll(async () => nodeStates(await view()), { timeout: 120_000, interval: 250 }).toEqual(["running", "running", "running"]);
    expect(existsSync(archive)).toBe(false);
    expect(mapping()).toEqual([true, false, true]);
    // the archive back for the brokers started after this test
    writeFileSync(`${archive}.part`, bytes, { mode: 0o444 });
    renameSync(`${archive}.part`, archive);
  }, 180_000);

  it("--keep-logs: each broker's log is kept after the cluster stops", async () => {
    await emulator.close();
    for (const node of [1, 2, 3]) {
      const log = await readFile(join(kept, SERVICE, `node-${node}`, "server.log"), "utf8");
      expect(log).toContain("Kafka Server started");
    }
    // the killed broker's log is kept too; the others say they shut down
    expect(await readFile(join(kept, SERVICE, "node-1", "server.log"), "utf8")).toMatch(/shut(ting)? ?down/i);
    // the nodes that left the cluster kept theirs too
    expect(await readdir(join(kept, SERVICE))).toEqual(["node-1", "node-2", "node-3", "node-4", "node-5", "node-6"]);
  }, 60_000);
});
