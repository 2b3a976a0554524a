// exoscale.toml: where exo looks for it and what it contains. Keys are case-insensitive (viper).
import { existsSync, readFileSync, statSync } from "node:fs";
import { homedir, platform } from "node:os";
import { join } from "node:path";
import { ConfigError } from "./errors.js";
import type { Env } from "./env.js";

export interface AccountEntry {
  name: string;
  key?: string;
  secret?: string;
  /** command whose stdout (trailing newline trimmed) is the secret */
  secretCommand?: string[];
  defaultZone?: string;
  endpoint?: string;
  environment?: string;
  defaultOutputFormat?: string;
  /** headers added to every API request */
  customHeaders?: Record<string, string>;
}

export interface ConfigFile {
  path: string;
  defaultAccount?: string;
  defaultOutputFormat?: string;
  accounts: AccountEntry[];
}

export const CONFIG_FILE_NAME = "exoscale.toml";

export function homeDir(env: Env): string {
  return env.HOME || homedir();
}

/** Directories searched, in order, as exo's viper set-up does. */
export function configSearchDirs(env: Env, cwd: string): string[] {
  const home = homeDir(env);
  let userConfigDir: string;
  if (env.SNAP_USER_COMMON) userConfigDir = join(home, ".exoscale");
  else if (env.XDG_CONFIG_HOME) userConfigDir = join(env.XDG_CONFIG_HOME, "exoscale");
  else if (platform() === "darwin") userConfigDir = join(home, "Library", "Application Support", "exoscale");
  else userConfigDir = join(home, ".config", "exoscale");
  return [userConfigDir, join(home, ".exoscale"), home, cwd];
}

/**
 * The config file to use: the explicit one (--config / EXOSCALE_CONFIG), which must exist, or the
 * first exoscale.toml found in the search directories; undefined when there is none.
 */
export function findConfigFile(explicitPath: string | undefined, env: Env, cwd: string): string | undefined {
  if (explicitPath) {
    const path = explicitPath.startsWith("~/") ? join(homeDir(env), explicitPath.slice(2)) : explicitPath;
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new ConfigError(`stat ${path}: no such file or directory`);
    }
    if (isDir) throw new ConfigError(`${JSON.stringify(path)} is a directory but should be a configuration file`);
    return path;
  }
  for (const dir of configSearchDirs(env, cwd)) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

export async function readConfigFile(path: string): Promise<ConfigFile> {
  const { parse } = await import("smol-toml");
  let doc: Record<string, unknown>;
  try {
    doc = lowerKeys(parse(readFileSync(path, "utf8"))) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ConfigError(`cannot read config file ${JSON.stringify(path)}: ${reason}`);
  }
  const accounts = Array.isArray(doc.accounts) ? doc.accounts : [];
  return {
    path,
    defaultAccount: str(doc.defaultaccount),
    defaultOutputFormat: str(doc.defaultoutputformat),
    accounts: accounts.filter(isRecord).map((a) => ({
      name: str(a.name) ?? "",
      key: str(a.key),
      secret: str(a.secret),
      secretCommand: Array.isArray(a.secretcommand) ? a.secretcommand.map(String) : typeof a.secretcommand === "string" ? [a.secretcommand] : undefined,
      defaultZone: str(a.defaultzone),
      endpoint: str(a.endpoint),
      environment: str(a.environment),
      defaultOutputFormat: str(a.defaultoutputformat),
      customHeaders: isRecord(a.customheaders) ? Object.fromEntries(Object.entries(a.customheaders).map(([k, v]) => [k, String(v)])) : undefined,
    })),
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (isRecord(value) && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), lowerKeys(v)]));
  }
  return value;
}
