// Moves partitions between the brokers of a cluster that grows or shrinks (see ExoReassign).
import { REASSIGN_CLASS } from "./java-sources.js";
import { runJavaTool } from "./java-tool.js";
import type { KafkaRuntime } from "./runtime.js";

const toolRun = (bootstrap: string, brokerIds: number[], timeoutMs: number, check: boolean) => ({
  className: REASSIGN_CLASS,
  args: [bootstrap, brokerIds.join(","), String(Math.max(1, Math.ceil(timeoutMs / 1000))), ...(check ? ["check"] : [])],
  jvmFlags: ["-Dlog4j2.level=OFF"],
  timeoutMs: timeoutMs + 30_000,
});

/** Spreads every partition over `brokerIds` and waits until every replica is in place and in sync. */
export async function spreadPartitions(runtime: KafkaRuntime, bootstrap: string, brokerIds: number[], timeoutMs: number): Promise<void> {
  await runJavaTool(runtime, toolRun(bootstrap, brokerIds, timeoutMs, false));
}

/** Why the partitions cannot all live on `brokerIds` (a topic with more replicas), or null. */
export async function partitionsCannotFit(runtime: KafkaRuntime, bootstrap: string, brokerIds: number[]): Promise<string | null> {
  try {
    await runJavaTool(runtime, toolRun(bootstrap, brokerIds, 30_000, true));
    return null;
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith("topic ")) return message;
    throw error;
  }
}
