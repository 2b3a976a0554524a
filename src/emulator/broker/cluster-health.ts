// Waits, between two restarts of a rolling restart, until the cluster has every broker back and no partition
// under-replicated (see ExoClusterHealth).
import { CLUSTER_HEALTH_CLASS } from "./java-sources.js";
import { runJavaTool } from "./java-tool.js";
import type { KafkaRuntime } from "./runtime.js";

export async function waitUntilInSync(runtime: KafkaRuntime, bootstrap: string, brokers: number, timeoutMs: number): Promise<void> {
  const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
  await runJavaTool(runtime, {
    className: CLUSTER_HEALTH_CLASS,
    args: [bootstrap, String(brokers), String(seconds)],
    jvmFlags: ["-Dlog4j2.level=OFF"],
    timeoutMs: timeoutMs + 30_000,
  });
}
