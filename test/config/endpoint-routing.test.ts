// Where the CLI sends a zone's requests, end to end through main.run: exo configs with the old v1
// endpoint, overrides naming a real zone's API, loopback overrides, refused plain-http hosts and
// unknown zones. Real Exoscale hosts are never contacted: node's resolver is replaced by one that
// records the name and fails, so the request stops before any connection.
import dns from "node:dns";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resolveAccount } from "../../src/config/account.js";
import { configSearchDirs } from "../../src/config/file.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { runCli, apiEnv } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const SECRET = "routing-test-secret";

/** Replaces getaddrinfo: every name fails with ENOTFOUND; returns the names asked for. */
function failingResolver(): string[] {
  const hosts: string[] = [];
  vi.spyOn(dns, "lookup").mockImplementation(((host: string, options: unknown, callback: unknown) => {
    hosts.push(host);
    const cb = (typeof options === "function" ? options : callback) as (error: Error) => void;
    process.nextTick(() => cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND", syscall: "getaddrinfo", hostname: host })));
  }) as unknown as typeof dns.lookup);
  return hosts;
}

function homeWith(toml: string): string {
  const home = tempDir("exo-routing-");
  mkdirSync(join(home, ".config", "exoscale"), { recursive: true });
  writeFileSync(join(home, ".config", "exoscale", "exoscale.toml"), toml);
  return home;
}

const account = (endpoint: string) => `defaultAccount = "main"\n[[accounts]]\nname = "main"\nkey = "EXOkey"\nsecret = "${SECRET}"\nendpoint = "${endpoint}"\n`;

afterEach(() => vi.restoreAllMocks());

describe("per-zone Exoscale endpoints", () => {
  it.each([
    ["an account endpoint of the old v1 compute API", { HOME: homeWith(account("https://api.exoscale.com/v1")) }, "api-de-muc-1"],
    ["EXOSCALE_API_ENDPOINT set to v1", { EXOSCALE_API_ENDPOINT: "https://api.exoscale.com/v1", EXOSCALE_API_KEY: "EXOkey", EXOSCALE_API_SECRET: SECRET }, "api-de-muc-1"],
    ["an override naming another zone's v2 API", { EXOSCALE_API_ENDPOINT: "https://api-ch-gva-2.exoscale.com/v2", EXOSCALE_API_KEY: "EXOkey", EXOSCALE_API_SECRET: SECRET }, "api-de-muc-1"],
    ["a pre-production zone API in the account", { HOME: homeWith(account("https://ppapi-ch-gva-2.exoscale.com/v2/")) }, "ppapi-de-muc-1"],
  ])("%s: de-muc-1 requests go to %s's own API host", async (_name, env, prefix) => {
    const hosts = failingResolver();
    const result = await runCli(["dbaas", "ca-certificate", "-z", "de-muc-1"], { env });
    expect(result.stdout).toBe("");
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(`error: host name could not be resolved: GET https://${prefix}.exoscale.com/v2/dbaas-ca-certificate (ENOTFOUND)\n`);
    expect(new Set(hosts)).toEqual(new Set([`${prefix}.exoscale.com`]));
    expect(result.stderr).not.toContain(SECRET);
  });

  it("keeps the zone API prefix out of the endpoint override", async () => {
    const acct = await resolveAccount({ env: { HOME: "/nonexistent-home", EXOSCALE_API_KEY: "k", EXOSCALE_API_SECRET: "s", EXOSCALE_API_ENDPOINT: "https://ppapi-at-vie-1.exoscale.com/v2" }, cwd: "/" });
    expect(acct.endpoint).toBeUndefined();
    expect(acct.environment).toBe("ppapi");
  });
});

describe("plain http", () => {
  it.each(["http://api.example.invalid/v2", "http://10.1.2.3:8080/v2"])("to %s is refused in one line, before any lookup or request", async (endpoint) => {
    const hosts = failingResolver();
    const result = await runCli(["dbaas", "ca-certificate"], { env: { EXOSCALE_API_ENDPOINT: endpoint, EXOSCALE_API_KEY: "EXOkey", EXOSCALE_API_SECRET: SECRET } });
    expect(result).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: `error: refusing to send credentials over plain http to "${endpoint}": use https, or a loopback address (127.0.0.1, ::1, localhost) for a local emulator\n`,
    });
    expect(hosts).toEqual([]);
  });
});

describe("against the emulator", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ operationDelayMs: 0 });
  });
  afterAll(() => emulator.close());

  it("an account's loopback v2 endpoint serves every known zone without a zone lookup", async () => {
    const home = homeWith(account(emulator.url).replace(SECRET, emulator.apiSecret).replace("EXOkey", emulator.apiKey));
    emulator.clearRequests();
    const result = await runCli(["dbaas", "ca-certificate", "-z", "hr-zag-1"], { env: { HOME: home } });
    expect(result).toEqual({ exitCode: 0, stdout: await emulator.caCertificatePem(), stderr: "" });
    expect(emulator.requests().map((r) => `${r.method} ${r.path}`)).toEqual(["GET /v2/dbaas-ca-certificate"]);
  });

  it("an unknown zone: one GET /zone, then an error listing exactly the zones the API knows, nothing signed sent", async () => {
    emulator.clearRequests();
    const env = apiEnv(emulator);
    const result = await runCli(["dbaas", "ca-certificate", "-z", "ch-gva-9"], { env });
    const sent = emulator.requests().map((r) => `${r.method} ${r.path}`);
    const zones = ((await (await fetch(`${emulator.url}/zone`)).json()) as { zones: { name: string }[] }).zones.map((z) => z.name);
    expect(zones).toHaveLength(8);
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: `error: unknown zone "ch-gva-9": valid zones are: ${zones.join(", ")}\n` });
    expect(sent).toEqual(["GET /v2/zone"]);
  });
});

describe("exoscale.toml search locations", () => {
  it("under snap, ~/.exoscale comes first (exo's SNAP_USER_COMMON rule), then ~/.exoscale, ~ and the working directory", () => {
    expect(configSearchDirs({ HOME: "/h", SNAP_USER_COMMON: "/snap/x", XDG_CONFIG_HOME: "/xdg" }, "/w")).toEqual(["/h/.exoscale", "/h/.exoscale", "/h", "/w"]);
    expect(configSearchDirs({ HOME: "/h" }, "/w")[0]).toBe(process.platform === "darwin" ? "/h/Library/Application Support/exoscale" : "/h/.config/exoscale");
  });
});
