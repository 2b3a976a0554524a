// Starting a service's whole cluster: its directory, nodes and bootstrap ports the first time, then every node together.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { startBootstrapForwarder } from "./bootstrap-forwarder.js";
import type { ClusterEnv } from "./cluster-env.js";
import { MAX_CONTROLLERS, newBroker, newNode, pickPorts, tlsOf } from "./node-launch.js";
import { bootstrapTargets } from "./node-set.js";
import { say, timed } from "./progress-log.js";
import { safeDirName, throwIfRemoved, type ServiceEntry } from "./service-entry.js";

/** Stops whatever node runs and starts them all, on fresh ports once if another process took one meanwhile. */
export async function startCluster(env: ClusterEnv, entry: ServiceEntry, caKeyPem: string): Promise<void> {
  const runtime = await env.runtime(entry.version);
  entry.kafkaVersion = runtime.kafkaVersion;
  if (!entry.dir) await layOut(env, entry);
  await Promise.all(entry.nodes.map((node) => node.broker?.stop()));
  const tls = await tlsOf(env, entry, caKeyPem);
  for (let attempt = 1; ; attempt++) {
    throwIfRemoved(entry);
    for (const node of entry.nodes) node.broker = newBroker(env, entry, node, runtime);
    entry.syncedUsers = null;
    // the nodes start together: none is ready before a majority of the controllers runs
    say(env, entry, `starting ${entry.nodes.length} broker(s), Kafka ${runtime.kafkaVersion}, logs in ${entry.dir}/node-N/server.log`);
    const results = await Promise.allSettled(entry.nodes.map((node) => timed(env, entry, node, "ready", () => node.broker!.start(tls))));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (!failed) return;
    await Promise.all(entry.nodes.map((node) => node.broker?.stop()));
    // ports are only reserved until the broker binds them: another process may have taken one meanwhile
    const bindFailures = await Promise.all(entry.nodes.map((node) => node.broker!.failedToBind()));
    if (attempt >= 2 || entry.removed || !bindFailures.some(Boolean)) throw failed.reason;
    const ports = await pickPorts(env, entry.nodes.length);
    entry.nodes.forEach((node, i) => (node.ports = ports[i]!));
  }
}

/** The service's directory, its nodes with their ports, and its bootstrap ports. */
async function layOut(env: ClusterEnv, entry: ServiceEntry): Promise<void> {
  const root = await env.root();
  entry.dir = join(root.dir, safeDirName(entry.name));
  await mkdir(entry.dir, { recursive: true, mode: 0o700 });
  const ports = await pickPorts(env, entry.nodeCount);
  entry.nodes = ports.map((nodePorts, i) => newNode(entry, i + 1, nodePorts));
  entry.controllers = Math.min(MAX_CONTROLLERS, entry.nodes.length);
  const ssl = await startBootstrapForwarder(env.host, 0, () => bootstrapTargets(entry, (p) => p.ssl));
  const sasl = await startBootstrapForwarder(env.host, 0, () => bootstrapTargets(entry, (p) => p.sasl)).catch(async (error: unknown) => {
    await ssl.close();
    throw error;
  });
  entry.bootstrap = { ssl, sasl };
}
