// Stopping a service's nodes and closing its bootstrap ports.
import type { ClusterEnv } from "./cluster-env.js";
import { timed } from "./progress-log.js";
import type { NodeEntry, ServiceEntry } from "./service-entry.js";

/**
 * How long the other nodes of a cluster stopping as a whole get after SIGTERM: their broker shuts down in well under
 * a second, then the controller that leads the quorum waits 5 s to hand its leadership over, which no peer is left
 * to take (the cluster's data is removed with it: ending that wait loses nothing).
 */
const WHOLE_CLUSTER_STOP_MS = 3_000;

/** Stops every node of a cluster that stops as a whole (the emulator's close, the service's removal). */
export async function stopNodes(env: ClusterEnv, entry: ServiceEntry): Promise<void> {
  const stop = (nodes: NodeEntry[], timeoutMs?: number) =>
    Promise.all(nodes.map((node) => (node.broker?.pid ? timed(env, entry, node, "stopped", () => node.broker!.stop(timeoutMs)) : node.broker?.stop(timeoutMs))));
  // the node writing the class-data sharing archive first, while its peers run: Kafka's shutdown can stall for
  // many seconds once the controller quorum is gone, and a JVM killed for it writes nothing
  const writer = entry.nodes.filter((node) => node.broker?.writesArchive);
  await stop(writer);
  const others = entry.nodes.filter((node) => !writer.includes(node));
  await stop(others, others.length > 1 ? Math.min(WHOLE_CLUSTER_STOP_MS, env.options.stopTimeoutMs ?? WHOLE_CLUSTER_STOP_MS) : undefined);
  for (const node of entry.nodes) node.broker = null;
}

export async function closeBootstrap(entry: ServiceEntry): Promise<void> {
  const bootstrap = entry.bootstrap;
  entry.bootstrap = null;
  await Promise.all([bootstrap?.ssl.close(), bootstrap?.sasl.close()]);
}
