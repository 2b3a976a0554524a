// exo dbaas user reset-credentials and reveal-secrets against the emulator.
import { describe, expect, it } from "vitest";
import { SERVICE, useSession, ZONE } from "../../../helpers/session.js";

const s = useSession({ resetEach: false });

const Z = ["-z", ZONE];

describe("user reset-credentials and reveal-secrets", () => {
  const reveal = async (user: string) => JSON.parse((await s.exo(["dbaas", "user", "reveal-secrets", SERVICE, user, ...Z, "-O", "json"])).stdout);

  it("reveal-secrets prints exo's JSON shape, SECRETS table and template fields", async () => {
    const secrets = await reveal("avnadmin");
    expect(Object.keys(secrets)).toEqual(["password", "kafka"]);
    expect(Object.keys(secrets.kafka)).toEqual(["access-key", "access-cert", "access-cert-expiry"]);
    expect(secrets.kafka["access-cert"]).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(secrets.kafka["access-cert-expiry"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const table = await s.exo(["dbaas", "user", "reveal-secrets", SERVICE, "avnadmin", ...Z]);
    expect(table.stdout.split("\n")[0]).toMatch(/^\| +SECRETS +\| +\|$/);
    expect(table.stdout).toMatch(/\n\| Access Cert Expiry +\| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC +\|\n$/);
    const template = await s.exo(["dbaas", "user", "reveal-secrets", SERVICE, "avnadmin", ...Z, "--output-template", "{{.Kafka.AccessKey}}"]);
    expect(template.stdout).toBe(secrets.kafka["access-key"]);
  });

  it("resets to a generated password, and to a given one", async () => {
    await s.exo(["dbaas", "user", "create", SERVICE, "resetme", ...Z, "-Q"]);
    const before = (await reveal("resetme")).password;
    s.emulator.clearRequests();
    const generated = await s.exo(["dbaas", "user", "reset-credentials", SERVICE, "resetme", ...Z]);
    expect(generated.exitCode).toBe(0);
    expect(generated.stdout).toBe("| SERVICE USER |         |\n|--------------|---------|\n| Username     | resetme |\n| Type         | normal  |\n");
    expect(generated.stderr).toMatch(/^✔ Resetting DBaaS user "resetme" \d+s\n$/);
    expect(s.emulator.requests().find((r) => r.method === "PUT")).toMatchObject({ path: "/v2/dbaas-kafka/test-kafka/user/resetme/password/reset", body: {} });
    expect((await reveal("resetme")).password).not.toBe(before);

    const given = await s.exo(["dbaas", "user", "reset-credentials", SERVICE, "resetme", ...Z, "--password", "correct-horse-battery", "-O", "json"]);
    expect(given).toEqual({ exitCode: 0, stdout: '{"username":"resetme","type":"normal"}\n', stderr: expect.stringContaining("Resetting DBaaS user") });
    expect(given.stderr).not.toContain("correct-horse-battery");
    expect((await reveal("resetme")).password).toBe("correct-horse-battery");
  });

  it("refuses a too short password without sending it or printing it", async () => {
    const result = await s.exo(["dbaas", "user", "reset-credentials", SERVICE, "avnadmin", ...Z, "--password", "short"]);
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: "error: invalid --password: must be 8 to 256 characters long, got 5\n" });
    expect(s.apiRequests()).toEqual([]);
  });
});
