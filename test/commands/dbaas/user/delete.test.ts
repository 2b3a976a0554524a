// exo dbaas user delete against the emulator.
import { describe, expect, it } from "vitest";
import { SERVICE, useSession, ZONE } from "../../../helpers/session.js";

const s = useSession({ resetEach: false });

const Z = ["-z", ZONE];

describe("user delete", () => {
  it("refuses without a terminal and without -f, before any request", async () => {
    await s.exo(["dbaas", "user", "create", SERVICE, "victim", ...Z, "-Q"]);
    s.emulator.clearRequests();
    const result = await s.exo(["dbaas", "user", "delete", SERVICE, "victim", ...Z]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: refusing to delete user "victim" without confirmation: .*-f.*\n$/);
    expect(s.apiRequests()).toEqual([]);
    expect(await s.usernames()).toContain("victim");
  });

  it("asks on a terminal: no keeps the user, yes deletes it", async () => {
    const no = await s.exo(["dbaas", "user", "delete", SERVICE, "victim", ...Z], { terminal: true, input: ["n"] });
    expect(no).toEqual({ exitCode: 0, stdout: "", stderr: '[+] Are you sure you want to delete user "victim" [yN]: ' });
    expect(s.mutations()).toEqual([]);

    const yes = await s.exo(["dbaas", "user", "delete", SERVICE, "victim", ...Z, "-O", "json"], { terminal: true, input: ["y"] });
    expect(yes.exitCode).toBe(0);
    expect(yes.stderr).toContain('[+] Are you sure you want to delete user "victim" [yN]: ');
    expect(yes.stderr).toContain('Deleting DBaaS user "victim"');
    expect(yes.stderr).not.toContain("Deletng");
    expect(s.mutations()).toEqual(["DELETE /v2/dbaas-kafka/test-kafka/user/victim"]);
    // then the whole service, as exo prints it
    expect(JSON.parse(yes.stdout)).toMatchObject({ name: SERVICE, type: "kafka", zone: ZONE });
    expect(await s.usernames()).not.toContain("victim");
  });

  it("-f deletes without asking; -Q prints nothing", async () => {
    await s.exo(["dbaas", "user", "create", SERVICE, "victim2", ...Z, "-Q"]);
    const result = await s.exo(["dbaas", "user", "delete", SERVICE, "victim2", ...Z, "-f", "-Q"]);
    expect(result).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect(await s.usernames()).not.toContain("victim2");
  });

  it("a missing user is reported before asking", async () => {
    const result = await s.exo(["dbaas", "user", "delete", SERVICE, "ghost", ...Z], { terminal: true, input: ["y"] });
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: 'error: user "ghost" not found for service "test-kafka"\n' });
    expect(s.mutations()).toEqual([]);
  });
});
