// Each client configuration read back by the real client's reader: java.util.Properties and Kafka's JAAS
// parser (a Java program on the Kafka jars), kcat's -F reader (kcat -X dump prints what librdkafka was given),
// and sh sourcing the environment file. A value comes back byte for byte, or the writer refuses it naming
// the setting, the file and the client.
import { execFile, execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { kafkaRelease } from "../../../src/emulator/broker/jar-cache.js";
import { envFile, javaProperties, librdkafkaConf, type ClientSettings } from "../../../src/kafka/clients/formats.js";
import { ROOT } from "../../helpers/built-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { clientSettings } from "../../helpers/client-settings.js";

const run = promisify(execFile);
const PROGRAM = join(ROOT, "test", "clients", "programs", "ConfigReadback.java");
const KAFKA_LIBS = join(ROOT, ".cache", "kafka", kafkaRelease().version);

async function missingTool(): Promise<string | null> {
  for (const [tool, args] of [["kcat", ["-V"]], ["javac", ["-version"]]] as const) {
    try {
      await run(tool, [...args]);
    } catch {
      const problem = `${tool} ${args.join(" ")} failed (run .ci/setup-extra)`;
      if (process.env.CI) throw new Error(`client configuration read-back: prerequisites missing under CI: ${problem}`);
      console.warn(`skipping client configuration read-back: ${problem}`);
      return problem;
    }
  }
  return null;
}
const missing = await missingTool();

const settings = clientSettings;

const HOSTILE = `it's "$HOME" \`id\` $(id) a=b:c #!x \\ \\\\ \\n \\u0041 é 😀 ${"\\"}" ;`;

describe.skipIf(missing !== null)("read back by each client's own reader", () => {
  let classes: string;
  beforeAll(async () => {
    classes = tempDir("readback-classes-");
    await run("javac", ["-d", classes, "-cp", `${KAFKA_LIBS}/*`, PROGRAM]);
  }, 60_000);

  /** every setting and JAAS option of `text` as Java reads it */
  async function javaReads(text: string): Promise<Record<string, string>> {
    const file = join(tempDir("readback-java-"), "app.client.properties");
    writeFileSync(file, text);
    const { stdout } = await run("java", ["-cp", `${classes}:${KAFKA_LIBS}/*`, "ConfigReadback", file]);
    return Object.fromEntries(stdout.split("\n").filter(Boolean).map((l) => l.split("\t")).map(([k, hex]) => [k!, Buffer.from(hex!, "hex").toString("utf8")]));
  }

  /** every setting of `text` as kcat -F hands it to librdkafka */
  function kcatReads(text: string): Record<string, string> {
    const file = join(tempDir("readback-kcat-"), "app.librdkafka.conf");
    writeFileSync(file, text);
    const dump = execFileSync("kcat", ["-F", file, "-X", "dump"], { stdio: ["ignore", "pipe", "pipe"] }).toString();
    return Object.fromEntries(dump.split("\n").filter((l) => l.includes(" = ")).map((l) => [l.slice(0, l.indexOf(" = ")), l.slice(l.indexOf(" = ") + 3)]));
  }

  function shReads(text: string): Record<string, string> {
    const dir = tempDir("readback-env-");
    writeFileSync(join(dir, "app.env"), text);
    const out = execFileSync("sh", ["-c", "set -a; . ./app.env; set +a; exec env -0"], { cwd: dir, env: { PATH: process.env.PATH } }).toString();
    return Object.fromEntries(out.split("\0").filter(Boolean).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
  }

  const stores = (dir: string) => ({ trustStore: { path: `${dir}/truststore.p12`, password: "t\\:=" }, keyStore: { path: `${dir}/app.keystore.p12`, password: "k" } });

  it("Java: Properties and the JAAS parser give back the password and the paths, NUL and tab included", async () => {
    const password = `${HOSTILE}\0\t end`;
    const read = await javaReads(javaProperties(settings({ password }), stores("/odd dir/=:#!é"), "app.client.properties"));
    expect(read["jaas.password"]).toBe(password);
    expect(read["jaas.username"]).toBe("app");
    expect(read["jaas.module"]).toBe("org.apache.kafka.common.security.scram.ScramLoginModule");
    expect(Object.keys(read).filter((k) => k.startsWith("jaas."))).toEqual(["jaas.module", "jaas.password", "jaas.username"]);
    expect(read["ssl.truststore.location"]).toBe("/odd dir/=:#!é/truststore.p12");
    expect(read["ssl.truststore.password"]).toBe("t\\:=");
    const certificate = await javaReads(javaProperties(settings({ auth: "certificate" }), stores(" /lead"), "app.client.properties"));
    expect(certificate["ssl.keystore.location"]).toBe(" /lead/app.keystore.p12");
  }, 30_000);

  it.each([
    ["a line break", "x\ntokenauth=true y=\""],
    ["a carriage return", "x\rtokenauth=true"],
  ])("Java: a password with %s, which would end the JAAS string (more options after it), is refused", (_, password) => {
    expect(() => javaProperties(settings({ password }), stores("/c"), "certs/app.client.properties")).toThrow(
      "cannot write the password in sasl.jaas.config to certs/app.client.properties: Java clients would not read it back as written (it holds a line break, which ends a JAAS string)",
    );
  });

  it("kcat -F: the password, paths and addresses come back as written, up to a line of 511 bytes", () => {
    const password = HOSTILE.replace(/\\[=:]/g, "");
    const read = kcatReads(librdkafkaConf(settings({ password, caPath: "/odd dir/#=é/ca.pem" }), "app.librdkafka.conf"));
    expect(read["sasl.password"]).toBe(password);
    expect(read["sasl.username"]).toBe("app");
    expect(read["ssl.ca.location"]).toBe("/odd dir/#=é/ca.pem");
    expect(read["metadata.broker.list"]).toBe("127.0.0.1:9093");
    const longest = "x".repeat(511 - "sasl.password=".length);
    expect(kcatReads(librdkafkaConf(settings({ password: longest }), "f"))["sasl.password"]).toBe(longest);
  });

  const refusals: [string, string, Partial<ClientSettings>, string][] = [
    ["sasl.password", "a line break", { password: "two\nlines" }, "it holds a control character"],
    ["sasl.password", "a carriage return", { password: "cr\r" }, "it holds a control character"],
    ["sasl.password", "a NUL byte", { password: "nul\0" }, "it holds a control character"],
    ["sasl.password", "a leading blank", { password: " padded" }, "it has surrounding blanks"],
    ["sasl.password", "\\=", { password: "a\\=b" }, 'a backslash before "=" or ":" is dropped'],
    ["sasl.password", "\\:", { password: "a\\:b" }, 'a backslash before "=" or ":" is dropped'],
    ["sasl.password", "a smuggled line", { password: `${"x".repeat(497)}ssl.ca.location=/tmp/evil.pem` }, "its line would be longer than 511 bytes, which kcat reads as two lines"],
    ["ssl.ca.location", "a long --dir", { caPath: `/${"d".repeat(500)}/ca.pem` }, "its line would be longer than 511 bytes, which kcat reads as two lines"],
    ["bootstrap.servers", "a 600-character host", { bootstrap: [{ host: `${"h".repeat(600)}.example`, port: 1 }] }, "its line would be longer than 511 bytes, which kcat reads as two lines"],
  ];
  it.each(refusals)("kcat -F: %s with %s is refused", (setting, _, over, why) => {
    expect(() => librdkafkaConf(settings(over), "certs/app.librdkafka.conf")).toThrow(
      `cannot write ${setting} to certs/app.librdkafka.conf: kcat -F and librdkafka would not read it back as written (${why})`,
    );
  });

  it("kcat -F really reads what those refusals guard against otherwise", () => {
    const split = kcatReads(`sasl.password=${"x".repeat(497)}ssl.ca.location=/tmp/evil.pem\n`);
    expect(split["ssl.ca.location"]).toBe("/tmp/evil.pem");
    expect(kcatReads("sasl.password=a\\=b\\:c\n")["sasl.password"]).toBe("a=b:c");
  });

  it("sh: every value but NUL comes back byte for byte; NUL is refused", () => {
    const password = `${HOSTILE}\n\r\t`;
    const read = shReads(envFile(settings({ password, caPath: "/odd 'dir'/ca.pem" }), "app.env"));
    expect(read.KAFKA_SASL_PASSWORD).toBe(password);
    expect(read.KAFKA_SSL_CAFILE).toBe("/odd 'dir'/ca.pem");
    expect(() => envFile(settings({ password: "a\0b" }), "certs/app.env")).toThrow(
      "cannot write KAFKA_SASL_PASSWORD to certs/app.env: sh would not read it back as written (it holds a NUL byte, which no shell variable can hold)",
    );
  });
});
