// Replacing a Kafka user by a new one without a moment where a client has no valid credentials:
// create NEW, put its verified credentials on disk, and only then delete OLD. Every step first
// looks at what is already done, so an interrupted rotation completes when run again.
import { verifyCredentials, type CredentialsPem, type VerifiedCredentials } from "./pem.js";
import { CREDENTIALS_PARTS, type CredentialsFiles } from "./files.js";
import type { FileEntry } from "../clients/entries.js";
import { installCredentialsWithEntries } from "../clients/install.js";

export interface ServiceUser {
  username: string;
  type?: string;
}

/** What rotation needs from the API; each mutation returns once its operation has finished. */
export interface RotationApi {
  listUsers(): Promise<ServiceUser[]>;
  createUser(username: string): Promise<void>;
  fetchCredentials(username: string): Promise<CredentialsPem>;
  /** "absent" when the user was already gone */
  deleteUser(username: string): Promise<"deleted" | "absent">;
}

export type RotationStep =
  | { action: "created"; username: string }
  | { action: "exists"; username: string }
  | { action: "wrote"; path: string }
  | { action: "kept"; path: string }
  | { action: "deleted"; username: string }
  | { action: "already-deleted"; username: string };

export interface RotationOptions {
  oldUsername: string;
  newUsername: string;
  files: CredentialsFiles;
  /** replace existing files that do not hold NEW's current credentials */
  overwrite: boolean;
  /** more files for the same set (client configurations), made from NEW's verified credentials */
  entries?: (credentials: VerifiedCredentials) => Promise<FileEntry[]>;
  /** told about each step as soon as it is done */
  onStep?: (step: RotationStep) => void;
}

export interface RotationResult {
  steps: RotationStep[];
  credentials: VerifiedCredentials;
}

export class RotationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RotationError";
  }
}

export async function rotateUser(api: RotationApi, options: RotationOptions): Promise<RotationResult> {
  const { oldUsername, newUsername, files } = options;
  const steps: RotationStep[] = [];
  const record = (step: RotationStep) => {
    steps.push(step);
    options.onStep?.(step);
  };
  if (oldUsername === newUsername) throw new RotationError("the old and new usernames must differ");

  const users = await api.listUsers();
  const oldUser = users.find((u) => u.username === oldUsername);
  const hasNew = users.some((u) => u.username === newUsername);
  if (!oldUser && !hasNew) throw new RotationError(`neither user ${JSON.stringify(oldUsername)} nor user ${JSON.stringify(newUsername)} exists`);
  if (oldUser?.type === "primary") throw new RotationError(`user ${JSON.stringify(oldUsername)} is the service's primary user and cannot be deleted`);

  if (hasNew) record({ action: "exists", username: newUsername });
  else {
    await api.createUser(newUsername);
    record({ action: "created", username: newUsername });
  }

  const credentials = verifyCredentials(await api.fetchCredentials(newUsername), `user ${JSON.stringify(newUsername)}`);
  const entries = options.entries ? await options.entries(credentials) : [];
  const installed = await installCredentialsWithEntries(files, credentials, options.overwrite, entries);
  for (const part of CREDENTIALS_PARTS) {
    record({ action: installed.written.includes(part) ? "wrote" : "kept", path: files[part].display });
  }
  for (const entry of entries) record({ action: installed.entriesWritten.includes(entry.display) ? "wrote" : "kept", path: entry.display });

  if (!oldUser) record({ action: "already-deleted", username: oldUsername });
  else {
    const outcome = await api.deleteUser(oldUsername);
    record({ action: outcome === "deleted" ? "deleted" : "already-deleted", username: oldUsername });
  }
  return { steps, credentials };
}

/** One line per step, as the command prints them. */
export function describeStep(step: RotationStep): string {
  switch (step.action) {
    case "created":
      return `created user ${JSON.stringify(step.username)}`;
    case "exists":
      return `user ${JSON.stringify(step.username)} already exists`;
    case "wrote":
      return `wrote ${step.path}`;
    case "kept":
      return `kept ${step.path} (already up to date)`;
    case "deleted":
      return `deleted user ${JSON.stringify(step.username)}`;
    case "already-deleted":
      return `user ${JSON.stringify(step.username)} already deleted`;
  }
}
