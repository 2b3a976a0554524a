// Locates the Java runtime and the Kafka jars, and compiles the Java programs the provider runs beside them.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, rename, rm, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { kafkaRelease, userCacheLibsDir } from "./jar-cache.js";
import {
  BROKER_LAUNCHER_CLASS,
  BROKER_LAUNCHER_SOURCE,
  CLUSTER_HEALTH_CLASS,
  CLUSTER_HEALTH_SOURCE,
  REASSIGN_CLASS,
  REASSIGN_SOURCE,
  USER_SYNC_CLASS,
  USER_SYNC_SOURCE,
} from "./java-sources.js";

const run = promisify(execFile);

export interface KafkaRuntime {
  /** the java executable */
  java: string;
  /** directory holding kafka_2.13-*.jar and every runtime dependency */
  libsDir: string;
  kafkaVersion: string;
  /** classpath: the helper classes directory, then every jar of libsDir */
  classpath: string;
}

/** JVM flags for a small, fast-starting process on a shared 2-core machine. */
export const JVM_FLAGS = [
  "-XX:+UseSerialGC",
  "-XX:TieredStopAtLevel=1",
  "-Xshare:auto",
  "-XX:-UsePerfData",
  "-Djava.awt.headless=true",
];

/**
 * The jar directory of a Kafka release: EXO_EMULATOR_KAFKA_LIBS when set (whatever Kafka it holds serves every
 * service); in a clone of this repository its `.cache/kafka/VERSION` (where scripts/kafka/fetch.sh puts them);
 * otherwise the per-user cache (see userCacheLibsDir).
 */
export function defaultLibsDir(kafkaVersion = kafkaRelease().version): string {
  if (process.env.EXO_EMULATOR_KAFKA_LIBS) return process.env.EXO_EMULATOR_KAFKA_LIBS;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "scripts", "kafka", "versions"))) return join(dir, ".cache", "kafka", kafkaVersion);
    if (dirname(dir) === dir) return userCacheLibsDir(process.env, kafkaVersion);
  }
}

function javaExecutable(): string {
  if (process.env.JAVA_HOME) return join(process.env.JAVA_HOME, "bin", "java");
  return "java";
}

/** Why the real broker cannot run here, or null when Java and the jars are present. */
export async function kafkaRuntimeProblem(libsDir = defaultLibsDir()): Promise<string | null> {
  if (!findKafkaVersion(libsDir)) {
    return `Kafka jars not found in ${libsDir} (run exo-emulator fetch-kafka)`;
  }
  return javaProblem();
}

/** Why java or javac cannot be run, or null. */
export async function javaProblem(): Promise<string | null> {
  try {
    await run(javaExecutable(), ["-version"], { timeout: 20_000 });
  } catch {
    return "java (17 or newer) not found on PATH or in JAVA_HOME";
  }
  try {
    await run(javacFor(javaExecutable()), ["-version"], { timeout: 20_000 });
  } catch {
    return "javac (a JDK 17 or newer) not found on PATH or in JAVA_HOME";
  }
  return null;
}

export function findKafkaVersion(libsDir: string): string | null {
  if (!existsSync(libsDir)) return null;
  for (const file of readdirSync(libsDir)) {
    const match = /^kafka_2\.13-(.+)\.jar$/.exec(file);
    if (match?.[1]) return match[1];
  }
  return null;
}

/**
 * Compiles the launcher and user-sync programs once per source/Kafka version, next to the jars (or, when that
 * directory is read-only, in a per-user temp directory), and returns the classes directory.
 */
async function compileHelpers(java: string, libsDir: string, kafkaVersion: string): Promise<string> {
  const sources = {
    [BROKER_LAUNCHER_CLASS]: BROKER_LAUNCHER_SOURCE,
    [USER_SYNC_CLASS]: USER_SYNC_SOURCE,
    [CLUSTER_HEALTH_CLASS]: CLUSTER_HEALTH_SOURCE,
    [REASSIGN_CLASS]: REASSIGN_SOURCE,
  };
  const hash = createHash("sha256").update(kafkaVersion).update(JSON.stringify(sources)).digest("hex").slice(0, 16);
  const uid = process.getuid?.() ?? "user";
  const parents = [dirname(libsDir), join(tmpdir(), `exo-emulator-kafka-${uid}`)];
  let lastError: unknown;
  for (const parent of parents) {
    const target = join(parent, `helper-classes-${hash}`);
    if (Object.keys(sources).every((name) => existsSync(join(target, `${name}.class`)))) return target;
    try {
      await mkdir(parent, { recursive: true, mode: 0o700 });
      await compileInto(java, libsDir, sources, parent, target);
      return target;
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`could not compile the broker helper programs: ${(lastError as Error)?.message ?? lastError}`);
}

async function compileInto(
  java: string,
  libsDir: string,
  sources: Record<string, string>,
  parent: string,
  target: string,
): Promise<void> {
  // built beside the target so the final rename is atomic; a concurrent build of the same classes is harmless
  const work = await mkdtemp(join(parent, ".build-"));
  try {
    const files: string[] = [];
    for (const [name, source] of Object.entries(sources)) {
      const file = join(work, `${name}.java`);
      await writeFile(file, source);
      files.push(file);
    }
    const out = join(work, "classes");
    await mkdir(out);
    await run(javacFor(java), ["-nowarn", "-cp", join(libsDir, "*"), "-d", out, ...files], { timeout: 120_000 });
    await rename(out, target).catch((error: unknown) => {
      if (!existsSync(target)) throw error;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function javacFor(java: string): string {
  return java === "java" ? "javac" : join(dirname(java), "javac");
}

export async function loadKafkaRuntime(libsDir = defaultLibsDir()): Promise<KafkaRuntime> {
  const problem = await kafkaRuntimeProblem(libsDir);
  if (problem) throw new Error(`real Kafka broker unavailable: ${problem}`);
  const kafkaVersion = findKafkaVersion(libsDir) as string;
  const java = javaExecutable();
  const classesDir = await compileHelpers(java, libsDir, kafkaVersion);
  return { java, libsDir, kafkaVersion, classpath: [classesDir, join(libsDir, "*")].join(delimiter) };
}
