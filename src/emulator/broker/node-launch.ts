// What a node needs to run: its ports, its directory, its certificate, its broker process, and the wait until in sync.
import { join } from "node:path";
import { BrokerProcess, type BrokerTlsAndAuth } from "./broker-process.js";
import { waitUntilInSync } from "./cluster-health.js";
import type { ClusterEnv } from "./cluster-env.js";
import type { BrokerPorts } from "./config.js";
import { internalBootstrap, runningCount } from "./node-set.js";
import { freePorts } from "./ports.js";
import type { KafkaRuntime } from "./runtime.js";
import { issueServerCertificate } from "./server-cert.js";
import type { NodeEntry, ServiceEntry } from "./service-entry.js";

/** A KRaft controller quorum of at most three: the cluster's first nodes; nodes that join later are brokers only. */
export const MAX_CONTROLLERS = 3;

export function newNode(entry: ServiceEntry, nodeId: number, ports: BrokerPorts): NodeEntry {
  return { nodeId, dir: join(entry.dir, `node-${nodeId}`), ports, broker: null, phase: null };
}

export async function pickPorts(env: ClusterEnv, nodes: number): Promise<BrokerPorts[]> {
  const all = await freePorts(env.host, 4 * nodes);
  return Array.from({ length: nodes }, (_, i) => {
    const [ssl, sasl, internal, controller] = all.slice(4 * i, 4 * i + 4) as [number, number, number, number];
    return { ssl, sasl, internal, controller };
  });
}

/** The service's TLS and SASL settings, its server certificate issued again when its CA changed. */
export async function tlsOf(env: ClusterEnv, entry: ServiceEntry, caKeyPem: string): Promise<BrokerTlsAndAuth> {
  if (entry.certificate?.caCertPem !== entry.caCertPem) {
    const issue = env.options.issueCertificate ?? issueServerCertificate;
    const { certPem, keyPem } = await issue(entry.caCertPem, caKeyPem, { dns: ["localhost"], ips: [env.host] });
    entry.certificate = { caCertPem: entry.caCertPem, certPem, keyPem };
  }
  return {
    saslEnabled: entry.saslEnabled,
    caCertPem: entry.caCertPem,
    certChainPem: entry.certificate.certPem,
    keyPem: entry.certificate.keyPem,
  };
}

export function newBroker(env: ClusterEnv, entry: ServiceEntry, node: NodeEntry, runtime: KafkaRuntime): BrokerProcess {
  return new BrokerProcess({
    runtime,
    dir: node.dir,
    host: env.host,
    ports: node.ports,
    nodeId: node.nodeId,
    cluster: entry.nodes.slice(0, entry.controllers).map((n) => ({ nodeId: n.nodeId, controllerPort: n.ports.controller })),
    clusterId: entry.clusterId,
    heapMb: env.options.heapMb ?? 256,
    startTimeoutMs: env.options.startTimeoutMs ?? 90_000,
    stopTimeoutMs: env.options.stopTimeoutMs ?? 10_000,
    onRunningChange: () => refreshBootstrap(entry),
  });
}

/**
 * The bootstrap ports listen while a node runs (the SASL one while SASL is enabled too): otherwise a client is
 * refused, as by every node's own address.
 */
function refreshBootstrap(entry: ServiceEntry): void {
  const listening = entry.nodes.some((node) => node.broker?.state === "running");
  void entry.bootstrap?.ssl.setListening(listening);
  void entry.bootstrap?.sasl.setListening(listening && entry.saslEnabled);
}

/** Waits until no partition is under-replicated across the running nodes. */
export function waitInSync(env: ClusterEnv, entry: ServiceEntry, runtime: KafkaRuntime): Promise<void> {
  return waitUntilInSync(runtime, internalBootstrap(env.host, entry), runningCount(entry), env.options.startTimeoutMs ?? 90_000);
}
