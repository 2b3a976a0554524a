// How a client reaches a service's brokers: the bootstrap addresses, the CA, and either the user's
// certificate and key (mTLS) or the user's SCRAM-SHA-256 password (SASL_SSL). Held in memory only.
import type { BaseOptions } from "@platformatic/kafka";
import type { BootstrapAddress } from "../clients/bootstrap.js";

export interface KafkaConnection {
  /** the service name, for messages */
  service: string;
  zone: string;
  username: string;
  addresses: readonly BootstrapAddress[];
  ca: string;
  /** mTLS: the user's certificate and key */
  cert?: string;
  key?: string;
  /** SASL_SSL: SCRAM-SHA-256 with the user's password */
  sasl?: { username: string; password: string };
  connectTimeoutMs: number;
}

/** The library's client options for a connection. */
export function clientOptions(connection: KafkaConnection): BaseOptions {
  const timeout = connection.connectTimeoutMs;
  return {
    clientId: "exo-dbaas",
    bootstrapBrokers: connection.addresses.map((a) => ({ host: a.host, port: a.port })),
    tls: { ca: connection.ca, ...(connection.cert !== undefined ? { cert: connection.cert, key: connection.key } : {}) },
    ...(connection.sasl ? { sasl: { mechanism: "SCRAM-SHA-256", username: connection.sasl.username, password: connection.sasl.password } } : {}),
    connectTimeout: timeout,
    // a request outlives the connection's timeout: a broker may take a while to create a topic
    requestTimeout: Math.max(timeout, 30_000),
    timeout: Math.max(timeout, 30_000),
    // a new group's coordinator or a new topic's leader needs a moment: retried briefly, connections are not
    retries: 5,
    retryDelay: 300,
  };
}
