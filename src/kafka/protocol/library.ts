// The Kafka client library, loaded on first use: only the `dbaas kafka` commands pay for it. The CLI
// bundle leaves the package external (scripts/build.mjs), so this becomes a require() of the installed
// package at run time, never code in the bundle's start-up path. Requiring an ES module needs Node 20.19.
import { CliError } from "../../errors.js";

/** What the commands use: the build's bundle of the library holds these only (scripts/lib/kafka-apart.mjs). */
export type KafkaLibrary = Pick<typeof import("@platformatic/kafka"), "Admin" | "Consumer" | "Producer" | "murmur2" | "protocolErrorsCodesById">;

let loaded: Promise<KafkaLibrary> | undefined;

async function load(): Promise<KafkaLibrary> {
  try {
    return await import("@platformatic/kafka");
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new CliError(`cannot load the Kafka client library @platformatic/kafka (it needs Node.js 20.19.4 or later; this is ${process.version}): ${why}`);
  }
}

export const loadKafkaLibrary = (): Promise<KafkaLibrary> => (loaded ??= load());
