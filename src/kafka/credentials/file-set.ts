// A set of files changed as one: after success every new file is in place, after any failure or
// interruption every old file is, and no temporary file is left either way.
//
// 1. check: every destination is a usable path (not empty, not a directory, under a directory);
// 2. stage: each new file is written to a 0600 temporary name beside its destination, synced and
//    read back (an abort signal ends this phase at once, and its listener removes the temporary files);
// 3. commit, synchronously so no signal handler can run in the middle: each old file is kept aside
//    under a hidden name, each new one moved into place; if any move fails, the moves done are undone
//    and the old files put back. Only then are the old files deleted.
import { fsyncSync, linkSync, lstatSync, openSync, closeSync, promises as fs, renameSync, rmdirSync, rmSync, unlinkSync, constants, type Stats } from "node:fs";
import { dirname, resolve } from "node:path";
import { FileExistsError, PRIVATE_FILE_MODE, siblingName, stagePrivateFile } from "./private-file.js";

export interface FileEntry {
  /** destination (absolute, or relative to the process's working directory) */
  path: string;
  contents: string | Uint8Array;
  /** mode of the file once in place; it is 0600 until then */
  mode: number;
  /** how messages name it (default: path) */
  display?: string;
}

export interface FileRemoval {
  path: string;
  display?: string;
}

export interface FileSetOptions {
  /** an existing file or symbolic link at a destination may be replaced (a link is replaced, never followed) */
  overwrite?: boolean;
  /** files or links deleted in the same transaction (absent ones are ignored) */
  remove?: readonly FileRemoval[];
  /** aborting stops the transaction and restores the old files; the signal's reason is thrown */
  signal?: AbortSignal;
  /** awaited before each step ("stage PATH", "commit", "committed"); lets tests act between steps */
  beforeStep?: (step: string) => Promise<void>;
}

/** A destination that cannot be written, or a transaction that could not complete. Never quotes file contents. */
export class FileSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileSetError";
  }
}

export type TargetState = "absent" | "file" | "link";

const errnoCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/** "EACCES: permission denied, rename 'a' -> 'b'" → "permission denied" */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /^[A-Z]+: ([^,]+)/.exec(message)?.[1] ?? message;
}

/** What is at a destination; refuses an empty path, a directory or special file, and a parent that is not a directory. */
export async function checkTarget(path: string, display: string = path): Promise<TargetState> {
  if (path === "") throw new FileSetError("empty file name");
  let stats: Stats;
  try {
    stats = await fs.lstat(path);
  } catch (error) {
    const code = errnoCode(error);
    if (code !== "ENOENT" && code !== "ENOTDIR") throw new FileSetError(`cannot use ${display}: ${reason(error)}`);
    await checkAncestors(path, display);
    return "absent";
  }
  if (stats.isDirectory()) throw new FileSetError(`${display} is a directory`);
  if (stats.isSymbolicLink()) return "link";
  if (!stats.isFile()) throw new FileSetError(`${display} is not a regular file`);
  return "file";
}

/** The nearest existing ancestor of a missing path must be a directory (the missing ones are created). */
async function checkAncestors(path: string, display: string): Promise<void> {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    try {
      if (!(await fs.stat(dir)).isDirectory()) throw new FileSetError(`cannot write ${display}: ${dir} is not a directory`);
      return;
    } catch (error) {
      if (error instanceof FileSetError) throw error;
      const code = errnoCode(error);
      if ((code !== "ENOENT" && code !== "ENOTDIR") || dir === dirname(dir)) throw new FileSetError(`cannot write ${display}: ${reason(error)}`);
    }
  }
}

/** Writes every entry (and deletes every removal) as one transaction; see the top of this file. */
export async function writeFileSet(entries: readonly FileEntry[], options: FileSetOptions = {}): Promise<void> {
  const { signal } = options;
  const removals = options.remove ?? [];
  const name = (e: { path: string; display?: string }) => e.display ?? e.path;
  signal?.throwIfAborted();
  const destinations = [...entries, ...removals].map((e) => resolve(e.path));
  if (new Set(destinations).size !== destinations.length) throw new FileSetError("a file set names the same file twice");

  const states = await Promise.all(entries.map((e) => checkTarget(e.path, name(e))));
  const taken = entries.findIndex((_, i) => states[i] !== "absent");
  if (taken >= 0 && !options.overwrite) throw new FileExistsError(name(entries[taken]!));
  await Promise.all(removals.map((r) => checkTarget(r.path, name(r))));

  const temps: string[] = [];
  const removeTemps = () => temps.forEach(removeQuietly);
  // runs synchronously inside the signal handler that aborts: no temporary file outlives it
  signal?.addEventListener("abort", removeTemps);
  const createdDirs: string[] = [];
  const step = async (what: string) => {
    await options.beforeStep?.(what);
    signal?.throwIfAborted();
  };
  try {
    createdDirs.push(...(await makeParents(entries).catch((error) => Promise.reject(new FileSetError(`cannot create a directory: ${reason(error)}`)))));
    const staged: string[] = [];
    for (const entry of entries) {
      await step(`stage ${name(entry)}`);
      const tempPath = await stage(entry, (t) => temps.push(t));
      signal?.throwIfAborted();
      staged.push(tempPath);
    }
    await step("commit");
    commit(
      entries.map((e, i) => ({ path: e.path, display: name(e), temp: staged[i]! })),
      removals.map((r) => ({ path: r.path, display: name(r) })),
      options.overwrite === true,
    );
    temps.length = 0;
  } catch (error) {
    removeTemps();
    removeDirectories(createdDirs);
    // a signal during a staging removes its temporary file under it: the staging's failure is the signal's
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener("abort", removeTemps);
  }
  await step("committed");
}

