// Stopping a service's nodes and closing its bootstrap ports.
import type { ClusterEnv } from "./cluster-env.js";
import { timed } from "./progress-log.js";
import type { NodeEntry, ServiceEntry } from "./service-entry.js";

export async function stopNodes(env: ClusterEnv, entry: ServiceEntry): Promise<void> {
  const stop = (nodes: NodeEntry[]) =>
    Promise.all(nodes.map((node) => (node.broker?.pid ? timed(env, entry, node, "stopped", () => node.broker!.stop()) : node.broker?.stop())));
  // the node writing the class-data sharing archive first, while its peers run: Kafka's shutdown can stall for
  // many seconds once the controller quorum is gone, and a JVM killed for it writes nothing
  const writer = entry.nodes.filter((node) => node.broker?.writesArchive);
  await stop(writer);
  await stop(entry.nodes.filter((node) => !writer.includes(node)));
  for (const node of entry.nodes) node.broker = null;
}

export async function closeBootstrap(entry: ServiceEntry): Promise<void> {
  const bootstrap = entry.bootstrap;
  entry.bootstrap = null;
  await Promise.all([bootstrap?.ssl.close(), bootstrap?.sasl.close()]);
}
