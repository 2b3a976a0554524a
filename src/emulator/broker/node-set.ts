// What a service's set of nodes says: whether it runs or serves, where clients and admin tools reach it, each node's state.
import type { BrokerAddress, BrokerNodeState } from "../broker-provider.js";
import type { BrokerPorts } from "./config.js";
import type { NodeEntry, ServiceEntry } from "./service-entry.js";

const isUp = (node: NodeEntry) => node.broker?.state === "running";

/** Whether every node runs. */
export function allRunning(entry: ServiceEntry): boolean {
  return entry.nodes.length > 0 && entry.nodes.every(isUp);
}

/** How many nodes run. */
export function runningCount(entry: ServiceEntry): number {
  return entry.nodes.filter(isUp).length;
}

/** Whether a majority of the nodes runs: the cluster serves, and a change can restart the others in turn. */
export function serving(entry: ServiceEntry): boolean {
  return runningCount(entry) * 2 > entry.nodes.length;
}

/** The ports the bootstrap tries for a new connection: the running nodes first. */
export function bootstrapTargets(entry: ServiceEntry, port: (ports: BrokerPorts) => number): number[] {
  const up = entry.nodes.filter(isUp);
  const others = entry.nodes.filter((node) => !up.includes(node));
  return [...up, ...others].map((node) => port(node.ports));
}

/** The internal (plaintext loopback) address of a running node, for the admin tools. */
export function internalBootstrap(host: string, entry: ServiceEntry): string {
  const nodes = entry.nodes.filter(isUp);
  return (nodes.length ? nodes : entry.nodes).map((node) => `${host}:${node.ports.internal}`).join(",");
}

/**
 * The bootstrap ports reach any running node (clients learn each broker's own address from the metadata). The
 * SASL ports are reserved from the first start: a service enabling SASL reports the port it will listen on.
 */
export function clusterAddress(host: string, entry: ServiceEntry): BrokerAddress {
  return {
    host,
    sslPort: entry.bootstrap!.ssl.port,
    saslPort: entry.bootstrap!.sasl.port,
    nodes: entry.nodes.map((node) => ({ nodeId: node.nodeId, sslPort: node.ports.ssl, saslPort: node.ports.sasl })),
  };
}

/** Each node's state (1..N) as the API names it. */
export function nodeStates(entry: ServiceEntry): BrokerNodeState[] {
  return entry.nodes.map((node) => {
    if (node.phase) return node.phase;
    const state = node.broker?.state;
    return state === "running" ? "running" : state === "starting" ? "setting_up_vm" : "unknown";
  });
}
