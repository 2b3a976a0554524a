// Killing one node as a crash would, and starting a node that is down again (the emulator's control API).
import type { ClusterEnv } from "./cluster-env.js";
import { say } from "./progress-log.js";
import { restartNode } from "./rolling-restart.js";
import { enqueue, type ServiceEntry } from "./service-entry.js";

const findNode = (entry: ServiceEntry | undefined, nodeId: number) => entry?.nodes.find((n) => n.nodeId === nodeId);

/** Kills one broker's JVM (SIGKILL); false when that node does not run. */
export async function killNode(env: ClusterEnv, entry: ServiceEntry | undefined, nodeId: number): Promise<boolean> {
  const node = findNode(entry, nodeId);
  if (node?.broker?.state !== "running") return false;
  await node.broker.kill();
  say(env, entry!, `broker ${nodeId} killed`);
  return true;
}

/** Starts a node that is down again, after the service's ongoing operations (it rejoins and catches up); false when it runs already. */
export function startNode(env: ClusterEnv, entry: ServiceEntry | undefined, nodeId: number): boolean {
  const node = findNode(entry, nodeId);
  if (!entry || !node || node.broker?.state === "running" || node.phase) return false;
  node.phase = "setting_up_vm";
  void enqueue(entry, () => restartNode(env, entry, node, "", "started again (it was down)")).catch((error: Error) =>
    say(env, entry, `broker ${nodeId} could not start again: ${error.message}`),
  );
  return true;
}
