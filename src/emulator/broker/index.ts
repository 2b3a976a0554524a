// BrokerProvider running a real Apache Kafka cluster per service: as many KRaft nodes (each a broker and a
// controller, its own process and loopback ports) as the service's plan has nodes, or the number the emulator was given.
import { createHash } from "node:crypto";
import { copyFile, mkdtemp, mkdir, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  BrokerAddress,
  BrokerNodeState,
  BrokerProvider,
  BrokerServiceSpec,
  BrokerStatus,
  BrokerTopicAcl,
  BrokerUser,
  ServerCertificateIssuer,
} from "../broker-provider.js";
import { kafkaAclBindings, type KafkaAclBinding } from "./acl-mapping.js";
import { BrokerProcess, newClusterId, type BrokerTlsAndAuth } from "./broker-process.js";
import { waitUntilInSync } from "./cluster-health.js";
import { startBootstrapForwarder, type BootstrapForwarder } from "./bootstrap-forwarder.js";
import { partitionsCannotFit, spreadPartitions } from "./partition-moves.js";
import { parseBrokerLog, readTail, type BrokerLogLine } from "./broker-log.js";
import type { BrokerPorts } from "./config.js";
import { freePorts } from "./ports.js";
import { fetchKafkaJars, kafkaRelease } from "./jar-cache.js";
import { defaultLibsDir, findKafkaVersion, loadKafkaRuntime, type KafkaRuntime } from "./runtime.js";
import { syncBrokerUsers } from "./user-sync.js";
import { issueServerCertificate } from "./server-cert.js";

export { kafkaRuntimeProblem, defaultLibsDir } from "./runtime.js";
export { prepareKafkaJars } from "./fetch-kafka.js";
export { issueServerCertificate } from "./server-cert.js";

export interface RealBrokerOptions {
  /**
   * directory of the Kafka jars every service runs; default per service version: $EXO_EMULATOR_KAFKA_LIBS, else
   * a clone's `.cache/kafka/RELEASE`, else the per-user cache (fetched there when missing)
   */
  libsDir?: string;
  /** parent of the per-service broker directories; default a fresh temp directory removed on close() */
  dataDir?: string;
  /** loopback address the brokers listen on and advertise; default 127.0.0.1 */
  host?: string;
  /** maximum JVM heap per broker, MiB; default 256 */
  heapMb?: number;
  /** brokers per service, whatever its plan's node count (e.g. 1 for quick tests); default the plan's */
  brokers?: number;
  /** how long a broker may take to accept connections; default 60 s */
  startTimeoutMs?: number;
  /** how long a broker may take to stop after SIGTERM before it is killed; default 10 s */
  stopTimeoutMs?: number;
  /** receives a line for each broker's start, readiness, restart and stop, with the time it took */
  log?: (line: string) => void;
  /** where each broker's own log is copied on close(), under SERVICE/node-N/; default nowhere */
  keepLogsDir?: string;
  /** signs the broker certificates; default issueServerCertificate */
  issueCertificate?: ServerCertificateIssuer;
}

/** One node of a service's cluster. */
interface NodeEntry {
  nodeId: number;
  dir: string;
  ports: BrokerPorts;
  broker: BrokerProcess | null;
  /** what the node is going through (restart, joining, leaving), shown instead of whether it runs */
  phase: BrokerNodeState | null;
}

/** A KRaft controller quorum of at most three: the cluster's first nodes; nodes that join later are brokers only. */
const MAX_CONTROLLERS = 3;

interface ServiceEntry {
  name: string;
  nodeCount: number;
  clusterId: string;
  nodes: NodeEntry[];
  /** how many of the first nodes are KRaft controllers, fixed when the cluster is first started */
  controllers: number;
  /** the bootstrap ports (SSL, SASL_SSL) that reach whichever node runs */
  bootstrap: { ssl: BootstrapForwarder; sasl: BootstrapForwarder } | null;
  /** the service's Kafka version (major.minor) */
  version: string | undefined;
  /** the Kafka release its brokers run, once started */
  kafkaVersion: string | undefined;
  dir: string;
  caCertPem: string;
  saslEnabled: boolean;
  users: BrokerUser[];
  topicAcls: BrokerTopicAcl[];
  /** users and ACLs as last written to the broker (SCRAM credentials and ACLs); null when unknown */
  syncedUsers: string | null;
  certificate: { caCertPem: string; certPem: string; keyPem: string } | null;
  status: BrokerStatus;
  /** serialises every operation on this service */
  queue: Promise<unknown>;
  /** set by removeService/close: an ongoing start gives up */
  removed: boolean;
}

