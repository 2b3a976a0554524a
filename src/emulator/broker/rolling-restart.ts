// Restarting a serving cluster one node at a time, so that clients with replicated topics carry on.
import type { ClusterEnv } from "./cluster-env.js";
import { newBroker, tlsOf, waitInSync } from "./node-launch.js";
import { msSince, say, timed } from "./progress-log.js";
import { throwIfRemoved, type NodeEntry, type ServiceEntry } from "./service-entry.js";

/**
 * Restarts a serving cluster one broker at a time with the current configuration: first the nodes that are down
 * (they start again), then, with `restartRunning`, each running one; the next only once the last is back and no
 * partition is under-replicated, so clients with replicated topics carry on.
 */
export async function rollingRestart(env: ClusterEnv, entry: ServiceEntry, caKeyPem: string, restartRunning: boolean): Promise<void> {
  const down = entry.nodes.filter((node) => node.broker?.state !== "running");
  const up = restartRunning ? entry.nodes.filter((node) => !down.includes(node)) : [];
  for (const node of down) await restartNode(env, entry, node, caKeyPem, "started again (it was down)");
  for (const node of up) await restartNode(env, entry, node, caKeyPem, "restarted");
}

/** Stops a node if it runs, starts it with the current configuration, and waits until the cluster is in sync. */
export async function restartNode(env: ClusterEnv, entry: ServiceEntry, node: NodeEntry, caKeyPem: string, done: string): Promise<void> {
  throwIfRemoved(entry);
  const runtime = await env.runtime(entry.version);
  const tls = await tlsOf(env, entry, caKeyPem);
  const started = performance.now();
  node.phase = "setting_up_vm";
  try {
    if (node.broker?.pid) await timed(env, entry, node, "stopped for a rolling restart", () => node.broker!.stop());
    else await node.broker?.stop();
    node.broker = newBroker(env, entry, node, runtime);
    await timed(env, entry, node, "ready again", () => node.broker!.start(tls));
    node.phase = "syncing_data";
    await waitInSync(env, entry, runtime);
  } finally {
    node.phase = null;
  }
  say(env, entry, `broker ${node.nodeId} ${done}, every partition back in sync, ${msSince(started)} ms in all`);
}
