// `exo-emulator fetch-kafka`, and what `--kafka real` does first: make the jar directory hold the
// pinned Kafka jars, fetching them from Maven Central (or EXO_EMULATOR_MAVEN_REPO) when missing.
import { fetchKafkaJars, hasPinnedJars, MAVEN_CENTRAL, terminalProgress } from "./jar-cache.js";
import { KAFKA_JARS, KAFKA_VERSION } from "./kafka-jars.js";
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

/** Returns the jar directory once it holds the pinned jars. */
export async function ensureKafkaJars(io: JarFetchIO, libsDir = defaultLibsDir()): Promise<string> {
  if (hasPinnedJars(libsDir)) return libsDir;
  const repository = process.env.EXO_EMULATOR_MAVEN_REPO || MAVEN_CENTRAL;
  const total = KAFKA_JARS.reduce((sum, jar) => sum + jar.size, 0);
  const label = `Fetching Kafka ${KAFKA_VERSION} (${KAFKA_JARS.length} jars, ${(total / 1e6).toFixed(1)} MB) from ${repository}`;
  const progress = io.isTTY && !io.quiet ? terminalProgress(io.write, label) : undefined;
  if (!progress && !io.quiet) io.write(`${label} into ${libsDir}\n`);
  try {
    await fetchKafkaJars(libsDir, { repository, onProgress: progress?.update, signal: io.signal });
  } finally {
    progress?.end();
  }
  if (!io.quiet) io.write(`Kafka ${KAFKA_VERSION}: ${KAFKA_JARS.length} jars verified in ${libsDir}\n`);
  return libsDir;
}

/**
 * Before `--kafka real` starts: fetches the pinned jars when the jar directory has no Kafka at all and
 * Java is there to run it (a directory with another Kafka, such as EXO_EMULATOR_KAFKA_LIBS pointing at a
 * Kafka distribution's libs/, is used as it is).
 */
export async function prepareKafkaJars(io: JarFetchIO, libsDir = defaultLibsDir()): Promise<void> {
  if (findKafkaVersion(libsDir) || (await javaProblem())) return;
  await ensureKafkaJars(io, libsDir);
}
