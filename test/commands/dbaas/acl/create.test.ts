// exo dbaas acl create: topic and Schema Registry ACLs, validated before sending.
import { describe, expect, it } from "vitest";
import { SERVICE, useSession, ZONE } from "../../../helpers/session.js";

const s = useSession({ resetEach: false });

const Z = ["-z", ZONE];
const create = (...flags: string[]) => s.exo(["dbaas", "acl", "create", SERVICE, ...Z, ...flags]);

describe("acl create", () => {
  it("creates a topic ACL and prints it with its id", async () => {
    const result = await create("--username", "app", "--topic", "orders.*", "--permission", "readwrite", "-O", "json");
    expect(result.exitCode).toBe(0);
    const [entry] = JSON.parse(result.stdout);
    expect(entry).toEqual({ id: expect.any(String), kind: "topic", username: "app", topic: "orders.*", permission: "readwrite" });
    expect(result.stderr).toMatch(/^✔ Creating ACL for "app" \d+s\n$/);
    expect(s.emulator.requests().find((r) => r.method === "POST")).toMatchObject({
      path: "/v2/dbaas-kafka/test-kafka/topic/acl-config",
      body: { username: "app", topic: "orders.*", permission: "readwrite" },
    });
    expect((await s.acls())["topic-acl"]).toContainEqual({ id: entry.id, username: "app", topic: "orders.*", permission: "readwrite" });
  });

  it("prints the new entry as acl list does: table by default, text with -O text", async () => {
    const table = await create("--username", "tab", "--topic", "t1", "--permission", "read");
    expect(table.exitCode).toBe(0);
    const [header, rule, row, end] = table.stdout.split("\n");
    expect(header).toMatch(/^\| +ID +\| KIND  \| USERNAME \| TOPIC\/RESOURCE \| PERMISSION \|$/);
    expect(rule).toMatch(/^\|-+\|-------\|----------\|----------------\|------------\|$/);
    expect(row).toMatch(/^\| (\S+) +\| topic \| tab +\| t1 +\| read +\|$/);
    expect(end).toBe("");
    const text = await create("--username", "tab", "--topic", "t2", "--permission", "write", "-O", "text");
    expect(text.stdout).toMatch(/^\S+\ttopic\ttab\tt2\t\twrite\n$/);
    expect(s.mutations()).toEqual(["POST /v2/dbaas-kafka/test-kafka/topic/acl-config", "POST /v2/dbaas-kafka/test-kafka/topic/acl-config"]);
  });

  it("creates a Schema Registry ACL; list shows both kinds", async () => {
    const result = await create("--username", "app", "--resource", "Subject:orders-value", "--permission", "schema_registry_read", "--output-template", "{{.ID}}");
    expect(result.exitCode).toBe(0);
    const id = result.stdout.trim();
    expect(s.emulator.requests().find((r) => r.method === "POST")?.path).toBe("/v2/dbaas-kafka/test-kafka/schema-registry/acl-config");
    const list = await s.exo(["dbaas", "acl", "list", SERVICE, ...Z]);
    expect(list.stdout).toMatch(new RegExp(`\\| ${id} +\\| schema-registry \\| app +\\| Subject:orders-value \\| schema_registry_read \\|`));
    const json = JSON.parse((await s.exo(["dbaas", "acl", "list", SERVICE, ...Z, "-O", "json"])).stdout);
    expect(json.at(-1)).toEqual({ id, kind: "schema-registry", username: "app", resource: "Subject:orders-value", permission: "schema_registry_read" });
  });

  it.each([
    [["--username", "app", "--topic", "t", "--permission", "owner"], /^error: invalid ACL permission "owner": must be one of admin, read, readwrite, write\n$/],
    [["--username", "app", "--topic", "bad topic", "--permission", "read"], /^error: invalid ACL topic "bad topic": /],
    [["--username", "app", "--topic", "..", "--permission", "read"], /^error: invalid ACL topic "\.\.": /],
    [["--username", "bad user", "--topic", "t", "--permission", "read"], /^error: invalid ACL username "bad user": /],
    [["--username", "app", "--resource", "Subject:x", "--permission", "read"], /^error: invalid Schema Registry ACL permission "read": /],
    [["--username", "app", "--resource", "has space", "--permission", "schema_registry_read"], /^error: invalid Schema Registry resource "has space": /],
    [["--username", "app", "--topic", "t", "--resource", "r", "--permission", "read"], /^error: exactly one of --topic and --resource is required\n$/],
    [["--username", "app", "--permission", "read"], /^error: exactly one of --topic and --resource is required\n$/],
    [["--topic", "t", "--permission", "read"], /^error: --username is required\n$/],
    [["--username", "app", "--topic", "t"], /^error: --permission is required\n$/],
    [["--username", "app", "--topic", "x".repeat(250), "--permission", "read"], /^error: invalid ACL topic "x+": must be 1 to 249 characters long, got 250\n$/],
  ])("%j is refused before any request", async (flags, message) => {
    const result = await create(...flags);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(s.apiRequests()).toEqual([]);
  });
});
