// Renders one node's KRaft configuration (every node is a broker and a controller) and its log4j2 configuration.

export interface BrokerPorts {
  /** SSL listener, client certificate required */
  ssl: number;
  /** SASL_SSL listener (SCRAM-SHA-256), only listening when SASL is enabled */
  sasl: number;
  /** plaintext loopback listener for inter-broker traffic and the credential tool */
  internal: number;
  /** plaintext loopback KRaft controller listener */
  controller: number;
}

/** One node of a cluster as the others reach it. */
export interface ClusterNode {
  nodeId: number;
  /** its KRaft controller listener */
  controllerPort: number;
}

export interface BrokerConfigInput {
  host: string;
  ports: BrokerPorts;
  /** this node's id; default 1 */
  nodeId?: number;
  /**
   * the controller quorum (the cluster's first nodes, at most three); this node is a controller when it is one of
   * them, else a broker only (nodes that join a running cluster); default this node alone
   */
  cluster?: readonly ClusterNode[];
  saslEnabled: boolean;
  logDir: string;
  /** PEM chain of the broker certificate (leaf first) */
  certChainPem: string;
  /** PEM PKCS#8 unencrypted key of the broker certificate */
  keyPem: string;
  /** PEM of the CA that signs client certificates */
  caCertPem: string;
}

/** Escapes a value for a java.util.Properties file (newlines become \n, backslashes doubled). */
export function escapeProperty(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/\r?\n/g, "\\n")
    .replace(/^\s/, (c) => `\\${c}`);
}

/** The principal of a client certificate is its CN (`CN=alice,O=x` → `alice`). */
export const PRINCIPAL_MAPPING_RULES = "RULE:^CN=([^,]*)(,.*)?$/$1/,DEFAULT";

/**
 * Replication defaults of a service with `nodes` nodes: three copies of every partition and two in sync to accept
 * a write (what a production topic on a 3-node Exoscale service uses), fewer on a smaller cluster.
 */
export function replicationDefaults(nodes: number): { replicationFactor: number; minInsyncReplicas: number } {
  const replicationFactor = Math.max(1, Math.min(3, nodes));
  return { replicationFactor, minInsyncReplicas: replicationFactor >= 3 ? 2 : 1 };
}

