// `exo dbaas delete` against the emulator.
import { describe, expect, it } from "vitest";
import { openSession, useSession } from "../../helpers/session.js";

const s = useSession();

const PROTECTED =
  "error: Forbidden: Service is protected against termination and shutdown. Remove termination protection first." +
  " To turn it off: exo dbaas update test-kafka -z de-muc-1 --termination-protection=false\n";

describe("exo dbaas delete NAME", () => {
  it("termination protection: the API's error as exo prints it, nothing deleted", async () => {
    await s.exo(["dbaas", "update", "test-kafka", "-z", "de-muc-1", "-f", "-Q", "--termination-protection"]);
    const result = await s.exo(["dbaas", "delete", "test-kafka", "-z", "de-muc-1", "-f"]);
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: PROTECTED });
    expect((await s.service("test-kafka")).name).toBe("test-kafka");
    // the command the error names is the one that lifts the protection
    const hint = PROTECTED.slice(PROTECTED.indexOf("exo dbaas update"), -1).split(" ").slice(1);
    expect((await s.exo([...hint, "-f", "-Q"])).exitCode).toBe(0);
    expect((await s.exo(["dbaas", "delete", "test-kafka", "-z", "de-muc-1", "-f", "-Q"])).exitCode).toBe(0);
  });

  it("a 403 on an unprotected service (missing permission) is the API's error alone", async () => {
    s.emulator.canned({ method: "DELETE", path: "/v2/dbaas-service/test-kafka", status: 403, body: '{"message":"Forbidden by IAM policy"}' });
    try {
      const result = await s.exo(["dbaas", "delete", "test-kafka", "-z", "de-muc-1", "-f"]);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain("Forbidden by IAM policy");
      expect(result.stderr).not.toContain("termination-protection");
    } finally {
      s.emulator.clearCanned();
    }
  });

  it("deletes with -f through DELETE /dbaas-service/NAME, prints nothing on stdout", async () => {
    s.emulator.clearRequests();
    const result = await s.exo(["dbaas", "delete", "test-kafka", "-z", "de-muc-1", "-f"]);
    expect(result).toEqual({ exitCode: 0, stdout: "", stderr: '✔ Deleting Database Service "test-kafka"... 0s\n' });
    expect(s.sent()).toEqual(["DELETE /v2/dbaas-service/test-kafka"]);
    await expect(s.service("test-kafka")).rejects.toThrow(/Not Found/);
  });

  it("alias rm asks on a terminal; yes deletes", async () => {
    const result = await s.exo(["dbaas", "rm", "test-kafka", "-z", "de-muc-1"], { terminal: true, input: ["y"] });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr.startsWith('[+] Are you sure you want to delete Database Service "test-kafka"? [yN]: ')).toBe(true);
    await expect(s.service("test-kafka")).rejects.toThrow();
  });

  it("declined on a terminal: exit 0, nothing deleted", async () => {
    s.emulator.clearRequests();
    const result = await s.exo(["dbaas", "delete", "test-kafka", "-z", "de-muc-1"], { terminal: true, input: ["N"] });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe("");
    expect(s.sent()).toEqual([]);
    expect((await s.service("test-kafka")).name).toBe("test-kafka");
  });

  it("without a terminal and without -f: refuses before any request", async () => {
    s.emulator.clearRequests();
    const result = await s.exo(["dbaas", "delete", "test-kafka", "-z", "de-muc-1"]);
    expect(result).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: refusing to delete "test-kafka" without confirmation: stdin is not a terminal; pass -f/--force\n',
    });
    expect(s.emulator.requests()).toEqual([]);
  });

  it("waits for a pending delete with the spinner on a terminal", async () => {
    const slow = await openSession({ operationDelayMs: 600 });
    try {
      const result = await slow.exo(["dbaas", "delete", "test-kafka", "-z", "de-muc-1", "-f"], { terminal: true });
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain('\r⠋ Deleting Database Service "test-kafka"... 0s');
      expect(result.stderr).toMatch(/✔ Deleting Database Service "test-kafka"\.\.\. \d+s\n$/);
      expect(slow.emulator.requests().some((r) => r.path.startsWith("/v2/operation/"))).toBe(true);
    } finally {
      await slow.emulator.close();
    }
  });
});
