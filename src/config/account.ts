// Resolves the account to use: credentials, default zone, endpoint override, output format.
// Precedence as exo: environment > selected account in exoscale.toml > built-in defaults.
import { spawnSync } from "node:child_process";
import { ConfigError } from "./errors.js";
import { exoscaleZoneApiPrefix } from "./endpoint.js";
import { ENV, lookupEnv, type Env } from "./env.js";
import { findConfigFile, readConfigFile, type AccountEntry } from "./file.js";

export const DEFAULT_ZONE = "ch-dk-2";
export const DEFAULT_ENVIRONMENT = "api";
export const ENV_ACCOUNT_NAME = "<environment variables>";

export interface ResolvedAccount {
  /** account name, or `<environment variables>` */
  name: string;
  key: string;
  secret: string;
  /** EXOSCALE_ZONE > account defaultZone > ch-dk-2 */
  defaultZone: string;
  /**
   * EXOSCALE_API_ENDPOINT > account endpoint, as written (see endpoint.ts for how it applies);
   * undefined when it names one zone's Exoscale API, whose prefix becomes `environment`
   */
  endpoint?: string;
  /** host prefix of the API: "api" → api-ZONE.exoscale.com */
  environment: string;
  defaultOutputFormat?: string;
  customHeaders: Record<string, string>;
  /** the config file the account came from, if any */
  configFile?: string;
}

export interface ResolveOptions {
  env: Env;
  cwd: string;
  /** --config flag (beats EXOSCALE_CONFIG) */
  configPath?: string;
  /** --use-account flag (beats EXOSCALE_ACCOUNT) */
  accountName?: string;
  /** runs an account's secretCommand; injectable for tests */
  runSecretCommand?: (argv: string[]) => string;
}

const CREDENTIALS_HINT = "set EXOSCALE_API_KEY and EXOSCALE_API_SECRET, or configure an account in ~/.config/exoscale/exoscale.toml";

export async function resolveAccount(options: ResolveOptions): Promise<ResolvedAccount> {
  const { env } = options;
  const envKey = lookupEnv(env, ENV.apiKey) ?? "";
  const envSecret = lookupEnv(env, ENV.apiSecret) ?? "";
  const envCredentials = envKey !== "" && envSecret !== "";
  const configPath = options.configPath || lookupEnv(env, ENV.config) || undefined;
  const requested = options.accountName || lookupEnv(env, ENV.account) || undefined;

  const file = findConfigFile(configPath, env, options.cwd);
  let account: AccountEntry | undefined;
  if (file) {
    const config = await readConfigFile(file);
    account = selectAccount(config.accounts, requested ?? config.defaultAccount, requested !== undefined, file, envCredentials);
    if (account && !account.defaultOutputFormat) account = { ...account, defaultOutputFormat: config.defaultOutputFormat };
  } else if (requested !== undefined && !envCredentials) {
    throw new ConfigError(`no account named ${JSON.stringify(requested)}: no config file found; ${CREDENTIALS_HINT}`);
  }
  if (!account && !envCredentials) throw new ConfigError(`no API credentials: ${CREDENTIALS_HINT}`);

  let key = account?.key ?? "";
  let secret = account?.secret ?? "";
  if (envCredentials) {
    key = envKey;
    secret = envSecret;
  } else if (account) {
    const where = `account ${JSON.stringify(account.name)} in ${file}`;
    if (!key) throw new ConfigError(`no API key for ${where}: set its "key", or set EXOSCALE_API_KEY and EXOSCALE_API_SECRET`);
    if (account.secretCommand && account.secretCommand.length > 0) {
      secret = (options.runSecretCommand ?? runSecretCommand)(account.secretCommand);
    }
    if (!secret) throw new ConfigError(`no API secret for ${where}: set its "secret" or "secretCommand", or set EXOSCALE_API_KEY and EXOSCALE_API_SECRET`);
  }

  const envZone = lookupEnv(env, ENV.zone);
  const endpoint = lookupEnv(env, ENV.endpoint) || account?.endpoint || undefined;
  const zoneApiPrefix = exoscaleZoneApiPrefix(endpoint);
  const envEnvironment = lookupEnv(env, ENV.environment);
  return {
    name: account?.name ?? ENV_ACCOUNT_NAME,
    key,
    secret,
    defaultZone: envZone || account?.defaultZone || DEFAULT_ZONE,
    endpoint: zoneApiPrefix ? undefined : endpoint,
    environment: zoneApiPrefix ?? (envEnvironment || account?.environment || DEFAULT_ENVIRONMENT),
    defaultOutputFormat: account?.defaultOutputFormat || undefined,
    customHeaders: account?.customHeaders ?? {},
    configFile: file,
  };
}

function selectAccount(
  accounts: AccountEntry[],
  name: string | undefined,
  explicit: boolean,
  file: string,
  envCredentials: boolean,
): AccountEntry | undefined {
  const available = accounts.map((a) => a.name).join(", ");
  if (name === undefined || name === "") {
    if (envCredentials) return undefined;
    if (accounts.length === 0) throw new ConfigError(`no accounts were found in ${JSON.stringify(file)}: ${CREDENTIALS_HINT}`);
    throw new ConfigError(
      `default account not defined: set defaultAccount in ${JSON.stringify(file)} or pass --use-account <account-name> (available accounts: ${available})`,
    );
  }
  const found = accounts.find((a) => a.name === name);
  if (found) return found;
  if (envCredentials && !explicit) return undefined;
  throw new ConfigError(
    `couldn't find any configured account named ${JSON.stringify(name)} in ${JSON.stringify(file)}` +
      (available ? ` (available accounts: ${available})` : ""),
  );
}

function runSecretCommand(argv: string[]): string {
  const [command, ...args] = argv;
  const result = spawnSync(command!, args, { encoding: "utf8", stdio: ["inherit", "pipe", "inherit"] });
  if (result.error) throw new ConfigError(`secretCommand ${JSON.stringify(command)} failed: ${result.error.message}`);
  if (result.status !== 0) throw new ConfigError(`secretCommand ${JSON.stringify(command)} exited with status ${result.status}`);
  return result.stdout.replace(/\r?\n$/, "");
}
