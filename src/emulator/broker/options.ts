import type { ServerCertificateIssuer } from "../broker-provider.js";

export interface RealBrokerOptions {
  /**
   * directory of the Kafka jars every service runs; default per service version: $EXO_EMULATOR_KAFKA_LIBS, else
   * a clone's `.cache/kafka/RELEASE`, else the per-user cache (fetched there when missing)
   */
  libsDir?: string;
  /** parent of the per-service broker directories; default a fresh temp directory removed on close() */
  dataDir?: string;
  /** loopback address the brokers listen on and advertise; default 127.0.0.1 */
  host?: string;
  /** maximum JVM heap per broker, MiB; default 256 */
  heapMb?: number;
  /** brokers per service, whatever its plan's node count (e.g. 1 for quick tests); default the plan's */
  brokers?: number;
  /** how long a broker may take to accept connections; default 60 s */
  startTimeoutMs?: number;
  /** how long a broker may take to stop after SIGTERM before it is killed; default 10 s */
  stopTimeoutMs?: number;
  /** receives a line for each broker's start, readiness, restart and stop, with the time it took */
  log?: (line: string) => void;
  /** where each broker's own log is copied on close(), under SERVICE/node-N/; default nowhere */
  keepLogsDir?: string;
  /** signs the broker certificates; default issueServerCertificate */
  issueCertificate?: ServerCertificateIssuer;
}
