// A rolling restart of a three-broker cluster loses nothing: a Java producer (acks=all, idempotent) writes numbered
// records without pause to a topic with three replicas and min.insync.replicas=2 while `exo dbaas update
// --kafka-enable-sasl-auth true`, then a maintenance start, restart the brokers one at a time; the service says
// rebalancing meanwhile, and a consumer then reads every record once, in order per partition. Then `dbaas logs` shows
// the brokers' own lines, the emulator's log tells each broker's steps, and the brokers' logs outlive the cluster.
import { execFile, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealBrokerProvider, type RealKafkaBrokerProvider } from "../../src/emulator/broker/index.js";
import { kafkaRelease } from "../../src/emulator/broker/jar-cache.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { call } from "../emulator/client.js";
import { ROOT } from "../helpers/built-cli.js";
import { apiEnv, runCli } from "../helpers/run-cli.js";
import { missingPrerequisite } from "./kafka-python.js";

const run = promisify(execFile);
const missing = await missingPrerequisite("rolling restart test");
const KAFKA_LIBS = join(ROOT, ".cache", "kafka", kafkaRelease("3.8").version);
const SERVICE = "rolling";
const ZONE = "de-muc-1";
const TOPIC = "numbered";

describe.skipIf(missing !== null)("rolling restart of a three-broker cluster", () => {
  let emulator: Emulator;
  let work: string;
  let env: Record<string, string>;
  let kept: string;
  let brokers: RealKafkaBrokerProvider;
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
  const java = (...args: string[]) => ["-cp", `${join(work, "classes")}:${KAFKA_LIBS}/*`, "NumberedRecords", ...args];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "rolling-"));
    const compiled = run("javac", ["-d", join(work, "classes"), "-cp", `${KAFKA_LIBS}/*`, join(import.meta.dirname, "programs", "NumberedRecords.java")]);
    // no --brokers: the plan's node count
    kept = join(work, "kept-logs");
    brokers = createRealBrokerProvider({ keepLogsDir: kept, log: (line) => emulatorLog.push(line) });
    emulator = await startEmulator({ port: 0, operationDelayMs: 0, rebuildDelayMs: 0, brokers });
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
    await emulator?.close();
    if (work) await rm(work, { recursive: true, force: true });
  }, 60_000);

  it("enabling SASL, then a maintenance, restart one broker at a time: 0 records lost, 0 duplicated, 0 client errors", async () => {
    const producer = spawn("java", java("produce", join(work, "certs", "avnadmin.client.properties"), TOPIC), { cwd: work });
    let out = "";
    let errors = "";
    producer.stdout.on("data", (d) => (out += d));
    producer.stderr.on("data", (d) => (errors += d));
    const exited = new Promise<number | null>((resolve) => producer.once("exit", resolve));
    try {
      await new Promise((r) => setTimeout(r, 3000));
      await cli("dbaas", "update", SERVICE, "--kafka-enable-sasl-auth", "true", "--force");
      const saslStates = await statesUntilRolled();
      expect(saslStates).toContain("rebalancing");
      expect(saslStates).not.toContain("rebuilding");
      expect(saslStates).not.toContain("poweroff");
      expect(await cli("dbaas", "show", SERVICE, "--output-template", "{{.Kafka.AuthenticationMethods.SASL}}")).toBe("true");

      const maintenance = await call(emulator, "PUT", `/dbaas-kafka/${SERVICE}/maintenance/start`);
      expect(maintenance.status).toBe(200);
      const maintenanceStates = await statesUntilRolled();
      expect(maintenanceStates).not.toContain("poweroff");
      await new Promise((r) => setTimeout(r, 2000));
    } finally {
      producer.stdin.end();
    }
    expect(await exited, errors).toBe(0);
    const [, sent, failed] = /^sent (\d+) failed (\d+)$/m.exec(out) ?? [];
    expect(Number(failed), errors).toBe(0);
    expect(Number(sent)).toBeGreaterThan(1000);
    const { stdout } = await run("java", java("check", join(work, "certs", "avnadmin.client.properties"), TOPIC, sent!), { cwd: work, timeout: 120_000 });
    expect(stdout.trim()).toBe(`read ${sent} missing 0 duplicated 0 out-of-order 0`);
    console.log(`rolling restarts: ${sent} records, 0 lost\n${emulatorLog.join("\n")}`);
  }, 600_000);

  it("the emulator's log tells each broker's start, readiness and restarts with the time they took", () => {
    const log = emulatorLog.join("\n");
    expect(log).toMatch(/^kafka rolling: starting 3 broker\(s\), Kafka 3\.8\.\d+, logs in \S+\/node-N\/server\.log$/m);
    for (const node of [1, 2, 3]) {
      expect(log).toMatch(new RegExp(`^kafka rolling: broker ${node} ready in \\d+ ms$`, "m"));
      expect(log).toMatch(new RegExp(`^kafka rolling: broker ${node} stopped for a rolling restart in \\d+ ms$`, "m"));
      // two rolling restarts: SASL, then maintenance
      expect(log.match(new RegExp(`^kafka rolling: broker ${node} restarted, every partition back in sync, \\d+ ms in all$`, "gm"))).toHaveLength(2);
    }
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

  it("a killed broker: the service answers, the node shows as down, producers and consumers carry on with the others", async () => {
    await cli("dbaas", "kafka", "topic", "create", SERVICE, "after-kill", "--partitions", "3", "--replication-factor", "3", "--topic-config", "min.insync.replicas=2");
    const pid = brokers.brokerPid(SERVICE, 2);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, "SIGKILL");
    await expect.poll(() => brokers.nodeStates(SERVICE), { timeout: 20_000 }).toEqual([true, false, true]);
    const view = (await call(emulator, "GET", `/dbaas-kafka/${SERVICE}`)).json as { state: string; "node-states": { name: string; state: string }[] };
    expect(view.state).toBe("running");
    expect(view["node-states"].map((n) => [n.name, n.state])).toEqual([
      ["rolling-1", "running"],
      ["rolling-2", "unknown"],
      ["rolling-3", "running"],
    ]);
    // acks=all with min.insync.replicas=2: two brokers of three still take every write
    const producer = spawn("java", java("produce", join(work, "certs", "avnadmin.client.properties"), "after-kill"), { cwd: work });
    let out = "";
    producer.stdout.on("data", (d) => (out += d));
    const exited = new Promise((resolve) => producer.once("exit", resolve));
    await new Promise((r) => setTimeout(r, 3000));
    producer.stdin.end();
    await exited;
    const [, sent, failed] = /^sent (\d+) failed (\d+)$/m.exec(out) ?? [];
    expect(Number(failed)).toBe(0);
    expect(Number(sent)).toBeGreaterThan(100);
    const { stdout } = await run("java", java("check", join(work, "certs", "avnadmin.client.properties"), "after-kill", sent!), { cwd: work, timeout: 120_000 });
    expect(stdout.trim()).toBe(`read ${sent} missing 0 duplicated 0 out-of-order 0`);
  }, 180_000);

  it("--keep-logs: each broker's log is kept after the cluster stops", async () => {
    await emulator.close();
    for (const node of [1, 2, 3]) {
      const log = await readFile(join(kept, SERVICE, `node-${node}`, "server.log"), "utf8");
      expect(log).toContain("Kafka Server started");
    }
    // the killed broker's log is kept too; the others say they shut down
    expect(await readFile(join(kept, SERVICE, "node-1", "server.log"), "utf8")).toMatch(/shut(ting)? ?down/i);
    expect(await readdir(join(kept, SERVICE))).toEqual(["node-1", "node-2", "node-3"]);
  }, 60_000);
});
