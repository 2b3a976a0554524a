// What check --connect --dir reads from a configuration gives back what the writer put there: the password of
// each kind (the writers' escaping undone by each client's rules) and the certificate file a configuration names.
import { describe, expect, it } from "vitest";
import { envFile, javaProperties, librdkafkaConf } from "../../../src/kafka/clients/formats.js";
import { certificatePathIn, saslPasswordIn } from "../../../src/kafka/clients/read-config.js";
import { clientSettings } from "../../helpers/client-settings.js";

const settings = clientSettings;
const stores = { trustStore: { path: "/c/truststore.p12", password: "t" }, keyStore: { path: "/c/app.keystore.p12", password: "k" } };

describe("saslPasswordIn reads back what each writer wrote", () => {
  const hostile = `it's "q" \\ \\\\ $(id) a=b:c #x é 😀 password="no"`;
  it.each([
    ["java", (p: string) => javaProperties(settings({ password: p }), stores, "f"), [hostile, `${hostile}\t\0`]],
    ["librdkafka", (p: string) => librdkafkaConf(settings({ password: p }), "f"), [hostile]],
    ["env", (p: string) => envFile(settings({ password: p }), "f"), [hostile, `${hostile}\n'\r`]],
  ] as const)("%s", (kind, write, passwords) => {
    for (const password of passwords) expect(saslPasswordIn(kind, write(password))).toBe(password);
    expect(saslPasswordIn(kind, write("p").replace(/^(sasl\.jaas\.config|sasl\.password|KAFKA_SASL_PASSWORD)=.*$/m, ""))).toBeUndefined();
  });

  it("a certificate configuration holds no password; its certificate path reads back", () => {
    const certificate = settings({ auth: "certificate", certPath: "/odd 'dir'/app.cert.pem" });
    expect(saslPasswordIn("env", envFile(certificate, "f"))).toBeUndefined();
    expect(certificatePathIn("env", envFile(certificate, "f"))).toBe("/odd 'dir'/app.cert.pem");
    expect(certificatePathIn("librdkafka", librdkafkaConf(settings({ auth: "certificate", certPath: "/a b/app.cert.pem" }), "f"))).toBe("/a b/app.cert.pem");
  });
});
