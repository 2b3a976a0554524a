// The file-set transaction on its own: checks before writing, links replaced as links, and for every
// way a move can fail or the run be aborted, the whole old set back and nothing else in the directory.
import { promises as fsPromises, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { FileExistsError } from "../../src/kafka/credentials/private-file.js";
import { FileSetError, writeFileSet, type FileEntry, type FileSetOptions } from "../../src/kafka/credentials/file-set.js";
import { makeImmutable, makeReadOnlyDir } from "../helpers/obstacles.js";
import { tempDir as newDir } from "../helpers/temp-dir.js";

const tempDir = () => newDir("exo-file-set-");
const NAMES = ["ca.pem", "app.cert.pem", "app.key.pem"];

/** A directory holding the old set, and the new set's entries for it (the last one possibly elsewhere). */
function oldSet(keyDir?: string) {
  const dir = tempDir();
  const paths = NAMES.map((n, i) => join(i === 2 && keyDir ? keyDir : dir, n));
  paths.forEach((p, i) => writeFileSync(p, `old ${NAMES[i]}\n`));
  const entries: FileEntry[] = paths.map((path, i) => ({ path, contents: `new ${NAMES[i]}\n`, mode: 0o600 }));
  const contents = () => paths.map((p) => readFileSync(p, "utf8"));
  return { dir, paths, entries, contents, old: NAMES.map((n) => `old ${n}\n`), fresh: NAMES.map((n) => `new ${n}\n`) };
}

const listing = (dir: string) => readdirSync(dir).sort();

/** Runs the set, acting at one step; returns the error it failed with. */
async function failing(entries: FileEntry[], at: string, act: () => void, options: FileSetOptions = {}): Promise<Error> {
  try {
    await writeFileSet(entries, { overwrite: true, ...options, beforeStep: async (step) => void (step === at && act()) });
  } catch (error) {
    return error as Error;
  }
  throw new Error("the file set was written");
}

describe("checks before writing", () => {
  it("writes a set with the modes asked, 0600 until in place", async () => {
    const dir = tempDir();
    await writeFileSet([
      { path: join(dir, "a"), contents: "a", mode: 0o600 },
      { path: join(dir, "sub", "b.properties"), contents: new Uint8Array([98]), mode: 0o644 },
    ]);
    expect(statSync(join(dir, "a")).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, "sub", "b.properties")).mode & 0o777).toBe(0o644);
    expect(statSync(join(dir, "sub")).mode & 0o777).toBe(0o700);
    expect(readFileSync(join(dir, "sub", "b.properties"), "utf8")).toBe("b");
  });

  it.each([
    ["an empty path", () => "", "empty file name"],
    ["a directory", (dir: string) => (mkdirSync(join(dir, "d")), join(dir, "d")), "is a directory"],
    ["a parent that is a file", (dir: string) => (writeFileSync(join(dir, "f"), ""), join(dir, "f", "x", "key.pem")), "is not a directory"],
  ])("refuses %s, writing nothing", async (_name, destination, message) => {
    const { dir, entries, contents, old } = oldSet();
    const bad = destination(dir);
    await expect(writeFileSet([...entries.slice(0, 2), { path: bad, contents: "k", mode: 0o600 }], { overwrite: true })).rejects.toThrow(message);
    expect(contents().slice(0, 2)).toEqual(old.slice(0, 2));
    expect(listing(dir).filter((n) => n.startsWith("."))).toEqual([]);
  });

  it("refuses the same file twice, and an existing file without overwrite", async () => {
    const { dir, entries, contents, old } = oldSet();
    await expect(writeFileSet([entries[0]!, { ...entries[1]!, path: join(dir, ".", "ca.pem") }])).rejects.toThrow(FileSetError);
    await expect(writeFileSet(entries)).rejects.toThrow(new FileExistsError(entries[0]!.path));
    expect(contents()).toEqual(old);
    expect(listing(dir)).toEqual([...NAMES].sort());
  });

  it("replaces a symbolic link as a link, never writing through it; a dangling one too", async () => {
    const dir = tempDir();
    const victim = join(tempDir(), "victim");
    writeFileSync(victim, "untouched");
    symlinkSync(victim, join(dir, "linked"));
    symlinkSync(join(dir, "nowhere"), join(dir, "dangling"));
    const entries = ["linked", "dangling"].map((n) => ({ path: join(dir, n), contents: `new ${n}`, mode: 0o600 }));
    await expect(writeFileSet(entries)).rejects.toThrow(FileExistsError);
    expect(readlinkSync(join(dir, "dangling"))).toBe(join(dir, "nowhere"));
    await writeFileSet(entries, { overwrite: true });
    for (const n of ["linked", "dangling"]) {
      expect(lstatSync(join(dir, n)).isSymbolicLink()).toBe(false);
      expect(readFileSync(join(dir, n), "utf8")).toBe(`new ${n}`);
    }
    expect(readFileSync(victim, "utf8")).toBe("untouched");
    expect(listing(dir)).toEqual(["dangling", "linked"]);
  });
});

