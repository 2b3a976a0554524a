// exo dbaas user show against the emulator.
import { describe, expect, it } from "vitest";
import { SERVICE, useSession, ZONE } from "../../../helpers/session.js";

const s = useSession({ resetEach: false });

const Z = ["-z", ZONE];

describe("user show", () => {
  it("prints the SERVICE USER table, JSON and template", async () => {
    expect((await s.exo(["dbaas", "user", "show", SERVICE, "avnadmin", ...Z])).stdout).toBe(
      "| SERVICE USER |          |\n|--------------|----------|\n| Username     | avnadmin |\n| Type         | primary  |\n",
    );
    expect((await s.exo(["dbaas", "user", "show", SERVICE, "avnadmin", ...Z, "-O", "json"])).stdout).toBe('{"username":"avnadmin","type":"primary"}\n');
    expect((await s.exo(["dbaas", "user", "show", SERVICE, "avnadmin", ...Z, "--output-template", "{{.Username}} {{.MySQL}}"])).stdout).toBe("avnadmin <nil>");
  });

  it("says which user is missing", async () => {
    expect(await s.exo(["dbaas", "user", "show", SERVICE, "ghost", ...Z])).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: user "ghost" not found for service "test-kafka"\n',
    });
  });
});
