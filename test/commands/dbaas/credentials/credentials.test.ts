// exo dbaas credentials download|check: verified PEM files with mode 0600, expiry thresholds.
import { X509Certificate } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCa, issueClientCertificate } from "../../../../src/emulator/pki.js";
import { makeImmutable, makeReadOnlyDir } from "../../../helpers/obstacles.js";
import { openSession, SERVICE, ZONE, type Session } from "../../../helpers/session.js";
import { tempDir } from "../../../helpers/temp-dir.js";

let s: Session;
let admin: { cert: string; key: string };
let caPem: string;
beforeAll(async () => {
  s = await openSession();
  const user = (await s.service()).users!.find((u) => u.username === "avnadmin")!;
  admin = { cert: user["access-cert"]!, key: user["access-key"]! };
  caPem = await s.emulator.caCertificatePem();
});
afterAll(() => s.emulator.close());
beforeEach(() => {
  s.emulator.clearRequests();
  s.emulator.clearCanned();
});

const Z = ["-z", ZONE];
const download = (dir: string, ...flags: string[]) => s.exo(["dbaas", "credentials", "download", SERVICE, ...Z, "--dir", dir, ...flags]);
const mode = (path: string) => statSync(path).mode & 0o777;
const withNewline = (pem: string) => (pem.endsWith("\n") ? pem : `${pem}\n`);

/** Serves the service with avnadmin's certificate and key replaced. */
async function cannedAdmin(cert: string, key: string): Promise<void> {
  const service = await s.service();
  const users = service.users!.map((u) => (u.username === "avnadmin" ? { ...u, "access-cert": cert, "access-key": key } : u));
  s.emulator.canned({ method: "GET", path: `/dbaas-kafka/${SERVICE}`, status: 200, body: { ...service, users } });
}

