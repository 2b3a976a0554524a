// BrokerProvider running a real Apache Kafka cluster per service: as many KRaft nodes (each a broker and a
// controller, its own process and loopback ports) as the service's plan has nodes, or the number the emulator was given.
import { mkdtemp, mkdir, rm } from "node:fs/promises";
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
} from "../broker-provider.js";
import { syncAccess } from "./access-sync.js";
import type { BrokerLogLine } from "./broker-log.js";
import type { ClusterEnv } from "./cluster-env.js";
import { startCluster } from "./cluster-start.js";
import { closeBootstrap, stopNodes } from "./cluster-stop.js";
import { KafkaRuntimes } from "./kafka-runtimes.js";
import { killNode, startNode } from "./node-control.js";
import { clusterLogLines, keepLogs } from "./node-logs.js";
import { allRunning, clusterAddress, nodeStates, serving } from "./node-set.js";
import type { RealBrokerOptions } from "./options.js";
import { say } from "./progress-log.js";
import { resize, shrinkProblem } from "./resize.js";
import { rollingRestart } from "./rolling-restart.js";
import { enqueue, newServiceEntry, type ServiceEntry } from "./service-entry.js";

export { kafkaRuntimeProblem, defaultLibsDir } from "./runtime.js";
export { prepareKafkaJars } from "./fetch-kafka.js";
export { issueServerCertificate } from "./server-cert.js";
export type { RealBrokerOptions } from "./options.js";

export class RealKafkaBrokerProvider implements BrokerProvider {
  private readonly services = new Map<string, ServiceEntry>();
  private root: Promise<{ dir: string; owned: boolean }> | null = null;
  private readonly env: ClusterEnv;

