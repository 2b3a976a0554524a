// What a client takes from a configuration this CLI wrote (the SASL password, the certificate file), read by
// that client's rules: sh's single quotes for the environment file, kcat's key=value lines, .properties
// escapes then a JAAS quoted string.

import type { ConfigKind } from "./formats.js";

/** The last assignment of `name` in single quotes (a quote written as '\''), as sh reads it. */
function envValue(text: string, name: string): string | undefined {
  const found = [...text.matchAll(new RegExp(`^${name}='((?:[^']|'\\\\'')*)'$`, "gm"))].at(-1);
  return found?.[1]!.replace(/'\\''/g, "'");
}

/** The last `key` line as kcat -F reads it: blanks around the line stripped, a backslash before = or : dropped. */
function librdkafkaValue(text: string, key: string): string | undefined {
  const line = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith(`${key}=`))
    .at(-1);
  return line?.slice(key.length + 1).replace(/\\([=:])/g, "$1");
}

/** A .properties value: \uXXXX, \t, \n, \r, \f, and a backslash before any other character dropped. */
function propertiesUnescape(value: string): string {
  const named: Record<string, string> = { t: "\t", n: "\n", r: "\r", f: "\f" };
  return value.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) => (c.length === 5 ? String.fromCharCode(parseInt(c.slice(1), 16)) : (named[c] ?? c)));
}

/** The password="…" of the last sasl.jaas.config line, a backslash escaping the next character. */
function javaPassword(text: string): string | undefined {
  const line = text
    .split("\n")
    .filter((l) => l.startsWith("sasl.jaas.config="))
    .at(-1);
  if (line === undefined) return undefined;
  const jaas = propertiesUnescape(line.slice("sasl.jaas.config=".length));
  const quoted = /\spassword="((?:[^"\\]|\\.)*)"/.exec(jaas);
  return quoted?.[1]!.replace(/\\(.)/g, "$1");
}

/** The SASL password in a configuration of `kind`, or undefined when it holds none. */
export function saslPasswordIn(kind: ConfigKind, text: string): string | undefined {
  if (kind === "env") return envValue(text, "KAFKA_SASL_PASSWORD");
  if (kind === "librdkafka") return librdkafkaValue(text, "sasl.password");
  return javaPassword(text);
}

/** The certificate file an environment or librdkafka configuration points at, or undefined when it names none. */
export function certificatePathIn(kind: "env" | "librdkafka", text: string): string | undefined {
  return kind === "env" ? envValue(text, "KAFKA_SSL_CERTFILE") : librdkafkaValue(text, "ssl.certificate.location");
}
