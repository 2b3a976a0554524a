// The read commands through the built executable (node dist/cli.cjs), as a shell script runs them:
// `> cert.pem` gets the PEM byte for byte, failures leave the file empty.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../src/api/client.js";
import { getKafkaService } from "../../src/api/dbaas.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { emulatorEnv, ensureBuilt, runBuilt } from "../helpers/built-cli.js";

let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  await ensureBuilt();
  emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0 });
  env = emulatorEnv(emulator);
}, 120_000);
afterAll(() => emulator?.close());

const exo = (args: string[]) => runBuilt(args, { env });

describe("node dist/cli.cjs dbaas …", () => {
  it("show --output-template '{{.Kafka.ConnectionInfo.AccessCert}}' writes exactly the PEM", async () => {
    const api = new ApiClient({ endpoint: emulator.url, credentials: { key: emulator.apiKey, secret: emulator.apiSecret } });
    const cert = (await getKafkaService(api, "test-kafka"))["connection-info"]?.["access-cert"];
    expect(await exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Kafka.ConnectionInfo.AccessCert}}"])).toEqual({
      exitCode: 0,
      stdout: cert,
      stderr: "",
    });
  });

  it("SASL status, the list and the type, each one process", async () => {
    expect((await exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Kafka.AuthenticationMethods.SASL}}"])).stdout).toBe("false");
    expect((await exo(["dbaas", "list", "-O", "text"])).stdout).toBe("test-kafka\tkafka\tstartup-2\tde-muc-1\n");
    expect((await exo(["dbaas", "type", "show", "kafka", "--output-template", "{{.Name}}"])).stdout).toBe("kafka");
    const settings = await exo(["dbaas", "type", "show", "kafka", "--settings", "kafka"]);
    expect(settings.exitCode).toBe(0);
    expect(settings.stdout.split("\n")[0]).toMatch(/^\| +KEY +\| +TYPE +\| +DESCRIPTION +\|$/);
  });

  it("a failure exits 1 with nothing on stdout", async () => {
    expect(await exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Kafka.Nope}}"])).toMatchObject({ exitCode: 1, stdout: "" });
    expect(await exo(["dbaas", "show", "test-kafka", "--settings", "nope"])).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: invalid settings value "nope", expected one of: kafka, kafka-rest, kafka-connect, schema-registry\n',
    });
  });
});
