// The three files of a user's client credentials (CA, certificate, key): where they go, reading
// them back, and writing them (with any client configuration files) as one set only once every check has passed.
import { constants, promises as fs } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { checkTarget, FileSetError, writeFileSet, type FileEntry, type FileSetOptions } from "./file-set.js";
import { FileExistsError, PRIVATE_FILE_MODE, pathExists } from "./private-file.js";
import { createPublicKey, type KeyObject } from "node:crypto";
import { CredentialsError, parseCertificate, parseCertificates, parsePrivateKey, sameCertificate, type CredentialsPem, type VerifiedCredentials } from "./pem.js";

export type CredentialsPart = keyof CredentialsPem;
export const CREDENTIALS_PARTS: readonly CredentialsPart[] = ["ca", "cert", "key"];

export interface CredentialsFile {
  /** as printed: the --dir value joined with the file name (relative paths stay relative) */
  display: string;
  /** where it is on disk */
  absolute: string;
}

export type CredentialsFiles = Record<CredentialsPart, CredentialsFile>;

export interface CredentialsFileNames {
  dir?: string;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
}

/** ca.pem, USER.cert.pem and USER.key.pem in `dir` (default: the working directory), unless named otherwise. */
export function credentialsFiles(cwd: string, username: string, names: CredentialsFileNames = {}): CredentialsFiles {
  const place = (name: string): CredentialsFile => {
    const display = isAbsolute(name) || !names.dir ? name : join(names.dir, name);
    return { display, absolute: resolve(cwd, display) };
  };
  return {
    ca: place(names.caFile ?? "ca.pem"),
    cert: place(names.certFile ?? `${username}.cert.pem`),
    key: place(names.keyFile ?? `${username}.key.pem`),
  };
}

/** What is on disk for one part, compared with the credentials to install. */
export type FileState = "missing" | "same" | "different";

/** Whether each file is absent, already holds these credentials (same CA, same certificate, the certificate's key), or holds something else. */
export async function inspectCredentialsFiles(files: CredentialsFiles, expected: VerifiedCredentials): Promise<Record<CredentialsPart, FileState>> {
  const state = async (part: CredentialsPart): Promise<FileState> => {
    const target = await checkTarget(files[part].absolute, files[part].display);
    if (target === "absent") return "missing";
    let text: string;
    try {
      // through a link: a link to a file holding these credentials is kept; a dangling one is replaced
      text = await fs.readFile(files[part].absolute, "utf8");
    } catch {
      return "different";
    }
    return holds(part, text, expected) ? "same" : "different";
  };
  const [ca, cert, key] = await Promise.all(CREDENTIALS_PARTS.map(state));
  return { ca: ca!, cert: cert!, key: key! };
}

function holds(part: CredentialsPart, text: string, expected: VerifiedCredentials): boolean {
  try {
    if (part === "cert") return sameCertificate(parseCertificate(text, "file"), expected.certificate);
    if (part === "key") return spkiOf(createPublicKey(parsePrivateKey(text, "file"))).equals(spkiOf(expected.certificate.publicKey));
    return sameCas(text, expected.ca);
  } catch (error) {
    if (error instanceof CredentialsError) return false;
    throw error;
  }
}

function sameCas(text: string, caPem: string): boolean {
  const found = parseCertificates(text, "file");
  const wanted = parseCertificates(caPem, "CA");
  return found.length === wanted.length && wanted.every((c, i) => sameCertificate(c, found[i]!));
}

/** Whether `text` holds exactly the CA certificates of `caPem`, in order. */
export function holdsCa(text: string, caPem: string): boolean {
  try {
    return sameCas(text, caPem);
  } catch (error) {
    if (error instanceof CredentialsError) return false;
    throw error;
  }
}

/** A destination of a set about to be written, and how to tell that what is there already is what it will get. */
export interface PlannedFile {
  path: string;
  display: string;
  /** absent: nothing there can be what will be written (the credentials of a user not created yet) */
  holdsWanted?: (bytes: Buffer) => boolean | Promise<boolean>;
}

/**
 * Before anything changes, whether the set could be written: each destination usable (checkTarget), its
 * directory writable, and, without `overwrite`, nothing in the way that is not already what it will get.
 */
export async function checkWritable(planned: readonly PlannedFile[], overwrite: boolean): Promise<void> {
  for (const file of planned) {
    const state = await checkTarget(file.path, file.display);
    if (state === "absent" || overwrite) continue;
    const bytes = await fs.readFile(file.path).catch(() => undefined);
    if (!bytes || !(await file.holdsWanted?.(bytes))) throw new FileExistsError(file.display);
  }
  const dirs = new Map<string, string>();
  for (const f of planned) if (!dirs.has(dirname(resolve(f.path)))) dirs.set(dirname(resolve(f.path)), f.display);
  for (const [dir, display] of dirs) {
    const existing = await nearestExisting(dir);
    await fs.access(existing, constants.W_OK | constants.X_OK).catch((error: NodeJS.ErrnoException) => {
      throw new FileSetError(`cannot write ${display}: ${existing} is not writable (${error.code ?? "denied"})`);
    });
  }
}

