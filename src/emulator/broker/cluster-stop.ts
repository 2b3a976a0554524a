// Stopping a service's nodes and closing its bootstrap ports.
import type { ClusterEnv } from "./cluster-env.js";
import { timed } from "./progress-log.js";
import type { ServiceEntry } from "./service-entry.js";

export async function stopNodes(env: ClusterEnv, entry: ServiceEntry): Promise<void> {
  await Promise.all(
    entry.nodes.map((node) => (node.broker?.pid ? timed(env, entry, node, "stopped", () => node.broker!.stop()) : node.broker?.stop())),
  );
  for (const node of entry.nodes) node.broker = null;
}

export async function closeBootstrap(entry: ServiceEntry): Promise<void> {
  const bootstrap = entry.bootstrap;
  entry.bootstrap = null;
  await Promise.all([bootstrap?.ssl.close(), bootstrap?.sasl.close()]);
}
