// Keeps a broker's SCRAM-SHA-256 credentials and ACLs equal to the service's users and their topic ACLs
// (passwords travel on stdin only, never in arguments).
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { BrokerUser } from "../broker-provider.js";
import type { KafkaAclBinding } from "./acl-mapping.js";
import { USER_SYNC_CLASS } from "./java-sources.js";
import { JVM_FLAGS, type KafkaRuntime } from "./runtime.js";
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
  const child = spawn(
    runtime.java,
    [...JVM_FLAGS, "-Xmx96m", `-Dlog4j2.configurationFile=${log4j}`, "-cp", runtime.classpath, USER_SYNC_CLASS, bootstrap],
    { stdio: ["pipe", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  const b64 = (value: string) => Buffer.from(value, "utf8").toString("base64");
  child.stdin.on("error", () => undefined);
  const lines = [
    ...users.map((u) => `U ${b64(u.username)} ${b64(u.password)}\n`),
    ...acls.map((a) => `A ${b64(a.username)} ${a.resourceType} ${a.patternType} ${b64(a.resourceName)} ${a.operation}\n`),
  ];
  child.stdin.end(lines.join(""));
  const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (exitCode) => resolve(exitCode));
  }).finally(() => clearTimeout(timer));
  if (code !== 0) {
    const lastLine = stderr.trim().split("\n").pop() ?? "";
    throw new Error(`could not update the broker's users and ACLs: ${lastLine || `exit ${code}`}`);
  }
}
