// Output of the ACL commands: one list of topic and Schema Registry ACLs, topic ACLs first, each
// in API order. Kind is "topic" or "schema-registry"; Topic is empty for Schema Registry ACLs and
// Resource for topic ACLs.
import type { KafkaAcls } from "../../api/schemas.js";
import type { ListOutput } from "../../output/model.js";
import { sliceOutput } from "./outputs.js";
import { defineView, fieldsOf } from "./spec.js";

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

/** Table columns ID, KIND, USERNAME, TOPIC/RESOURCE, PERMISSION. */
const acl = fieldsOf<AclEntry>();
export const aclListItemView = defineView("dbaas.dbaasKafkaACLListItemOutput", [
  acl({ go: "ID", json: "id", label: "ID", from: (e) => e.id }),
  acl({ go: "Kind", json: "kind", label: "Kind", from: (e) => e.kind }),
  acl({ go: "Username", json: "username", label: "Username", from: (e) => e.username }),
  acl({
    go: "Topic",
    json: "topic",
    omitempty: true,
    label: "Topic/Resource",
    from: (e) => e.topic,
    cell: (_, e) => (e.kind === "topic" ? e.topic : e.resource),
  }),
  acl({ go: "Resource", json: "resource", omitempty: true, from: (e) => e.resource }),
  acl({ go: "Permission", json: "permission", label: "Permission", from: (e) => e.permission }),
]);

/** Nothing at all in the table when there is no ACL. */
export function aclListOutput(entries: readonly AclEntry[]): ListOutput {
  return sliceOutput(aclListItemView, entries);
}
