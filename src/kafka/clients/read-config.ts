// The SASL password a client takes from a configuration this CLI wrote, read by that client's rules: sh's
// single quotes for the environment file, kcat's key=value lines, .properties escapes then a JAAS quoted string.

import type { ConfigKind } from "./formats.js";

/** The last assignment of KAFKA_SASL_PASSWORD in single quotes (a quote written as '\''), as sh reads it. */
function envPassword(text: string): string | undefined {
  const found = [...text.matchAll(/^KAFKA_SASL_PASSWORD='((?:[^']|'\\'')*)'$/gm)].at(-1);
  return found?.[1]!.replace(/'\\''/g, "'");
}

/** The last sasl.password line as kcat -F reads it: blanks around the line stripped, a backslash before = or : dropped. */
function librdkafkaPassword(text: string): string | undefined {
  const line = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("sasl.password="))
    .at(-1);
  return line?.slice("sasl.password=".length).replace(/\\([=:])/g, "$1");
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
  if (kind === "env") return envPassword(text);
  if (kind === "librdkafka") return librdkafkaPassword(text);
  return javaPassword(text);
}
