// EXOSCALE_TRACE=1 with secrets given on the command line: API keys, passwords and private keys
// are sent to the API but never appear in the trace, in errors or on stdout.
import { describe, expect, it } from "vitest";
import { runCli } from "../../../helpers/run-cli.js";
import { PRIVATE_KEY, useEndpointSession } from "../../../helpers/endpoint-session.js";

const s = useEndpointSession();
const API_KEY = "dd-secret-api-key-7f3a9c0e";
const PASSWORD = "Prom-Secret-Passw0rd-91";
const KEY_LINES = PRIVATE_KEY.split("\n").filter((l) => l.length > 0 && !l.startsWith("-----"));

const traced = (argv: string[]) => runCli(argv, { env: { ...s.env, EXOSCALE_TRACE: "1" } });

function expectNoSecret(text: string): void {
  expect(text).not.toContain(API_KEY);
  expect(text).not.toContain(PASSWORD);
  for (const line of KEY_LINES) expect(text).not.toContain(line);
  expect(text).not.toMatch(/PRIVATE KEY-----/);
  expect(text).not.toContain(s.emulator.apiSecret);
}

const COMMANDS: Array<[name: string, argv: string[], operation: string]> = [
  ["datadog create", ["dbaas", "external-endpoint", "create", "datadog", "dd", "--datadog-api-key", API_KEY], "create-dbaas-external-endpoint-datadog"],
  [
    "prometheus create",
    ["dbaas", "external-endpoint", "create", "prometheus", "prom", "--prometheus-basic-auth-username", "scraper", "--prometheus-basic-auth-password", PASSWORD],
    "create-dbaas-external-endpoint-prometheus",
  ],
  [
    "rsyslog create",
    ["dbaas", "external-endpoint", "create", "rsyslog", "logs", "--rsyslog-server", "logs.example.net", "--rsyslog-port", "6514", "--rsyslog-format", "rfc5424", "--rsyslog-tls", "--rsyslog-key", PRIVATE_KEY],
    "create-dbaas-external-endpoint-rsyslog",
  ],
];

describe.each(COMMANDS)("%s with EXOSCALE_TRACE=1", (_name, argv, operation) => {
  it("traces the request with the secret redacted, and the secret reaches the API", async () => {
    const r = await traced(argv);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(`>>> Operation: ${operation}\n`);
    expect(r.stderr).toContain("[REDACTED]");
    expectNoSecret(r.stderr);
    expectNoSecret(r.stdout);
    const secrets = JSON.stringify(s.stored().endpoints[0]!.secrets);
    expect(secrets.includes(API_KEY) || secrets.includes(PASSWORD) || secrets.includes(KEY_LINES[0]!)).toBe(true);
  });

  it("a failing request keeps the secret out of trace and error", async () => {
    s.emulator.faults.inject({ kind: "status", status: 503, method: "POST", count: 1 });
    try {
      const r = await traced(argv);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^error: /m);
      expectNoSecret(r.stderr);
    } finally {
      s.emulator.faults.clear();
    }
  });
});

it("update with secrets: trace redacted too", async () => {
  const id = await s.create("prometheus", "prom");
  const r = await traced(["dbaas", "external-endpoint", "update", "prometheus", id, "--prometheus-basic-auth-password", PASSWORD]);
  expect(r.exitCode).toBe(0);
  expect(r.stderr).toMatch(/>>> Operation: update-dbaas-external-endpoint-prometheus\nPUT \/v2\/dbaas-external-endpoint-prometheus\//);
  expect(r.stderr).toContain('"basic-auth-password":"[REDACTED]"');
  expectNoSecret(r.stderr);
});

describe("a URL's userinfo", () => {
  // a password holding `@`, `:` and percent-encoding: each piece of it is secret
  const URL_PASSWORD = "Es@Pass:w0rd%40x";
  const PIECES = ["Es@Pass", "Pass:w0rd", "w0rd%40x", "w0rd@x"];
  const url = `https://elastic:${URL_PASSWORD}@search.example.net:9200`;

  it("is traced as user:[REDACTED]@, whatever the password holds", async () => {
    const r = await traced(["dbaas", "external-endpoint", "create", "elasticsearch", "es", "--elasticsearch-url", url, "--elasticsearch-index-prefix", "logs"]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('"url":"https://elastic:[REDACTED]@search.example.net:9200"');
    for (const piece of PIECES) expect(r.stderr).not.toContain(piece);
    expectNoSecret(r.stderr);
  });

  it("an API error echoing the URL, its password or the API secret prints none of them", async () => {
    const echo = `rejected ${url}, password ${URL_PASSWORD} (decoded: Es@Pass:w0rd@x), key ${s.emulator.apiSecret}`;
    s.emulator.faults.inject({ kind: "status", status: 400, method: "POST", count: 1, body: JSON.stringify({ message: echo }) });
    try {
      const r = await traced(["dbaas", "external-endpoint", "create", "elasticsearch", "es2", "--elasticsearch-url", url, "--elasticsearch-index-prefix", "logs"]);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/\nerror: .*rejected https:\/\/elastic:\[REDACTED\]@search\.example\.net:9200, password \[REDACTED\] \(decoded: \[REDACTED\]\), key \[REDACTED\]\n$/);
      for (const piece of PIECES) expect(r.stderr).not.toContain(piece);
      expectNoSecret(r.stderr);
    } finally {
      s.emulator.faults.clear();
    }
  });
});

it("an API error echoing a just-sent endpoint password prints it redacted, with or without the trace", async () => {
  const id = await s.create("prometheus", "prom-echo");
  for (const env of [{ ...s.env, EXOSCALE_TRACE: "1" }, s.env]) {
    s.emulator.faults.inject({ kind: "status", status: 422, method: "PUT", count: 1, body: JSON.stringify({ message: `password ${PASSWORD} is too weak` }) });
    try {
      const r = await runCli(["dbaas", "external-endpoint", "update", "prometheus", id, "--prometheus-basic-auth-password", PASSWORD], { env });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/error: .*password \[REDACTED\] is too weak\n$/);
      expectNoSecret(r.stderr);
    } finally {
      s.emulator.faults.clear();
    }
  }
});
