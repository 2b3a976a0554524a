// Runs one of the helper programs (java-sources.ts) beside the brokers and turns a failure into its last stderr line.
import { spawn } from "node:child_process";
import { JVM_FLAGS, type KafkaRuntime } from "./runtime.js";

export interface JavaToolRun {
  className: string;
  args: string[];
  /** JVM flags before the class, e.g. a log4j2 configuration */
  jvmFlags?: string[];
  /** written to its stdin, which is then closed */
  input?: string;
  /** killed after this long */
  timeoutMs: number;
}

/** Resolves when the program exits with 0; else rejects with its last stderr line (or its exit code). */

export async function runJavaTool(runtime: KafkaRuntime, run: JavaToolRun): Promise<void> {
  const jvmFlags = [...JVM_FLAGS, ...(runtime.classSharing?.useFlags() ?? []), "-Xmx96m", ...(run.jvmFlags ?? [])];
  const child = spawn(runtime.java, [...jvmFlags, "-cp", runtime.classpath, run.className, ...run.args], {
    stdio: ["pipe", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  child.stdin.on("error", () => undefined);
  child.stdin.end(run.input ?? "");
  const timer = setTimeout(() => child.kill("SIGKILL"), run.timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (exitCode) => resolve(exitCode));
  }).finally(() => clearTimeout(timer));
  if (code !== 0) {
    const lastLine = stderr.trim().split("\n").pop() ?? "";
    throw new Error(lastLine || `exit ${code}`);
  }
}
