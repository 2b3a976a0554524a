// Every command of the CLI as a runnable case against a seeded emulator: the arguments, and the
// state it needs first (made through the API, so a case never depends on another command).
// Names are unique per call, so a case can run any number of times on the same emulator.
import { ApiClient } from "../../src/api/client.js";
import { createKafkaService, createKafkaTopicAcl, createKafkaUser, getKafkaAclConfig, getKafkaService, listServices } from "../../src/api/dbaas.js";
import { COMMAND_TREE, isGroup, type CommandEntry } from "../../src/commands/registry.js";
import type { Emulator } from "../../src/emulator/index.js";
import { tempDir } from "../helpers/temp-dir.js";
import { EXTERNAL_CASES } from "./external-commands.js";
import { apiEnv } from "../helpers/run-cli.js";
import { registeredLeaves, seededReadLine } from "../helpers/commands.js";

export const ZONE = "de-muc-1";
export const SERVICE = "test-kafka";

export interface CommandCase {
  /** command path, e.g. "dbaas user show" */
  name: string;
  /** prepares the state and returns the argv */
  prepare(api: ApiClient): Promise<string[]>;
  /** each successful run costs the emulator a key pair (a new service or user): run fewer variants */
  costly?: boolean;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${process.pid % 1000}x${++counter}`;
const freshDir = () => tempDir("exo-faults-");

// creating a user costs a key pair: commands that do not consume it share one
let sharedUser: Promise<string> | undefined;
const existingUser = (api: ApiClient) => (sharedUser ??= newUser(api));

async function newUser(api: ApiClient): Promise<string> {
  const username = unique("u");
  await createKafkaUser(api, SERVICE, username);
  return username;
}

// A case whose write failed leaves its victim in place: the next case reuses it rather than
// paying for another service or user.
let doomedService: string | undefined;
async function serviceToDelete(api: ApiClient): Promise<string> {
  if (doomedService && (await listServices(api)).some((s) => s.name === doomedService)) return doomedService;
  doomedService = unique("doomed");
  await createKafkaService(api, doomedService, { plan: "startup-2", "termination-protection": false });
  return doomedService;
}

let doomedUser: string | undefined;
async function userToDelete(api: ApiClient): Promise<string> {
  if (doomedUser && ((await getKafkaService(api, SERVICE)).users ?? []).some((u) => u.username === doomedUser)) return doomedUser;
  return (doomedUser = await newUser(api));
}

/** The cases of the commands that need state made first, or flags: written out. */
const WRITTEN: readonly CommandCase[] = [
  // without -z: every zone is listed
  { name: "dbaas list", prepare: async () => ["dbaas", "list"] },
  { name: "dbaas type show", prepare: async () => ["dbaas", "type", "show", "kafka", "--plans"] },
  { name: "dbaas update", prepare: async () => ["dbaas", "update", SERVICE, "--force", "--kafka-ip-filter", "10.0.0.0/8"] },
  { name: "dbaas create", costly: true, prepare: async () => ["dbaas", "create", "kafka", "startup-2", unique("svc")] },
  {
    name: "dbaas delete",
    costly: true,
    prepare: async (api) => ["dbaas", "delete", await serviceToDelete(api), "--force"],
  },
  { name: "dbaas user create", costly: true, prepare: async () => ["dbaas", "user", "create", SERVICE, unique("u")] },
  { name: "dbaas user delete", costly: true, prepare: async (api) => ["dbaas", "user", "delete", SERVICE, await userToDelete(api), "--force"] },
  { name: "dbaas user reset-credentials", prepare: async (api) => ["dbaas", "user", "reset-credentials", SERVICE, await existingUser(api)] },
  { name: "dbaas user reveal-secrets", prepare: async (api) => ["dbaas", "user", "reveal-secrets", SERVICE, await existingUser(api)] },
  {
    name: "dbaas user rotate",
    costly: true,
    prepare: async (api) => ["dbaas", "user", "rotate", SERVICE, await userToDelete(api), unique("v"), "--dir", freshDir()],
  },
  {
    name: "dbaas acl create",
    prepare: async () => ["dbaas", "acl", "create", SERVICE, "--username", "app", "--topic", unique("t"), "--permission", "read"],
  },
  {
    name: "dbaas acl delete",
    async prepare(api) {
      const topic = unique("t");
      await createKafkaTopicAcl(api, SERVICE, { username: "app", topic, permission: "read" });
      const acls = await getKafkaAclConfig(api, SERVICE);
      const id = (acls["topic-acl"] ?? []).find((a) => a.topic === topic)?.id;
      if (!id) throw new Error(`ACL for ${topic} not found`);
      return ["dbaas", "acl", "delete", SERVICE, id, "--force"];
    },
  },
  { name: "dbaas logs", prepare: async () => ["dbaas", "logs", SERVICE, "--limit", "3"] },
  { name: "dbaas credentials download", prepare: async () => ["dbaas", "credentials", "download", SERVICE, "--dir", freshDir()] },
  ...EXTERNAL_CASES,
];

/**
 * Every other command whose arguments the seeded emulator has and that changes nothing runs as its
 * declaration gives (seededReadLine), so a new read command has its case the moment it is registered.
 */
const GENERATED: readonly CommandCase[] = (await registeredLeaves()).flatMap((leaf) => {
  const name = leaf.path.join(" ");
  const line = WRITTEN.some((c) => c.name === name) ? undefined : seededReadLine(leaf, ZONE);
  return line && registeredApiCommands().includes(name) ? [{ name, prepare: async () => line }] : [];
});

export const COMMAND_CASES: readonly CommandCase[] = [...GENERATED, ...WRITTEN];

/** Command paths of the registry's leaves (other than the local ones), to check every command has a case. */
export function registeredApiCommands(): string[] {
  const out: string[] = [];
  const walk = (entry: CommandEntry, path: string[]) => {
    if (isGroup(entry)) for (const child of entry.children) walk(child, [...path, child.name]);
    else out.push(path.join(" "));
  };
  for (const child of COMMAND_TREE.children) walk(child, [child.name]);
  // the `dbaas kafka` commands need a real broker: their API faults are covered in test/commands/dbaas/kafka/
  return out.filter((p) => p.startsWith("dbaas ") && !p.startsWith("dbaas kafka "));
}

/** A client of the emulator for preparing state, in the cases' zone. */
export function setupClient(emulator: Emulator): ApiClient {
  return new ApiClient({ endpoint: emulator.url, credentials: { key: emulator.apiKey, secret: emulator.apiSecret }, headers: { "Exoscale-Zone": ZONE } });
}

export function cliEnv(emulator: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...apiEnv(emulator),
    EXOSCALE_ZONE: ZONE,
    // retry backoff in milliseconds, not seconds (see src/context.ts)
    EXO_DBAAS_RETRY_BASE_MS: "1",
    ...extra,
  };
}

/** Waits until the emulator has seen no request for a moment (a failed concurrent fetch may still be retrying). */
export async function settle(emulator: Emulator, quietMs = 20): Promise<void> {
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const count = emulator.requests().length;
    if (count === last) return;
    last = count;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}
