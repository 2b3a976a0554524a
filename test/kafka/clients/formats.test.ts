// Client configuration text: shell quoting that survives `set -a; . FILE`, .properties escaping, librdkafka's
// one-line values, and which components make the bootstrap list.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../helpers/temp-dir.js";
import type { KafkaService } from "../../../src/api/schemas.js";
import { bootstrapAddresses } from "../../../src/kafka/clients/bootstrap.js";
import { configuresUser, envFile, javaProperties, librdkafkaConf, propertiesValue, shellQuote, type ClientSettings, type ConfigKind } from "../../../src/kafka/clients/formats.js";
import { clientSettings } from "../../helpers/client-settings.js";

const settings = clientSettings;

describe("env file", () => {
  it("gives every value back byte for byte once sourced by sh with set -a", () => {
    const hostile = `it's "$HOME" \`id\` $(id) \\ \n; # *`;
    const dir = tempDir("env-quote-");
    writeFileSync(join(dir, "app.env"), envFile(settings({ password: hostile, caPath: "/dir with space/ca.pem" }), "app.env"));
    const out = execFileSync("sh", ["-c", 'set -a; . ./app.env; set +a; exec env -0'], { cwd: dir, env: { PATH: process.env.PATH } }).toString();
    const vars = Object.fromEntries(out.split("\0").filter(Boolean).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
    expect(vars.KAFKA_SASL_PASSWORD).toBe(hostile);
    expect(vars.KAFKA_SSL_CAFILE).toBe("/dir with space/ca.pem");
    expect(vars.KAFKA_SECURITY_PROTOCOL).toBe("SASL_SSL");
    expect(vars.KAFKA_SSL_CERTFILE).toBeUndefined();
  });

  it("refuses a NUL byte, which no shell variable can hold", () => {
    expect(() => shellQuote("a\0b")).toThrow("NUL");
  });
});

describe(".properties values", () => {
  it("escapes backslashes, a leading blank and what is not printable ASCII", () => {
    expect(propertiesValue("C:\\certs\\ca.p12")).toBe("C:\\\\certs\\\\ca.p12");
    expect(propertiesValue(" a=b:c#d")).toBe("\\ a=b:c#d");
    expect(propertiesValue("line\nbreak é")).toBe("line\\u000abreak \\u00e9");
  });
});

describe("librdkafka configuration", () => {
  it("refuses a value it could not read back as one line", () => {
    expect(() => librdkafkaConf(settings({ password: "two\nlines" }), "app.librdkafka.conf")).toThrow("cannot write sasl.password to app.librdkafka.conf");
    expect(() => librdkafkaConf(settings({ password: " padded" }), "app.librdkafka.conf")).toThrow("surrounding blanks");
  });
});

describe("bootstrap addresses", () => {
  const service = (components: object[], sasl = true) =>
    ({ components, "authentication-methods": { certificate: true, sasl } }) as unknown as KafkaService;
  const kafka = (host: string, port: number, method?: string) => ({ component: "kafka", host, port, route: "dynamic", usage: "primary", ...(method ? { "kafka-authentication-method": method } : {}) });

  it("takes every kafka component of the method, in order, IPv6 in brackets", () => {
    const svc = service([kafka("a.example", 1, "certificate"), kafka("b.example", 2, "sasl"), { ...kafka("c.example", 3), component: "kafka_rest" }, kafka("::1", 4, "certificate"), kafka("d.example", 5)]);
    expect(bootstrapAddresses(svc, "k", "z", "certificate")).toEqual([{ host: "a.example", port: 1 }, { host: "::1", port: 4 }, { host: "d.example", port: 5 }]);
    expect(bootstrapAddresses(svc, "k", "z", "sasl")).toEqual([{ host: "b.example", port: 2 }]);
    expect(envFile(settings({ bootstrap: bootstrapAddresses(svc, "k", "z", "certificate") }), "app.env")).toContain("KAFKA_BOOTSTRAP_SERVERS='a.example:1,[::1]:4,d.example:5'\n");
  });

  it("refuses SASL when the service has it disabled, a service without addresses, and a host that is not a host", () => {
    expect(() => bootstrapAddresses(service([kafka("b", 2, "sasl")], false), "k", "z", "sasl")).toThrow('SASL authentication is not enabled on service "k" (enable it with: exo dbaas update k -z z --kafka-enable-sasl-auth true)');
    expect(() => bootstrapAddresses(service([kafka("a", 1, "certificate")]), "k", "z", "sasl")).toThrow("no Kafka address for sasl");
    expect(() => bootstrapAddresses(service([kafka("a\nb", 1, "certificate")]), "k", "z", "certificate")).toThrow("invalid Kafka address");
    expect(() => bootstrapAddresses(service([kafka("a", 0, "certificate")]), "k", "z", "certificate")).toThrow("invalid Kafka address");
    expect(() => bootstrapAddresses(service([kafka("h".repeat(254), 1, "certificate")]), "k", "z", "certificate")).toThrow("invalid Kafka address");
  });
});

describe("configuresUser: a configuration this CLI wrote for a user (user rotate deletes OLD's)", () => {
  const paths = { certPath: "/certs/app.cert.pem", keyStorePath: "/certs/app.keystore.p12" };
  const stores = { trustStore: { path: "/certs/truststore.p12", password: "t" }, keyStore: { path: paths.keyStorePath, password: "k" } };
  const written = (kind: ConfigKind, over: Partial<ClientSettings>) => {
    const s = settings(over);
    return kind === "java" ? javaProperties(s, stores, "f") : kind === "librdkafka" ? librdkafkaConf(s, "f") : envFile(s, "f");
  };

  it.each(["java", "librdkafka", "env"] as const)("%s: true for the user's file under either method; false for another user's, or with the user's line changed", (kind) => {
    for (const auth of ["certificate", "sasl"] as const) {
      const text = written(kind, { auth });
      expect(configuresUser(kind, text, "app", paths)).toBe(true);
      expect(configuresUser(kind, text, "ap", paths)).toBe(false);
      expect(configuresUser(kind, written(kind, { auth, username: "other" }), "app", paths)).toBe(false);
      expect(configuresUser(kind, text.split("\n").slice(1).join("\n"), "app", paths)).toBe(false);
    }
    // the header names the user but the credentials are someone else's
    expect(configuresUser(kind, written(kind, { auth: "certificate" }), "app", { certPath: "/elsewhere/app.cert.pem", keyStorePath: "/elsewhere/app.keystore.p12" })).toBe(false);
    expect(configuresUser(kind, written(kind, { auth: "sasl" }).replace(/app(["']?\n|" password)/, "intruder$1"), "app", paths)).toBe(false);
  });
});
