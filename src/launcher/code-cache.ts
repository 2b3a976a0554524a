// V8 code cache files for the launcher (src/launcher.ts): where they live, their format, and how they
// are read and written. Nothing here may throw or print: a cache only ever makes start-up faster.
//
// A file is one header line naming what it was made for, then V8's data:
//   exo-dbaas code cache 2 {"source":…,"runtime":…,"crc32":…,"commands":[…]}\n<V8 data>
// It is used only for the source and the runtime it names, and only when the data's CRC-32 matches:
// V8 checks its version, flags and the source's length, but not the data itself, and a foreign or
// damaged cache would be deserialized as it is. CRC-32, not a cryptographic hash: it is there to catch
// damage (whoever can write the cache can write the code beside it), and node:crypto alone would cost
// a command that never signs a request (`exo version`, help, completion) about 2 ms to load.
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, sep } from "node:path";

const MAGIC = "exo-dbaas code cache 2 ";
/** the longest header line read; a file without a newline before it is not a cache */
const MAX_HEADER = 4096;
/** a cache grows with the commands run on it (see commandsToRewrite) up to this many */
export const MAX_COMMANDS = 8;

export interface CodeCache {
  /** V8's cached data, as vm.Script takes it */
  data: Buffer;
  /** the commands (commandKey) whose runs compiled what the cache holds */
  commands: string[];
}

/** What a cache must have been made for: its script's SHA-256 and runtimeName(). */
export interface CacheIdentity {
  source: string;
  runtime: string;
}

/**
 * The Node that runs, as far as V8's code cache depends on it: its version, architecture and the
 * options that may set V8 flags (V8 rejects a cache made under other flags). Options are named by a
 * hash, since NODE_OPTIONS is the user's and the name is written to disk.
 */
export function runtimeName(version: string, arch: string, execArgv: readonly string[], nodeOptions: string | undefined): string {
  const options = [...execArgv, nodeOptions ?? ""].join("\0");
  const base = `${version}-${arch}`;
  return options === "" ? base : `${base}-${checksum(Buffer.from(options))}`;
}

/** A cache file, and the directory that must already exist for it to be written (see writeCodeCache). */
export interface CacheLocation {
  file: string;
  root: string;
  /** the file's mode: 0600 unless said (the shipped cache is read by every user of an installation) */
  mode?: number;
  /**
   * installed with the package, beside the code it was made from, and trusted as that code is: its
   * CRC-32 is not computed, which spares a command that compresses nothing loading node:zlib (0.5 ms).
   * V8 still checks its length, version, flags and source length.
   */
  installed?: boolean;
}

/** The cache file of the script NAME for RUNTIME in DIRECTORY: NAME-RUNTIME.cache. */
export function cacheLocation(directory: { dir: string; root: string }, name: string, runtime: string, installed?: { mode: number }): CacheLocation {
  return { file: join(directory.dir, `${name}-${runtime}.cache`), root: directory.root, mode: installed?.mode, installed: installed !== undefined };
}

/**
 * The user's directory of code caches: $XDG_CACHE_HOME/exo-dbaas/code-cache, else under ~/.cache
 * (~/Library/Caches on macOS), with the directory that must exist for it to be made: the cache
 * directory may be made, the home directory never. Undefined without either variable as an absolute path.
 */
export function userCacheDirectory(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): { dir: string; root: string } | undefined {
  const xdg = env.XDG_CACHE_HOME;
  const home = env.HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : home && isAbsolute(home) ? join(home, ...(platform === "darwin" ? ["Library", "Caches"] : [".cache"])) : undefined;
  return base === undefined ? undefined : { dir: join(base, "exo-dbaas", "code-cache"), root: dirname(base) };
}

/** The command a line runs, as far as the cache cares: its first two words before any flag ("dbaas show"). */
export function commandKey(argv: readonly string[]): string {
  const words: string[] = [];
  for (const word of argv) {
    if (word.startsWith("-") || words.length === 2) break;
    words.push(word);
  }
  return words.join(" ");
}

/**
 * The cache in PATH if it was made for IDENTITY and is intact (its data's CRC-32 is checked unless
 * INSTALLED, see CacheLocation); otherwise undefined (never throws).
 */
export function readCodeCache(path: string, identity: CacheIdentity, installed = false): CodeCache | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  const end = file.subarray(0, MAX_HEADER).indexOf(10);
  if (end < 0 || file.toString("latin1", 0, MAGIC.length) !== MAGIC) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(file.toString("latin1", MAGIC.length, end));
  } catch {
    return undefined;
  }
  if (!isHeader(header) || header.source !== identity.source || header.runtime !== identity.runtime) return undefined;
  const data = file.subarray(end + 1);
  if (data.length === 0 || (!installed && checksum(data) !== header.crc32)) return undefined;
  return { data, commands: header.commands };
}

/** The file's bytes for DATA, made for IDENTITY by runs of COMMANDS. */
export function encodeCodeCache(identity: CacheIdentity, commands: readonly string[], data: Buffer): Buffer {
  const header: Header = { source: identity.source, runtime: identity.runtime, crc32: checksum(data), commands: [...commands] };
  return Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`, "latin1"), data]);
}

/**
 * Writes CONTENT to the location's file as a whole or not at all (a new file renamed over it);
 * the directories between its root and the file are made 0700 if missing, the root never. Returns
 * false instead of throwing (read-only or missing directory, full disk).
 */
export function writeCodeCache(location: CacheLocation, content: Buffer): boolean {
  if (!existsSync(location.root)) return false;
  const temporary = `${location.file}.${process.pid}.tmp`;
  try {
    makeDirectories(location.root, dirname(location.file));
    writeFileSync(temporary, content, { flag: "wx", mode: location.mode ?? 0o600 });
    renameSync(temporary, location.file);
    return true;
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // not created
    }
    return false;
  }
}

/**
 * Whether a run writes its cache again at exit, adding what it compiled, and for which commands: when
 * it had none, when V8 rejected it, or when the cache was made by other commands (one made by
 * `exo version` holds little of what `dbaas show` runs), up to MAX_COMMANDS of them. Undefined: no write.
 */
export function commandsToRewrite(cache: CodeCache | undefined, rejected: boolean, command: string): string[] | undefined {
  if (cache === undefined || rejected) return [command];
  return cache.commands.includes(command) || cache.commands.length >= MAX_COMMANDS ? undefined : [...cache.commands, command];
}

/**
 * Makes each missing directory from ROOT down to DIR, one at a time: mkdirSync's recursive mode never
 * returns on some file systems (/proc), where a directory's parent exists but the directory cannot be made.
 */
function makeDirectories(root: string, dir: string): void {
  const below = relative(root, dir);
  if (below.startsWith("..") || isAbsolute(below)) throw new Error(`${dir} is not under ${root}`);
  let path = root;
  for (const part of below.split(sep).filter(Boolean)) {
    path = join(path, part);
    try {
      mkdirSync(path, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

interface Header {
  source: string;
  runtime: string;
  crc32: string;
  commands: string[];
}

function isHeader(value: unknown): value is Header {
  if (typeof value !== "object" || value === null) return false;
  const h = value as Record<string, unknown>;
  return (
    typeof h.source === "string" &&
    typeof h.runtime === "string" &&
    typeof h.crc32 === "string" &&
    Array.isArray(h.commands) &&
    h.commands.every((c) => typeof c === "string")
  );
}

function checksum(data: Buffer): string {
  // loaded here, when first needed, not with the launcher (see CacheLocation.installed)
  const { crc32 } = process.getBuiltinModule("node:zlib");
  return crc32(data).toString(16).padStart(8, "0");
}
