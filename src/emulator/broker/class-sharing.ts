// Java's application class-data sharing for the brokers: an archive of the classes a broker loads, written once by
// one broker's JVM at its exit, then mapped by every JVM of the same Kafka release, Java runtime and class path,
// which then starts in about 60% of the time. A missing or stale archive only costs that speed: the JVM checks it
// and, finding it unusable, loads the classes from the jars as without it. A truncated one, though, crashes Java 17
// (SIGBUS while mapping it), so the file name records the size the JVM wrote, and a file of another size is removed.
import { randomBytes } from "node:crypto";
import { constants, readdirSync, rmSync, statSync } from "node:fs";
import { access, mkdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";

/** Keeps the JVM's class-data sharing messages (an unusable archive) off its stdout, which is read for readiness. */
export const QUIET_CLASS_SHARING_FLAGS = ["-Xlog:cds=off", "-Xlog:cds+dynamic=off"];

/** How much longer than others the JVM writing the archive may take to stop: it writes about 50 MB on its way out. */
export const ARCHIVE_WRITE_MS = 30_000;

const STALE_TEMP_MS = 3_600_000;
const writing = new Set<string>();

export interface ArchiveWrite {
  /** the flag making the JVM write its classes into a temporary file at its exit */
  flags: string[];
  /** after the JVM exited: the archive moves into place when the JVM exited by itself (not killed) and wrote it */
  finish(exit: { code: number | null; signal: NodeJS.Signals | null }): Promise<void>;
}

export class ClassSharing {
  /** `dir` holds the archives; `key` names this release, runtime and class path's, `KEY-SIZE.jsa` */
  constructor(
    readonly dir: string,
    readonly key: string,
  ) {}

  /** The archive, when there is one of the size its name says (any other file of this key is removed). */
  archive(): string | null {
    let found: string | null = null;
    for (const name of this.names()) {
      const file = join(this.dir, name);
      const size = Number(name.slice(this.key.length + 1, -".jsa".length));
      try {
        if (!found && statSync(file).size === size) found = file;
        else rmSync(file, { force: true });
      } catch {
        // gone meanwhile
      }
    }
    return found;
  }

  /** The archive's flag when there is one. */
  useFlags(): string[] {
    const archive = this.archive();
    return archive ? [`-XX:SharedArchiveFile=${archive}`] : [];
  }

  /** A write of the missing archive, or null when there is one or a JVM of this process writes it already. */
  startWriting(): ArchiveWrite | null {
    const path = join(this.dir, this.key);
    if (writing.has(path) || this.archive()) return null;
    writing.add(path);
    this.removeStaleTemps();
    const temp = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    return {
      flags: [`-XX:ArchiveClassesAtExit=${temp}`],
      finish: async ({ code, signal }) => {
        try {
          const { size } = await stat(temp);
          // 143: the exit of a JVM stopped by SIGTERM once its shutdown hooks ran
          if (size > 0 && signal === null && (code === 0 || code === 143)) await rename(temp, `${path}-${size}.jsa`);
        } catch {
          // not written, or the directory went away: only speed is lost
        } finally {
          writing.delete(path);
          await rm(temp, { force: true });
        }
      },
    };
  }

  private names(): string[] {
    try {
      return readdirSync(this.dir).filter((name) => name.startsWith(`${this.key}-`) && /^\d+\.jsa$/.test(name.slice(this.key.length + 1)));
    } catch {
      return [];
    }
  }

  /** Temp files of JVMs whose emulator died before moving them into place (written at the JVM's exit: old ones are done). */
  private removeStaleTemps(): void {
    try {
      for (const name of readdirSync(this.dir)) {
        const file = join(this.dir, name);
        if (name.startsWith(`${this.key}.`) && name.endsWith(".tmp") && Date.now() - statSync(file).mtimeMs > STALE_TEMP_MS) {
          rmSync(file, { force: true });
        }
      }
    } catch {
      // nothing to tidy
    }
  }
}

/** The directory of the archives: `cds` in the first of `parents` that can be written. */
export async function archiveDir(parents: string[]): Promise<string | null> {
  for (const parent of parents) {
    const dir = join(parent, "cds");
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await access(dir, constants.W_OK);
      return dir;
    } catch {
      // read-only: the next
    }
  }
  return null;
}
