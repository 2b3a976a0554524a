// The settings of a user's client configuration for the writers' tests: SASL for user app, one loopback address.
import type { ClientSettings } from "../../src/kafka/clients/formats.js";

export const clientSettings = (over: Partial<ClientSettings> = {}): ClientSettings => ({
  auth: "sasl",
  bootstrap: [{ host: "127.0.0.1", port: 9093 }],
  username: "app",
  password: "p",
  caPath: "/certs/ca.pem",
  certPath: "/certs/app.cert.pem",
  keyPath: "/certs/app.key.pem",
  ...over,
});
