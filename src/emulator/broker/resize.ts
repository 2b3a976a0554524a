// A plan change of a serving cluster: brokers join or leave one at a time, their partitions moved with them.
import { rm } from "node:fs/promises";
import type { ClusterEnv } from "./cluster-env.js";
import { newBroker, newNode, pickPorts, tlsOf, waitInSync } from "./node-launch.js";
import { keepNodeLog } from "./node-logs.js";
import { internalBootstrap, serving } from "./node-set.js";
import { partitionsCannotFit, spreadPartitions } from "./partition-moves.js";
import { msSince, say, timed } from "./progress-log.js";
import { rollingRestart } from "./rolling-restart.js";
import { throwIfRemoved, type NodeEntry, type ServiceEntry } from "./service-entry.js";

/** The node count a plan of `nodeCount` nodes gives this provider's clusters. */
export function targetCount(env: ClusterEnv, nodeCount: number): number {
  return Math.max(1, env.options.brokers ?? nodeCount);
}

/** Why a service's cluster cannot shrink to `nodeCount` nodes, or null (it can, or it grows or stays). */
export async function shrinkProblem(env: ClusterEnv, entry: ServiceEntry, nodeCount: number): Promise<string | null> {
  const target = targetCount(env, nodeCount);
  if (!serving(entry) || target >= entry.nodes.length) return null;
  if (target < entry.controllers) return `the cluster cannot have fewer than its ${entry.controllers} controller nodes`;
  const runtime = await env.runtime(entry.version);
  const keep = entry.nodes.slice(0, target).map((node) => node.nodeId);
  const problem = await partitionsCannotFit(runtime, internalBootstrap(env.host, entry), keep);
  return problem && `${problem}: lower its replication factor or keep a plan with as many nodes`;
}

/**
 * Brokers join or leave one at a time (partitions spread over the new ones, or moved off a leaving one before it
 * stops), or, with the same node count, a rolling restart.
 */
export async function resize(env: ClusterEnv, entry: ServiceEntry, nodeCount: number): Promise<void> {
  const target = targetCount(env, nodeCount);
  if (target > entry.nodes.length) await grow(env, entry, target);
  else if (target < entry.nodes.length) await shrink(env, entry, target);
  else await rollingRestart(env, entry, "", true);
  entry.nodeCount = entry.nodes.length;
}

async function grow(env: ClusterEnv, entry: ServiceEntry, target: number): Promise<void> {
  const runtime = await env.runtime(entry.version);
  const tls = await tlsOf(env, entry, "");
  const ports = await pickPorts(env, target - entry.nodes.length);
  const joining = ports.map((nodePorts, i): NodeEntry => ({ ...newNode(entry, entry.nodes.length + i + 1, nodePorts), phase: "setting_up_vm" }));
  entry.nodes.push(...joining);
  for (const node of joining) {
    throwIfRemoved(entry);
    const started = performance.now();
    node.broker = newBroker(env, entry, node, runtime);
    await timed(env, entry, node, "ready", () => node.broker!.start(tls));
    node.phase = "syncing_data";
    await waitInSync(env, entry, runtime);
    node.phase = null;
    say(env, entry, `broker ${node.nodeId} joined the cluster, ${msSince(started)} ms in all`);
  }
  const started = performance.now();
  await spreadPartitions(runtime, internalBootstrap(env.host, entry), entry.nodes.map((node) => node.nodeId), env.options.startTimeoutMs ?? 90_000);
  say(env, entry, `partitions spread over ${entry.nodes.length} brokers in ${msSince(started)} ms`);
}

async function shrink(env: ClusterEnv, entry: ServiceEntry, target: number): Promise<void> {
  const runtime = await env.runtime(entry.version);
  while (entry.nodes.length > target) {
    throwIfRemoved(entry);
    const node = entry.nodes.at(-1)!;
    const started = performance.now();
    node.phase = "leaving";
    const keep = entry.nodes.slice(0, -1).map((n) => n.nodeId);
    await spreadPartitions(runtime, internalBootstrap(env.host, entry), keep, env.options.startTimeoutMs ?? 90_000);
    say(env, entry, `partitions moved off broker ${node.nodeId} in ${msSince(started)} ms`);
    await timed(env, entry, node, "stopped and removed", () => node.broker?.stop() ?? Promise.resolve());
    entry.nodes.pop();
    await keepNodeLog(env, entry, node).catch((error: Error) => say(env, entry, `could not keep the broker log: ${error.message}`));
    await rm(node.dir, { recursive: true, force: true });
  }
}