/** A digest of the users' names and passwords and of the ACL bindings, to skip a sync when nothing changed. */
const accessKey = (users: BrokerUser[], acls: KafkaAclBinding[]) =>
  createHash("sha256")
    .update(JSON.stringify(users.map((u) => [u.username, u.password]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1))))
    .update(JSON.stringify(acls))
    .digest("hex");

const safeDirName = (name: string) => name.replace(/[^A-Za-z0-9_.-]/g, "_");

export class RealKafkaBrokerProvider implements BrokerProvider {
  private readonly services = new Map<string, ServiceEntry>();
  /** per Kafka release */
  private readonly runtimes = new Map<string, Promise<KafkaRuntime>>();
  private root: Promise<{ dir: string; owned: boolean }> | null = null;
  private readonly host: string;

  constructor(private readonly options: RealBrokerOptions = {}) {
    this.host = options.host ?? "127.0.0.1";
  }

  /** The runtime of the Kafka release a service version runs, its jars fetched first when they are missing. */
  private getRuntime(serviceVersion: string | undefined): Promise<KafkaRuntime> {
    const release = kafkaRelease(serviceVersion);
    const key = this.options.libsDir ?? release.version;
    let runtime = this.runtimes.get(key);
    if (!runtime) {
      const libsDir = this.options.libsDir ?? defaultLibsDir(release.version);
      runtime = (async () => {
        if (!findKafkaVersion(libsDir)) {
          await fetchKafkaJars(libsDir, { repository: process.env.EXO_EMULATOR_MAVEN_REPO || undefined, release });
        }
        return loadKafkaRuntime(libsDir);
      })();
      this.runtimes.set(key, runtime);
      runtime.catch(() => this.runtimes.delete(key));
    }
    return runtime;
  }

  /** The Kafka release a service's brokers run, once they started. */
  kafkaVersion(name: string): string | undefined {
    return this.services.get(name)?.kafkaVersion;
  }

  private getRoot(): Promise<{ dir: string; owned: boolean }> {
    this.root ??= this.options.dataDir
      ? mkdir(this.options.dataDir, { recursive: true }).then(() => ({ dir: this.options.dataDir!, owned: false }))
      : mkdtemp(join(tmpdir(), "exo-emulator-kafka-")).then((dir) => ({ dir, owned: true }));
    return this.root;
  }

  /**
   * The bootstrap ports reach any running node (clients learn each broker's own address from the metadata). The
   * SASL ports are reserved from the first start: a service enabling SASL reports the port it will listen on.
   */
  private address(entry: ServiceEntry): BrokerAddress {
    return {
      host: this.host,
      sslPort: entry.bootstrap!.ssl.port,
      saslPort: entry.bootstrap!.sasl.port,
      nodes: entry.nodes.map((node) => ({ nodeId: node.nodeId, sslPort: node.ports.ssl, saslPort: node.ports.sasl })),
    };
  }

  /** Where clients reach a service's cluster now (its nodes change with its plan), or null before it started. */
  currentAddress(name: string): BrokerAddress | null {
    const entry = this.services.get(name);
    return entry?.bootstrap && entry.nodes.length > 0 ? this.address(entry) : null;
  }

  private running(entry: ServiceEntry): boolean {
    return entry.nodes.length > 0 && entry.nodes.every((node) => node.broker?.state === "running");
  }

  /** Whether a majority of the nodes runs: the cluster serves, and a change can restart the others in turn. */
  private serving(entry: ServiceEntry): boolean {
    const up = entry.nodes.filter((node) => node.broker?.state === "running").length;
    return up * 2 > entry.nodes.length;
  }

  /** The ports the bootstrap tries for a new connection: the running nodes first. */
  private bootstrapTargets(entry: ServiceEntry, port: (ports: BrokerPorts) => number): number[] {
    const up = entry.nodes.filter((node) => node.broker?.state === "running");
    const others = entry.nodes.filter((node) => !up.includes(node));
    return [...up, ...others].map((node) => port(node.ports));
  }

  private enqueue<T>(entry: ServiceEntry, task: () => Promise<T>): Promise<T> {
    const result = entry.queue.then(task, task);
    entry.queue = result.catch(() => undefined);
    return result;
  }

