// exo-dbaas/emulator: the local Exoscale DBaaS API emulator for other projects' test suites.
//
//   import { startEmulator } from "exo-dbaas/emulator";
//   const emulator = await startEmulator({ seed: true, operationDelayMs: 0 });
//   // emulator.url, emulator.apiKey, emulator.apiSecret; then await emulator.close()
//
// createRealBrokerProvider() puts a real Kafka broker behind each service (needs Java 17+ and the jars:
// ensureKafkaJars() or `exo-emulator fetch-kafka`).
export * from "./index.js";
export { createRealBrokerProvider, defaultLibsDir, kafkaRuntimeProblem, type RealBrokerOptions } from "./broker/index.js";
export { ensureKafkaJars, type JarFetchIO } from "./broker/fetch-kafka.js";
