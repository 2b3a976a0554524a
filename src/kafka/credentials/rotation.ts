// Replacing a Kafka user by a new one without a moment where a client has no valid credentials:
// create NEW, put its verified credentials on disk, and only then delete OLD and OLD's files. Every
// step first looks at what is already done, so an interrupted rotation completes when run again.
import { verifyCredentials, type CredentialsPem, type VerifiedCredentials } from "./pem.js";
import { CREDENTIALS_PARTS, installCredentials, type CredentialsFile, type CredentialsFiles, type InstallOptions } from "./files.js";
import { credentialsOf } from "./ownership.js";
import { writeFileSet } from "./file-set.js";

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
  | { action: "already-deleted"; username: string }
  | { action: "removed"; path: string }
  | { action: "left"; path: string; username: string };

export interface RotationOptions {
  oldUsername: string;
  newUsername: string;
  files: CredentialsFiles;
  /** replace existing files that do not hold NEW's current credentials */
  overwrite: boolean;
  /** OLD's certificate and key files, deleted (as one set) once OLD is; absent: kept */
  oldFiles?: Pick<CredentialsFiles, "cert" | "key">;
  /** abort signal and step hook of the file sets written and deleted */
  fileSet?: InstallOptions;
  /** told about each step as soon as it is done */
  onStep?: (step: RotationStep) => void;
  /** told the steps expected, before the first change (a failure here changes nothing) */
  onPlan?: (planned: RotationStep[]) => Promise<void> | void;
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

  if (options.onPlan) {
    const planned: RotationStep[] = [
      { action: hasNew ? "exists" : "created", username: newUsername },
      ...CREDENTIALS_PARTS.map((part): RotationStep => ({ action: "wrote", path: files[part].display })),
      { action: oldUser ? "deleted" : "already-deleted", username: oldUsername },
      ...(options.oldFiles ? [options.oldFiles.cert, options.oldFiles.key].map((f): RotationStep => ({ action: "removed", path: f.display })) : []),
    ];
    await options.onPlan(planned);
  }

  if (hasNew) record({ action: "exists", username: newUsername });
  else {
    await api.createUser(newUsername);
    record({ action: "created", username: newUsername });
  }

  const credentials = verifyCredentials(await api.fetchCredentials(newUsername), `user ${JSON.stringify(newUsername)}`);
  const installed = await installCredentials(files, credentials, options.overwrite, options.fileSet);
  for (const part of CREDENTIALS_PARTS) {
    record({ action: installed.written.includes(part) ? "wrote" : "kept", path: files[part].display });
  }

  if (!oldUser) record({ action: "already-deleted", username: oldUsername });
  else {
    const outcome = await api.deleteUser(oldUsername);
    record({ action: outcome === "deleted" ? "deleted" : "already-deleted", username: oldUsername });
  }
  if (options.oldFiles) await removeOldFiles(options.oldFiles, oldUsername, credentials, options.fileSet, record);
  return { steps, credentials };
}

/** Deletes OLD's certificate and key files, both or neither, when they hold OLD's credentials from this CA. */
async function removeOldFiles(
  oldFiles: Pick<CredentialsFiles, "cert" | "key">,
  oldUsername: string,
  current: VerifiedCredentials,
  fileSet: InstallOptions | undefined,
  record: (step: RotationStep) => void,
): Promise<void> {
  const found = await credentialsOf(oldFiles, oldUsername, current.ca);
  const present = (["cert", "key"] as const).filter((part) => found[part] !== "absent");
  if (present.length === 0) return;
  const theirs = present.every((part) => found[part] === "owned");
  const listed: CredentialsFile[] = present.map((part) => oldFiles[part]);
  if (!theirs) {
    for (const file of listed) record({ action: "left", path: file.display, username: oldUsername });
    return;
  }
  await writeFileSet([], { ...fileSet, remove: listed.map((f) => ({ path: f.absolute, display: f.display })) });
  for (const file of listed) record({ action: "removed", path: file.display });
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
    case "removed":
      return `removed ${step.path}`;
    case "left":
      return `left ${step.path} (not the credentials of user ${JSON.stringify(step.username)})`;
  }
}
