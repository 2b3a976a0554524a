// Contract between the emulator and a module that runs real Kafka brokers for emulated services.
// The emulator owns the PKI and the users; the provider only starts brokers that trust them.

/** One Kafka user as the broker must know it. */
export interface BrokerUser {
  username: string;
  /** SASL/SCRAM (or PLAIN) password */
  password: string;
  /** PEM client certificate, signed by the service's CA, CN = username */
  accessCert: string;
  /** PEM PKCS#8 private key of accessCert */
  accessKey: string;
}

/** One topic ACL entry of the service, as the API manages it. */
export interface BrokerTopicAcl {
  /** username or pattern (`*`, `?`) */
  username: string;
  /** topic name or pattern (`*`, `?`) */
  topic: string;
  /** admin | read | readwrite | write */
  permission: string;
}

/** What the provider needs to run brokers for one service. */
export interface BrokerServiceSpec {
  /** service name, unique across the emulator */
  name: string;
  /** PEM of the project CA: clients verify the broker with it, the broker verifies client certs with it */
  caCertPem: string;
  /** PEM PKCS#8 key of the project CA, to sign the broker's own server certificate if it wants to */
  caKeyPem: string;
  users: BrokerUser[];
  /** what each user may do on the broker (nothing without a matching entry) */
  topicAcls: BrokerTopicAcl[];
  /** when true the broker also listens with SASL_SSL on saslPort */
  saslEnabled: boolean;
  /** the service's Kafka version (major.minor, e.g. "3.8"): its brokers run that Kafka release */
  version?: string;
  /** the plan's node count: how many brokers the service's cluster has (a provider may be told otherwise) */
  nodeCount?: number;
}

/** Where clients reach a service's brokers. All addresses are loopback. */
export interface BrokerAddress {
  host: string;
  /** SSL listener with client-certificate authentication */
  sslPort: number;
  /** SASL_SSL listener: listening when saslEnabled; a provider may report it before, as the port it will use */
  saslPort?: number;
  /** every broker of the cluster with its own ports (the ports above are the bootstrap's); absent: one broker */
  nodes?: { nodeId: number; sslPort: number; saslPort?: number }[];
}

/**
 * A node's state as the API's `node-states` name it: `setting_up_vm` while it (re)starts or joins, `syncing_data`
 * while its partitions catch up, `leaving` while partitions move off it, `unknown` when it is down.
 */
export type BrokerNodeState = "running" | "setting_up_vm" | "syncing_data" | "leaving" | "unknown";

/** "rebalancing": a rolling restart runs, one broker at a time, the others serving */
export type BrokerStatus = "starting" | "running" | "rebalancing" | "failed";

/**
 * Runs brokers for emulated Kafka services. Every method may be called repeatedly; implementations are
 * idempotent per service name. The emulator never waits for ensureService inside a request: a service stays
 * `rebuilding` until ensureService resolved and status() reports "running".
 */
export interface BrokerProvider {
  /** Starts (or reconfigures) the brokers of a service; resolves with the address once it accepts connections. */
  ensureService(spec: BrokerServiceSpec): Promise<BrokerAddress>;
  /**
   * Replaces the set of users of a service (after user create/delete/password reset); resolves once the broker
   * applies them. A service ensureService was not called for yet is left alone: its spec will carry the users.
   */
  updateUsers(name: string, users: BrokerUser[]): Promise<void>;
  /** Replaces the topic ACLs of a service (after acl create/delete), as updateUsers does the users. */
  updateTopicAcls(name: string, acls: BrokerTopicAcl[]): Promise<void>;
  /** Each of a service's brokers' state (node 1..N), or null when unknown. */
  nodeStates?(name: string): BrokerNodeState[] | null;
  /** Where clients reach the service now, when it can change after ensureService resolved (nodes join or leave). */
  currentAddress?(name: string): BrokerAddress | null;
  /** Why the service's cluster cannot change to a plan of `nodeCount` nodes (checked before the change), or null. */
  planChangeProblem?(name: string, nodeCount: number): Promise<string | null>;
  /** A plan change: brokers join or leave one at a time, or (same node count) a rolling restart. */
  changePlan?(name: string, nodeCount: number): Promise<void>;
  /** Kills one broker as a crash would (test control); false when it does not run. */
  killNode?(name: string, nodeId: number): Promise<boolean>;
  /** Starts a broker that is down again (test control); false when it runs or is starting. */
  startNode?(name: string, nodeId: number): Promise<boolean>;
  /** The brokers' own log lines (oldest first; time as the API writes it, node SERVICE-N), or null without brokers. */
  logLines?(name: string): Promise<{ time: string; node: string; message: string }[] | null>;
  /** Restarts a running service's brokers one at a time (maintenance); resolves once all are back in sync. */
  rollingRestart?(name: string): Promise<void>;
  /** Stops the brokers of a service and forgets it. Resolves also for unknown names. */
  removeService(name: string): Promise<void>;
  /** Current health of a service's brokers; "failed" for unknown names. */
  status(name: string): BrokerStatus;
  /** Stops everything. */
  close(): Promise<void>;
}

/**
 * A helper the emulator offers providers: a TLS server certificate for host names/IPs (SAN), signed by the
 * service's project CA. Returned PEMs: certificate and PKCS#8 key.
 */
export type ServerCertificateIssuer = (
  caCertPem: string,
  caKeyPem: string,
  names: { dns: string[]; ips: string[] },
) => Promise<{ certPem: string; keyPem: string }>;
