// `exo-emulator fetch-kafka`, and what `--kafka real` does first: make the jar directory hold the
// pinned Kafka jars, fetching them from Maven Central (or EXO_EMULATOR_MAVEN_REPO) when missing.
import { fetchKafkaJars, hasPinnedJars, jarsStamp, kafkaRelease, MAVEN_CENTRAL, terminalProgress, verifyKafkaJars } from "./jar-cache.js";
import { KAFKA_RELEASES, type KafkaRelease } from "./kafka-jars.js";
import { defaultLibsDir, findKafkaVersion, javaProblem } from "./runtime.js";

export interface JarFetchIO {
  /** stderr */
  write: (text: string) => void;
  /** whether stderr is a terminal: progress is redrawn in place there, else one line before and after */
  isTTY: boolean;
  quiet?: boolean;
  /** stops the fetch; what was fetched so far is removed */
  signal?: AbortSignal;
}

/**
 * Returns the jar directory once it holds the pinned jars of `release` (default: the default service version's).
 * With `verify`, jars already there are checked against their pinned sizes and SHA-256 too, and fetched again if
 * one differs.
 */
export async function ensureKafkaJars(io: JarFetchIO, libsDir?: string, release: KafkaRelease = kafkaRelease(), verify = false): Promise<string> {
  const dir = libsDir ?? defaultLibsDir(release.version);
  let force = false;
  if (hasPinnedJars(dir, jarsStamp(release))) {
    const problem = verify ? await verifyKafkaJars(dir, release) : null;
    if (!problem) {
      if (verify && !io.quiet) io.write(`Kafka ${release.version}: ${release.jars.length} jars verified in ${dir}\n`);
      return dir;
    }
    io.write(`Kafka ${release.version} in ${dir}: ${problem}: fetching it again\n`);
    force = true;
  }
  const repository = process.env.EXO_EMULATOR_MAVEN_REPO || MAVEN_CENTRAL;
  const total = release.jars.reduce((sum, jar) => sum + jar.size, 0);
  const label = `Fetching Kafka ${release.version} (${release.jars.length} jars, ${(total / 1e6).toFixed(1)} MB) from ${repository}`;
  const progress = io.isTTY && !io.quiet ? terminalProgress(io.write, label) : undefined;
  if (!progress && !io.quiet) io.write(`${label} into ${dir}\n`);
  try {
    await fetchKafkaJars(dir, { repository, release, onProgress: progress?.update, signal: io.signal, force });
  } finally {
    progress?.end();
  }
  if (!io.quiet) io.write(`Kafka ${release.version}: ${release.jars.length} jars verified in ${dir}\n`);
  return dir;
}

/**
 * The pinned releases `exo-emulator fetch-kafka [VERSION]` fetches: the one named (a service version such as 3.8, or
 * its release, 3.8.1), else every one, unless EXO_EMULATOR_KAFKA_LIBS names the single directory: then the default.
 */
export function releasesToFetch(name: string | undefined): KafkaRelease[] {
  const pinned = Object.entries(KAFKA_RELEASES);
  if (name === undefined) return process.env.EXO_EMULATOR_KAFKA_LIBS ? [kafkaRelease()] : pinned.map(([, release]) => release);
  const found = pinned.find(([version, release]) => name === version || name === release.version);
  if (!found) throw new Error(`unknown Kafka version ${JSON.stringify(name)} (pinned: ${pinned.map(([v, r]) => `${v} (${r.version})`).join(", ")})`);
  return [found[1]];
}

/**
 * Before `--kafka real` starts: fetches the default release's jars when its directory has no Kafka at all and
 * Java is there to run it (a directory with another Kafka, such as EXO_EMULATOR_KAFKA_LIBS pointing at a
 * Kafka distribution's libs/, is used as it is). A service of another version fetches its release when it starts.
 */
export async function prepareKafkaJars(io: JarFetchIO, libsDir?: string): Promise<void> {
  if (findKafkaVersion(libsDir ?? defaultLibsDir()) || (await javaProblem())) return;
  await ensureKafkaJars(io, libsDir);
}
