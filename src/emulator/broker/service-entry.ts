// A service's cluster as the provider keeps it: its nodes, its bootstrap ports, its access and its status.
import type { BrokerNodeState, BrokerServiceSpec, BrokerStatus, BrokerTopicAcl, BrokerUser } from "../broker-provider.js";
import type { BootstrapForwarder } from "./bootstrap-forwarder.js";
import { newClusterId, type BrokerProcess } from "./broker-process.js";
import type { BrokerPorts } from "./config.js";

/** One node of a service's cluster. */
export interface NodeEntry {
  nodeId: number;
  dir: string;
  ports: BrokerPorts;
  broker: BrokerProcess | null;
  /** what the node is going through (restart, joining, leaving), shown instead of whether it runs */
  phase: BrokerNodeState | null;
}

export interface ServiceEntry {
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

/** A service not started yet, with `nodeCount` nodes to come. */
export function newServiceEntry(spec: BrokerServiceSpec, nodeCount: number): ServiceEntry {
  return {
    name: spec.name,
    nodeCount,
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
}

/** Runs a task once every earlier operation on the service has ended. */
export function enqueue<T>(entry: ServiceEntry, task: () => Promise<T>): Promise<T> {
  const result = entry.queue.then(task, task);
  entry.queue = result.catch(() => undefined);
  return result;
}

/** Stops an operation of a service removed meanwhile. */
export function throwIfRemoved(entry: ServiceEntry): void {
  if (entry.removed) throw new Error(`service ${entry.name} was removed`);
}

/** A service name as a directory name. */
export const safeDirName = (name: string) => name.replace(/[^A-Za-z0-9_.-]/g, "_");
