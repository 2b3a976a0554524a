// Bringing the brokers' SCRAM credentials and ACLs in line with the service's users and topic ACLs.
import { createHash } from "node:crypto";
import type { BrokerUser } from "../broker-provider.js";
import { kafkaAclBindings, type KafkaAclBinding } from "./acl-mapping.js";
import type { ClusterEnv } from "./cluster-env.js";
import { internalBootstrap } from "./node-set.js";
import type { ServiceEntry } from "./service-entry.js";
import { syncBrokerUsers } from "./user-sync.js";

/** A digest of the users' names and passwords and of the ACL bindings, to skip a sync when nothing changed. */
const accessKey = (users: BrokerUser[], acls: KafkaAclBinding[]) =>
  createHash("sha256")
    .update(JSON.stringify(users.map((u) => [u.username, u.password]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1))))
    .update(JSON.stringify(acls))
    .digest("hex");

/** Writes the users and ACLs to the running cluster unless they are what it was last given. */
export async function syncAccess(env: ClusterEnv, entry: ServiceEntry): Promise<void> {
  const acls = kafkaAclBindings(entry.users.map((u) => u.username), entry.topicAcls);
  const key = accessKey(entry.users, acls);
  if (entry.syncedUsers === key) return;
  const runtime = await env.runtime(entry.version);
  await syncBrokerUsers(runtime, internalBootstrap(env.host, entry), entry.users, acls, entry.dir);
  entry.syncedUsers = key;
}