  async ensureService(spec: BrokerServiceSpec): Promise<BrokerAddress> {
    let entry = this.services.get(spec.name);
    if (!entry) {
      const created: ServiceEntry = {
        name: spec.name,
        nodeCount: Math.max(1, this.options.brokers ?? spec.nodeCount ?? 1),
        clusterId: newClusterId(),
        nodes: [],
        controllers: 0,
        bootstrap: null,
        version: spec.version,
        kafkaVersion: undefined,
        dir: "",
        caCertPem: spec.caCertPem,
        saslEnabled: spec.saslEnabled,
        users: spec.users,
        topicAcls: spec.topicAcls,
        syncedUsers: null,
        certificate: null,
        status: "starting",
        queue: Promise.resolve(),
        removed: false,
      };
      this.services.set(spec.name, created);
      entry = created;
    }
    const target = entry;
    return this.enqueue(target, () => this.reconcile(target, spec));
  }

  private async reconcile(entry: ServiceEntry, spec: BrokerServiceSpec): Promise<BrokerAddress> {
    if (this.services.get(spec.name) !== entry) throw new Error(`service ${spec.name} was removed`);
    const serving = this.serving(entry);
    const changed = entry.caCertPem !== spec.caCertPem || entry.saslEnabled !== spec.saslEnabled;
    entry.caCertPem = spec.caCertPem;
    entry.saslEnabled = spec.saslEnabled;
    entry.users = spec.users;
    entry.topicAcls = spec.topicAcls;
    try {
      if (serving && (changed || !this.running(entry))) {
        // a node that is down starts first; the others restart in turn only when their configuration changed
        entry.status = "rebalancing";
        await this.roll(entry, spec.caKeyPem, changed);
      } else if (!serving) {
        entry.status = "starting";
        await this.restart(entry, spec.caKeyPem);
      }
      await this.syncUsers(entry);
      entry.status = "running";
      return this.address(entry);
    } catch (error) {
      entry.status = "failed";
      throw error;
    }
  }

  private async restart(entry: ServiceEntry, caKeyPem: string): Promise<void> {
    const runtime = await this.getRuntime(entry.version);
    entry.kafkaVersion = runtime.kafkaVersion;
    if (!entry.dir) {
      const root = await this.getRoot();
      entry.dir = join(root.dir, safeDirName(entry.name));
      await mkdir(entry.dir, { recursive: true, mode: 0o700 });
      const ports = await this.pickPorts(entry.nodeCount);
      entry.nodes = ports.map((nodePorts, i) => this.newNode(entry, i + 1, nodePorts));
      entry.controllers = Math.min(MAX_CONTROLLERS, entry.nodes.length);
      const ssl = await startBootstrapForwarder(this.host, 0, () => this.bootstrapTargets(entry, (p) => p.ssl));
      const sasl = await startBootstrapForwarder(this.host, 0, () => this.bootstrapTargets(entry, (p) => p.sasl)).catch(async (error: unknown) => {
        await ssl.close();
        throw error;
      });
      entry.bootstrap = { ssl, sasl };
    }
    await Promise.all(entry.nodes.map((node) => node.broker?.stop()));
    const tls = await this.tlsOf(entry, caKeyPem);
    for (let attempt = 1; ; attempt++) {
      if (entry.removed) throw new Error(`service ${entry.name} was removed`);
      for (const node of entry.nodes) node.broker = this.newBroker(entry, node, runtime);
      entry.syncedUsers = null;
      // the nodes start together: none is ready before a majority of the controllers runs
      this.say(entry, `starting ${entry.nodes.length} broker(s), Kafka ${runtime.kafkaVersion}, logs in ${entry.dir}/node-N/server.log`);
      const results = await Promise.allSettled(entry.nodes.map((node) => this.timed(entry, node, "ready", () => node.broker!.start(tls))));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (!failed) return;
      await Promise.all(entry.nodes.map((node) => node.broker?.stop()));
      // ports are only reserved until the broker binds them: another process may have taken one meanwhile
      const bindFailures = await Promise.all(entry.nodes.map((node) => node.broker!.failedToBind()));
      if (attempt >= 2 || entry.removed || !bindFailures.some(Boolean)) throw failed.reason;
      const ports = await this.pickPorts(entry.nodes.length);
      entry.nodes.forEach((node, i) => (node.ports = ports[i]!));
    }
  }

