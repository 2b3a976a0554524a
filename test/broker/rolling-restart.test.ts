// A rolling restart of a three-broker cluster loses nothing: a Java producer (acks=all, idempotent) writes numbered
// records without pause to a topic with three replicas and min.insync.replicas=2 while `exo dbaas update
// --kafka-enable-sasl-auth true`, then a maintenance start, restart the brokers one at a time; the service says
// rebalancing meanwhile, and a consumer then reads every record once, in order per partition. Then `dbaas logs` shows
// the brokers' own lines, the emulator's log tells each broker's steps. Brokers killed and started through the
// control API: the service carries on, a later change brings a dead node back, the bootstrap address survives node 1
// down. Plan changes resize the same cluster (3 → 6 → 3 nodes, partitions moved off before a node leaves). The
// brokers' logs outlive the cluster. Every case shares this one cluster.
import { execFile, spawn } from "node:child_process";
import { connect } from "node:net";
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
import { missingPrerequisite, runScript } from "./kafka-python.js";

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
  /** records the numbered producer wrote per topic, read back in full after the cluster changed */
  const written = new Map<string, string>();
  const readBack = async (topic: string) => {
    const { stdout } = await run("java", java("check", join(work, "certs", "avnadmin.client.properties"), topic, written.get(topic)!), { cwd: work, timeout: 120_000 });
    return stdout.trim();
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
    throw new Error(`the change did not end: ${JSON.stringify(seen)}`);
  };
  const connectResult = (port: number) =>
    new Promise<string>((done) => {
      const socket = connect({ host: "127.0.0.1", port });
      socket.once("connect", () => (socket.destroy(), done("connected"))).once("error", (e: NodeJS.ErrnoException) => done(e.code ?? "error"));
    });
  const logSince = (from: number) => emulatorLog.slice(from).join("\n");
  const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern.source, "gm"))?.length ?? 0;

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
      // the SASL bootstrap port refuses clients until SASL is enabled, as the brokers' own SASL ports do
      expect(await connectResult(brokers.currentAddress(SERVICE)!.saslPort!)).toBe("ECONNREFUSED");
      await cli("dbaas", "update", SERVICE, "--kafka-enable-sasl-auth", "true", "--force");
      const saslStates = await statesUntilRolled();
      expect(saslStates).toContain("rebalancing");
      expect(saslStates).not.toContain("rebuilding");
      expect(saslStates).not.toContain("poweroff");
      expect(await cli("dbaas", "show", SERVICE, "--output-template", "{{.Kafka.AuthenticationMethods.SASL}}")).toBe("true");
      expect(await connectResult(brokers.currentAddress(SERVICE)!.saslPort!)).toBe("connected");

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
    expect(await control("kill", 2)).toEqual({ status: 200, body: { ok: true } });
    expect(() => process.kill(pid!, 0)).toThrow();
    expect(brokers.nodeStates(SERVICE)).toEqual(["running", "unknown", "running"]);
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
    // long enough for the JVM to start and connect on a loaded machine
    await new Promise((r) => setTimeout(r, 10_000));
    producer.stdin.end();
    await exited;
    const [, sent, failed] = /^sent (\d+) failed (\d+)$/m.exec(out) ?? [];
    expect(Number(failed)).toBe(0);
    expect(Number(sent)).toBeGreaterThan(100);
    written.set("after-kill", sent!);
    expect(await readBack("after-kill")).toBe(`read ${sent} missing 0 duplicated 0 out-of-order 0`);
  }, 180_000);

  it("a plan change with as many nodes while node 2 is down: node 2 starts again first, then 1 and 3 restart once each, one at a time, node-states showing which", async () => {
    const from = emulatorLog.length;
    await cli("dbaas", "update", SERVICE, "--plan", "business-4", "--force");
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
    expect(count(log, /^kafka rolling: broker 2 started again \(it was down\), every partition back in sync/)).toBe(1);
    expect(count(log, /^kafka rolling: broker 2 restarted/)).toBe(0);
    for (const node of [1, 3]) expect(count(log, new RegExp(`^kafka rolling: broker ${node} restarted, every partition back in sync`))).toBe(1);
    expect(log).not.toMatch(/starting 3 broker\(s\)/);
    expect(log.indexOf("broker 2 started again")).toBeLessThan(log.indexOf("broker 1 restarted"));
    expect(await readBack("after-kill")).toBe(`read ${written.get("after-kill")} missing 0 duplicated 0 out-of-order 0`);
  }, 360_000);

  it("node 1 down: a fresh kafka-python client bootstraps through the service URI, produces and consumes; the control API starts node 1 again", async () => {
    await cli("dbaas", "kafka", "topic", "create", SERVICE, "bootstrap-check", "--partitions", "3", "--replication-factor", "3");
    expect(await control("kill", 1)).toEqual({ status: 200, body: { ok: true } });
    expect(await control("kill", 1)).toEqual({ status: 409, body: { message: "node 1 of rolling does not run" } });
    const v = await view();
    expect(nodeStates(v)).toEqual(["unknown", "running", "running"]);
    expect(v.state).toBe("running");
    // the bootstrap is none of the nodes' own addresses: it reaches whichever runs
    expect(v["connection-info"].nodes).not.toContain(v.uri);
    const result = await runScript("bootstrap-roundtrip.py", { cwd: work, bootstrap: v.uri, args: ["bootstrap-check", "20", join(work, "certs")] });
    expect(result.output.trim().split("\n").at(-1), result.output).toBe("produced 20 consumed 20");

    expect(await control("start", 1)).toEqual({ status: 200, body: { ok: true } });
    expect((await control("start", 1)).status).toBe(409);
    await expect.poll(async () => nodeStates(await view()), { timeout: 120_000, interval: 500 }).toEqual(["running", "running", "running"]);
  }, 240_000);

  it("a plan of 6 nodes: three brokers join one at a time and partitions spread over them; back to 3 nodes is refused while a topic has 4 replicas, then partitions move off each leaving node before it stops", async () => {
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
    await cli("dbaas", "update", SERVICE, "--plan", "business-4", "--force");
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
    // partitions that lived on nodes 4 to 6 only were moved before they stopped: nothing is missing
    expect(await readBack("after-kill")).toBe(`read ${written.get("after-kill")} missing 0 duplicated 0 out-of-order 0`);
  }, 600_000);

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
