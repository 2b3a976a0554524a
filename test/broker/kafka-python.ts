// Runs the kafka-python scripts of test/broker/python with the venv .ci/setup-extra installs.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { kafkaRuntimeProblem } from "../../src/emulator/broker/index.js";

const run = promisify(execFile);
const python = join(resolve(import.meta.dirname, "../.."), ".cache", "python-venv", "bin", "python");
const scripts = join(import.meta.dirname, "python");

/**
 * Why the real-broker tests cannot run here, or null. Under CI a missing prerequisite is an error: .ci/setup-extra
 * installs them.
 */
export async function missingPrerequisite(suite: string): Promise<string | null> {
  const missing =
    (await kafkaRuntimeProblem()) ??
    (existsSync(python) ? null : `kafka-python venv not found at ${python} (run .ci/setup-extra)`);
  if (missing && process.env.CI) throw new Error(`${suite}: prerequisites missing under CI: ${missing}`);
  if (missing) console.warn(`skipping ${suite}: ${missing}`);
  return missing;
}

export interface ScriptRun {
  code: number;
  /** stdout, then stderr */
  output: string;
}

export async function runScript(
  script: string,
  opts: { cwd: string; bootstrap: string; args?: string[]; env?: Record<string, string> },
): Promise<ScriptRun> {
  try {
    const { stdout, stderr } = await run(python, [join(scripts, script), ...(opts.args ?? [])], {
      cwd: opts.cwd,
      timeout: 60_000,
      env: { ...process.env, KAFKA_BOOTSTRAP_SERVERS: opts.bootstrap, ...opts.env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failure.code === "number" ? failure.code : -1, output: `${failure.stdout ?? ""}${failure.stderr ?? ""}` };
  }
}

/**
 * Runs the seed's consumer-ssl.py until it has printed `count` messages (it polls for two seconds only, which a
 * loaded machine can spend joining the group; it commits what it printed, so a rerun continues after it).
 */
export async function consumeWithSeedScript(cwd: string, bootstrap: string, count: number): Promise<string[]> {
  const received: string[] = [];
  for (let attempt = 1; attempt <= 4 && received.length < count; attempt++) {
    const result = await runScript("consumer-ssl.py", { cwd, bootstrap });
    if (result.code !== 0) throw new Error(`consumer-ssl.py failed:\n${result.output}`);
    received.push(...result.output.split("\n").filter((line) => line.startsWith("Received:")));
    if (received.length < count) console.log(`consumer-ssl.py run ${attempt} printed ${received.length}/${count} so far`);
  }
  return received;
}