export function renderServerProperties(input: BrokerConfigInput): string {
  const { host, ports } = input;
  const nodeId = input.nodeId ?? 1;
  const cluster = input.cluster ?? [{ nodeId, controllerPort: ports.controller }];
  const { replicationFactor, minInsyncReplicas } = replicationDefaults(cluster.length);
  const rf = String(replicationFactor);
  const minIsr = String(minInsyncReplicas);
  const listeners = [`SSL://${host}:${ports.ssl}`, `INTERNAL://${host}:${ports.internal}`];
  if (input.saslEnabled) listeners.push(`SASL_SSL://${host}:${ports.sasl}`);
  const controller = cluster.some((node) => node.nodeId === nodeId);
  const props: [string, string][] = [
    ["process.roles", controller ? "broker,controller" : "broker"],
    ["node.id", String(nodeId)],
    ["controller.quorum.voters", cluster.map((node) => `${node.nodeId}@${host}:${node.controllerPort}`).join(",")],
    ["listeners", (controller ? [...listeners, `CONTROLLER://${host}:${ports.controller}`] : listeners).join(",")],
    ["advertised.listeners", listeners.join(",")],
    ["listener.security.protocol.map", "SSL:SSL,SASL_SSL:SASL_SSL,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT"],
    ["inter.broker.listener.name", "INTERNAL"],
    ["controller.listener.names", "CONTROLLER"],
    ["log.dirs", input.logDir],
    ["num.partitions", "1"],
    ["default.replication.factor", rf],
    ["min.insync.replicas", minIsr],
    ["offsets.topic.replication.factor", rf],
    ["offsets.topic.num.partitions", "1"],
    ["transaction.state.log.replication.factor", rf],
    ["transaction.state.log.min.isr", minIsr],
    ["transaction.state.log.num.partitions", "1"],
    ["share.coordinator.state.topic.replication.factor", rf],
    ["share.coordinator.state.topic.min.isr", minIsr],
    ["share.coordinator.state.topic.num.partitions", "1"],
    ["group.initial.rebalance.delay.ms", "0"],
    // A broker learns from its heartbeat answers that it may shut down (its leaderships moved) and that it is
    // unfenced after a start: every 2 s by default, which made each stop and start of a rolling restart wait up to
    // that much longer (BENCH.md). A killed broker is fenced, its partitions led elsewhere, after the session
    // timeout: 9 s by default, a producer's stall when a broker dies.
    ["broker.heartbeat.interval.ms", "250"],
    ["broker.session.timeout.ms", "4000"],
    ["auto.create.topics.enable", "false"],
    ["num.network.threads", "2"],
    ["num.io.threads", "2"],
    ["background.threads", "2"],
    ["log.cleaner.threads", "1"],
    ["log.retention.hours", "24"],
    ["log.segment.bytes", String(16 * 1024 * 1024)],
    ["ssl.client.auth", "required"],
    // TLS 1.3 servers send session tickets after the handshake; kafka-python takes that unsolicited data on a
    // fresh connection for a broken socket and drops it. TLS 1.2 sends them inside the handshake.
    ["ssl.protocol", "TLSv1.2"],
    ["ssl.enabled.protocols", "TLSv1.2"],
    ["ssl.keystore.type", "PEM"],
    ["ssl.keystore.certificate.chain", input.certChainPem],
    ["ssl.keystore.key", input.keyPem],
    ["ssl.truststore.type", "PEM"],
    ["ssl.truststore.certificates", input.caCertPem],
    ["ssl.endpoint.identification.algorithm", ""],
    ["ssl.principal.mapping.rules", PRINCIPAL_MAPPING_RULES],
    // Only the service's users (see user-sync) may use the client listeners; the loopback plaintext listeners
    // (broker itself, controller, user sync) authenticate as ANONYMOUS.
    ["authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"],
    ["allow.everyone.if.no.acl.found", "false"],
    ["super.users", "User:ANONYMOUS"],
  ];
  if (input.saslEnabled) {
    props.push(
      ["sasl.enabled.mechanisms", "SCRAM-SHA-256"],
      ["listener.name.sasl_ssl.ssl.client.auth", "none"],
      [
        "listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;",
      ],
    );
  }
  return props.map(([key, value]) => `${key}=${escapeProperty(value)}`).join("\n") + "\n";
}

/**
 * log4j2 configuration: everything at INFO into a size-capped file; the one line announcing a completed start-up also goes
 * to stdout, which is how the provider learns the broker is ready.
 */
export function renderLog4j2Properties(logFile: string, readinessLogger: string | null): string {
  const lines = [
    "status=error",
    "appender.file.type=RollingFile",
    "appender.file.name=file",
    `appender.file.fileName=${escapeProperty(logFile)}`,
    `appender.file.filePattern=${escapeProperty(logFile)}.%i`,
    "appender.file.layout.type=PatternLayout",
    "appender.file.layout.pattern=[%d] %p %m (%c)%n",
    "appender.file.policies.type=Policies",
    "appender.file.policies.size.type=SizeBasedTriggeringPolicy",
    "appender.file.policies.size.size=10MB",
    "appender.file.strategy.type=DefaultRolloverStrategy",
    "appender.file.strategy.max=2",
    "rootLogger.level=INFO",
    "rootLogger.appenderRef.file.ref=file",
    "logger.request.name=kafka.request.logger",
    "logger.request.level=WARN",
  ];
  if (readinessLogger) {
    lines.push(
      "appender.out.type=Console",
      "appender.out.name=out",
      "appender.out.target=SYSTEM_OUT",
      "appender.out.layout.type=PatternLayout",
      "appender.out.layout.pattern=%m%n",
      "logger.ready.name=" + readinessLogger,
      "logger.ready.level=INFO",
      "logger.ready.appenderRef.out.ref=out",
    );
  }
  return lines.join("\n") + "\n";
}
