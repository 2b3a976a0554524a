// Random exoscale.toml files and environments: resolving the account either succeeds with a
// complete account or fails with the configuration's own error (one line, no stack trace); through
// the CLI, the failure is one `error:` line and exit 1. No request leaves the machine: the endpoint
// is always overridden by a loopback URL that refuses connections (port 1), retried with a 1 ms backoff.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "smol-toml";
import { afterAll, describe, expect, it } from "vitest";
import { resolveAccount } from "../../src/config/account.js";
import { ConfigError } from "../../src/config/errors.js";
import { runCli } from "../helpers/run-cli.js";

const ROOT = mkdtempSync(join(tmpdir(), "exo-config-props-"));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const NO_NETWORK_ENDPOINT = "http://127.0.0.1:1/v2";

// Values a user might write, the odd ones included.
const text = fc.oneof(
  fc.constantFrom("", " ", "default", "prod", "EXOkey", "secret", "ch-gva-2", "de-muc-1", "xx-yyy-1", "json", "text", "table", "api", "ppapi"),
  fc.constantFrom("https://api-ch-gva-2.exoscale.com/v2", "https://api.exoscale.com/v1", "ftp://x/v2", "not a url", "http://[::1", "~/x"),
  fc.string({ maxLength: 12 }),
);
const scalar = fc.oneof(text, fc.integer(), fc.boolean(), fc.double({ noNaN: true }), fc.date({ noInvalidDate: true }));
// secretCommand only ever names harmless programs
const secretCommand = fc.constantFrom(["/bin/false"], ["/bin/echo", "cmd-secret"], ["/nonexistent/program"], "/bin/true", [] as string[]);

const account = fc.record(
  {
    name: fc.oneof(text, scalar),
    key: fc.oneof(text, scalar),
    secret: fc.oneof(text, scalar),
    secretCommand,
    defaultZone: fc.oneof(text, scalar),
    endpoint: text,
    environment: text,
    defaultOutputFormat: text,
    customHeaders: fc.oneof(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), scalar, { maxKeys: 3 }), text),
    // keys in any case, as viper reads them
    Key: text,
    DEFAULTZONE: text,
  },
  { requiredKeys: [] },
);

const configDoc = fc.record(
  {
    defaultAccount: fc.oneof(text, scalar),
    defaultOutputFormat: text,
    accounts: fc.oneof(fc.array(account, { maxLength: 4 }), scalar, fc.array(scalar, { maxLength: 3 })),
    unrelated: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), scalar, { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);

// Mostly right, as real files are: known names, string fields, sometimes one thing off.
const accountName = fc.constantFrom("default", "prod", "Prod", "dev");
const plausibleDoc = fc.record(
  {
    defaultAccount: accountName,
    accounts: fc.array(
      fc.record(
        { name: accountName, key: fc.constantFrom("EXOkey", ""), secret: fc.constantFrom("s3cr3t", ""), secretCommand, defaultZone: text, endpoint: text },
        { requiredKeys: ["name", "key"] },
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ["accounts"] },
);

/** TOML text: generated documents, cut anywhere, or noise. */
const tomlText = fc.oneof(
  { weight: 5, arbitrary: plausibleDoc.map((doc) => stringify(doc)) },
  { weight: 5, arbitrary: configDoc.map((doc) => stringify(doc)) },
  { weight: 2, arbitrary: fc.tuple(configDoc.map((doc) => stringify(doc)), fc.nat()).map(([t, n]) => t.slice(0, n % (t.length + 1))) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: fc.constantFrom("[[accounts]\nname=", "accounts = 3", "[accounts]\nname='x'", '\u0000', "defaultAccount = [1,2]", "a = 1\na = 2") },
);

const envValue = fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: text });
const environment = fc.record({
  EXOSCALE_API_KEY: envValue,
  EXOSCALE_KEY: envValue,
  CLOUDSTACK_KEY: envValue,
  EXOSCALE_API_SECRET: envValue,
  EXOSCALE_SECRET: envValue,
  CLOUDSTACK_SECRET_KEY: envValue,
  EXOSCALE_ACCOUNT: envValue,
  EXOSCALE_ZONE: envValue,
  EXOSCALE_API_ENVIRONMENT: envValue,
  EXOSCALE_TIMEOUT: fc.option(fc.constantFrom("15s", "-1s", "0", "abc", "1ms", ""), { nil: undefined }),
  XDG_CONFIG_HOME: fc.constant(undefined),
});

let fileCounter = 0;
function writeConfig(content: string): { home: string; path: string } {
  const home = join(ROOT, `h${++fileCounter}`);
  mkdirSync(join(home, ".config", "exoscale"), { recursive: true });
  const path = join(home, ".config", "exoscale", "exoscale.toml");
  writeFileSync(path, content);
  return { home, path };
}

function defined(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

describe("resolveAccount on random configurations", () => {
  it("resolves a complete account or throws a one-line ConfigError", async () => {
    const outcomes = { resolved: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(tomlText, environment, fc.oneof(fc.constant(undefined), accountName, text), async (toml, env, accountFlag) => {
        const { home } = writeConfig(toml);
        try {
          const acct = await resolveAccount({ env: { ...defined(env), HOME: home }, cwd: ROOT, accountName: accountFlag });
          expect(acct.key).not.toBe("");
          expect(acct.secret).not.toBe("");
          expect(typeof acct.defaultZone).toBe("string");
          outcomes.resolved++;
        } catch (error) {
          outcomes.refused++;
          expect(error).toBeInstanceOf(ConfigError);
          expect((error as Error).message).not.toMatch(/\n\s+at /);
          expect((error as Error).message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
    // both outcomes are exercised, not only the refusals
    expect(outcomes.resolved).toBeGreaterThan(5);
    expect(outcomes.refused).toBeGreaterThan(20);
  });
});

describe("the CLI on random configurations", () => {
  it("fails with exactly one error line and exit 1, never a stack trace", async () => {
    await fc.assert(
      fc.asyncProperty(tomlText, environment, fc.boolean(), async (toml, env, viaFlag) => {
        const { home, path } = writeConfig(toml);
        const argv = [...(viaFlag ? ["--config", path] : []), "dbaas", "ca-certificate"];
        const result = await runCli(argv, { env: { ...defined(env), HOME: home, EXOSCALE_API_ENDPOINT: NO_NETWORK_ENDPOINT, EXO_DBAAS_RETRY_BASE_MS: "1" }, cwd: ROOT });
        expect(result.stdout).toBe("");
        expect(result.exitCode).toBe(1);
        expect(result.stderr).toMatch(/^error: [^\n]*\n$|^error: [^\n]*(\n  - [^\n]*)*\n$/);
        expect(result.stderr).not.toMatch(/\n\s+at /);
        expect(result.stderr).not.toContain("cmd-secret");
      }),
      { numRuns: 150 },
    );
  });
});
