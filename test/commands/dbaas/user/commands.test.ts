// exo dbaas user list|show|create|delete|reset-credentials|reveal-secrets against the emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSession, SERVICE, ZONE, type Session } from "../../../helpers/session.js";

let s: Session;
beforeAll(async () => {
  s = await openSession();
});
afterAll(() => s.emulator.close());
beforeEach(() => s.emulator.clearRequests());

const Z = ["-z", ZONE];

describe("user list", () => {
  it("prints exo's table, JSON, text and templates", async () => {
    expect(await s.exo(["dbaas", "user", "list", SERVICE, ...Z])).toEqual({
      exitCode: 0,
      stdout: "| USERNAME |  TYPE   |\n|----------|---------|\n| avnadmin | primary |\n",
      stderr: "",
    });
    expect((await s.exo(["dbaas", "user", "list", SERVICE, ...Z], { stdoutTTY: true })).stdout).toBe(
      "┼──────────┼─────────┼\n│ USERNAME │  TYPE   │\n┼──────────┼─────────┼\n│ avnadmin │ primary │\n┼──────────┼─────────┼\n",
    );
    expect((await s.exo(["-O", "json", "dbaas", "user", "list", SERVICE, ...Z])).stdout).toBe('[{"username":"avnadmin","type":"primary"}]\n');
    expect((await s.exo(["dbaas", "user", "list", SERVICE, ...Z, "-O", "text"])).stdout).toBe("avnadmin\tprimary\n");
    expect((await s.exo(["dbaas", "user", "list", SERVICE, ...Z, "--output-template", "{{.Username}}={{.Type}}"])).stdout).toBe("avnadmin=primary\n");
  });

  it("reads the Kafka service, nothing else (exo's lookup in the service list only when not found)", async () => {
    await s.exo(["dbaas", "user", "list", SERVICE, ...Z]);
    expect(s.apiRequests()).toEqual(["GET /v2/dbaas-kafka/test-kafka"]);
  });

  it("names a missing service as exo does", async () => {
    expect(await s.exo(["dbaas", "user", "list", "nope", ...Z])).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: "nope" Database Service not found in zone "de-muc-1"\n',
    });
  });

  it("needs the service name", async () => {
    expect(await s.exo(["dbaas", "user", "list"])).toEqual({ exitCode: 1, stdout: "", stderr: "error: missing arguments, run with --help for usage\n" });
  });
});

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