  constructor(private readonly options: RealBrokerOptions = {}) {
    const runtimes = new KafkaRuntimes(options.libsDir);
    this.env = {
      options,
      host: options.host ?? "127.0.0.1",
      runtime: (serviceVersion) => runtimes.get(serviceVersion),
      root: () => this.getRoot(),
    };
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

  /** Where clients reach a service's cluster now (its nodes change with its plan), or null before it started. */
  currentAddress(name: string): BrokerAddress | null {
    const entry = this.services.get(name);
    return entry?.bootstrap && entry.nodes.length > 0 ? clusterAddress(this.env.host, entry) : null;
  }

  async ensureService(spec: BrokerServiceSpec): Promise<BrokerAddress> {
    let entry = this.services.get(spec.name);
    if (!entry) {
      entry = newServiceEntry(spec, Math.max(1, this.options.brokers ?? spec.nodeCount ?? 1));
      this.services.set(spec.name, entry);
    }
    const target = entry;
    return enqueue(target, () => this.reconcile(target, spec));
  }

  private async reconcile(entry: ServiceEntry, spec: BrokerServiceSpec): Promise<BrokerAddress> {
    if (this.services.get(spec.name) !== entry) throw new Error(`service ${spec.name} was removed`);
    const wasServing = serving(entry);
    const changed = entry.caCertPem !== spec.caCertPem || entry.saslEnabled !== spec.saslEnabled;
    entry.caCertPem = spec.caCertPem;
    entry.saslEnabled = spec.saslEnabled;
    entry.users = spec.users;
    entry.topicAcls = spec.topicAcls;
    try {
      if (wasServing && (changed || !allRunning(entry))) {
        // a node that is down starts first; the others restart in turn only when their configuration changed
        entry.status = "rebalancing";
        await rollingRestart(this.env, entry, spec.caKeyPem, changed);
      } else if (!wasServing) {
        entry.status = "starting";
        await startCluster(this.env, entry, spec.caKeyPem);
      }
      await syncAccess(this.env, entry);
      entry.status = "running";
      return clusterAddress(this.env.host, entry);
    } catch (error) {
      entry.status = "failed";
      throw error;
    }
  }

  /** Runs a change of a serving cluster with the service `rebalancing` meanwhile (`failed` if it fails). */
  private rebalance(entry: ServiceEntry, change: () => Promise<void>): Promise<void> {
    return enqueue(entry, async () => {
      if (!serving(entry) || !entry.certificate) return;
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
    if (entry) await this.rebalance(entry, () => rollingRestart(this.env, entry, "", true));
  }

  /** Why a service's cluster cannot shrink to `nodeCount` nodes, or null (it can, or it grows or stays). */
  async planChangeProblem(name: string, nodeCount: number): Promise<string | null> {
    const entry = this.services.get(name);
    return entry ? shrinkProblem(this.env, entry, nodeCount) : null;
  }

  /**
   * A plan change: brokers join or leave one at a time (partitions spread over the new ones, or moved off a
   * leaving one before it stops), or, with the same node count, a rolling restart.
   */
  async changePlan(name: string, nodeCount: number): Promise<void> {
    const entry = this.services.get(name);
    if (entry) await this.rebalance(entry, () => resize(this.env, entry, nodeCount));
  }

  /** Kills one broker's JVM (SIGKILL), as a crash would; false when that node does not run. */
  killNode(name: string, nodeId: number): Promise<boolean> {
    return killNode(this.env, this.services.get(name), nodeId);
  }

  /** Starts a node that is down again (it rejoins and catches up); false when it runs already. */
  async startNode(name: string, nodeId: number): Promise<boolean> {
    return startNode(this.env, this.services.get(name), nodeId);
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
    await enqueue(entry, async () => {
      change(entry);
      if (allRunning(entry)) await syncAccess(this.env, entry);
    });
  }

  async removeService(name: string): Promise<void> {
    const entry = this.services.get(name);
    if (!entry) return;
    this.services.delete(name);
    entry.removed = true;
    await stopNodes(this.env, entry); // also aborts a start in progress
    await enqueue(entry, async () => {
      await stopNodes(this.env, entry);
      if (entry.dir) await rm(entry.dir, { recursive: true, force: true });
    });
    await closeBootstrap(entry);
  }

  status(name: string): BrokerStatus {
    const entry = this.services.get(name);
    if (!entry) return "failed";
    // a cluster that has lost a minority of its nodes still serves (the node shows as down); one that lost more does not
    if (entry.status === "running" && !allRunning(entry)) return serving(entry) ? "running" : "failed";
    return entry.status;
  }

  /** Each node's state (1..N) as the API names it, or null for an unknown service. */
  nodeStates(name: string): BrokerNodeState[] | null {
    const entry = this.services.get(name);
    return entry ? nodeStates(entry) : null;
  }

  /** The brokers' own log lines (newest last), from the tail of each node's log, or null without a cluster. */
  async logLines(name: string): Promise<BrokerLogLine[] | null> {
    const entry = this.services.get(name);
    if (!entry || entry.nodes.length === 0) return null;
    return clusterLogLines(entry);
  }

  /** Process id of a service's broker JVM (node 1 unless named), if one is running (for diagnostics). */
  brokerPid(name: string, nodeId = 1): number | undefined {
    return this.services.get(name)?.nodes.find((node) => node.nodeId === nodeId)?.broker?.pid;
  }

  /** Where a service's broker (node 1 unless named) writes its log (for diagnostics), or null. */
  logFile(name: string, nodeId = 1): string | null {
    return this.services.get(name)?.nodes.find((node) => node.nodeId === nodeId)?.broker?.logFile ?? null;
  }

  async close(): Promise<void> {
    const entries = [...this.services.values()];
    this.services.clear();
    await Promise.all(
      entries.map(async (entry) => {
        entry.removed = true;
        await stopNodes(this.env, entry); // also aborts a start in progress
        await enqueue(entry, () => stopNodes(this.env, entry));
        await keepLogs(this.env, entry).catch((error: Error) => say(this.env, entry, `could not keep the broker logs: ${error.message}`));
        await closeBootstrap(entry);
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
