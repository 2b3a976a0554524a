// Writing the PEM files and the client configuration entries as one set: every check first (conflicting
// files, paths used twice), then the entries are staged beside their targets, the PEMs installed, and only
// then the entries moved into place. A failure before that point leaves no entry written.
import { promises as fs } from "node:fs";
import { dirname } from "node:path";
import { CREDENTIALS_PARTS, installCredentials, type CredentialsFiles, type InstallResult } from "../credentials/files.js";
import { CredentialsError, type VerifiedCredentials } from "../credentials/pem.js";
import { commitStagedFile, discardStagedFile, FileExistsError, stagePrivateFile, type StagedFile } from "../credentials/private-file.js";
import type { FileEntry } from "./entries.js";

export interface SetInstallResult extends InstallResult {
  /** entries written, as printed */
  entriesWritten: string[];
  /** entries whose file already held exactly these bytes */
  entriesKept: string[];
}

async function currentBytes(path: string): Promise<Buffer | "missing" | "other"> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "missing";
    if (code === "EISDIR") return "other";
    throw error;
  }
}

export async function installCredentialsWithEntries(
  files: CredentialsFiles,
  credentials: VerifiedCredentials,
  overwrite: boolean,
  entries: readonly FileEntry[],
): Promise<SetInstallResult> {
  const paths = [...CREDENTIALS_PARTS.map((p) => files[p].absolute), ...entries.map((e) => e.path)];
  const twice = paths.find((p, i) => paths.indexOf(p) !== i);
  if (twice) throw new CredentialsError(`${twice} would be written twice: choose other file names`);

  const plan: { entry: FileEntry; exists: boolean }[] = [];
  const kept: string[] = [];
  for (const entry of entries) {
    const now = await currentBytes(entry.path);
    if (Buffer.isBuffer(now) && now.equals(Buffer.from(entry.contents))) {
      kept.push(entry.display);
      continue;
    }
    if (now !== "missing" && !overwrite) throw new FileExistsError(entry.display);
    plan.push({ entry, exists: now !== "missing" });
  }

  const staged: { step: (typeof plan)[number]; file: StagedFile }[] = [];
  try {
    for (const step of plan) {
      await fs.mkdir(dirname(step.entry.path), { recursive: true, mode: 0o700 });
      staged.push({ step, file: await stagePrivateFile(step.entry.path, step.entry.contents) });
    }
    const installed = await installCredentials(files, credentials, overwrite);
    const written: string[] = [];
    while (staged.length > 0) {
      const { step, file } = staged[0]!;
      try {
        await commitStagedFile(file, step.exists);
      } catch (error) {
        if (error instanceof FileExistsError) throw new FileExistsError(step.entry.display);
        throw error;
      }
      staged.shift();
      written.push(step.entry.display);
    }
    return { ...installed, entriesWritten: written, entriesKept: kept };
  } finally {
    await Promise.all(staged.map((s) => discardStagedFile(s.file)));
  }
}
