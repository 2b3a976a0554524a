// Keeps a broker's SCRAM-SHA-256 credentials and user ACLs equal to the service's users (passwords travel on
// stdin only, never in arguments).
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { BrokerUser } from "../broker-provider.js";
import { USER_SYNC_CLASS } from "./java-sources.js";
import { JVM_FLAGS, type KafkaRuntime } from "./runtime.js";
import { renderLog4j2Properties } from "./config.js";
import { writeFile } from "node:fs/promises";

export async function syncBrokerUsers(
  runtime: KafkaRuntime,
  bootstrap: string,
  users: BrokerUser[],
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
  child.stdin.end(users.map((u) => `${b64(u.username)} ${b64(u.password)}\n`).join(""));
  const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (exitCode) => resolve(exitCode));
  }).finally(() => clearTimeout(timer));
  if (code !== 0) {
    const lastLine = stderr.trim().split("\n").pop() ?? "";
    throw new Error(`could not update the broker's users: ${lastLine || `exit ${code}`}`);
  }
}
