// Keeps a broker's SCRAM-SHA-256 credentials and ACLs equal to the service's users and their topic ACLs
// (passwords travel on stdin only, never in arguments).
import { join } from "node:path";
import type { BrokerUser } from "../broker-provider.js";
import type { KafkaAclBinding } from "./acl-mapping.js";
import { USER_SYNC_CLASS } from "./java-sources.js";
import { runJavaTool } from "./java-tool.js";
import type { KafkaRuntime } from "./runtime.js";
import { renderLog4j2Properties } from "./config.js";
import { writeFile } from "node:fs/promises";

export async function syncBrokerUsers(
  runtime: KafkaRuntime,
  bootstrap: string,
  users: BrokerUser[],
  acls: KafkaAclBinding[],
  workDir: string,
): Promise<void> {
  const log4j = join(workDir, "user-sync-log4j2.properties");
  await writeFile(log4j, renderLog4j2Properties(join(workDir, "user-sync.log"), null));
  const b64 = (value: string) => Buffer.from(value, "utf8").toString("base64");
  const lines = [
    ...users.map((u) => `U ${b64(u.username)} ${b64(u.password)}\n`),
    ...acls.map((a) => `A ${b64(a.username)} ${a.resourceType} ${a.patternType} ${b64(a.resourceName)} ${a.operation}\n`),
  ];
  await runJavaTool(runtime, {
    className: USER_SYNC_CLASS,
    args: [bootstrap],
    jvmFlags: [`-Dlog4j2.configurationFile=${log4j}`],
    input: lines.join(""),
    timeoutMs: 90_000,
  }).catch((error: Error) => {
    throw new Error(`could not update the broker's users and ACLs: ${error.message}`);
  });
}