  private newNode(entry: ServiceEntry, nodeId: number, ports: BrokerPorts): NodeEntry {
    return { nodeId, dir: join(entry.dir, `node-${nodeId}`), ports, broker: null, phase: null };
  }

  private async tlsOf(entry: ServiceEntry, caKeyPem: string): Promise<BrokerTlsAndAuth> {
    if (entry.certificate?.caCertPem !== entry.caCertPem) {
      const issue = this.options.issueCertificate ?? issueServerCertificate;
      const { certPem, keyPem } = await issue(entry.caCertPem, caKeyPem, { dns: ["localhost"], ips: [this.host] });
      entry.certificate = { caCertPem: entry.caCertPem, certPem, keyPem };
    }
    return {
      saslEnabled: entry.saslEnabled,
      caCertPem: entry.caCertPem,
      certChainPem: entry.certificate.certPem,
      keyPem: entry.certificate.keyPem,
    };
  }

  private newBroker(entry: ServiceEntry, node: NodeEntry, runtime: KafkaRuntime): BrokerProcess {
    return new BrokerProcess({
      runtime,
      dir: node.dir,
      host: this.host,
      ports: node.ports,
      nodeId: node.nodeId,
      cluster: entry.nodes.slice(0, entry.controllers).map((n) => ({ nodeId: n.nodeId, controllerPort: n.ports.controller })),
      clusterId: entry.clusterId,
      heapMb: this.options.heapMb ?? 256,
      startTimeoutMs: this.options.startTimeoutMs ?? 90_000,
      stopTimeoutMs: this.options.stopTimeoutMs ?? 10_000,
      onRunningChange: () => this.refreshBootstrap(entry),
    });
  }

  /**
   * The bootstrap ports listen while a node runs (the SASL one while SASL is enabled too): otherwise a client is
   * refused, as by every node's own address.
   */
  private refreshBootstrap(entry: ServiceEntry): void {
    const listening = entry.nodes.some((node) => node.broker?.state === "running");
    void entry.bootstrap?.ssl.setListening(listening);
    void entry.bootstrap?.sasl.setListening(listening && entry.saslEnabled);
  }

  /**
   * Restarts a serving cluster one broker at a time with the current configuration: first the nodes that are down
   * (they start again), then, with `restartRunning`, each running one; the next only once the last is back and no
   * partition is under-replicated, so clients with replicated topics carry on.
   */
  private async roll(entry: ServiceEntry, caKeyPem: string, restartRunning: boolean): Promise<void> {
    const down = entry.nodes.filter((node) => node.broker?.state !== "running");
    const up = restartRunning ? entry.nodes.filter((node) => !down.includes(node)) : [];
    for (const node of down) await this.restartNode(entry, node, caKeyPem, "started again (it was down)");
    for (const node of up) await this.restartNode(entry, node, caKeyPem, "restarted");
  }

  /** Stops a node if it runs, starts it with the current configuration, and waits until the cluster is in sync. */
  private async restartNode(entry: ServiceEntry, node: NodeEntry, caKeyPem: string, done: string): Promise<void> {
    if (entry.removed) throw new Error(`service ${entry.name} was removed`);
    const runtime = await this.getRuntime(entry.version);
    const tls = await this.tlsOf(entry, caKeyPem);
    const started = performance.now();
    node.phase = "setting_up_vm";
    try {
      if (node.broker?.pid) await this.timed(entry, node, "stopped for a rolling restart", () => node.broker!.stop());
      else await node.broker?.stop();
      node.broker = this.newBroker(entry, node, runtime);
      await this.timed(entry, node, "ready again", () => node.broker!.start(tls));
      node.phase = "syncing_data";
      await this.waitInSync(entry, runtime);
    } finally {
      node.phase = null;
    }
    this.say(entry, `broker ${node.nodeId} ${done}, every partition back in sync, ${Math.round(performance.now() - started)} ms in all`);
  }

  private waitInSync(entry: ServiceEntry, runtime: KafkaRuntime): Promise<void> {
    const up = entry.nodes.filter((node) => node.broker?.state === "running").length;
    return waitUntilInSync(runtime, this.internalBootstrap(entry), up, this.options.startTimeoutMs ?? 90_000);
  }

