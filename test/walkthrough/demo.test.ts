// npm run demo in its API-only mode (the real-broker mode runs the same steps as walkthrough.test.ts).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, expect, it } from "vitest";
import { ensureBuilt } from "./processes.js";

const ROOT = resolve(import.meta.dirname, "../..");

beforeAll(ensureBuilt, 120_000);

it("runs the walkthrough's commands, printing each, without a broker when asked to", async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, "scripts", "demo.mjs")], {
    env: { ...process.env, DEMO_KAFKA: "fake" },
    timeout: 60_000,
  });
  expect(stdout).toContain("API-only: DEMO_KAFKA=fake; the Kafka client steps are skipped.");
  const commands = stdout.split("\n").filter((line) => line.startsWith("$ "));
  expect(commands).toEqual([
    "$ exo dbaas list",
    "$ exo dbaas ca-certificate > ca.pem",
    "$ exo dbaas show test-kafka -z de-muc-1 --output-template '{{.Kafka.ConnectionInfo.AccessCert}}' > test-kafka_cert.pem",
    "$ exo dbaas show test-kafka -z de-muc-1 --output-template '{{.Kafka.ConnectionInfo.AccessKey}}' > test-kafka_key.pem",
    "$ exo dbaas show test-kafka -z de-muc-1 --output-template '{{.Kafka.URI}}'",
    "$ exo dbaas show test-kafka -z de-muc-1 --output-template '{{.Kafka.AuthenticationMethods.SASL}}'",
    "$ exo dbaas update -z de-muc-1 test-kafka --kafka-enable-sasl-auth true --force --quiet",
    "$ exo dbaas show test-kafka -z de-muc-1 --output-template '{{.Kafka.SASLPort}}'",
    "$ exo dbaas show test-kafka -z de-muc-1 -O json",
    "$ exo dbaas show test-kafka -z de-muc-1",
  ]);
  expect(stdout).toMatch(/Authentication Methods +\| certificate, SASL/);
  expect(stdout).not.toMatch(/"password"|BEGIN PRIVATE KEY/);
  const work = /Done: the emulator stopped, (\S+) removed\./.exec(stdout)?.[1];
  expect(work).toContain("exo-dbaas-demo-");
  expect(existsSync(work!)).toBe(false);
}, 90_000);
