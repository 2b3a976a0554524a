// The service's topic ACLs as Kafka ACL bindings (no broker needed).
import { describe, expect, it } from "vitest";
import { globMatches, kafkaAclBindings, topicResource } from "../../src/emulator/broker/acl-mapping.js";

const summary = (usernames: string[], acls: { username: string; topic: string; permission: string }[]) =>
  kafkaAclBindings(usernames, acls).map((b) => `${b.username} ${b.resourceType}:${b.patternType}:${b.resourceName} ${b.operation}`);

describe("topic pattern → Kafka resource", () => {
  it("maps *, prefix* and exact names exactly", () => {
    expect(topicResource("*")).toEqual({ patternType: "LITERAL", name: "*" });
    expect(topicResource("**")).toEqual({ patternType: "LITERAL", name: "*" });
    expect(topicResource("orders*")).toEqual({ patternType: "PREFIXED", name: "orders" });
    expect(topicResource("orders.eu**")).toEqual({ patternType: "PREFIXED", name: "orders.eu" });
    expect(topicResource("orders-1")).toEqual({ patternType: "LITERAL", name: "orders-1" });
  });

  it("maps no other shape: Kafka could only grant more than the pattern", () => {
    for (const pattern of ["orders-?", "*-eu", "orders-*-eu", "o?ders*", "a*b*"]) expect(topicResource(pattern), pattern).toBeNull();
  });
});

describe("username patterns", () => {
  it("match whole names with * and ?, other characters literally", () => {
    expect(globMatches("app-v*", "app-v12")).toBe(true);
    expect(globMatches("app-v*", "xapp-v1")).toBe(false);
    expect(globMatches("ali?e", "alice")).toBe(true);
    expect(globMatches("ali?e", "aliice")).toBe(false);
    expect(globMatches("a.b", "axb")).toBe(false);
    expect(globMatches("*", "anyone")).toBe(true);
  });
});

describe("topic ACLs → Kafka ACL bindings", () => {
  it("grants each permission its operations, and consumer groups to readers", () => {
    expect(summary(["r"], [{ username: "r", topic: "orders*", permission: "read" }])).toEqual([
      "r GROUP:LITERAL:* READ",
      "r TOPIC:PREFIXED:orders DESCRIBE",
      "r TOPIC:PREFIXED:orders READ",
    ]);
    expect(summary(["w"], [{ username: "w", topic: "orders-1", permission: "write" }])).toEqual([
      "w TOPIC:LITERAL:orders-1 DESCRIBE",
      "w TOPIC:LITERAL:orders-1 WRITE",
    ]);
    expect(summary(["rw"], [{ username: "rw", topic: "t", permission: "readwrite" }])).toEqual([
      "rw GROUP:LITERAL:* READ",
      "rw TOPIC:LITERAL:t DESCRIBE",
      "rw TOPIC:LITERAL:t READ",
      "rw TOPIC:LITERAL:t WRITE",
    ]);
    expect(summary(["avnadmin"], [{ username: "avnadmin", topic: "*", permission: "admin" }])).toEqual([
      "avnadmin GROUP:LITERAL:* READ",
      "avnadmin TOPIC:LITERAL:* ALL",
    ]);
  });

  it("expands username patterns to the existing users and merges overlapping entries", () => {
    const acls = [
      { username: "app-*", topic: "orders*", permission: "read" },
      { username: "app-v1", topic: "orders*", permission: "readwrite" },
    ];
    expect(summary(["avnadmin", "app-v1", "app-v2"], acls)).toEqual([
      "app-v1 GROUP:LITERAL:* READ",
      "app-v1 TOPIC:PREFIXED:orders DESCRIBE",
      "app-v1 TOPIC:PREFIXED:orders READ",
      "app-v1 TOPIC:PREFIXED:orders WRITE",
      "app-v2 GROUP:LITERAL:* READ",
      "app-v2 TOPIC:PREFIXED:orders DESCRIBE",
      "app-v2 TOPIC:PREFIXED:orders READ",
    ]);
  });

  it("grants nothing for an entry without users, an unmappable topic pattern or an unknown permission", () => {
    expect(
      summary(
        ["app"],
        [
          { username: "other", topic: "*", permission: "admin" },
          { username: "app", topic: "orders-?", permission: "admin" },
          { username: "app", topic: "*", permission: "superuser" },
        ],
      ),
    ).toEqual([]);
  });
});
