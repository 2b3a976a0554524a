// Output of the ACL commands: one list of topic and Schema Registry ACLs, topic ACLs first, each
// in API order. Templates see .ID .Kind .Username .Topic .Resource .Permission (Kind is "topic"
// or "schema-registry"; Topic is empty for Schema Registry ACLs and Resource for topic ACLs).
import type { KafkaAcls } from "../../api/schemas.js";
import { field, struct } from "./go.js";
import { listOutput, type ListOutput } from "../../output/model.js";
import { renderTable } from "../../output/table.js";
import type { GoStruct } from "../../templates/values.js";

export type AclKind = "topic" | "schema-registry";

export interface AclEntry {
  id: string;
  kind: AclKind;
  username: string;
  /** topic name or pattern (topic ACLs) */
  topic: string;
  /** Schema Registry resource (Schema Registry ACLs) */
  resource: string;
  permission: string;
}

export function aclEntries(acls: KafkaAcls): AclEntry[] {
  return [
    ...(acls["topic-acl"] ?? []).map((a) => ({ id: a.id ?? "", kind: "topic" as const, username: a.username, topic: a.topic, resource: "", permission: a.permission })),
    ...(acls["schema-registry-acl"] ?? []).map((a) => ({
      id: a.id ?? "",
      kind: "schema-registry" as const,
      username: a.username,
      topic: "",
      resource: a.resource,
      permission: a.permission,
    })),
  ];
}

function aclValue(entry: AclEntry): GoStruct {
  return struct("dbaas.dbaasKafkaACLListItemOutput", [
    field("ID", entry.id, "id"),
    field("Kind", entry.kind, "kind"),
    field("Username", entry.username, "username"),
    field("Topic", entry.topic, "topic", true),
    field("Resource", entry.resource, "resource", true),
    field("Permission", entry.permission, "permission"),
  ]);
}

/** Table columns ID, KIND, USERNAME, TOPIC/RESOURCE, PERMISSION; nothing at all when there is no ACL. */
export function aclListOutput(entries: readonly AclEntry[]): ListOutput {
  return listOutput(entries.map(aclValue), (isTTY) =>
    renderTable(
      {
        header: ["ID", "Kind", "Username", "Topic/Resource", "Permission"],
        rows: entries.map((e) => [e.id, e.kind, e.username, e.kind === "topic" ? e.topic : e.resource, e.permission]),
      },
      isTTY,
    ),
  );
}
