// BrokerProvider running one real Apache Kafka process (KRaft, combined broker+controller) per service.
import { createHash } from "node:crypto";
import { mkdtemp, mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  BrokerAddress,
  BrokerProvider,
  BrokerServiceSpec,
  BrokerStatus,
  BrokerTopicAcl,
  BrokerUser,
  ServerCertificateIssuer,
} from "../broker-provider.js";
import { kafkaAclBindings, type KafkaAclBinding } from "./acl-mapping.js";
import { BrokerProcess } from "./broker-process.js";
import type { BrokerPorts } from "./config.js";
import { freePorts } from "./ports.js";
import { loadKafkaRuntime, type KafkaRuntime } from "./runtime.js";
import { syncBrokerUsers } from "./user-sync.js";
import { issueServerCertificate } from "./server-cert.js";

export { kafkaRuntimeProblem, defaultLibsDir } from "./runtime.js";
export { prepareKafkaJars } from "./fetch-kafka.js";
export { issueServerCertificate } from "./server-cert.js";

export interface RealBrokerOptions {
  /** directory of the Kafka jars; default $EXO_EMULATOR_KAFKA_LIBS, a clone's `.cache/kafka/libs`, else the per-user cache */
  libsDir?: string;
  /** parent of the per-service broker directories; default a fresh temp directory removed on close() */
  dataDir?: string;
  /** loopback address the brokers listen on and advertise; default 127.0.0.1 */
  host?: string;
  /** maximum JVM heap per broker, MiB; default 384 */
  heapMb?: number;
  /** how long a broker may take to accept connections; default 60 s */
  startTimeoutMs?: number;
  /** how long a broker may take to stop after SIGTERM before it is killed; default 10 s */
  stopTimeoutMs?: number;
  /** signs the broker certificates; default issueServerCertificate */
  issueCertificate?: ServerCertificateIssuer;
}

interface ServiceEntry {
  name: string;
  dir: string;
  ports: BrokerPorts;
  caCertPem: string;
  saslEnabled: boolean;
  users: BrokerUser[];
  topicAcls: BrokerTopicAcl[];
  /** users and ACLs as last written to the broker (SCRAM credentials and ACLs); null when unknown */
  syncedUsers: string | null;
  certificate: { caCertPem: string; certPem: string; keyPem: string } | null;
  broker: BrokerProcess | null;
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
  private runtime: Promise<KafkaRuntime> | null = null;
  private root: Promise<{ dir: string; owned: boolean }> | null = null;
  private readonly host: string;

  constructor(private readonly options: RealBrokerOptions = {}) {
    this.host = options.host ?? "127.0.0.1";
  }

  private getRuntime(): Promise<KafkaRuntime> {
    this.runtime ??= loadKafkaRuntime(this.options.libsDir);
    this.runtime.catch(() => (this.runtime = null));
    return this.runtime;
  }

  private getRoot(): Promise<{ dir: string; owned: boolean }> {
    this.root ??= this.options.dataDir
      ? mkdir(this.options.dataDir, { recursive: true }).then(() => ({ dir: this.options.dataDir!, owned: false }))
      : mkdtemp(join(tmpdir(), "exo-emulator-kafka-")).then((dir) => ({ dir, owned: true }));
    return this.root;
  }

