// exo dbaas acl list: topic and Schema Registry ACLs.
import { describe, expect, it } from "vitest";
import { SERVICE, useSession, ZONE } from "../../../helpers/session.js";

const s = useSession({ resetEach: false });

const Z = ["-z", ZONE];

describe("acl list", () => {
  it("prints the service's default ACL as a table, JSON, text and template", async () => {
    expect(await s.exo(["dbaas", "acl", "list", SERVICE, ...Z])).toEqual({
      exitCode: 0,
      stdout:
        "|   ID    | KIND  | USERNAME | TOPIC/RESOURCE | PERMISSION |\n" +
        "|---------|-------|----------|----------------|------------|\n" +
        "| default | topic | avnadmin | *              | admin      |\n",
      stderr: "",
    });
    expect((await s.exo(["dbaas", "acl", "list", SERVICE, ...Z, "-O", "json"])).stdout).toBe(
      '[{"id":"default","kind":"topic","username":"avnadmin","topic":"*","permission":"admin"}]\n',
    );
    expect((await s.exo(["dbaas", "acl", "list", SERVICE, ...Z, "-O", "text"])).stdout).toBe("default\ttopic\tavnadmin\t*\t\tadmin\n");
    expect((await s.exo(["dbaas", "acl", "list", SERVICE, ...Z, "--output-template", "{{.ID}} {{.Permission}}"])).stdout).toBe("default admin\n");
    expect(s.apiRequests().filter((r) => r.endsWith("/acl-config")).length).toBe(4);
  });
});