describe("a move that fails puts the old set back", () => {
  it("a directory put in the way of the last file", async () => {
    const { dir, paths, entries, old } = oldSet();
    const error = await failing(entries, "commit", () => {
      rmSync(paths[2]!);
      mkdirSync(paths[2]!);
    });
    expect(error.message).toBe(`${paths[2]} is a directory`);
    expect(paths.slice(0, 2).map((p) => readFileSync(p, "utf8"))).toEqual(old.slice(0, 2));
    expect(listing(dir)).toEqual([...NAMES].sort());
  });

  it("an immutable old file (chattr +i)", async (ctx) => {
    const { dir, paths, entries, contents, old } = oldSet();
    const undo = makeImmutable(paths[2]!);
    if (!undo) return ctx.skip();
    try {
      const error = await failing(entries, "none", () => undefined);
      expect(error).toBeInstanceOf(FileSetError);
      expect(error.message).toMatch(/^cannot put .*app\.key\.pem in place: operation not permitted$/);
      expect(contents()).toEqual(old);
      expect(listing(dir)).toEqual([...NAMES].sort());
    } finally {
      undo();
    }
  });

  it("a directory made read-only after staging", async (ctx) => {
    const keyDir = tempDir();
    const { dir, entries, contents, old } = oldSet(keyDir);
    let undo: (() => void) | undefined;
    try {
      const error = await failing(entries, "commit", () => (undo = makeReadOnlyDir(keyDir)));
      if (!undo) return ctx.skip();
      expect(error.message).toBe(`cannot put ${entries[2]!.path} in place: ${process.getuid?.() === 0 ? "read-only file system" : "permission denied"}`);
      expect(contents()).toEqual(old);
    } finally {
      undo?.();
    }
    expect(listing(dir)).toEqual(["app.cert.pem", "ca.pem"]);
    // the temporary file could not be removed while the directory was read-only; nothing else is there
    expect(listing(keyDir).filter((n) => !/^\.app\.key\.pem\.[0-9a-f]{12}\.tmp$/.test(n))).toEqual(["app.key.pem"]);
  });

  it("a read-only directory before staging: nothing is written", async (ctx) => {
    const keyDir = tempDir();
    const { dir, entries, contents, old } = oldSet(keyDir);
    const undo = makeReadOnlyDir(keyDir);
    if (!undo) return ctx.skip();
    try {
      await expect(writeFileSet(entries, { overwrite: true })).rejects.toThrow();
      expect(contents()).toEqual(old);
    } finally {
      undo();
    }
    expect(listing(dir)).toEqual(["app.cert.pem", "ca.pem"]);
    expect(listing(keyDir)).toEqual(["app.key.pem"]);
  });

  it("a removal that fails keeps every file of the set", async (ctx) => {
    const { dir, paths, contents, old } = oldSet();
    const undo = makeImmutable(paths[1]!);
    if (!undo) return ctx.skip();
    try {
      await expect(writeFileSet([], { remove: paths.map((path) => ({ path })) })).rejects.toThrow(FileSetError);
      expect(contents()).toEqual(old);
      expect(listing(dir)).toEqual([...NAMES].sort());
    } finally {
      undo();
    }
    await writeFileSet([], { remove: paths.map((path) => ({ path })) });
    expect(listing(dir)).toEqual([]);
  });
});

describe("aborted at each step", () => {
  const steps = ["stage ca", "stage cert", "stage key", "commit", "committed"];
  it.each(steps)("%s: the whole old set, or after the commit the whole new one, and no temporary file", async (at) => {
    const { dir, entries, contents, old, fresh } = oldSet();
    const named = entries.map((e, i) => ({ ...e, display: ["ca", "cert", "key"][i] }));
    const controller = new AbortController();
    const reason = new Error("terminated");
    const error = await failing(named, at, () => controller.abort(reason), { signal: controller.signal });
    expect(error).toBe(reason);
    expect(contents()).toEqual(at === "committed" ? fresh : old);
    expect(listing(dir)).toEqual([...NAMES].sort());
  });

  it("an abort during staging removes the temporary files at once, from the abort listener", async () => {
    const { dir, entries } = oldSet();
    const controller = new AbortController();
    const seen: string[][] = [];
    await failing(entries, `stage ${entries[2]!.path}`, () => {
      seen.push(listing(dir));
      controller.abort(new Error("hangup"));
      seen.push(listing(dir));
    }, { signal: controller.signal });
    expect(seen[0]!.filter((n) => n.endsWith(".tmp"))).toHaveLength(2);
    expect(seen[1]).toEqual([...NAMES].sort());
  });
});

describe("aborted inside the staging of a file", () => {
  // The signal can arrive while a file is being staged, after its temporary file is created: the
  // abort listener removes that file under the staging's feet. Node's own readFile is wrapped so that
  // the abort comes exactly as the staged file is read back.
  it.each(["ca.pem", "app.key.pem"])("while %s is read back: the signal's reason, the old set, no temporary file", async (name) => {
    const { dir, entries, contents, old } = oldSet();
    const controller = new AbortController();
    const reason = new Error("terminated");
    const realReadFile = fsPromises.readFile;
    const spy = vi.spyOn(fsPromises, "readFile").mockImplementation(((path: Parameters<typeof realReadFile>[0], ...rest: []) => {
      if (typeof path === "string" && path.includes(`.${name}.`) && path.endsWith(".tmp")) controller.abort(reason);
      return realReadFile(path, ...rest);
    }) as typeof realReadFile);
    try {
      const error = await writeFileSet(entries, { overwrite: true, signal: controller.signal }).then(() => undefined, (e: unknown) => e);
      expect(error).toBe(reason);
    } finally {
      spy.mockRestore();
    }
    expect(contents()).toEqual(old);
    expect(listing(dir)).toEqual([...NAMES].sort());
  });
});