  /** The SASL port is reserved from the first start: a service enabling SASL reports the port it will listen on. */
  private address(entry: ServiceEntry): BrokerAddress {
    return { host: this.host, sslPort: entry.ports.ssl, saslPort: entry.ports.sasl };
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
        dir: "",
        ports: { ssl: 0, sasl: 0, internal: 0, controller: 0 },
        caCertPem: spec.caCertPem,
        saslEnabled: spec.saslEnabled,
        users: spec.users,
        topicAcls: spec.topicAcls,
        syncedUsers: null,
        certificate: null,
        broker: null,
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
    const needsRestart =
      !entry.broker ||
      entry.broker.state !== "running" ||
      entry.caCertPem !== spec.caCertPem ||
      entry.saslEnabled !== spec.saslEnabled;
    entry.caCertPem = spec.caCertPem;
    entry.saslEnabled = spec.saslEnabled;
    entry.users = spec.users;
    entry.topicAcls = spec.topicAcls;
    try {
      if (needsRestart) {
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
    const runtime = await this.getRuntime();
    if (!entry.dir) {
      const root = await this.getRoot();
      entry.dir = join(root.dir, safeDirName(entry.name));
      await mkdir(entry.dir, { recursive: true, mode: 0o700 });
      entry.ports = await this.pickPorts();
    }
    if (entry.broker) await entry.broker.stop();
    if (entry.certificate?.caCertPem !== entry.caCertPem) {
      const issue = this.options.issueCertificate ?? issueServerCertificate;
      const { certPem, keyPem } = await issue(entry.caCertPem, caKeyPem, { dns: ["localhost"], ips: [this.host] });
      entry.certificate = { caCertPem: entry.caCertPem, certPem, keyPem };
    }
    const tls = {
      saslEnabled: entry.saslEnabled,
      caCertPem: entry.caCertPem,
      certChainPem: entry.certificate.certPem,
      keyPem: entry.certificate.keyPem,
    };
    for (let attempt = 1; ; attempt++) {
      if (entry.removed) throw new Error(`service ${entry.name} was removed`);
      const broker = new BrokerProcess({
        runtime,
        dir: entry.dir,
        host: this.host,
        ports: entry.ports,
        heapMb: this.options.heapMb ?? 384,
        startTimeoutMs: this.options.startTimeoutMs ?? 60_000,
        stopTimeoutMs: this.options.stopTimeoutMs ?? 10_000,
      });
      entry.broker = broker;
      entry.syncedUsers = null;
      try {
        await broker.start(tls);
        return;
      } catch (error) {
        // ports are only reserved until the broker binds them: another process may have taken one meanwhile
        if (attempt >= 2 || entry.removed || !(await broker.failedToBind())) throw error;
        entry.ports = await this.pickPorts();
      }
    }
  }

  private async pickPorts(): Promise<BrokerPorts> {
    const [ssl, sasl, internal, controller] = (await freePorts(this.host, 4)) as [number, number, number, number];
    return { ssl, sasl, internal, controller };
  }

  private async syncUsers(entry: ServiceEntry): Promise<void> {
    const acls = kafkaAclBindings(entry.users.map((u) => u.username), entry.topicAcls);
    const key = accessKey(entry.users, acls);
    if (entry.syncedUsers === key) return;
    const runtime = await this.getRuntime();
    await syncBrokerUsers(runtime, `${this.host}:${entry.ports.internal}`, entry.users, acls, entry.dir);
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
      if (entry.broker?.state === "running") await this.syncUsers(entry);
    });
  }

  async removeService(name: string): Promise<void> {
    const entry = this.services.get(name);
    if (!entry) return;
    this.services.delete(name);
    entry.removed = true;
    await entry.broker?.stop(); // also aborts a start in progress
    await this.enqueue(entry, async () => {
      await entry.broker?.stop();
      entry.broker = null;
      if (entry.dir) await rm(entry.dir, { recursive: true, force: true });
    });
  }

  status(name: string): BrokerStatus {
    const entry = this.services.get(name);
    if (!entry) return "failed";
    if (entry.status === "running" && entry.broker?.state !== "running") return "failed";
    return entry.status;
  }

  /** Process id of a service's broker JVM, if one is running (for diagnostics). */
  brokerPid(name: string): number | undefined {
    return this.services.get(name)?.broker?.pid;
  }

  /** Where a service's broker writes its log (for diagnostics), or null. */
  logFile(name: string): string | null {
    return this.services.get(name)?.broker?.logFile ?? null;
  }

  async close(): Promise<void> {
    const entries = [...this.services.values()];
    this.services.clear();
    await Promise.all(
      entries.map(async (entry) => {
        entry.removed = true;
        await entry.broker?.stop(); // also aborts a start in progress
        await this.enqueue(entry, async () => {
          await entry.broker?.stop();
          entry.broker = null;
        });
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
