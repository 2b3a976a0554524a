// The three files of a user's client credentials (CA, certificate, key): where they go, reading
// them back, and writing all of them only once every check has passed.
import { promises as fs } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { commitStagedFile, discardStagedFile, FileExistsError, stagePrivateFile, type StagedFile } from "./private-file.js";
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

/** The directories the files go to, created (0700) when missing. */
async function ensureDirectories(files: CredentialsFiles): Promise<void> {
  for (const part of CREDENTIALS_PARTS) {
    await fs.mkdir(resolve(files[part].absolute, ".."), { recursive: true, mode: 0o700 });
  }
}

/** What is on disk for one part, compared with the credentials to install. */
export type FileState = "missing" | "same" | "different";

/** Whether each file is absent, already holds these credentials (same CA, same certificate, the certificate's key), or holds something else. */
export async function inspectCredentialsFiles(files: CredentialsFiles, expected: VerifiedCredentials): Promise<Record<CredentialsPart, FileState>> {
  const state = async (part: CredentialsPart): Promise<FileState> => {
    let text: string;
    try {
      text = await fs.readFile(files[part].absolute, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return "missing";
      if (code === "EISDIR") return "different";
      throw error;
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
    const found = parseCertificates(text, "file");
    const wanted = parseCertificates(expected.ca, "CA");
    return found.length === wanted.length && wanted.every((c, i) => sameCertificate(c, found[i]!));
  } catch (error) {
    if (error instanceof CredentialsError) return false;
    throw error;
  }
}

const spkiOf = (key: KeyObject) => key.export({ type: "spki", format: "der" });

export interface InstallResult {
  written: CredentialsPart[];
  /** already held these credentials, left untouched */
  kept: CredentialsPart[];
}

/**
 * Puts the verified credentials on disk, each file mode 0600. Files already holding them are kept;
 * a file holding something else is replaced only with `overwrite`, otherwise nothing is written
 * and FileExistsError names it. The result is checked on disk afterwards.
 */
export async function installCredentials(files: CredentialsFiles, credentials: VerifiedCredentials, overwrite: boolean): Promise<InstallResult> {
  if (new Set(CREDENTIALS_PARTS.map((p) => files[p].absolute)).size !== CREDENTIALS_PARTS.length) {
    throw new CredentialsError("the CA, certificate and key files must be three different files");
  }
  const before = await inspectCredentialsFiles(files, credentials);
  const conflict = CREDENTIALS_PARTS.find((p) => before[p] === "different");
  if (conflict && !overwrite) throw new FileExistsError(files[conflict].display);
  const toWrite = CREDENTIALS_PARTS.filter((p) => before[p] !== "same");
  if (toWrite.length > 0) await ensureDirectories(files);

  const staged: { part: CredentialsPart; file: StagedFile }[] = [];
  try {
    for (const part of toWrite) staged.push({ part, file: await stagePrivateFile(files[part].absolute, withNewline(credentials[part])) });
    while (staged.length > 0) {
      const { part, file } = staged[0]!;
      try {
        await commitStagedFile(file, before[part] === "different");
      } catch (error) {
        if (error instanceof FileExistsError) throw new FileExistsError(files[part].display);
        throw error;
      }
      staged.shift();
    }
  } finally {
    await Promise.all(staged.map((s) => discardStagedFile(s.file)));
  }

  const after = await inspectCredentialsFiles(files, credentials);
  const bad = CREDENTIALS_PARTS.find((p) => after[p] !== "same");
  if (bad) throw new CredentialsError(`${files[bad].display} does not hold the expected credentials after writing`);
  return { written: toWrite, kept: CREDENTIALS_PARTS.filter((p) => before[p] === "same") };
}

const withNewline = (pem: string) => (pem.endsWith("\n") ? pem : `${pem}\n`);
