import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveAccount } from "../../src/config/account.js";
import { ConfigError } from "../../src/config/errors.js";
import { configSearchDirs, findConfigFile } from "../../src/config/file.js";
import { tempDir } from "../helpers/temp-dir.js";

function home(files: Record<string, string> = {}): string {
  const dir = tempDir("exo-config-");
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const TOML = `
defaultAccount = "prod"
[[accounts]]
name = "prod"
key = "EXOprod"
secret = "prod-secret"
defaultZone = "de-fra-1"
endpoint = "http://127.0.0.1:9/v2"
defaultOutputFormat = "json"
[accounts.customHeaders]
X-Foo = "bar"

[[accounts]]
Name = "dev"
KEY = "EXOdev"
secretCommand = ["printf", "dev-secret\\n"]
`;

describe("resolveAccount", () => {
  it("uses env credentials without a config file, with built-in defaults", async () => {
    const acct = await resolveAccount({ env: { HOME: home(), EXOSCALE_API_KEY: "EXOk", EXOSCALE_API_SECRET: "s" }, cwd: "/" });
    expect(acct).toMatchObject({ name: "<environment variables>", key: "EXOk", secret: "s", defaultZone: "ch-dk-2", environment: "api" });
    expect(acct.endpoint).toBeUndefined();
  });

  it("honours the alias variables in exo's priority order", async () => {
    const env = { HOME: home(), EXOSCALE_KEY: "EXO2", CLOUDSTACK_KEY: "EXO3", CLOUDSTACK_SECRET_KEY: "s5", EXOSCALE_SECRET_KEY: "s3" };
    await expect(resolveAccount({ env, cwd: "/" })).resolves.toMatchObject({ key: "EXO2", secret: "s3" });
  });

  it("a set-but-empty variable wins the lookup, leaving credentials incomplete", async () => {
    const env = { HOME: home(), EXOSCALE_API_KEY: "", EXOSCALE_KEY: "EXO2", EXOSCALE_API_SECRET: "s" };
    await expect(resolveAccount({ env, cwd: "/" })).rejects.toThrow(
      "no API credentials: set EXOSCALE_API_KEY and EXOSCALE_API_SECRET, or configure an account in ~/.config/exoscale/exoscale.toml",
    );
  });

  it("reads ~/.config/exoscale/exoscale.toml, keys case-insensitive", async () => {
    const h = home({ ".config/exoscale/exoscale.toml": TOML });
    const acct = await resolveAccount({ env: { HOME: h }, cwd: "/" });
    expect(acct).toMatchObject({
      name: "prod",
      key: "EXOprod",
      secret: "prod-secret",
      defaultZone: "de-fra-1",
      endpoint: "http://127.0.0.1:9/v2",
      defaultOutputFormat: "json",
      customHeaders: { "x-foo": "bar" },
      configFile: join(h, ".config/exoscale/exoscale.toml"),
    });
    const dev = await resolveAccount({ env: { HOME: h }, cwd: "/", accountName: "dev" });
    expect(dev).toMatchObject({ name: "dev", key: "EXOdev", secret: "dev-secret" });
  });

  it("precedence: env > account > defaults; --use-account > EXOSCALE_ACCOUNT; --config > EXOSCALE_CONFIG", async () => {
    const h = home({ ".exoscale/exoscale.toml": TOML, "other.toml": TOML.replace('"EXOprod"', '"EXOother"') });
    const env = {
      HOME: h,
      EXOSCALE_ZONE: "at-vie-1",
      EXOSCALE_API_ENDPOINT: "https://example.test/v2",
      EXOSCALE_ACCOUNT: "dev",
      EXOSCALE_CONFIG: join(h, "other.toml"),
    };
    const viaEnv = await resolveAccount({ env, cwd: "/" });
    expect(viaEnv).toMatchObject({ name: "dev", defaultZone: "at-vie-1", endpoint: "https://example.test/v2" });
    expect(viaEnv.configFile).toBe(join(h, "other.toml"));
    const viaFlags = await resolveAccount({ env, cwd: "/", accountName: "prod", configPath: join(h, ".exoscale/exoscale.toml") });
    expect(viaFlags).toMatchObject({ name: "prod", key: "EXOprod" });
    const envCreds = await resolveAccount({ env: { ...env, EXOSCALE_API_KEY: "EXOenv", EXOSCALE_API_SECRET: "env-secret" }, cwd: "/" });
    expect(envCreds).toMatchObject({ name: "dev", key: "EXOenv", secret: "env-secret" });
  });

  it("searches XDG_CONFIG_HOME, ~/.exoscale, ~ and the working directory in that order", () => {
    const h = home({ "cwd/exoscale.toml": TOML, "exoscale.toml": TOML });
    expect(configSearchDirs({ HOME: h, XDG_CONFIG_HOME: "/xdg" }, "/w")).toEqual(["/xdg/exoscale", join(h, ".exoscale"), h, "/w"]);
    expect(findConfigFile(undefined, { HOME: h }, join(h, "cwd"))).toBe(join(h, "exoscale.toml"));
    expect(findConfigFile(undefined, { HOME: join(h, "none") }, join(h, "cwd"))).toBe(join(h, "cwd/exoscale.toml"));
  });

  it.each([
    ["an explicit file that does not exist", { configPath: "/nope/exo.toml" }, "stat /nope/exo.toml: no such file or directory"],
    ["an unknown account", { accountName: "ghost" }, 'couldn\'t find any configured account named "ghost"'],
  ])("fails in one line for %s", async (_name, extra, message) => {
    const h = home({ ".config/exoscale/exoscale.toml": TOML });
    const error = await resolveAccount({ env: { HOME: h }, cwd: "/", ...extra }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain("\n");
  });

  it("says what to set for a missing default account, a missing secret, and a broken file", async () => {
    const noDefault = home({ "exoscale.toml": TOML.replace('defaultAccount = "prod"', "") });
    await expect(resolveAccount({ env: { HOME: noDefault }, cwd: "/" })).rejects.toThrow(
      /^default account not defined: set defaultAccount in ".*exoscale.toml" or pass --use-account <account-name> \(available accounts: prod, dev\)$/,
    );
    const noSecret = home({ "exoscale.toml": 'defaultAccount="a"\n[[accounts]]\nname="a"\nkey="EXOa"\n' });
    await expect(resolveAccount({ env: { HOME: noSecret }, cwd: "/" })).rejects.toThrow(/^no API secret for account "a" in .*: set its "secret" or "secretCommand"/);
    const broken = home({ "exoscale.toml": "defaultAccount = \n" });
    await expect(resolveAccount({ env: { HOME: broken }, cwd: "/" })).rejects.toThrow(/^cannot read config file ".*exoscale.toml": /);
  });
});
