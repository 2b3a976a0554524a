// The brokers' own log files: read for the API's logs, copied to keepLogsDir when a node leaves or the provider closes.
import { copyFile, mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { parseBrokerLog, readTail, type BrokerLogLine } from "./broker-log.js";
import type { ClusterEnv } from "./cluster-env.js";
import { say } from "./progress-log.js";
import { safeDirName, type NodeEntry, type ServiceEntry } from "./service-entry.js";

/** Copies each broker's log files into keepLogsDir/SERVICE/node-N/. */
export async function keepLogs(env: ClusterEnv, entry: ServiceEntry): Promise<void> {
  const target = env.options.keepLogsDir;
  if (!target) return;
  for (const node of entry.nodes) await keepNodeLog(env, entry, node);
  say(env, entry, `broker logs kept in ${join(target, safeDirName(entry.name))}`);
}

/** Copies one node's log files into keepLogsDir/SERVICE/node-N/ (a node leaving the cluster, or all of them at the end). */
export async function keepNodeLog(env: ClusterEnv, entry: ServiceEntry, node: NodeEntry): Promise<void> {
  const target = env.options.keepLogsDir;
  if (!target) return;
  const dir = join(target, safeDirName(entry.name), `node-${node.nodeId}`);
  await mkdir(dir, { recursive: true });
  const files = await readdir(node.dir).catch(() => [] as string[]);
  for (const file of files.filter((f) => /^server\.log(\.\d+)?$/.test(f))) await copyFile(join(node.dir, file), join(dir, file));
}

/** The brokers' own log lines (newest last), from the tail of each node's log. */
export async function clusterLogLines(entry: ServiceEntry): Promise<BrokerLogLine[]> {
  const lines: BrokerLogLine[] = [];
  for (const node of entry.nodes) {
    const text = await readTail(join(node.dir, "server.log"), 512 * 1024);
    lines.push(...parseBrokerLog(text, `${entry.name}-${node.nodeId}`));
  }
  return lines.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}
