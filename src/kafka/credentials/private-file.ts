// Writing secret files safely: mode 0600 from creation (whatever the umask), complete or absent
// (temporary file in the same directory, fsync, then an atomic rename or no-clobber link).
import { constants, promises as fs } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";

export const PRIVATE_FILE_MODE = 0o600;

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists (use --force to overwrite it)`);
    this.name = "FileExistsError";
  }
}

/** A file written to a temporary name, ready to be moved into place. */
export interface StagedFile {
  path: string;
  tempPath: string;
}

/** Writes `content` to a new 0600 temporary file next to `path` and syncs it to disk. */
export async function stagePrivateFile(path: string, content: string | Buffer): Promise<StagedFile> {
  const tempPath = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await fs.open(tempPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, PRIVATE_FILE_MODE);
  try {
    // the umask may have removed bits from the creation mode, never added any; make it exact
    await handle.chmod(PRIVATE_FILE_MODE);
    await handle.writeFile(content, "utf8");
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(tempPath, { force: true });
    throw error;
  }
  await handle.close();
  return { path, tempPath };
}

/**
 * Moves a staged file into place. Without `overwrite` an existing file is kept and
 * FileExistsError is thrown (link() refuses atomically to replace anything).
 */
export async function commitStagedFile(staged: StagedFile, overwrite: boolean): Promise<void> {
  try {
    if (overwrite) {
      await fs.rename(staged.tempPath, staged.path);
    } else {
      try {
        await fs.link(staged.tempPath, staged.path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new FileExistsError(staged.path);
        throw error;
      }
      await fs.rm(staged.tempPath, { force: true });
    }
  } catch (error) {
    await fs.rm(staged.tempPath, { force: true });
    throw error;
  }
  await syncDirectory(dirname(staged.path));
}

export async function discardStagedFile(staged: StagedFile): Promise<void> {
  await fs.rm(staged.tempPath, { force: true });
}

/** Makes the rename durable; not every platform lets a directory be fsynced. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Writes one private file in one step. */
export async function writePrivateFile(path: string, content: string, overwrite: boolean): Promise<void> {
  await commitStagedFile(await stagePrivateFile(path, content), overwrite);
}

/** Whether something (file, link, directory) exists at `path`. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