describe("credentials download", () => {
  it("writes ca.pem, avnadmin.cert.pem and avnadmin.key.pem, mode 0600, and prints their paths", async () => {
    const dir = tempDir();
    const result = await download(dir);
    expect(result).toEqual({ exitCode: 0, stdout: `${dir}/ca.pem\n${dir}/avnadmin.cert.pem\n${dir}/avnadmin.key.pem\n`, stderr: "" });
    expect(readdirSync(dir).sort()).toEqual(["avnadmin.cert.pem", "avnadmin.key.pem", "ca.pem"]);
    for (const name of readdirSync(dir)) expect(mode(join(dir, name))).toBe(0o600);
    expect(readFileSync(join(dir, "ca.pem"), "utf8")).toBe(withNewline(caPem));
    expect(readFileSync(join(dir, "avnadmin.cert.pem"), "utf8")).toBe(withNewline(admin.cert));
    expect(readFileSync(join(dir, "avnadmin.key.pem"), "utf8")).toBe(withNewline(admin.key));
    expect(s.mutations()).toEqual([]);
  });

  it("is 0600 whatever the umask (000 and 077)", async () => {
    const previous = process.umask(0o000);
    try {
      const dir = tempDir();
      expect((await download(dir)).exitCode).toBe(0);
      for (const name of readdirSync(dir)) expect(mode(join(dir, name))).toBe(0o600);
      process.umask(0o077);
      const dir2 = tempDir();
      expect((await download(dir2)).exitCode).toBe(0);
      for (const name of readdirSync(dir2)) expect(mode(join(dir2, name))).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });

  it("prints JSON and templates with .CA .Cert .Key; relative --dir is kept relative to the working directory", async () => {
    const cwd = tempDir();
    const json = await s.exo(["dbaas", "credentials", "download", SERVICE, ...Z, "--dir", "certs", "-O", "json"], { cwd });
    expect(json).toEqual({ exitCode: 0, stdout: '{"ca":"certs/ca.pem","cert":"certs/avnadmin.cert.pem","key":"certs/avnadmin.key.pem"}\n', stderr: "" });
    expect(readdirSync(join(cwd, "certs")).sort()).toEqual(["avnadmin.cert.pem", "avnadmin.key.pem", "ca.pem"]);
    const cwd2 = tempDir();
    const template = await s.exo(["dbaas", "credentials", "download", SERVICE, ...Z, "--output-template", "{{.Key}}"], { cwd: cwd2 });
    expect(template.stdout).toBe("avnadmin.key.pem");
    expect(mode(join(cwd2, "avnadmin.key.pem"))).toBe(0o600);
  });

  it("takes other file names and another user", async () => {
    await s.exo(["dbaas", "user", "create", SERVICE, "app", ...Z, "-Q"]);
    const dir = tempDir();
    const absoluteKey = join(tempDir(), "client.key");
    const result = await download(dir, "--user", "app", "--ca-file", "root.pem", "--cert-file", "client.crt", "--key-file", absoluteKey);
    expect(result.stdout).toBe(`${dir}/root.pem\n${dir}/client.crt\n${absoluteKey}\n`);
    const appUser = (await s.service()).users!.find((u) => u.username === "app")!;
    expect(readFileSync(join(dir, "client.crt"), "utf8")).toBe(withNewline(appUser["access-cert"]!));
    expect(new X509Certificate(readFileSync(join(dir, "client.crt"))).subject).toContain("CN=app");
    expect(mode(absoluteKey)).toBe(0o600);
  });

  it("keeps an existing file unless --force, naming it, and writes nothing", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "avnadmin.key.pem"), "my own key\n", { mode: 0o644 });
    const refused = await download(dir);
    expect(refused).toEqual({ exitCode: 1, stdout: "", stderr: `error: ${dir}/avnadmin.key.pem already exists (use --force to overwrite it)\n` });
    expect(readdirSync(dir)).toEqual(["avnadmin.key.pem"]);
    expect(readFileSync(join(dir, "avnadmin.key.pem"), "utf8")).toBe("my own key\n");

    const forced = await download(dir, "--force");
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(join(dir, "avnadmin.key.pem"), "utf8")).toBe(withNewline(admin.key));
    expect(mode(join(dir, "avnadmin.key.pem"))).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(["avnadmin.cert.pem", "avnadmin.key.pem", "ca.pem"]);
  });

  it("accepts files that already hold the same credentials (a second download is a no-op)", async () => {
    const dir = tempDir();
    await download(dir);
    const before = statSync(join(dir, "avnadmin.key.pem")).ino;
    expect((await download(dir)).exitCode).toBe(0);
    expect(statSync(join(dir, "avnadmin.key.pem")).ino).toBe(before);
  });

  it("refuses a key that does not belong to the certificate, before writing anything", async () => {
    await s.exo(["dbaas", "user", "create", SERVICE, "keyowner", ...Z, "-Q"]);
    const otherKey = (await s.service()).users!.find((u) => u.username === "keyowner")!["access-key"]!;
    await cannedAdmin(admin.cert, otherKey);
    const dir = tempDir();
    const result = await download(dir);
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: 'error: the private key of user "avnadmin" does not match its certificate\n' });
    expect(readdirSync(dir)).toEqual([]);
    expect(result.stderr).not.toContain("PRIVATE KEY");
  });

  it("refuses a certificate from another CA", async () => {
    const foreignCa = await createCa("foreign-ca");
    const foreign = await issueClientCertificate(foreignCa.certPem, foreignCa.keyPem, "avnadmin");
    await cannedAdmin(foreign.certPem, foreign.keyPem);
    const dir = tempDir();
    expect(await download(dir)).toEqual({ exitCode: 1, stdout: "", stderr: `error: the certificate of user "avnadmin" is not signed by the service's CA\n` });
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ["empty CA", { ca: "" }, "error: the CA certificate is empty\n"],
    ["CA that is not PEM", { ca: "not a certificate" }, "error: the CA certificate is not valid PEM\n"],
    ["truncated certificate", { cert: "cut" }, 'error: the certificate of user "avnadmin" is not valid PEM\n'],
    ["malformed certificate body", { cert: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" }, 'error: the certificate of user "avnadmin" is not a valid X.509 certificate\n'],
    ["certificate where the key should be", { key: "CERT" }, 'error: the private key of user "avnadmin" is not a single unencrypted private key\n'],
  ] as [string, { ca?: string; cert?: string; key?: string }, string][])("refuses a %s and writes nothing", async (_name, bad, stderr) => {
    if (bad.ca !== undefined) s.emulator.canned({ method: "GET", path: "/dbaas-ca-certificate", status: 200, body: { certificate: bad.ca } });
    if (bad.cert !== undefined || bad.key !== undefined) await cannedAdmin(bad.cert ?? admin.cert, bad.key === "CERT" ? admin.cert : (bad.key ?? admin.key));
    const dir = tempDir();
    expect(await download(dir)).toEqual({ exitCode: 1, stdout: "", stderr });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses an unknown user and a bad --user before writing", async () => {
    const dir = tempDir();
    expect(await download(dir, "--user", "ghost")).toEqual({ exitCode: 1, stdout: "", stderr: 'error: user "ghost" not found for service "test-kafka"\n' });
    s.emulator.clearRequests();
    expect((await download(dir, "--user", "../etc")).exitCode).toBe(1);
    expect(s.apiRequests()).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("credentials check", () => {
  let daysLeft: number;
  let expiry: string;
  beforeAll(() => {
    const notAfter = new Date(new X509Certificate(admin.cert).validTo);
    daysLeft = Math.floor((notAfter.getTime() - Date.now()) / 86_400_000);
    expiry = notAfter.toISOString().replace(/\.\d{3}Z$/, "Z");
  });
  const check = (...flags: string[]) => s.exo(["dbaas", "credentials", "check", SERVICE, ...Z, ...flags]);

  it("prints the expiry and days left when it is further than --min-days", async () => {
    expect(daysLeft).toBeGreaterThan(700);
    expect(await check("--min-days", "30")).toEqual({ exitCode: 0, stdout: `${expiry} (${daysLeft} days left)\n`, stderr: "" });
    expect(await check("--min-days", String(daysLeft))).toMatchObject({ exitCode: 0 });
    expect(JSON.parse((await check("--min-days", "7", "-O", "json")).stdout)).toEqual({ username: "avnadmin", expires_at: expiry, days_left: daysLeft, min_days: 7 });
    expect((await check("--output-template", "{{.DaysLeft}}")).stdout).toBe(String(daysLeft));
  });

  it("exits 4 with the expiry on stderr when it expires within --min-days", async () => {
    expect(await check("--min-days", String(daysLeft + 1))).toEqual({
      exitCode: 4,
      stdout: "",
      stderr: `error: the certificate of user "avnadmin" expires within ${daysLeft + 1} days: ${expiry} (${daysLeft} days left)\n`,
    });
    expect((await check("--min-days", "5000", "-O", "json")).exitCode).toBe(4);
  });

  it("checks another user and refuses bad input before any request", async () => {
    await s.exo(["dbaas", "user", "create", SERVICE, "checked", ...Z, "-Q"]);
    expect((await check("--user", "checked", "--min-days", "1")).stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(\d+ days left\)\n$/);
    s.emulator.clearRequests();
    expect(await check("--min-days", "-1")).toEqual({ exitCode: 1, stdout: "", stderr: "error: invalid --min-days -1: must be 0 or more\n" });
    expect((await check("--min-days", "soon")).exitCode).toBe(1);
    expect(s.apiRequests()).toEqual([]);
  });
});

describe("credentials download: all or nothing", () => {
  const OLD = ["old ca\n", "old cert\n", "old key\n"];
  const NAMES = ["ca.pem", "avnadmin.cert.pem", "avnadmin.key.pem"];
  const withOldSet = () => {
    const dir = tempDir();
    NAMES.forEach((n, i) => writeFileSync(join(dir, n), OLD[i]!));
    return { dir, contents: () => NAMES.map((n) => readFileSync(join(dir, n), "utf8")) };
  };

  it("a template failing on the data fails before any request, nothing written", async () => {
    const dir = tempDir();
    const result = await download(dir, "--output-template", "{{.CA.Missing}}");
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: .*Missing/);
    expect(result.stderr.split("\n")).toHaveLength(2);
    expect(s.apiRequests()).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(["--dir", "--ca-file", "--cert-file", "--key-file"])("refuses an empty %s before any request", async (flagName) => {
    const result = await s.exo(["dbaas", "credentials", "download", SERVICE, ...Z, flagName, ""], { cwd: tempDir() });
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: `error: ${flagName} must not be empty\n` });
    expect(s.apiRequests()).toEqual([]);
  });

  it("refuses a directory at a file's path and a parent that is a file, even with --force", async () => {
    const { dir, contents } = withOldSet();
    const keyDir = join(tempDir(), "key-is-a-dir");
    mkdirSync(keyDir);
    expect(await download(dir, "--force", "--key-file", keyDir)).toEqual({ exitCode: 1, stdout: "", stderr: `error: ${keyDir} is a directory\n` });
    writeFileSync(join(dir, "plain"), "");
    expect(await download(dir, "--force", "--key-file", "plain/app.key")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: `error: cannot write ${dir}/plain/app.key: ${dir}/plain is not a directory\n`,
    });
    expect(contents()).toEqual(OLD);
    expect(readdirSync(dir).sort()).toEqual([...NAMES, "plain"].sort());
  });

  it("an immutable old key (chattr +i): the new CA and certificate are taken back", async (ctx) => {
    const { dir, contents } = withOldSet();
    const undo = makeImmutable(join(dir, "avnadmin.key.pem"));
    if (!undo) return ctx.skip();
    try {
      const result = await download(dir, "--force");
      expect(result).toEqual({ exitCode: 1, stdout: "", stderr: `error: cannot put ${dir}/avnadmin.key.pem in place: operation not permitted\n` });
      expect(contents()).toEqual(OLD);
      expect(readdirSync(dir).sort()).toEqual([...NAMES].sort());
    } finally {
      undo();
    }
  });

  it("a key file in a read-only directory: nothing written anywhere", async (ctx) => {
    const { dir, contents } = withOldSet();
    const keyDir = tempDir();
    const undo = makeReadOnlyDir(keyDir);
    if (!undo) return ctx.skip();
    try {
      const result = await download(dir, "--force", "--key-file", join(keyDir, "app.key"));
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^error: cannot write ${keyDir}/app.key: (read-only file system|permission denied)\n$`));
      expect(result.stdout).toBe("");
      expect(contents()).toEqual(OLD);
      expect(readdirSync(dir).sort()).toEqual([...NAMES].sort());
    } finally {
      undo();
    }
    expect(readdirSync(keyDir)).toEqual([]);
  });

  it("a dangling symlink blocks only without --force, and is replaced as a link", async () => {
    const dir = tempDir();
    const target = join(tempDir(), "gone", "key.pem");
    symlinkSync(target, join(dir, "avnadmin.key.pem"));
    expect((await download(dir)).stderr).toBe(`error: ${dir}/avnadmin.key.pem already exists (use --force to overwrite it)\n`);
    expect(await download(dir, "--force")).toMatchObject({ exitCode: 0 });
    expect(lstatSync(join(dir, "avnadmin.key.pem")).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, "avnadmin.key.pem"), "utf8")).toBe(withNewline(admin.key));
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([...NAMES].sort());
  });
});