  /** Runs a change of a serving cluster with the service `rebalancing` meanwhile (`failed` if it fails). */
  private rebalance(entry: ServiceEntry, change: () => Promise<void>): Promise<void> {
    return this.enqueue(entry, async () => {
      if (!this.serving(entry) || !entry.certificate) return;
      entry.status = "rebalancing";
      try {
        await change();
        entry.status = "running";
      } catch (error) {
        entry.status = "failed";
        throw error;
      }
    });
  }

  /** A rolling restart of a serving cluster with its current configuration (maintenance); a node that is down starts. */
  async rollingRestart(name: string): Promise<void> {
    const entry = this.services.get(name);
    if (entry) await this.rebalance(entry, () => this.roll(entry, "", true));
  }

  /** The node count a plan of `nodeCount` nodes gives this provider's clusters. */
  private targetCount(nodeCount: number): number {
    return Math.max(1, this.options.brokers ?? nodeCount);
  }

  /** Why a service's cluster cannot shrink to `nodeCount` nodes, or null (it can, or it grows or stays). */
  async planChangeProblem(name: string, nodeCount: number): Promise<string | null> {
    const entry = this.services.get(name);
    const target = this.targetCount(nodeCount);
    if (!entry || !this.serving(entry) || target >= entry.nodes.length) return null;
    if (target < entry.controllers) return `the cluster cannot have fewer than its ${entry.controllers} controller nodes`;
    const runtime = await this.getRuntime(entry.version);
    const keep = entry.nodes.slice(0, target).map((node) => node.nodeId);
    const problem = await partitionsCannotFit(runtime, this.internalBootstrap(entry), keep);
    return problem && `${problem}: lower its replication factor or keep a plan with as many nodes`;
  }

  /**
   * A plan change: brokers join or leave one at a time (partitions spread over the new ones, or moved off a
   * leaving one before it stops), or, with the same node count, a rolling restart.
   */
  async changePlan(name: string, nodeCount: number): Promise<void> {
    const entry = this.services.get(name);
    if (!entry) return;
    await this.rebalance(entry, async () => {
      const target = this.targetCount(nodeCount);
      if (target > entry.nodes.length) await this.grow(entry, target);
      else if (target < entry.nodes.length) await this.shrink(entry, target);
      else await this.roll(entry, "", true);
      entry.nodeCount = entry.nodes.length;
    });
  }

  private async grow(entry: ServiceEntry, target: number): Promise<void> {
    const runtime = await this.getRuntime(entry.version);
    const tls = await this.tlsOf(entry, "");
    const ports = await this.pickPorts(target - entry.nodes.length);
    const joining = ports.map((nodePorts, i): NodeEntry => ({ ...this.newNode(entry, entry.nodes.length + i + 1, nodePorts), phase: "setting_up_vm" }));
    entry.nodes.push(...joining);
    for (const node of joining) {
      if (entry.removed) throw new Error(`service ${entry.name} was removed`);
      const started = performance.now();
      node.broker = this.newBroker(entry, node, runtime);
      await this.timed(entry, node, "ready", () => node.broker!.start(tls));
      node.phase = "syncing_data";
      await this.waitInSync(entry, runtime);
      node.phase = null;
      this.say(entry, `broker ${node.nodeId} joined the cluster, ${Math.round(performance.now() - started)} ms in all`);
    }
    const started = performance.now();
    await spreadPartitions(runtime, this.internalBootstrap(entry), entry.nodes.map((node) => node.nodeId), this.options.startTimeoutMs ?? 90_000);
    this.say(entry, `partitions spread over ${entry.nodes.length} brokers in ${Math.round(performance.now() - started)} ms`);
  }

  private async shrink(entry: ServiceEntry, target: number): Promise<void> {
    const runtime = await this.getRuntime(entry.version);
    while (entry.nodes.length > target) {
      if (entry.removed) throw new Error(`service ${entry.name} was removed`);
      const node = entry.nodes.at(-1)!;
      const started = performance.now();
      node.phase = "leaving";
      const keep = entry.nodes.slice(0, -1).map((n) => n.nodeId);
      await spreadPartitions(runtime, this.internalBootstrap(entry), keep, this.options.startTimeoutMs ?? 90_000);
      this.say(entry, `partitions moved off broker ${node.nodeId} in ${Math.round(performance.now() - started)} ms`);
      await this.timed(entry, node, "stopped and removed", () => node.broker?.stop() ?? Promise.resolve());
      entry.nodes.pop();
      await this.keepNodeLog(entry, node).catch((error: Error) => this.say(entry, `could not keep the broker log: ${error.message}`));
      await rm(node.dir, { recursive: true, force: true });
    }
  }

