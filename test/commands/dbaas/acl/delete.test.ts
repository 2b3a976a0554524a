// exo dbaas acl delete: topic and Schema Registry ACLs by id.
import { describe, expect, it } from "vitest";
import { SERVICE, useSession, ZONE } from "../../../helpers/session.js";

const s = useSession({ resetEach: false });

const Z = ["-z", ZONE];
const create = (...flags: string[]) => s.exo(["dbaas", "acl", "create", SERVICE, ...Z, ...flags]);

describe("acl delete", () => {
  it("deletes a topic ACL by id after confirmation, and a Schema Registry ACL with -f", async () => {
    const topicId = (await create("--username", "del", "--topic", "gone", "--permission", "read", "--output-template", "{{.ID}}")).stdout.trim();
    const srId = (await create("--username", "del", "--resource", "Config:", "--permission", "schema_registry_write", "--output-template", "{{.ID}}")).stdout.trim();
    s.emulator.clearRequests();

    const refused = await s.exo(["dbaas", "acl", "delete", SERVICE, topicId, ...Z]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/^error: refusing to delete ACL ".+" without confirmation: /);
    expect(s.apiRequests()).toEqual([]);

    const declined = await s.exo(["dbaas", "acl", "delete", SERVICE, topicId, ...Z], { terminal: true, input: ["no"] });
    expect(declined.exitCode).toBe(0);
    expect(declined.stderr).toBe(`[+] Are you sure you want to delete ACL "${topicId}" ("del" read on topic "gone")? [yN]: `);
    expect(s.mutations()).toEqual([]);

    const yes = await s.exo(["dbaas", "acl", "delete", SERVICE, topicId, ...Z], { terminal: true, input: ["y"] });
    expect(yes.exitCode).toBe(0);
    expect(yes.stdout).toBe("");
    expect(s.mutations()).toEqual([`DELETE /v2/dbaas-kafka/test-kafka/topic/acl-config/${topicId}`]);

    s.emulator.clearRequests();
    expect((await s.exo(["dbaas", "acl", "delete", SERVICE, srId, ...Z, "-f"])).exitCode).toBe(0);
    expect(s.mutations()).toEqual([`DELETE /v2/dbaas-kafka/test-kafka/schema-registry/acl-config/${srId}`]);
    const ids = JSON.parse((await s.exo(["dbaas", "acl", "list", SERVICE, ...Z, "-O", "json"])).stdout).map((a: { id: string }) => a.id);
    expect(ids).not.toContain(topicId);
    expect(ids).not.toContain(srId);
  });

  it("the prompt escapes what the API says of the ACL: escape sequences and bidirectional overrides", async () => {
    const entry = { id: "acl-hostile", username: "u\u202eevil", topic: "t\x1b[2J", permission: "read\x1b]0;pwned\x07\u202e" };
    s.emulator.canned({ method: "GET", path: `/dbaas-kafka/${SERVICE}/acl-config`, status: 200, body: { "topic-acl": [entry], "schema-registry-acl": [] } });
    try {
      const declined = await s.exo(["dbaas", "acl", "delete", SERVICE, entry.id, ...Z], { terminal: true, input: ["no"] });
      expect(declined).toEqual({
        exitCode: 0,
        stdout: "",
        stderr: '[+] Are you sure you want to delete ACL "acl-hostile" ("u\\u202eevil" read\\x1b]0;pwned\\a\\u202e on topic "t\\x1b[2J")? [yN]: ',
      });
    } finally {
      s.emulator.clearCanned();
    }
    expect(s.mutations()).toEqual([]);
  });

  it("an unknown id is an error and nothing is deleted", async () => {
    expect(await s.exo(["dbaas", "acl", "delete", SERVICE, "acl-nope", ...Z, "-f"])).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: ACL "acl-nope" not found for service "test-kafka"\n',
    });
    expect(s.mutations()).toEqual([]);
  });
});
