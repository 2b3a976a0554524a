// Replacing a Kafka user by a new one without a moment where a client has no valid credentials:
// create NEW, put its verified credentials (and client configurations) on disk as one set, and only then
// delete OLD and OLD's files. Every step first looks at what is already done, so an interrupted rotation
// completes when run again.
import { verifyCredentials, type CredentialsPem, type VerifiedCredentials } from "./pem.js";
import { CREDENTIALS_PARTS, installCredentials, type CredentialsFile, type CredentialsFiles, type ExtraEntry, type InstallOptions } from "./files.js";
import { credentialsOf, type Ownership } from "./ownership.js";
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

/** One of OLD's files beside its certificate and key (a client configuration), and how to tell it is OLD's. */
export interface OldFile {
  file: CredentialsFile;
  /** given the service's CA certificate(s) */
  ownership: (caPem: string) => Promise<Ownership>;
}

/** OLD's files deleted once OLD is: the certificate and key (both or neither), and `others` that are OLD's. */
export type OldFiles = Pick<CredentialsFiles, "cert" | "key"> & { others?: readonly OldFile[] };

/** Files written in the same set as NEW's credentials (client configurations). */
export interface ExtraFiles {
  /** as printed, known before anything changes */
  planned: readonly string[];
  /** made from NEW's verified credentials; the same files as `planned`, in that order */
  make: (credentials: VerifiedCredentials) => Promise<ExtraEntry[]>;
}

export interface RotationOptions {
  oldUsername: string;
  newUsername: string;
  files: CredentialsFiles;
  /** replace existing files that do not hold NEW's current credentials */
  overwrite: boolean;
  /** more files for NEW's set */
  extra?: ExtraFiles;
  /** OLD's files, deleted (as one set) once OLD is; absent: kept */
  oldFiles?: OldFiles;
  /** abort signal and step hook of the file sets written and deleted */
  fileSet?: InstallOptions;
  /** told about each step as soon as it is done */
  onStep?: (step: RotationStep) => void;
  /** told whether NEW exists, before the first change: throws what would make the rotation fail after it (a failure here changes nothing) */
  beforeChanges?: (newExists: boolean) => Promise<void>;
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

  await options.beforeChanges?.(hasNew);
  if (options.onPlan) {
    const planned: RotationStep[] = [
      { action: hasNew ? "exists" : "created", username: newUsername },
      ...CREDENTIALS_PARTS.map((part): RotationStep => ({ action: "wrote", path: files[part].display })),
      ...(options.extra?.planned ?? []).map((path): RotationStep => ({ action: "wrote", path })),
      { action: oldUser ? "deleted" : "already-deleted", username: oldUsername },
      ...(options.oldFiles ? oldFileList(options.oldFiles).map((f): RotationStep => ({ action: "removed", path: f.display })) : []),
    ];
    await options.onPlan(planned);
  }

  if (hasNew) record({ action: "exists", username: newUsername });
  else {
    await api.createUser(newUsername);
    record({ action: "created", username: newUsername });
  }

  const credentials = verifyCredentials(await api.fetchCredentials(newUsername), `user ${JSON.stringify(newUsername)}`);
  const extra = options.extra ? await options.extra.make(credentials) : [];
  const installed = await installCredentials(files, credentials, options.overwrite, options.fileSet, extra);
  for (const part of CREDENTIALS_PARTS) {
    record({ action: installed.written.includes(part) ? "wrote" : "kept", path: files[part].display });
  }
  for (const entry of extra) record({ action: installed.entriesWritten.includes(entry.display) ? "wrote" : "kept", path: entry.display });

  if (!oldUser) record({ action: "already-deleted", username: oldUsername });
  else {
    const outcome = await api.deleteUser(oldUsername);
    record({ action: outcome === "deleted" ? "deleted" : "already-deleted", username: oldUsername });
  }
  if (options.oldFiles) await removeOldFiles(options.oldFiles, oldUsername, credentials, options.fileSet, record);
  return { steps, credentials };
}

const oldFileList = (oldFiles: OldFiles): CredentialsFile[] => [oldFiles.cert, oldFiles.key, ...(oldFiles.others ?? []).map((o) => o.file)];

/**
 * Deletes OLD's files as one set: its certificate and key, both or neither, when they hold OLD's credentials
 * from this CA; each other file when it is OLD's. The rest is left, and said so.
 */
async function removeOldFiles(
  oldFiles: OldFiles,
  oldUsername: string,
  current: VerifiedCredentials,
  fileSet: InstallOptions | undefined,
  record: (step: RotationStep) => void,
): Promise<void> {
  const found = await credentialsOf(oldFiles, oldUsername, current.ca);
  const pems = (["cert", "key"] as const).filter((part) => found[part] !== "absent").map((part) => ({ file: oldFiles[part], owner: found[part] }));
  const pemsTheirs = pems.every((p) => p.owner === "owned");
  const others = await Promise.all((oldFiles.others ?? []).map(async (o) => ({ file: o.file, owner: await o.ownership(current.ca) })));
  const present = [...pems.map((p) => ({ ...p, owner: pemsTheirs ? p.owner : ("other" as const) })), ...others.filter((o) => o.owner !== "absent")];
  const removed = present.filter((p) => p.owner === "owned").map((p) => p.file);
  if (removed.length > 0) await writeFileSet([], { ...fileSet, remove: removed.map((f) => ({ path: f.absolute, display: f.display })) });
  for (const { file, owner } of present) {
    record(owner === "owned" ? { action: "removed", path: file.display } : { action: "left", path: file.display, username: oldUsername });
  }
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
