// The Kafka client library is bundled apart (dist/exo-kafka.cjs): dist/exo.cjs requires that file only
// when a `dbaas kafka` command runs, so no other command's start-up loads it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { ApiClient } from "../../src/api/client.js";
import { getKafkaService } from "../../src/api/dbaas.js";
import { startEmulator } from "../../src/emulator/index.js";
import { ensureBuilt, ROOT, runBuilt } from "../helpers/built-cli.js";
import { apiEnv } from "../helpers/run-cli.js";

beforeAll(ensureBuilt, 180_000);

it("dist/exo.cjs requires dist/exo-kafka.cjs instead of holding the library's code", () => {
  const source = readFileSync(join(ROOT, "dist", "exo.cjs"), "latin1");
  expect(source.match(/require\("\.\/exo-kafka\.cjs"\)/g)).toHaveLength(1);
  // names from the library's own modules, not from ours
  expect(source).not.toContain("DynamicBuffer");
  expect(source).not.toContain("INCONSISTENT_GROUP_PROTOCOL");
  const apart = readFileSync(join(ROOT, "dist", "exo-kafka.cjs"), "latin1");
  expect(apart).toContain("INCONSISTENT_GROUP_PROTOCOL");
  // the WebAssembly is inlined, not read from a file beside the package
  expect(apart).not.toContain("native.wasm");
  // only what the commands use (KafkaLibrary): the rest of the library, its schema registries and Avro, is left out
  expect(Object.keys(createRequire(import.meta.url)(join(ROOT, "dist", "exo-kafka.cjs"))).sort()).toEqual(["Admin", "Consumer", "Producer", "murmur2", "protocolErrorsCodesById"]);
  expect(apart).not.toContain("forSchema");
});

it("a command other than dbaas kafka never loads it; a dbaas kafka command does, and not the ASN.1 bundle", async () => {
  const preload = join(ROOT, "test", "built", "report-kafka-load.cjs");
  const env = { NODE_OPTIONS: `--require ${preload}`, EXOSCALE_API_KEY: "EXOx", EXOSCALE_API_SECRET: "s", EXOSCALE_API_ENDPOINT: "http://127.0.0.1:9/v2" };
  const version = await runBuilt(["version"], { env });
  expect(version.stderr).not.toContain("kafka library loaded");
  const help = await runBuilt(["dbaas", "kafka", "topic", "list", "--help"], { env });
  expect(help.stderr).not.toContain("kafka library loaded");

  // a service announced on a closed loopback port: the command loads the library, then fails to connect
  const emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0 });
  try {
    const api = new ApiClient({ endpoint: emulator.url, credentials: { key: emulator.apiKey, secret: emulator.apiSecret }, headers: { "Exoscale-Zone": "de-muc-1" } });
    const service = await getKafkaService(api, "test-kafka");
    const components = (service.components ?? []).map((c) => (c.component === "kafka" ? { ...c, host: "127.0.0.1", port: 9 } : c));
    emulator.canned({ method: "GET", path: "/dbaas-kafka/test-kafka", status: 200, body: JSON.stringify({ ...service, components }) });
    const list = await runBuilt(["dbaas", "kafka", "topic", "list", "test-kafka", "-z", "de-muc-1", "--connect-timeout", "2s"], { env: { ...env, ...apiEnv(emulator) } });
    expect(list.stderr).toMatch(/^kafka library loaded\nerror: no answer from the Kafka brokers of service "test-kafka" \(127\.0\.0\.1:9\)/);
    expect([list.exitCode, list.stdout]).toEqual([5, ""]);
  } finally {
    await emulator.close();
  }
}, 60_000);
