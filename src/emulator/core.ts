// The emulator's behaviour, independent of HTTP: services, users, ACLs, operations and lifecycle timing.
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { ApiError, badRequest, notFound } from "./api-error.js";
import type { BrokerAddress, BrokerProvider } from "./broker-provider.js";
import { findKafkaPlan, kafkaType, ZONES } from "./catalog.js";
import { createCa, issueClientCertificate, warmKeyPool } from "./pki.js";
import { mergeSettings, type KafkaBody } from "./request-validation.js";
import { brokerEndpoints, fakeEndpoints, isoSeconds, kafkaView, listItem, type Endpoints } from "./service-view.js";
import type { OperationRecord, ServiceRecord, Store, UserRecord } from "./store.js";

export interface CoreOptions {
  defaultZone: string;
  operationDelayMs: number;
  rebuildDelayMs: number;
  /** base URL including /v2, known once the server listens */
  baseUrl: () => string;
  brokers?: BrokerProvider;
  log: (line: string) => void;
}

const PASSWORD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const generatePassword = (length = 24) => Array.from({ length }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join("");

const SERVICE_NAME = /^[a-z][a-z0-9-]{0,62}$/;
const USERNAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
const TERMINATION_PROTECTED = "Service is protected against termination and shutdown. Remove termination protection first.";

export class Core {
  private caPromise: Promise<{ certPem: string; keyPem: string }> | undefined;
  private readonly brokerAddresses = new Map<string, BrokerAddress>();
  /** ensureService calls still running, per service */
  private readonly brokerStarts = new Map<string, number>();
  /** services whose last broker start failed */
  private readonly brokerStartFailed = new Set<string>();
  /** operations that stay pending until the broker has applied their change */
  private readonly awaitingBroker = new Set<string>();

  constructor(
    readonly store: Store,
    readonly opts: CoreOptions,
  ) {}

  /** Starts background work: CA creation (if none yet), key pool, brokers of persisted services. */
  start(): void {
    warmKeyPool();
    void this.ca().catch((e) => this.opts.log(`CA creation failed: ${(e as Error).message}`));
    for (const svc of this.store.state.services) this.syncBroker(svc);
  }

  ca(): Promise<{ certPem: string; keyPem: string }> {
    const stored = this.store.state.ca;
    if (stored) return Promise.resolve(stored);
    this.caPromise ??= createCa(`${this.store.state.projectId} Project CA`).then((ca) => {
      this.store.state.ca = { certPem: ca.certPem, keyPem: ca.keyPem };
      this.store.save();
      return this.store.state.ca;
    });
    return this.caPromise;
  }

  // --- lookup and rendering -------------------------------------------------------------------------------

  service(name: string): ServiceRecord {
    const svc = this.store.find(name);
    if (!svc) throw notFound();
    return svc;
  }

  kafka(name: string): ServiceRecord {
    const svc = this.service(name);
    if (svc.type !== "kafka") throw notFound();
    return svc;
  }

  stateOf(svc: ServiceRecord): string {
    if (Date.now() < svc.busyUntil) return svc.busyState;
    const brokers = this.opts.brokers;
    if (!brokers || svc.type !== "kafka") return "running";
    // a rolling restart keeps the service answering: rebalancing, as the API says while nodes restart in turn
    if (this.brokerAddresses.has(svc.name) && brokers.status(svc.name) === "rebalancing") return "rebalancing";
    // a broker that crashed or could not start is reported as powered off until a change restarts it
    if (this.brokerStarts.has(svc.name)) return "rebuilding";
    if (this.brokerStartFailed.has(svc.name)) return "poweroff";
    if (!this.brokerAddresses.has(svc.name)) return "rebuilding";
    const status = brokers.status(svc.name);
    return status === "running" ? "running" : status === "failed" ? "poweroff" : status === "rebalancing" ? "rebalancing" : "rebuilding";
  }

  endpoints(svc: ServiceRecord): Endpoints {
    const plan = findKafkaPlan(svc.plan);
    const fake = fakeEndpoints(svc, this.store.state.projectId, plan?.["node-count"] ?? 3);
    const address = this.brokerAddresses.has(svc.name) ? (this.opts.brokers?.currentAddress?.(svc.name) ?? this.brokerAddresses.get(svc.name)) : undefined;
    return address ? brokerEndpoints(fake, address) : fake;
  }

  viewKafka(name: string) {
    const svc = this.kafka(name);
    const nodeStates = this.brokerAddresses.has(svc.name) ? this.opts.brokers?.nodeStates?.(svc.name) : undefined;
    return kafkaView(svc, this.stateOf(svc), this.endpoints(svc), nodeStates ?? undefined);
  }

  listServices() {
    return this.store.state.services.map((s) => listItem(s, this.stateOf(s)));
  }

  // --- operations -----------------------------------------------------------------------------------------

  /** `brokerChange`: the change's update of the broker; the operation is pending until it settles. */
  private operation(command: string, svc: ServiceRecord, brokerChange?: Promise<void>) {
    const op: OperationRecord = {
      id: randomUUID(),
      doneAt: Date.now() + this.opts.operationDelayMs,
      command,
      referenceId: svc.id,
      link: `${this.opts.baseUrl()}/dbaas-service/${svc.name}`,
    };
    this.store.addOperation(op);
    if (brokerChange) {
      this.awaitingBroker.add(op.id);
      void brokerChange.finally(() => this.awaitingBroker.delete(op.id));
    }
    this.store.save();
    return this.renderOperation(op);
  }

  renderOperation(op: OperationRecord) {
    return {
      id: op.id,
      state: Date.now() >= op.doneAt && !this.awaitingBroker.has(op.id) ? "success" : "pending",
      reference: { id: op.referenceId, link: op.link, command: op.command },
    };
  }

  getOperation(id: string) {
    const op = this.store.state.operations.find((o) => o.id === id);
    if (!op) throw notFound();
    return this.renderOperation(op);
  }

  // --- services -------------------------------------------------------------------------------------------

  async createKafka(name: string, body: KafkaBody, zoneHeader: string | undefined, running = false) {
    if (!SERVICE_NAME.test(name)) {
      throw badRequest(`invalid service name "${name}": 1 to 63 characters, lower-case letters, digits and hyphens, starting with a letter`);
    }
    const zone = zoneHeader ?? this.opts.defaultZone;
    if (!(ZONES as readonly string[]).includes(zone)) throw badRequest(`invalid zone "${zone}" (one of ${ZONES.join(", ")})`);
    const conflict = () => new ApiError(409, `Service name "${name}" is already in use`);
    if (this.store.find(name)) throw conflict();
    const admin = await this.newUser("avnadmin", "primary");
    if (this.store.find(name)) throw conflict();
    const now = new Date();
    const svc: ServiceRecord = {
      id: randomUUID(),
      name,
      type: "kafka",
      zone,
      plan: body.plan!,
      version: body.version ?? kafkaType()["default-version"],
      createdAt: isoSeconds(now),
      updatedAt: isoSeconds(now),
      busyUntil: running ? 0 : now.getTime() + this.opts.rebuildDelayMs,
      busyState: "rebuilding",
      terminationProtection: body.terminationProtection ?? false,
      maintenance: body.maintenance ?? { dow: ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"][randomInt(7)]!, time: randomTime() },
      ipFilter: body.ipFilter ?? ["0.0.0.0/0"],
      authenticationMethods: { certificate: body.authenticationMethods?.certificate ?? true, sasl: body.authenticationMethods?.sasl ?? false },
      kafkaRestEnabled: body.kafkaRestEnabled ?? false,
      kafkaConnectEnabled: body.kafkaConnectEnabled ?? false,
      schemaRegistryEnabled: body.schemaRegistryEnabled ?? false,
      kafkaSettings: body.kafkaSettings ?? {},
      kafkaConnectSettings: body.kafkaConnectSettings ?? {},
      kafkaRestSettings: body.kafkaRestSettings ?? {},
      schemaRegistrySettings: body.schemaRegistrySettings ?? {},
      users: [admin],
      topicAcls: [{ id: "default", username: "avnadmin", topic: "*", permission: "admin" }],
      schemaRegistryAcls: [],
    };
    this.store.state.services.push(svc);
    this.syncBroker(svc);
    return this.operation("create-dbaas-service-kafka", svc);
  }

  async updateKafka(name: string, body: KafkaBody) {
    let svc = this.kafka(name);
    const planChange = body.plan !== undefined && body.plan !== svc.plan ? findKafkaPlan(body.plan) : undefined;
    const brokers = this.opts.brokers;
    if (planChange && brokers?.planChangeProblem && this.brokerAddresses.has(name)) {
      const problem = await brokers.planChangeProblem(name, planChange["node-count"]);
      if (problem) throw badRequest(`plan: cannot change to ${planChange.name}: ${problem}`);
      svc = this.kafka(name);
    }
    const saslBefore = svc.authenticationMethods.sasl;
    const brokerDown = this.stateOf(svc) === "poweroff";
    let reshape = false;
    if (planChange) {
      svc.plan = planChange.name;
      reshape = true;
    }
    if (body.version !== undefined && body.version !== svc.version) {
      svc.version = body.version;
      reshape = true;
    }
    if (body.authenticationMethods) svc.authenticationMethods = { ...svc.authenticationMethods, ...body.authenticationMethods };
    if (body.kafkaRestEnabled !== undefined) svc.kafkaRestEnabled = body.kafkaRestEnabled;
    if (body.kafkaConnectEnabled !== undefined) svc.kafkaConnectEnabled = body.kafkaConnectEnabled;
    if (body.schemaRegistryEnabled !== undefined) svc.schemaRegistryEnabled = body.schemaRegistryEnabled;
    if (body.terminationProtection !== undefined) svc.terminationProtection = body.terminationProtection;
    if (body.ipFilter !== undefined) svc.ipFilter = body.ipFilter;
    if (body.maintenance !== undefined) svc.maintenance = body.maintenance;
    if (body.kafkaSettings) svc.kafkaSettings = mergeSettings(svc.kafkaSettings, body.kafkaSettings);
    if (body.kafkaConnectSettings) svc.kafkaConnectSettings = mergeSettings(svc.kafkaConnectSettings, body.kafkaConnectSettings);
    if (body.kafkaRestSettings) svc.kafkaRestSettings = mergeSettings(svc.kafkaRestSettings, body.kafkaRestSettings);
    if (body.schemaRegistrySettings) svc.schemaRegistrySettings = mergeSettings(svc.schemaRegistrySettings, body.schemaRegistrySettings);
    if (reshape && this.opts.rebuildDelayMs > 0) {
      svc.busyUntil = Date.now() + this.opts.rebuildDelayMs;
      svc.busyState = "rebalancing";
    }
    this.touch(svc);
    // a change of listeners restarts the broker; any update restarts a broker that is down
    if (saslBefore !== svc.authenticationMethods.sasl || brokerDown) this.syncBroker(svc);
    // a plan change resizes a running cluster (nodes join or leave), or restarts it in turn with as many nodes
    if (planChange && brokers?.changePlan && this.brokerAddresses.has(name)) {
      void brokers.changePlan(name, planChange["node-count"]).catch((e) => this.opts.log(`plan change of ${name} failed: ${(e as Error).message}`));
    }
    return this.operation("update-dbaas-service-kafka", svc);
  }

  deleteService(name: string, kafkaOnly: boolean) {
    const svc = kafkaOnly ? this.kafka(name) : this.service(name);
    if (svc.terminationProtection) throw new ApiError(403, TERMINATION_PROTECTED);
    this.store.state.services = this.store.state.services.filter((s) => s !== svc);
    this.brokerAddresses.delete(svc.name);
    this.brokerStartFailed.delete(svc.name);
    void this.opts.brokers?.removeService(svc.name).catch((e) => this.opts.log(`broker removal for ${svc.name} failed: ${(e as Error).message}`));
    return this.operation(kafkaOnly ? "delete-dbaas-service-kafka" : "delete-dbaas-service", svc);
  }

  /** A running cluster's own log lines for `dbaas logs`, or null (no real brokers, or none started yet). */
  async brokerLogLines(svc: ServiceRecord) {
    const brokers = this.opts.brokers;
    if (!brokers?.logLines || svc.type !== "kafka" || !this.brokerAddresses.has(svc.name)) return null;
    const lines = await brokers.logLines(svc.name);
    return lines && lines.length > 0 ? lines : null;
  }

  /** Kills (a crash) or starts again one broker of a service's real cluster, for the control API. */
  async brokerNode(action: "kill" | "start", name: string, nodeId: number): Promise<{ status: number; message?: string }> {
    const brokers = this.opts.brokers;
    const svc = this.store.find(name);
    if (!svc || svc.type !== "kafka") return { status: 404, message: `no Kafka service ${JSON.stringify(name)}` };
    if (!brokers?.killNode || !brokers.startNode || !brokers.nodeStates) return { status: 409, message: "the emulator runs no brokers (start it with --kafka real)" };
    const nodes = brokers.nodeStates(name)?.length ?? 0;
    if (!this.brokerAddresses.has(name) || nodes === 0) return { status: 409, message: `the brokers of ${name} have not started yet` };
    if (nodeId > nodes) return { status: 404, message: `${name} has ${nodes} nodes (1 to ${nodes})` };
    const done = action === "kill" ? await brokers.killNode(name, nodeId) : await brokers.startNode(name, nodeId);
    if (done) return { status: 200 };
    return { status: 409, message: `node ${nodeId} of ${name} ${action === "kill" ? "does not run" : "runs or is starting already"}` };
  }

  startMaintenance(name: string) {
    const svc = this.kafka(name);
    this.touch(svc);
    const brokers = this.opts.brokers;
    if (brokers?.rollingRestart && this.brokerAddresses.has(name)) {
      void brokers.rollingRestart(name).catch((e) => this.opts.log(`rolling restart of ${name} failed: ${(e as Error).message}`));
    }
    return this.operation("start-dbaas-kafka-maintenance", svc);
  }

  // --- users ----------------------------------------------------------------------------------------------

  private async newUser(username: string, type: UserRecord["type"]): Promise<UserRecord> {
    const ca = await this.ca();
    const cert = await issueClientCertificate(ca.certPem, ca.keyPem, username);
    return {
      username,
      type,
      password: generatePassword(),
      accessCert: cert.certPem,
      accessKey: cert.keyPem,
      accessCertExpiry: isoSeconds(cert.notAfter),
    };
  }

  async createUser(name: string, username: string) {
    this.kafka(name);
    if (!USERNAME.test(username)) throw badRequest(`username: invalid username "${username}" (letters, digits, '_', '.', '-'; 1 to 64 characters)`);
    // A real broker's own loopback listeners authenticate as ANONYMOUS, its super user (see broker/config.ts).
    if (username === "ANONYMOUS") throw badRequest(`username: "ANONYMOUS" is reserved`);
    const exists = () => this.kafka(name).users.some((u) => u.username === username);
    if (exists()) throw new ApiError(409, `User "${username}" already exists`);
    const user = await this.newUser(username, "normal");
    const svc = this.kafka(name);
    if (exists()) throw new ApiError(409, `User "${username}" already exists`);
    svc.users.push(user);
    return this.operation("create-dbaas-kafka-user", svc, this.usersChanged(svc));
  }

  private user(svc: ServiceRecord, username: string): UserRecord {
    const user = svc.users.find((u) => u.username === username);
    if (!user) throw notFound();
    return user;
  }

  deleteUser(name: string, username: string) {
    const svc = this.kafka(name);
    const user = this.user(svc, username);
    if (user.type === "primary") throw badRequest(`cannot delete the primary user "${username}"`);
    svc.users = svc.users.filter((u) => u !== user);
    return this.operation("delete-dbaas-kafka-user", svc, this.usersChanged(svc));
  }

  resetPassword(name: string, username: string, password: string | undefined) {
    const svc = this.kafka(name);
    const user = this.user(svc, username);
    user.password = password ?? generatePassword();
    return this.operation("reset-dbaas-kafka-user-password", svc, this.usersChanged(svc));
  }

  revealPassword(name: string, username: string) {
    const user = this.user(this.kafka(name), username);
    return {
      username: user.username,
      password: user.password,
      "access-cert": user.accessCert,
      "access-cert-expiry": user.accessCertExpiry,
      "access-key": user.accessKey,
    };
  }

  revealConnectPassword(name: string) {
    const svc = this.kafka(name);
    if (!svc.kafkaConnectEnabled) throw badRequest(`Kafka Connect is not enabled on service "${name}"`);
    const admin = svc.users.find((u) => u.type === "primary")!;
    return { username: admin.username, password: admin.password };
  }

  // --- ACLs -----------------------------------------------------------------------------------------------

  acls(name: string) {
    const svc = this.kafka(name);
    return { "topic-acl": svc.topicAcls, "schema-registry-acl": svc.schemaRegistryAcls };
  }

  addTopicAcl(name: string, entry: { username: string; topic: string; permission: string }) {
    const svc = this.kafka(name);
    if (svc.topicAcls.some((a) => a.username === entry.username && a.topic === entry.topic && a.permission === entry.permission)) {
      throw new ApiError(409, "Identical ACL entry already exists");
    }
    svc.topicAcls.push({ id: aclId(), ...entry });
    return this.operation("create-dbaas-kafka-topic-acl-config", svc, this.topicAclsChanged(svc));
  }

  addSchemaRegistryAcl(name: string, entry: { username: string; resource: string; permission: string }) {
    const svc = this.kafka(name);
    if (svc.schemaRegistryAcls.some((a) => a.username === entry.username && a.resource === entry.resource && a.permission === entry.permission)) {
      throw new ApiError(409, "Identical ACL entry already exists");
    }
    svc.schemaRegistryAcls.push({ id: aclId(), ...entry });
    this.touch(svc);
    return this.operation("create-dbaas-kafka-schema-registry-acl-config", svc);
  }

  deleteAcl(name: string, kind: "topic" | "schema-registry", id: string) {
    const svc = this.kafka(name);
    if (kind === "topic") {
      if (!svc.topicAcls.some((a) => a.id === id)) throw notFound();
      svc.topicAcls = svc.topicAcls.filter((a) => a.id !== id);
      return this.operation("delete-dbaas-kafka-topic-acl-config", svc, this.topicAclsChanged(svc));
    }
    if (!svc.schemaRegistryAcls.some((a) => a.id === id)) throw notFound();
    svc.schemaRegistryAcls = svc.schemaRegistryAcls.filter((a) => a.id !== id);
    this.touch(svc);
    return this.operation("delete-dbaas-kafka-schema-registry-acl-config", svc);
  }

  // --- brokers --------------------------------------------------------------------------------------------

  private touch(svc: ServiceRecord): void {
    svc.updatedAt = isoSeconds(new Date(Math.max(Date.now(), Date.parse(svc.updatedAt) + 1000)));
  }

  private usersChanged(svc: ServiceRecord): Promise<void> | undefined {
    return this.brokerChange(svc, "user", (brokers) => brokers.updateUsers(svc.name, brokerUsers(svc)));
  }

  private topicAclsChanged(svc: ServiceRecord): Promise<void> | undefined {
    return this.brokerChange(svc, "ACL", (brokers) => brokers.updateTopicAcls(svc.name, brokerTopicAcls(svc)));
  }

  /** Passes a change on to the service's broker (started or starting); the promise never rejects. */
  private brokerChange(svc: ServiceRecord, what: string, update: (brokers: BrokerProvider) => Promise<void>): Promise<void> | undefined {
    this.touch(svc);
    const brokers = this.opts.brokers;
    if (!brokers || (!this.brokerAddresses.has(svc.name) && !this.brokerStarts.has(svc.name))) return undefined;
    return update(brokers).catch((e) => this.opts.log(`broker ${what} update for ${svc.name} failed: ${(e as Error).message}`));
  }

  private syncBroker(svc: ServiceRecord): void {
    const brokers = this.opts.brokers;
    if (!brokers || svc.type !== "kafka") return;
    const name = svc.name;
    this.brokerStarts.set(name, (this.brokerStarts.get(name) ?? 0) + 1);
    void (async () => {
      const ca = await this.ca();
      const address = await brokers.ensureService({
        name,
        caCertPem: ca.certPem,
        caKeyPem: ca.keyPem,
        users: brokerUsers(svc),
        topicAcls: brokerTopicAcls(svc),
        saslEnabled: svc.authenticationMethods.sasl,
        version: svc.version,
        nodeCount: findKafkaPlan(svc.plan)?.["node-count"],
      });
      if (this.store.find(name) === svc) this.brokerAddresses.set(name, address);
      this.brokerStartFailed.delete(name);
    })()
      .catch((e) => {
        if (this.store.find(name) === svc) this.brokerStartFailed.add(name);
        this.opts.log(`broker start for ${name} failed: ${(e as Error).message}`);
      })
      .finally(() => {
        const left = (this.brokerStarts.get(name) ?? 1) - 1;
        if (left > 0) this.brokerStarts.set(name, left);
        else this.brokerStarts.delete(name);
      });
  }

  async close(): Promise<void> {
    await this.opts.brokers?.close();
  }
}

const brokerUsers = (svc: ServiceRecord) =>
  svc.users.map((u) => ({ username: u.username, password: u.password, accessCert: u.accessCert, accessKey: u.accessKey }));

const brokerTopicAcls = (svc: ServiceRecord) => svc.topicAcls.map(({ username, topic, permission }) => ({ username, topic, permission }));

const aclId = () => `acl${randomBytes(6).toString("hex")}`;

function randomTime(): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(randomInt(24))}:${two(randomInt(60))}:${two(randomInt(60))}`;
}
