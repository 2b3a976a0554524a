// Waits, between two restarts of a rolling restart, until the cluster has every broker back and no partition
// under-replicated (see ExoClusterHealth).
import { spawn } from "node:child_process";
import { CLUSTER_HEALTH_CLASS } from "./java-sources.js";
import { JVM_FLAGS, type KafkaRuntime } from "./runtime.js";

export async function waitUntilInSync(runtime: KafkaRuntime, bootstrap: string, brokers: number, timeoutMs: number): Promise<void> {
  const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
  const child = spawn(
    runtime.java,
    [...JVM_FLAGS, "-Xmx96m", "-Dlog4j2.level=OFF", "-cp", runtime.classpath, CLUSTER_HEALTH_CLASS, bootstrap, String(brokers), String(seconds)],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs + 30_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (exitCode) => resolve(exitCode));
  }).finally(() => clearTimeout(timer));
  if (code !== 0) {
    const lastLine = stderr.trim().split("\n").pop() ?? "";
    throw new Error(lastLine || `cluster health check exited with ${code}`);
  }
}
