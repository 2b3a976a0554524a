// The Kafka client library, loaded on first use: only the `dbaas kafka` commands pay for it. The CLI
// bundle leaves the package external (scripts/build.mjs), so this becomes a require() of the installed
// package at run time, never code in the bundle's start-up path.
export type KafkaLibrary = typeof import("@platformatic/kafka");

let loaded: Promise<KafkaLibrary> | undefined;

export const loadKafkaLibrary = (): Promise<KafkaLibrary> => (loaded ??= import("@platformatic/kafka"));