async function nearestExisting(dir: string): Promise<string> {
  for (let d = dir; ; d = dirname(d)) {
    if (await pathExists(d)) return d;
    if (d === dirname(d)) return d;
  }
}

const spkiOf = (key: KeyObject) => key.export({ type: "spki", format: "der" });

export interface InstallResult {
  written: CredentialsPart[];
  /** already held these credentials, left untouched */
  kept: CredentialsPart[];
  /** the extra entries written, and those whose file already held exactly their bytes (as printed) */
  entriesWritten: string[];
  entriesKept: string[];
}

/** How the set is written: the abort signal and the step hook of writeFileSet. */
export type InstallOptions = Pick<FileSetOptions, "signal" | "beforeStep">;

/** A file written in the same set as the credentials (a client configuration), named as printed. */
export type ExtraEntry = FileEntry & { display: string };

/** What is at an extra entry's path: through a link, as the PEM files are read. */
async function inspectEntry(entry: ExtraEntry): Promise<FileState> {
  if ((await checkTarget(entry.path, entry.display)) === "absent") return "missing";
  try {
    return (await fs.readFile(entry.path)).equals(Buffer.from(entry.contents)) ? "same" : "different";
  } catch {
    return "different";
  }
}

/**
 * Puts the verified credentials on disk, with `extra` files, as one set (writeFileSet), each file mode 0600.
 * Files already holding them (for extras: the very bytes) are kept; a file or link holding something else
 * is replaced only with `overwrite`, otherwise nothing is written and FileExistsError names it.
 */
export async function installCredentials(
  files: CredentialsFiles,
  credentials: VerifiedCredentials,
  overwrite: boolean,
  options: InstallOptions = {},
  extra: readonly ExtraEntry[] = [],
): Promise<InstallResult> {
  if (new Set(CREDENTIALS_PARTS.map((p) => files[p].absolute)).size !== CREDENTIALS_PARTS.length) {
    throw new CredentialsError("the CA, certificate and key files must be three different files");
  }
  const paths = [...CREDENTIALS_PARTS.map((p) => files[p].absolute), ...extra.map((e) => resolve(e.path))];
  const twice = extra.find((e) => paths.indexOf(resolve(e.path)) !== paths.lastIndexOf(resolve(e.path)));
  if (twice) throw new CredentialsError(`${twice.display} would be written twice: choose other file names`);

  const [before, extraBefore] = await Promise.all([inspectCredentialsFiles(files, credentials), Promise.all(extra.map(inspectEntry))]);
  const conflict = [
    ...CREDENTIALS_PARTS.filter((p) => before[p] === "different").map((p) => files[p].display),
    ...extra.filter((_, i) => extraBefore[i] === "different").map((e) => e.display),
  ][0];
  if (conflict !== undefined && !overwrite) throw new FileExistsError(conflict);
  const toWrite = CREDENTIALS_PARTS.filter((p) => before[p] !== "same");
  const extraToWrite = extra.filter((_, i) => extraBefore[i] !== "same");
  const entries: FileEntry[] = [
    ...toWrite.map((part) => ({
      path: files[part].absolute,
      display: files[part].display,
      contents: withNewline(credentials[part]),
      mode: PRIVATE_FILE_MODE,
    })),
    ...extraToWrite,
  ];
  if (entries.length > 0) await writeFileSet(entries, { ...options, overwrite });
  const kept = [
    ...CREDENTIALS_PARTS.filter((p) => before[p] === "same").map((p) => ({ path: files[p].absolute, display: files[p].display, mode: PRIVATE_FILE_MODE })),
    ...extra.filter((_, i) => extraBefore[i] === "same").map((e) => ({ path: e.path, display: e.display, mode: e.mode })),
  ];
  await Promise.all(kept.map(narrowMode));
  return {
    written: toWrite,
    kept: CREDENTIALS_PARTS.filter((p) => before[p] === "same"),
    entriesWritten: extraToWrite.map((e) => e.display),
    entriesKept: extra.filter((_, i) => extraBefore[i] === "same").map((e) => e.display),
  };
}

/**
 * A file kept because it already holds the right bytes gets the mode a written one would have (a wider mode
 * would leave a key or password readable by others). A symbolic link is left as it is: its target is not ours.
 */
async function narrowMode({ path, display, mode }: { path: string; display: string; mode: number }): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    if (((await handle.stat()).mode & 0o777) !== mode) await handle.chmod(mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOOP") throw new FileSetError(`cannot make ${display} mode ${mode.toString(8)}: ${(error as NodeJS.ErrnoException).code ?? "failed"}`);
  } finally {
    await handle?.close();
  }
}

const withNewline = (pem: string) => (pem.endsWith("\n") ? pem : `${pem}\n`);
