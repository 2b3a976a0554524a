import { fetchKafkaJars, kafkaRelease } from "./jar-cache.js";
import { defaultLibsDir, findKafkaVersion, loadKafkaRuntime, type KafkaRuntime } from "./runtime.js";

/** The Kafka runtimes the services run, one per release (or the one of a given jar directory), loaded once. */
export class KafkaRuntimes {
  private readonly runtimes = new Map<string, Promise<KafkaRuntime>>();

  constructor(private readonly libsDir: string | undefined) {}

  /** The runtime of the Kafka release a service version runs, its jars fetched first when they are missing. */
  get(serviceVersion: string | undefined): Promise<KafkaRuntime> {
    const release = kafkaRelease(serviceVersion);
    const key = this.libsDir ?? release.version;
    let runtime = this.runtimes.get(key);
    if (!runtime) {
      const libsDir = this.libsDir ?? defaultLibsDir(release.version);
      runtime = (async () => {
        if (!findKafkaVersion(libsDir)) {
          await fetchKafkaJars(libsDir, { repository: process.env.EXO_EMULATOR_MAVEN_REPO || undefined, release });
        }
        return loadKafkaRuntime(libsDir);
      })();
      this.runtimes.set(key, runtime);
      runtime.catch(() => this.runtimes.delete(key));
    }
    return runtime;
  }
}
