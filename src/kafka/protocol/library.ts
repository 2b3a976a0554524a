// The Kafka client library, loaded on first use: only the `dbaas kafka` commands pay for it. The CLI
// bundle leaves the package external (scripts/build.mjs), so this becomes a require() of the installed
// package at run time, never code in the bundle's start-up path. Requiring an ES module needs Node 20.19.
import { CliError } from "../../errors.js";

export type KafkaLibrary = typeof import("@platformatic/kafka");

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
