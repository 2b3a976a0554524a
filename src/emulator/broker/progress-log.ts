// The provider's own lines about a service's brokers (options.log), with the time each step took.
import { join } from "node:path";
import type { ClusterEnv } from "./cluster-env.js";
import type { NodeEntry, ServiceEntry } from "./service-entry.js";

export function say(env: ClusterEnv, entry: ServiceEntry, message: string): void {
  env.options.log?.(`kafka ${entry.name}: ${message}`);
}

/** Runs a broker step and logs it with the time it took (or its failure). */
export async function timed(env: ClusterEnv, entry: ServiceEntry, node: NodeEntry, done: string, step: () => Promise<void>): Promise<void> {
  const started = performance.now();
  try {
    await step();
  } catch (error) {
    say(env, entry, `broker ${node.nodeId} failed after ${msSince(started)} ms (log: ${join(node.dir, "server.log")})`);
    throw error;
  }
  say(env, entry, `broker ${node.nodeId} ${done} in ${msSince(started)} ms`);
}

/** Milliseconds since `started`, rounded. */
export const msSince = (started: number) => Math.round(performance.now() - started);
