// Files `credentials download` wrote, read back by the commands that connect with them. Apart from
// connect-check.ts, whose imports load the key stores' ASN.1 code, which these commands do not need.
import { promises as fs } from "node:fs";
import { CliError } from "../../../errors.js";
import type { CredentialsFile } from "../../../kafka/credentials/files.js";
import { shellCommand } from "../../../output/shell-word.js";

/** Where downloaded files came from: the service, its zone, the user and the directory, as given. */
export interface DownloadPlace {
  name: string;
  zone: string;
  username: string;
  dir?: string;
}

/** The command that writes the files again, as the check was given them (zone, user, directory). */
export function downloadCommand(req: DownloadPlace, more: readonly string[] = []): string {
  return shellCommand(["exo", "dbaas", "credentials", "download", req.name, "-z", req.zone, "--user", req.username, ...(req.dir === undefined ? [] : ["--dir", req.dir]), ...more]);
}

/** A downloaded credentials file, or an error naming it and the command that writes it. */
export async function readLocal(file: CredentialsFile, req: DownloadPlace): Promise<string> {
  try {
    return await fs.readFile(file.absolute, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new CliError(`cannot read ${file.display} (${code}): write it with ${downloadCommand(req)}`);
  }
}