async function stage(entry: FileEntry, onCreate: (tempPath: string) => void): Promise<string> {
  try {
    const { tempPath } = await stagePrivateFile(entry.path, entry.contents, onCreate);
    if (entry.mode !== PRIVATE_FILE_MODE) await fs.chmod(tempPath, entry.mode);
    return tempPath;
  } catch (error) {
    throw new FileSetError(`cannot write ${entry.display ?? entry.path}: ${reason(error)}`);
  }
}

/** Removes a file if it can; never throws (it runs in signal handlers and on the way out of a failure). */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // a directory that became read-only: the caller's error says what failed
  }
}

/** Creates the missing parent directories (0700); returns each one created, deepest first. */
async function makeParents(entries: readonly FileEntry[]): Promise<string[]> {
  const created: string[] = [];
  for (const dir of new Set(entries.map((e) => dirname(resolve(e.path))))) {
    const first = await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    if (first === undefined) continue;
    for (let d = dir; ; d = dirname(d)) {
      created.push(d);
      if (d === first || d === dirname(d)) break;
    }
  }
  return created;
}

function removeDirectories(dirs: readonly string[]): void {
  for (const dir of dirs) {
    try {
      rmdirSync(dir);
    } catch {
      // not empty (something else was put there) or gone: leave it
    }
  }
}

interface Move {
  path: string;
  display: string;
  /** the new file's temporary name; absent for a removal */
  temp?: string;
  /** where the old file was kept aside, and how (a second link leaves the old file in place meanwhile) */
  backup?: { path: string; by: "link" | "rename" };
  /** the destination holds the new file (or, for a removal, nothing) */
  done: boolean;
}

const lstatOrUndefined = (path: string): Stats | undefined => {
  try {
    return lstatSync(path);
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return undefined;
    throw error;
  }
};

function commit(writes: readonly { path: string; display: string; temp: string }[], removals: readonly { path: string; display: string }[], overwrite: boolean): void {
  const moves: Move[] = [];
  try {
    for (const write of writes) {
      const move: Move = { ...write, done: false };
      moves.push(move);
      placeNewFile(move, overwrite);
    }
    for (const removal of removals) {
      const move: Move = { ...removal, done: false };
      moves.push(move);
      if (!lstatOrUndefined(move.path)) continue;
      const backup = siblingName(move.path, "old");
      renameSync(move.path, backup);
      move.backup = { path: backup, by: "rename" };
      move.done = true;
    }
  } catch (error) {
    const stuck = undo(moves);
    const last = moves.at(-1)!;
    const message =
      error instanceof FileSetError || error instanceof FileExistsError
        ? error.message
        : `cannot ${last.temp ? `put ${last.display} in place` : `remove ${last.display}`}: ${reason(error)}`;
    if (stuck.length > 0) throw new FileSetError(`${message}; could not restore ${stuck.join(", ")}`);
    if (error instanceof FileSetError || error instanceof FileExistsError) throw error;
    throw new FileSetError(message);
  }
  for (const move of moves) if (move.backup) removeQuietly(move.backup.path);
  for (const dir of new Set(moves.map((m) => dirname(resolve(m.path))))) syncDirectory(dir);
}

function placeNewFile(move: Move, overwrite: boolean): void {
  const existing = lstatOrUndefined(move.path);
  if (existing?.isDirectory()) throw new FileSetError(`${move.display} is a directory`);
  if (existing && !overwrite) throw new FileExistsError(move.display);
  if (existing) {
    move.backup = keepAside(move.path);
    renameSync(move.temp!, move.path);
  } else {
    // link() refuses to replace anything that appeared since the check
    try {
      linkSync(move.temp!, move.path);
    } catch (error) {
      if (errnoCode(error) === "EEXIST") throw new FileExistsError(move.display);
      throw error;
    }
    move.done = true;
    unlinkSync(move.temp!);
  }
  move.done = true;
}

/** A second name for the old file (or link) so it can be put back; moved aside where hard links are not supported. */
function keepAside(path: string): { path: string; by: "link" | "rename" } {
  const backup = siblingName(path, "old");
  try {
    linkSync(path, backup);
    return { path: backup, by: "link" };
  } catch {
    renameSync(path, backup);
    return { path: backup, by: "rename" };
  }
}

/** Undoes the moves, last first; returns the names it could not restore. */
function undo(moves: readonly Move[]): string[] {
  const stuck: string[] = [];
  for (const move of [...moves].reverse()) {
    try {
      if (move.backup && (move.done || move.backup.by === "rename")) renameSync(move.backup.path, move.path);
      else if (move.backup) unlinkSync(move.backup.path);
      else if (move.done) unlinkSync(move.path);
    } catch {
      stuck.push(move.backup ? `${move.display} (the old file is ${move.backup.path})` : move.display);
    }
  }
  return stuck;
}

/** Makes the renames durable; not every platform lets a directory be fsynced. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes one private (0600) file as a set of one. */
export async function writePrivateFile(path: string, content: string, overwrite: boolean): Promise<void> {
  await writeFileSet([{ path, contents: content, mode: PRIVATE_FILE_MODE }], { overwrite });
}
