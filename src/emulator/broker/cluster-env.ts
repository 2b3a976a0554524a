// What every cluster operation is given by the provider: its options and the resources it shares between services.
import type { RealBrokerOptions } from "./options.js";
import type { KafkaRuntime } from "./runtime.js";

export interface ClusterEnv {
  readonly options: RealBrokerOptions;
  /** loopback address the brokers listen on and advertise */
  readonly host: string;
  /** the runtime of the Kafka release a service version runs, its jars fetched first when they are missing */
  runtime(serviceVersion: string | undefined): Promise<KafkaRuntime>;
  /** the parent of the per-service directories, and whether the provider made it (then removes it on close) */
  root(): Promise<{ dir: string; owned: boolean }>;
}
