// Text from the API is data: on stderr and in terminal tables its control characters are escaped
// and it stays on one line; -O json and templates keep its bytes.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { runCli, apiEnv } from "../helpers/run-cli.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.clearCanned());

function exo(argv: string[], tty = false) {
  const env = apiEnv(emulator);
  return runCli(argv, { env, tty });
}

const HOSTILE = "\x1b]0;owned\x07\x1b[2J\rfake\r\nerror: spoofed\u202e";
const ESCAPED = "\\x1b]0;owned\\a\\x1b[2J\\rfake\\r\\nerror: spoofed\\u202e";

it("an API error message reaches stderr escaped, on one line", async () => {
  emulator.canned({ method: "GET", path: "/dbaas-kafka/test-kafka", status: 400, body: { message: HOSTILE } });
  const result = await exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1"], true);
  expect(result).toEqual({ exitCode: 1, stdout: "", stderr: `error: Bad Request: ${ESCAPED}\n` });
});

it("an RFC 9457 error with several entries stays one line", async () => {
  const body = { title: "Invalid request", detail: "bad\nworse", errors: [{ location: "body.$['plan']", detail: "no\x1b[1m" }, "plain\rtext"] };
  emulator.canned({ method: "GET", path: "/dbaas-kafka/test-kafka", status: 422, body });
  const result = await exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1"]);
  expect(result.stderr).toBe("error: Unprocessable Entity: Invalid request: bad\\nworse; --plan: no\\x1b[1m; plain\\rtext\n");
});

it("a table on a terminal escapes API text; a pipe, -O json and templates get the bytes", async () => {
  const { stringify } = await import("../../src/api/json.js");
  const body = { ...(await apiService()), version: `3.9${HOSTILE}` };
  emulator.canned({ method: "GET", path: "/dbaas-kafka/test-kafka", status: 200, body: stringify(body) });

  // a newline in a value starts another line inside its cell; everything else is escaped
  const tty = await exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1"], true);
  expect(tty.exitCode).toBe(0);
  expect(tty.stdout).toContain("3.9\\x1b]0;owned\\a\\x1b[2J\\rfake\\r");
  expect(tty.stdout).toContain("error: spoofed\\u202e");
  expect(tty.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f\u202e]/);

  const pipe = await exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1"]);
  expect(pipe.stdout).toContain("3.9\x1b]0;owned\x07\x1b[2J\rfake\r");

  const template = await exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Kafka.Version}}"], true);
  expect(template).toEqual({ exitCode: 0, stdout: `3.9${HOSTILE}`, stderr: "" });

  const json = await exo(["dbaas", "show", "test-kafka", "-z", "de-muc-1", "-O", "json"], true);
  expect(JSON.parse(json.stdout).kafka.version).toBe(`3.9${HOSTILE}`);
  // Go's json.Marshal escapes control characters as \u00XX: the bytes of the value, in JSON
  expect(json.stdout).toContain(String.raw`"3.9\u001b]0;owned\u0007\u001b[2J\rfake\r\nerror: spoofed` + "\u202e\"");
});

/** The seeded service as the API sends it. */
async function apiService(): Promise<Record<string, unknown>> {
  const { ApiClient } = await import("../../src/api/client.js");
  const client = new ApiClient({ endpoint: emulator.url, credentials: { key: emulator.apiKey, secret: emulator.apiSecret }, headers: { "Exoscale-Zone": "de-muc-1" } });
  return client.request({ method: "GET", path: "/dbaas-kafka/test-kafka", operationId: "get-dbaas-service-kafka" });
}

it("an operation's failure reason reaches stderr escaped, on one line", async () => {
  const id = "11111111-2222-3333-4444-555555555555";
  emulator.canned({ method: "PUT", path: "/dbaas-kafka/test-kafka", status: 200, body: { id, state: "pending" } });
  emulator.canned({
    method: "GET",
    path: `/operation/${id}`,
    status: 200,
    body: { id, state: "failure", reason: "unavailable", message: HOSTILE, reference: { command: "update\x1b[2J", id: "x", link: "y" } },
  });
  const result = await exo(["dbaas", "update", "test-kafka", "-z", "de-muc-1", "-f", "--kafka-enable-sasl-auth"]);
  expect(result.exitCode).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toBe(
    `error: operation: "${id}" {update\\x1b[2J x y}, state: failure, reason: "unavailable", message: "\\u001b]0;owned\\u0007\\u001b[2J\\rfake\\r\\nerror: spoofed\\u202e"\n`,
  );
});
