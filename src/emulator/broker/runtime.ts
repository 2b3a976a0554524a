// Locates the Java runtime and the Kafka jars, and the class path and class-data sharing archive of the JVMs run beside them.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { archiveDir, ClassSharing, QUIET_CLASS_SHARING_FLAGS } from "./class-sharing.js";
import { derivedParents, helperJar, jdkTool } from "./helper-jar.js";
import { kafkaRelease, userCacheLibsDir } from "./jar-cache.js";

const run = promisify(execFile);

export interface KafkaRuntime {
  /** the java executable */
  java: string;
  /** directory holding kafka_2.13-*.jar and every runtime dependency */
  libsDir: string;
  kafkaVersion: string;
  /** classpath: the helper programs' jar, then every jar of libsDir in name order */
  classpath: string;
  /** the class-data sharing archive of this release, Java runtime and class path; null when no directory can hold it */
  classSharing: ClassSharing | null;
}

/** JVM flags for a small, fast-starting process on a shared 2-core machine. */
export const JVM_FLAGS = [
  "-XX:+UseSerialGC",
  "-XX:TieredStopAtLevel=1",
  "-Xshare:auto",
  "-XX:-UsePerfData",
  "-Djava.awt.headless=true",
  ...QUIET_CLASS_SHARING_FLAGS,
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
    await javaVersion(javaExecutable());
  } catch {
    return "java (17 or newer) not found on PATH or in JAVA_HOME";
  }
  try {
    await run(jdkTool(javaExecutable(), "javac"), ["-version"], { timeout: 20_000 });
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

const versions = new Map<string, Promise<string>>();

/** What `java -version` says (the runtime's identity), asked once per executable. */
function javaVersion(java: string): Promise<string> {
  let version = versions.get(java);
  if (!version) {
    version = run(java, ["-version"], { timeout: 20_000 }).then(({ stderr }) => stderr);
    versions.set(java, version);
    version.catch(() => versions.delete(java));
  }
  return version;
}

export async function loadKafkaRuntime(libsDir = defaultLibsDir()): Promise<KafkaRuntime> {
  const problem = await kafkaRuntimeProblem(libsDir);
  if (problem) throw new Error(`real Kafka broker unavailable: ${problem}`);
  const kafkaVersion = findKafkaVersion(libsDir) as string;
  const java = javaExecutable();
  const jars = readdirSync(libsDir).filter((name) => name.endsWith(".jar")).sort().map((name) => join(libsDir, name));
  const classpath = [await helperJar(java, libsDir, kafkaVersion), ...jars].join(delimiter);
  return { java, libsDir, kafkaVersion, classpath, classSharing: await classSharingFor(java, libsDir, kafkaVersion, classpath) };
}

/** The archive is named by everything it depends on: the runtime, the class path and each jar's size and date. */
async function classSharingFor(java: string, libsDir: string, kafkaVersion: string, classpath: string): Promise<ClassSharing | null> {
  const dir = await archiveDir(derivedParents(libsDir));
  if (!dir) return null;
  const hash = createHash("sha256").update(await javaVersion(java)).update(`\0${classpath}`);
  for (const jar of classpath.split(delimiter)) {
    const { size, mtimeMs } = statSync(jar);
    hash.update(`\0${size} ${mtimeMs}`);
  }
  return new ClassSharing(dir, `${kafkaVersion}-${hash.digest("hex").slice(0, 16)}`);
}
