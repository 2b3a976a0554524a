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

/**
 * A value a client would read back otherwise than written is refused, naming the setting, the file and the
 * client (never the value: it may be a password).
 */
function refuse(setting: string, file: string, client: string, why: string): never {
  throw new CredentialsError(`cannot write ${setting} to ${file}: ${client} would not read it back as written (${why})`);
}

const JAVA = "Java clients";
const LIBRDKAFKA = "kcat -F and librdkafka";

/** A JAAS quoted string: Kafka's JaasConfig (a StreamTokenizer) ends a quoted string at a line break. */
function jaasQuoted(value: string, setting: string, file: string): string {
  if (/[\r\n]/.test(value)) refuse(setting, file, JAVA, "it holds a line break, which ends a JAAS string");
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export type ConfigKind = "java" | "librdkafka" | "env";

/** The first line of each file: it names the user, and marks the file as one this CLI writes. */
function header(kind: ConfigKind, username: string, auth: ClientAuth): string {
  const who = `for user ${username} (${auth} authentication)`;
  if (kind === "java") return `# Kafka Java client configuration ${who}\n`;
  if (kind === "librdkafka") return `# librdkafka configuration (kcat -F, confluent-kafka) ${who}\n`;
  return `# Kafka client environment ${who}; load with: set -a; . FILE; set +a\n`;
}

const jaasLogin = (username: string, password: string, file: string) =>
  `org.apache.kafka.common.security.scram.ScramLoginModule required username=${jaasQuoted(username, "the username in sasl.jaas.config", file)} password=${jaasQuoted(password, "the password in sasl.jaas.config", file)};`;

function lines(pairs: [string, string][], quote: (v: string) => string, header: string): string {
  return `${header}${pairs.map(([k, v]) => `${k}=${quote(v)}\n`).join("")}`;
}

/** `file`: the properties file as printed, for errors. */
export function javaProperties(s: ClientSettings, stores: JavaStores, file: string): string {
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
      ["sasl.jaas.config", jaasLogin(s.username, saslPassword(s), file)],
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

/** kcat -F reads a line into 512 bytes (with its newline and NUL), so a longer line is read as two. */
const LIBRDKAFKA_LINE_BYTES = 511;

/**
 * A line of kcat's -F reader: taken up to its end without escapes, surrounding blanks stripped, and a
 * backslash before "=" or ":" dropped. A value must be one line without surrounding blanks or such a backslash.
 */
function librdkafkaLine(key: string, value: string, file: string): string {
  if (/[\x00-\x1f\x7f]/.test(value)) refuse(key, file, LIBRDKAFKA, "it holds a control character");
  if (value.trim() !== value) refuse(key, file, LIBRDKAFKA, "it has surrounding blanks");
  if (/\\[=:]/.test(value)) refuse(key, file, LIBRDKAFKA, 'a backslash before "=" or ":" is dropped');
  const line = `${key}=${value}`;
  if (Buffer.byteLength(line) > LIBRDKAFKA_LINE_BYTES) refuse(key, file, LIBRDKAFKA, `its line would be longer than ${LIBRDKAFKA_LINE_BYTES} bytes, which kcat reads as two lines`);
  return `${line}\n`;
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
  return `${header("librdkafka", s.username, s.auth)}${pairs.map(([k, v]) => librdkafkaLine(k, v, file)).join("")}`;
}

/** POSIX shell single quotes: safe for any byte but NUL. */
export function shellQuote(value: string): string {
  if (value.includes("\0")) throw new CredentialsError("a value holds a NUL byte");
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `file`: the environment file as printed, for errors. */
export function envFile(s: ClientSettings, file: string): string {
  const pairs: [string, string][] = [
    ["KAFKA_BOOTSTRAP_SERVERS", servers(s)],
    ["KAFKA_SECURITY_PROTOCOL", protocol(s)],
    ["KAFKA_SSL_CAFILE", s.caPath],
  ];
  if (s.auth === "sasl") pairs.push(["KAFKA_SASL_MECHANISM", SCRAM_MECHANISM], ["KAFKA_SASL_USERNAME", s.username], ["KAFKA_SASL_PASSWORD", saslPassword(s)]);
  else pairs.push(["KAFKA_SSL_CERTFILE", s.certPath], ["KAFKA_SSL_KEYFILE", s.keyPath]);
  for (const [key, value] of pairs) if (value.includes("\0")) refuse(key, file, "sh", "it holds a NUL byte, which no shell variable can hold");
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
    return line("sasl.jaas.config", propertiesValue(jaasLogin(username, "", "")).replace(/"";$/, ""));
  }
  if (kind === "librdkafka") return auth === "certificate" ? line("ssl.certificate.location", `${paths.certPath}\n`) : line("sasl.username", `${username}\n`);
  return auth === "certificate" ? line("KAFKA_SSL_CERTFILE", `${shellQuote(paths.certPath)}\n`) : line("KAFKA_SASL_USERNAME", `${shellQuote(username)}\n`);
}
