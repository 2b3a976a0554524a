// Secret files made safely: mode 0600 from creation (whatever the umask), synced to disk, checked by
// reading them back, under a temporary name next to their destination (see file-set.ts for the move).
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

/** A hidden name beside `path` that nothing else uses: `.NAME.RANDOM.SUFFIX`. */
export function siblingName(path: string, suffix: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.${suffix}`);
}

/**
 * Writes `content` to a new 0600 temporary file next to `path`, syncs it and reads it back.
 * `onCreate` learns the temporary name before the file exists, so a signal handler can remove it.
 */
export async function stagePrivateFile(path: string, content: string | Uint8Array, onCreate?: (tempPath: string) => void): Promise<StagedFile> {
  const tempPath = siblingName(path, "tmp");
  onCreate?.(tempPath);
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
  const handle = await fs.open(tempPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, PRIVATE_FILE_MODE);
  try {
    // the umask may have removed bits from the creation mode, never added any; make it exact
    await handle.chmod(PRIVATE_FILE_MODE);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    const written = await fs.readFile(tempPath);
    if (!written.equals(bytes)) throw new Error(`${tempPath} does not read back as written`);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
  return { path, tempPath };
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
