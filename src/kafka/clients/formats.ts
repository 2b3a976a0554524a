// The text of each client configuration: Java's client.properties, librdkafka's key=value file (kcat -F,
// confluent-kafka), and a shell-sourceable environment file. Paths in them are absolute.
import { CredentialsError } from "../credentials/pem.js";
import { CLIENT_AUTHS, formatAddress, type BootstrapAddress, type ClientAuth } from "./bootstrap.js";

export const SCRAM_MECHANISM = "SCRAM-SHA-256";

export interface ClientSettings {
  auth: ClientAuth;
  bootstrap: BootstrapAddress[];
  username: string;
  /** SASL only */
  password?: string;
  /** absolute paths of the PEM files */
  caPath: string;
  certPath: string;
  keyPath: string;
}

export interface JavaStores {
  /** certificate authentication only */
  keyStore?: { path: string; password: string };
  trustStore: { path: string; password: string };
}

const servers = (s: ClientSettings) => s.bootstrap.map(formatAddress).join(",");
const protocol = (s: ClientSettings) => (s.auth === "sasl" ? "SASL_SSL" : "SSL");

function saslPassword(s: ClientSettings): string {
  if (s.password === undefined || s.password === "") throw new CredentialsError(`user ${JSON.stringify(s.username)} has no SASL password`);
  return s.password;
}

/** A .properties value: backslashes, a leading blank, and anything not printable ASCII escaped (separators only matter in keys). */
export function propertiesValue(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/^ /, "\\ ")
    .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A JAAS quoted string. */
const jaasQuoted = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

export type ConfigKind = "java" | "librdkafka" | "env";

/** The first line of each file: it names the user, and marks the file as one this CLI writes. */
function header(kind: ConfigKind, username: string, auth: ClientAuth): string {
  const who = `for user ${username} (${auth} authentication)`;
  if (kind === "java") return `# Kafka Java client configuration ${who}\n`;
  if (kind === "librdkafka") return `# librdkafka configuration (kcat -F, confluent-kafka) ${who}\n`;
  return `# Kafka client environment ${who}; load with: set -a; . FILE; set +a\n`;
}

const jaasLogin = (username: string, password: string) => `org.apache.kafka.common.security.scram.ScramLoginModule required username=${jaasQuoted(username)} password=${jaasQuoted(password)};`;

function lines(pairs: [string, string][], quote: (v: string) => string, header: string, separator = "="): string {
  return `${header}${pairs.map(([k, v]) => `${k}${separator}${quote(v)}\n`).join("")}`;
}

export function javaProperties(s: ClientSettings, stores: JavaStores): string {
  const pairs: [string, string][] = [
    ["bootstrap.servers", servers(s)],
    ["security.protocol", protocol(s)],
    ["ssl.truststore.type", "PKCS12"],
    ["ssl.truststore.location", stores.trustStore.path],
    ["ssl.truststore.password", stores.trustStore.password],
    ["ssl.endpoint.identification.algorithm", "https"],
  ];
  if (s.auth === "sasl") {
    pairs.push(
      ["sasl.mechanism", SCRAM_MECHANISM],
      ["sasl.jaas.config", jaasLogin(s.username, saslPassword(s))],
    );
  } else if (stores.keyStore) {
    pairs.push(
      ["ssl.keystore.type", "PKCS12"],
      ["ssl.keystore.location", stores.keyStore.path],
      ["ssl.keystore.password", stores.keyStore.password],
      ["ssl.key.password", stores.keyStore.password],
    );
  }
  return lines(pairs, propertiesValue, header("java", s.username, s.auth));
}

/** librdkafka reads each line up to its end, without escapes: a value must be one line without surrounding blanks. */
function rawValue(value: string, file: string): string {
  if (/[\x00-\x1f\x7f]/.test(value) || value.trim() !== value) throw new CredentialsError(`a value cannot be written to ${file}: it holds control characters or surrounding blanks`);
  return value;
}

export function librdkafkaConf(s: ClientSettings, file: string): string {
  const pairs: [string, string][] = [
    ["bootstrap.servers", servers(s)],
    ["security.protocol", protocol(s).toLowerCase()],
    ["ssl.ca.location", s.caPath],
    ["ssl.endpoint.identification.algorithm", "https"],
  ];
  if (s.auth === "sasl") pairs.push(["sasl.mechanisms", SCRAM_MECHANISM], ["sasl.username", s.username], ["sasl.password", saslPassword(s)]);
  else pairs.push(["ssl.certificate.location", s.certPath], ["ssl.key.location", s.keyPath]);
  return lines(pairs, (v) => rawValue(v, file), header("librdkafka", s.username, s.auth));
}

/** POSIX shell single quotes: safe for any byte but NUL. */
export function shellQuote(value: string): string {
  if (value.includes("\0")) throw new CredentialsError("a value holds a NUL byte");
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function envFile(s: ClientSettings): string {
  const pairs: [string, string][] = [
    ["KAFKA_BOOTSTRAP_SERVERS", servers(s)],
    ["KAFKA_SECURITY_PROTOCOL", protocol(s)],
    ["KAFKA_SSL_CAFILE", s.caPath],
  ];
  if (s.auth === "sasl") pairs.push(["KAFKA_SASL_MECHANISM", SCRAM_MECHANISM], ["KAFKA_SASL_USERNAME", s.username], ["KAFKA_SASL_PASSWORD", saslPassword(s)]);
  else pairs.push(["KAFKA_SSL_CERTFILE", s.certPath], ["KAFKA_SSL_KEYFILE", s.keyPath]);
  return lines(pairs, shellQuote, header("env", s.username, s.auth));
}

/**
 * Whether `text` is a configuration this CLI writes for `username`: its header names the user, and so does the
 * line tying it to the user's credentials (the key store or certificate at `paths`, or the SASL username).
 */
export function configuresUser(kind: ConfigKind, text: string, username: string, paths: { certPath: string; keyStorePath: string }): boolean {
  const auth = CLIENT_AUTHS.find((a) => text.startsWith(header(kind, username, a)));
  if (!auth) return false;
  const line = (key: string, value: string) => text.includes(`\n${key}=${value}`);
  if (kind === "java") {
    if (auth === "certificate") return line("ssl.keystore.location", `${propertiesValue(paths.keyStorePath)}\n`);
    return line("sasl.jaas.config", propertiesValue(jaasLogin(username, "")).replace(/"";$/, ""));
  }
  if (kind === "librdkafka") return auth === "certificate" ? line("ssl.certificate.location", `${paths.certPath}\n`) : line("sasl.username", `${username}\n`);
  return auth === "certificate" ? line("KAFKA_SSL_CERTFILE", `${shellQuote(paths.certPath)}\n`) : line("KAFKA_SASL_USERNAME", `${shellQuote(username)}\n`);
}