  /** Kills one broker's JVM (SIGKILL), as a crash would; false when that node does not run. */
  async killNode(name: string, nodeId: number): Promise<boolean> {
    const node = this.services.get(name)?.nodes.find((n) => n.nodeId === nodeId);
    if (node?.broker?.state !== "running") return false;
    await node.broker.kill();
    this.say(this.services.get(name)!, `broker ${nodeId} killed`);
    return true;
  }

  /** Starts a node that is down again (it rejoins and catches up); false when it runs already. */
  async startNode(name: string, nodeId: number): Promise<boolean> {
    const entry = this.services.get(name);
    const node = entry?.nodes.find((n) => n.nodeId === nodeId);
    if (!entry || !node || node.broker?.state === "running" || node.phase) return false;
    node.phase = "setting_up_vm";
    void this.enqueue(entry, () => this.restartNode(entry, node, "", "started again (it was down)")).catch((error: Error) =>
      this.say(entry, `broker ${nodeId} could not start again: ${error.message}`),
    );
    return true;
  }

  private async pickPorts(nodes: number): Promise<BrokerPorts[]> {
    const all = await freePorts(this.host, 4 * nodes);
    return Array.from({ length: nodes }, (_, i) => {
      const [ssl, sasl, internal, controller] = all.slice(4 * i, 4 * i + 4) as [number, number, number, number];
      return { ssl, sasl, internal, controller };
    });
  }

  /** The internal (plaintext loopback) address of a running node, for the admin tools. */
  private internalBootstrap(entry: ServiceEntry): string {
    const nodes = entry.nodes.filter((node) => node.broker?.state === "running");
    return (nodes.length ? nodes : entry.nodes).map((node) => `${this.host}:${node.ports.internal}`).join(",");
  }

  private async syncUsers(entry: ServiceEntry): Promise<void> {
    const acls = kafkaAclBindings(entry.users.map((u) => u.username), entry.topicAcls);
    const key = accessKey(entry.users, acls);
    if (entry.syncedUsers === key) return;
    const runtime = await this.getRuntime(entry.version);
    await syncBrokerUsers(runtime, this.internalBootstrap(entry), entry.users, acls, entry.dir);
    entry.syncedUsers = key;
  }

  async updateUsers(name: string, users: BrokerUser[]): Promise<void> {
    await this.updateAccess(name, (entry) => (entry.users = users));
  }

  async updateTopicAcls(name: string, acls: BrokerTopicAcl[]): Promise<void> {
    await this.updateAccess(name, (entry) => (entry.topicAcls = acls));
  }

  /** Changes who may do what, then brings a running broker in line. */
  private async updateAccess(name: string, change: (entry: ServiceEntry) => void): Promise<void> {
    const entry = this.services.get(name);
    if (!entry) return; // not started yet: ensureService brings the current state
    await this.enqueue(entry, async () => {
      change(entry);
      if (this.running(entry)) await this.syncUsers(entry);
    });
  }

  async removeService(name: string): Promise<void> {
    const entry = this.services.get(name);
    if (!entry) return;
    this.services.delete(name);
    entry.removed = true;
    await this.stopNodes(entry); // also aborts a start in progress
    await this.enqueue(entry, async () => {
      await this.stopNodes(entry);
      if (entry.dir) await rm(entry.dir, { recursive: true, force: true });
    });
    await this.closeBootstrap(entry);
  }

  status(name: string): BrokerStatus {
    const entry = this.services.get(name);
    if (!entry) return "failed";
    // a cluster that has lost a minority of its nodes still serves (the node shows as down); one that lost more does not
    if (entry.status === "running" && !this.running(entry)) return this.serving(entry) ? "running" : "failed";
    return entry.status;
  }

  /** Each node's state (1..N) as the API names it, or null for an unknown service. */
  nodeStates(name: string): BrokerNodeState[] | null {
    const entry = this.services.get(name);
    if (!entry) return null;
    return entry.nodes.map((node) => {
      if (node.phase) return node.phase;
      const state = node.broker?.state;
      return state === "running" ? "running" : state === "starting" ? "setting_up_vm" : "unknown";
    });
  }

