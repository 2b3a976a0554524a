// The service's topic ACLs (username and topic patterns with `*` and `?`, permission admin|read|readwrite|write)
// as Kafka ACL bindings for the users that exist. Kafka principals cannot be patterns, so username patterns are
// expanded against the users; topic patterns become LITERAL or PREFIXED resources when Kafka can express them
// exactly, and are skipped otherwise (see topicResource).
import type { BrokerTopicAcl } from "../broker-provider.js";

export type PatternType = "LITERAL" | "PREFIXED";

/** One ALLOW binding for `User:<username>`, as the user-sync program creates it. */
export interface KafkaAclBinding {
  username: string;
  resourceType: "TOPIC" | "GROUP";
  patternType: PatternType;
  resourceName: string;
  operation: "READ" | "WRITE" | "DESCRIBE" | "ALL";
}

const wildcard = /[*?]/;

/** Matches `*` (any run of characters) and `?` (one character) against a whole name. */
export function globMatches(pattern: string, name: string): boolean {
  const source = [...pattern].map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.|+()[\]{}]/g, "\\$&"))).join("");
  return new RegExp(`^${source}$`, "su").test(name);
}

/**
 * The Kafka resource granting exactly the topics a pattern matches, or null when there is none: `*` → LITERAL
 * "*" (every topic), `prefix*` → PREFIXED "prefix", a name without wildcards → LITERAL. Any other shape
 * (`?`, a wildcard before the end, as in `orders-*-eu` or `orders-?`) has no exact Kafka equivalent, and its
 * literal prefix would grant topics the pattern does not match: such entries grant nothing on the broker.
 */
export function topicResource(pattern: string): { patternType: PatternType; name: string } | null {
  const collapsed = pattern.replace(/\*+/g, "*");
  if (collapsed === "*") return { patternType: "LITERAL", name: "*" };
  if (!wildcard.test(collapsed)) return { patternType: "LITERAL", name: collapsed };
  const prefix = collapsed.slice(0, -1);
  if (collapsed.endsWith("*") && !wildcard.test(prefix)) return { patternType: "PREFIXED", name: prefix };
  return null;
}

const TOPIC_OPERATIONS: Record<string, KafkaAclBinding["operation"][]> = {
  read: ["READ", "DESCRIBE"],
  write: ["WRITE", "DESCRIBE"],
  readwrite: ["READ", "WRITE", "DESCRIBE"],
  // ALL includes CREATE (creating topics it covers), DELETE, ALTER and the config operations
  admin: ["ALL"],
};

/** The bindings for `usernames` (the service's users) under `acls`, without duplicates, in a stable order. */
export function kafkaAclBindings(usernames: string[], acls: BrokerTopicAcl[]): KafkaAclBinding[] {
  const bindings = new Map<string, KafkaAclBinding>();
  const add = (binding: KafkaAclBinding) =>
    bindings.set([binding.username, binding.resourceType, binding.patternType, binding.resourceName, binding.operation].join("\0"), binding);
  for (const acl of acls) {
    const resource = topicResource(acl.topic);
    const operations = TOPIC_OPERATIONS[acl.permission];
    if (!resource || !operations) continue;
    for (const username of usernames.filter((u) => globMatches(acl.username, u))) {
      for (const operation of operations) add({ username, resourceType: "TOPIC", ...resourceOf(resource), operation });
      // consumer groups are not part of the service's ACLs: whoever may read a topic may use any group
      if (acl.permission !== "write") add({ username, resourceType: "GROUP", patternType: "LITERAL", resourceName: "*", operation: "READ" });
    }
  }
  return [...bindings.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, binding]) => binding);
}

const resourceOf = (r: { patternType: PatternType; name: string }) => ({ patternType: r.patternType, resourceName: r.name });
