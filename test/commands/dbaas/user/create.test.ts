// exo dbaas user create against the emulator.
import { describe, expect, it } from "vitest";
import { SERVICE, useSession, ZONE } from "../../../helpers/session.js";

const s = useSession({ resetEach: false });

const Z = ["-z", ZONE];

describe("user create", () => {
  it("creates through the Kafka endpoint, waits with a spinner, then shows the user", async () => {
    const result = await s.exo(["dbaas", "user", "create", SERVICE, "alice", ...Z]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe("| SERVICE USER |        |\n|--------------|--------|\n| Username     | alice  |\n| Type         | normal |\n");
    expect(result.stderr).toMatch(/^✔ Creating DBaaS user "alice" \d+s\n$/);
    expect(s.mutations()).toEqual(["POST /v2/dbaas-kafka/test-kafka/user"]);
    expect(s.apiRequests().some((r) => r.includes("dbaas-postgres"))).toBe(false);
    expect(s.emulator.requests().find((r) => r.method === "POST")?.body).toEqual({ username: "alice" });
    expect(await s.usernames()).toContain("alice");
  });

  it("prints nothing with -Q and JSON with -O json", async () => {
    expect(await s.exo(["dbaas", "user", "create", SERVICE, "quiet-user", ...Z, "-Q"])).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect((await s.exo(["dbaas", "user", "create", SERVICE, "json-user", ...Z, "-O", "json"])).stdout).toBe('{"username":"json-user","type":"normal"}\n');
  });

  it("refuses an invalid username without sending anything", async () => {
    const result = await s.exo(["dbaas", "user", "create", SERVICE, "bad name!", ...Z]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: invalid username "bad name!": .+\n$/);
    expect(s.apiRequests()).toEqual([]);
  });

  it.each(["a@b+c", "alice@example.com", "x+y", ".hidden", "é", "ANONYMOUS", "u".repeat(65)])("refuses %j, a name the API refuses, before sending", async (name) => {
    s.emulator.clearRequests();
    const result = await s.exo(["dbaas", "user", "create", SERVICE, name, ...Z]);
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: expect.stringMatching(new RegExp(`^error: invalid username "${name.replace(/[+.]/g, "\\$&")}": [^\n]+\n$`)) });
    expect(s.apiRequests()).toEqual([]);
  });

  it("the API's rule, and what it accepts, is what the CLI accepts", async () => {
    const refused = await s.exo(["dbaas", "user", "create", SERVICE, "a@b", ...Z]);
    expect(refused.stderr).toBe('error: invalid username "a@b": a new user\'s name takes letters, digits, "_", "." and "-" (not starting with "." or "-")\n');
    for (const name of ["_svc", "app.v2-x", "A9", "u".repeat(64)]) {
      expect((await s.exo(["dbaas", "user", "create", SERVICE, name, ...Z, "-Q"])).exitCode).toBe(0);
    }
  });

  it("reports an existing user with the API's error", async () => {
    const result = await s.exo(["dbaas", "user", "create", SERVICE, "avnadmin", ...Z]);
    expect(result).toMatchObject({ exitCode: 1, stdout: "" });
    expect(result.stderr).toMatch(/^error: Conflict: .*avnadmin.*\n$/);
  });

  it("--help-mysql and --help-pg print the engine flags and send nothing", async () => {
    const mysql = await s.exo(["dbaas", "user", "create", SERVICE, "x", "--help-mysql"]);
    expect(mysql.exitCode).toBe(0);
    expect(mysql.stdout).toContain("--mysql-authentication-method");
    expect((await s.exo(["dbaas", "user", "create", SERVICE, "x", "--help-pg"])).stdout).toContain("--pg-allow-replication");
    expect(s.apiRequests()).toEqual([]);
  });
});