  private async closeBootstrap(entry: ServiceEntry): Promise<void> {
    const bootstrap = entry.bootstrap;
    entry.bootstrap = null;
    await Promise.all([bootstrap?.ssl.close(), bootstrap?.sasl.close()]);
  }

  private async stopNodes(entry: ServiceEntry): Promise<void> {
    await Promise.all(
      entry.nodes.map((node) => (node.broker?.pid ? this.timed(entry, node, "stopped", () => node.broker!.stop()) : node.broker?.stop())),
    );
    for (const node of entry.nodes) node.broker = null;
  }

  private say(entry: ServiceEntry, message: string): void {
    this.options.log?.(`kafka ${entry.name}: ${message}`);
  }

  /** Runs a broker step and logs it with the time it took (or its failure). */
  private async timed(entry: ServiceEntry, node: NodeEntry, done: string, step: () => Promise<void>): Promise<void> {
    const started = performance.now();
    try {
      await step();
    } catch (error) {
      this.say(entry, `broker ${node.nodeId} failed after ${Math.round(performance.now() - started)} ms (log: ${join(node.dir, "server.log")})`);
      throw error;
    }
    this.say(entry, `broker ${node.nodeId} ${done} in ${Math.round(performance.now() - started)} ms`);
  }

  /** Copies each broker's log files into keepLogsDir/SERVICE/node-N/. */
  private async keepLogs(entry: ServiceEntry): Promise<void> {
    const target = this.options.keepLogsDir;
    if (!target) return;
    for (const node of entry.nodes) await this.keepNodeLog(entry, node);
    this.say(entry, `broker logs kept in ${join(target, safeDirName(entry.name))}`);
  }

  /** Copies one node's log files into keepLogsDir/SERVICE/node-N/ (a node leaving the cluster, or all of them at the end). */
  private async keepNodeLog(entry: ServiceEntry, node: NodeEntry): Promise<void> {
    const target = this.options.keepLogsDir;
    if (!target) return;
    const dir = join(target, safeDirName(entry.name), `node-${node.nodeId}`);
    await mkdir(dir, { recursive: true });
    const files = await readdir(node.dir).catch(() => [] as string[]);
    for (const file of files.filter((f) => /^server\.log(\.\d+)?$/.test(f))) await copyFile(join(node.dir, file), join(dir, file));
  }

  /** The brokers' own log lines (newest last), from the tail of each node's log, or null without a cluster. */
  async logLines(name: string): Promise<BrokerLogLine[] | null> {
    const entry = this.services.get(name);
    if (!entry || entry.nodes.length === 0) return null;
    const lines: BrokerLogLine[] = [];
    for (const node of entry.nodes) {
      const text = await readTail(join(node.dir, "server.log"), 512 * 1024);
      lines.push(...parseBrokerLog(text, `${entry.name}-${node.nodeId}`));
    }
    return lines.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  }

  /** Process id of a service's broker JVM (node 1 unless named), if one is running (for diagnostics). */
  brokerPid(name: string, nodeId = 1): number | undefined {
    return this.services.get(name)?.nodes.find((node) => node.nodeId === nodeId)?.broker?.pid;
  }

  /** Where a service's broker (node 1 unless named) writes its log (for diagnostics), or null. */
  logFile(name: string, nodeId = 1): string | null {
    return this.services.get(name)?.nodes.find((node) => node.nodeId === nodeId)?.broker?.logFile ?? null;
  }

  /** The node ids of a service's cluster. */
  nodeIds(name: string): number[] {
    return this.services.get(name)?.nodes.map((node) => node.nodeId) ?? [];
  }

  async close(): Promise<void> {
    const entries = [...this.services.values()];
    this.services.clear();
    await Promise.all(
      entries.map(async (entry) => {
        entry.removed = true;
        await this.stopNodes(entry); // also aborts a start in progress
        await this.enqueue(entry, () => this.stopNodes(entry));
        await this.keepLogs(entry).catch((error: Error) => this.say(entry, `could not keep the broker logs: ${error.message}`));
        await this.closeBootstrap(entry);
      }),
    );
    if (this.root) {
      const root = await this.root.catch(() => null);
      if (root?.owned) await rm(root.dir, { recursive: true, force: true });
      this.root = null;
    }
  }
}

/** The provider the emulator uses for `--kafka real`. */
export function createRealBrokerProvider(options: RealBrokerOptions = {}): BrokerProvider & RealKafkaBrokerProvider {
  return new RealKafkaBrokerProvider(options);
}
