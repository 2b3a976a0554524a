// exo dbaas user rotate NAME OLD NEW: NEW's verified files are on disk before OLD is deleted, and a
// rotation stopped at any point leaves a usable user and completes when run again.
import { X509Certificate, createPrivateKey, createPublicKey } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeImmutable, makeReadOnlyDir } from "../../../helpers/obstacles.js";
import { openSession, SERVICE, ZONE, type Session } from "../../../helpers/session.js";
import { tempDir } from "../../../helpers/temp-dir.js";

let s: Session;
beforeAll(async () => {
  s = await openSession();
});
afterAll(() => s.emulator.close());
beforeEach(() => {
  s.emulator.clearRequests();
  s.emulator.faults.clear();
});

const Z = ["-z", ZONE];
const rotate = (oldUser: string, newUser: string, dir: string, ...flags: string[]) => s.exo(["dbaas", "user", "rotate", SERVICE, oldUser, newUser, ...Z, "--dir", dir, ...flags]);
const createUser = (name: string) => s.exo(["dbaas", "user", "create", SERVICE, name, ...Z, "-Q"]);

/** Checked with node:crypto directly: 0600 files, certificate of `user` signed by the CA, key matching. */
function assertValidFiles(dir: string, user: string): void {
  const paths = ["ca.pem", `${user}.cert.pem`, `${user}.key.pem`].map((n) => join(dir, n));
  for (const p of paths) expect(statSync(p).mode & 0o777).toBe(0o600);
  const [ca, cert, key] = paths.map((p) => readFileSync(p, "utf8"));
  const caCert = new X509Certificate(ca!);
  const userCert = new X509Certificate(cert!);
  expect(userCert.subject).toContain(`CN=${user}`);
  expect(userCert.verify(caCert.publicKey)).toBe(true);
  const spki = (k: ReturnType<typeof createPublicKey>) => k.export({ type: "spki", format: "der" });
  expect(spki(createPublicKey(createPrivateKey(key!)))).toEqual(spki(userCert.publicKey));
}

/** The DELETE of OLD (if any) came after NEW's files were last written. */
function assertDeletedAfterFiles(dir: string, newUser: string, oldUser: string): void {
  const del = s.emulator.requests().find((r) => r.method === "DELETE" && r.path.endsWith(`/user/${oldUser}`));
  if (!del) return;
  for (const n of ["ca.pem", `${newUser}.cert.pem`, `${newUser}.key.pem`]) {
    expect(statSync(join(dir, n)).mtimeMs).toBeLessThanOrEqual(Date.parse(del.time) + 1);
  }
}

describe("user rotate", () => {
  it("creates NEW, writes and verifies its files, then deletes OLD, printing each step", async () => {
    await createUser("app-v1");
    const dir = tempDir();
    s.emulator.clearRequests();
    const result = await rotate("app-v1", "app-v2", dir);
    expect(result).toEqual({
      exitCode: 0,
      stdout: `created user "app-v2"\nwrote ${dir}/ca.pem\nwrote ${dir}/app-v2.cert.pem\nwrote ${dir}/app-v2.key.pem\ndeleted user "app-v1"\n`,
      stderr: expect.stringMatching(/^✔ Creating DBaaS user "app-v2" \d+s\n✔ Deleting DBaaS user "app-v1" \d+s\n$/),
    });
    expect(s.mutations()).toEqual(["POST /v2/dbaas-kafka/test-kafka/user", "DELETE /v2/dbaas-kafka/test-kafka/user/app-v1"]);
    assertValidFiles(dir, "app-v2");
    assertDeletedAfterFiles(dir, "app-v2", "app-v1");
    const users = await s.usernames();
    expect(users).toContain("app-v2");
    expect(users).not.toContain("app-v1");
    expect(readdirSync(dir).sort()).toEqual(["app-v2.cert.pem", "app-v2.key.pem", "ca.pem"]);
  });

  it("run again when done, it changes nothing and says so; JSON lists the steps", async () => {
    const dir = tempDir();
    await createUser("json-v1");
    await rotate("json-v1", "json-v2", dir);
    s.emulator.clearRequests();
    const again = await rotate("json-v1", "json-v2", dir, "-O", "json");
    expect(again.exitCode).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      service: SERVICE,
      old_username: "json-v1",
      new_username: "json-v2",
      steps: [
        'user "json-v2" already exists',
        `kept ${dir}/ca.pem (already up to date)`,
        `kept ${dir}/json-v2.cert.pem (already up to date)`,
        `kept ${dir}/json-v2.key.pem (already up to date)`,
        'user "json-v1" already deleted',
      ],
      ca: `${dir}/ca.pem`,
      cert: `${dir}/json-v2.cert.pem`,
      key: `${dir}/json-v2.key.pem`,
    });
    expect(s.mutations()).toEqual([]);
  });

  it("crash after create (the next request fails): OLD stays, a re-run completes", async () => {
    await createUser("crash1-old");
    const dir = tempDir();
    s.emulator.faults.inject({ kind: "status", status: 403, pathPrefix: "/dbaas-ca-certificate" });
    const failed = await rotate("crash1-old", "crash1-new", dir);
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toBe("");
    expect(failed.stderr).toMatch(/\nerror: Forbidden/);
    expect(await s.usernames()).toEqual(expect.arrayContaining(["crash1-old", "crash1-new"]));
    expect(readdirSync(dir)).toEqual([]);

    s.emulator.clearRequests();
    const rerun = await rotate("crash1-old", "crash1-new", dir);
    expect(rerun.exitCode).toBe(0);
    expect(rerun.stdout).toBe(
      `user "crash1-new" already exists\nwrote ${dir}/ca.pem\nwrote ${dir}/crash1-new.cert.pem\nwrote ${dir}/crash1-new.key.pem\ndeleted user "crash1-old"\n`,
    );
    expect(s.mutations()).toEqual(["DELETE /v2/dbaas-kafka/test-kafka/user/crash1-old"]);
    assertValidFiles(dir, "crash1-new");
    assertDeletedAfterFiles(dir, "crash1-new", "crash1-old");
  });

  it("crash after download (the delete fails): OLD stays, NEW's files are valid, a re-run keeps them and deletes OLD", async () => {
    await createUser("crash2-old");
    const dir = tempDir();
    s.emulator.faults.inject({ kind: "status", status: 500, method: "DELETE", pathPrefix: "/dbaas-kafka/test-kafka/user/crash2-old", count: 10 });
    const failed = await rotate("crash2-old", "crash2-new", dir);
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toBe("");
    expect(await s.usernames()).toEqual(expect.arrayContaining(["crash2-old", "crash2-new"]));
    assertValidFiles(dir, "crash2-new");

    s.emulator.faults.clear();
    s.emulator.clearRequests();
    const rerun = await rotate("crash2-old", "crash2-new", dir);
    expect(rerun).toMatchObject({ exitCode: 0 });
    expect(rerun.stdout).toBe(
      `user "crash2-new" already exists\nkept ${dir}/ca.pem (already up to date)\nkept ${dir}/crash2-new.cert.pem (already up to date)\nkept ${dir}/crash2-new.key.pem (already up to date)\ndeleted user "crash2-old"\n`,
    );
    expect(await s.usernames()).not.toContain("crash2-old");
  });

  it("crash before the delete is confirmed (connection lost after the server deleted): NEW's files are there, a re-run finishes", async () => {
    await createUser("crash3-old");
    const dir = tempDir();
    s.emulator.faults.inject({ kind: "drop", when: "after", method: "DELETE", pathPrefix: "/dbaas-kafka/test-kafka/user/crash3-old" });
    const failed = await rotate("crash3-old", "crash3-new", dir);
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toBe("");
    assertValidFiles(dir, "crash3-new");
    assertDeletedAfterFiles(dir, "crash3-new", "crash3-old");
    expect(await s.usernames()).toContain("crash3-new");

    s.emulator.clearRequests();
    const rerun = await rotate("crash3-old", "crash3-new", dir);
    expect(rerun.exitCode).toBe(0);
    expect(rerun.stdout.split("\n").at(-2)).toBe('user "crash3-old" already deleted');
    expect(s.mutations()).toEqual([]);
  });

  it("never deletes OLD when a file for NEW holds something else, unless -f/--force; refuses before creating NEW", async () => {
    await createUser("conflict-old");
    const dir = tempDir();
    writeFileSync(join(dir, "conflict-new.cert.pem"), "someone else's certificate\n");
    const refused = await rotate("conflict-old", "conflict-new", dir);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(`error: ${dir}/conflict-new.cert.pem already exists (use --force to overwrite it)\n`);
    expect(readFileSync(join(dir, "conflict-new.cert.pem"), "utf8")).toBe("someone else's certificate\n");
    expect(existsSync(join(dir, "ca.pem"))).toBe(false);
    // refused before NEW is created: nothing is left behind
    expect(await s.usernames()).toContain("conflict-old");
    expect(await s.usernames()).not.toContain("conflict-new");

    const forced = await rotate("conflict-old", "conflict-new", dir, "-f");
    expect(forced.exitCode).toBe(0);
    assertValidFiles(dir, "conflict-new");
    expect(await s.usernames()).not.toContain("conflict-old");
  });

  it.each([
    [["same", "same"], "error: the old and new usernames must differ\n"],
    [["ghost-a", "ghost-b"], 'error: neither user "ghost-a" nor user "ghost-b" exists\n'],
    [["avnadmin", "admin2"], 'error: user "avnadmin" is the service\'s primary user and cannot be deleted\n'],
    [["ok", "bad name!"], expect.stringMatching(/^error: invalid username "bad name!": /)],
  ])("refuses %j without changing anything", async ([oldUser, newUser], stderr) => {
    const dir = tempDir();
    expect(await rotate(oldUser!, newUser!, dir)).toEqual({ exitCode: 1, stdout: "", stderr });
    expect(s.mutations()).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("user rotate: OLD's files", () => {
  const download = (user: string, dir: string) => s.exo(["dbaas", "credentials", "download", SERVICE, ...Z, "--user", user, "--dir", dir]);

  it("deletes OLD's certificate and key once OLD is deleted, and prints it", async () => {
    await createUser("files-v1");
    const dir = tempDir();
    expect((await download("files-v1", dir)).exitCode).toBe(0);
    const result = await rotate("files-v1", "files-v2", dir);
    expect(result.stdout).toBe(
      `created user "files-v2"\nkept ${dir}/ca.pem (already up to date)\nwrote ${dir}/files-v2.cert.pem\nwrote ${dir}/files-v2.key.pem\n` +
        `deleted user "files-v1"\nremoved ${dir}/files-v1.cert.pem\nremoved ${dir}/files-v1.key.pem\n`,
    );
    expect(result.exitCode).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["ca.pem", "files-v2.cert.pem", "files-v2.key.pem"]);
    assertValidFiles(dir, "files-v2");
  });

  it("--keep-old-files keeps them", async () => {
    await createUser("keep-v1");
    const dir = tempDir();
    await download("keep-v1", dir);
    const result = await rotate("keep-v1", "keep-v2", dir, "--keep-old-files");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain("removed");
    expect(readdirSync(dir).sort()).toEqual(["ca.pem", "keep-v1.cert.pem", "keep-v1.key.pem", "keep-v2.cert.pem", "keep-v2.key.pem"]);
  });

  it("leaves files at OLD's names that do not hold OLD's credentials, saying so", async () => {
    await createUser("other-v1");
    await createUser("someone");
    const dir = tempDir();
    const elsewhere = tempDir();
    await download("someone", elsewhere);
    // another user's valid certificate and key, under OLD's names
    writeFileSync(join(dir, "other-v1.cert.pem"), readFileSync(join(elsewhere, "someone.cert.pem")));
    writeFileSync(join(dir, "other-v1.key.pem"), readFileSync(join(elsewhere, "someone.key.pem")));
    const result = await rotate("other-v1", "other-v2", dir);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`left ${dir}/other-v1.cert.pem (not the credentials of user "other-v1")\nleft ${dir}/other-v1.key.pem (not the credentials of user "other-v1")\n`);
    expect(readFileSync(join(dir, "other-v1.key.pem"))).toEqual(readFileSync(join(elsewhere, "someone.key.pem")));
  });

  it("a template that fails on the steps fails before any change", async () => {
    await createUser("tpl-v1");
    const dir = tempDir();
    s.emulator.clearRequests();
    const result = await rotate("tpl-v1", "tpl-v2", dir, "--output-template", "{{index .Steps 20}}");
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: .*index out of range/);
    expect(s.mutations()).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses an empty --dir before any request", async () => {
    s.emulator.clearRequests();
    expect(await s.exo(["dbaas", "user", "rotate", SERVICE, "a-v1", "a-v2", ...Z, "--dir", ""])).toEqual({ exitCode: 1, stdout: "", stderr: "error: --dir must not be empty\n" });
    expect(s.apiRequests()).toEqual([]);
  });

  it.each(["a@b+c", "ANONYMOUS", ".v2"])("refuses NEW %j, a name the API would refuse, before any request", async (name) => {
    s.emulator.clearRequests();
    const result = await s.exo(["dbaas", "user", "rotate", SERVICE, "a-v1", name, ...Z, "--dir", tempDir()]);
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: expect.stringMatching(/^error: invalid username "[^"]+": [^\n]+\n$/) });
    expect(s.apiRequests()).toEqual([]);
  });
});

describe("user rotate checks what it can before creating NEW: a refusal leaves no new user", () => {
  it("a ca.pem from another CA is in the way too; one holding the service's CA is not", async () => {
    await createUser("cas-v1");
    const dir = tempDir();
    writeFileSync(join(dir, "ca.pem"), "not the CA\n");
    s.emulator.clearRequests();
    expect((await rotate("cas-v1", "cas-v2", dir)).stderr).toBe(`error: ${dir}/ca.pem already exists (use --force to overwrite it)\n`);
    expect(s.mutations()).toEqual([]);
    writeFileSync(join(dir, "ca.pem"), await s.emulator.caCertificatePem());
    const result = await rotate("cas-v1", "cas-v2", dir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(`kept ${dir}/ca.pem (already up to date)\n`);
  });

  it("a directory that cannot be written: refused before NEW is created", async (ctx) => {
    await createUser("ro-v1");
    const dir = tempDir();
    const undo = makeReadOnlyDir(dir);
    if (!undo) return ctx.skip();
    try {
      s.emulator.clearRequests();
      const result = await rotate("ro-v1", "ro-v2", dir);
      expect(result).toMatchObject({ exitCode: 1, stdout: "" });
      expect(result.stderr).toMatch(new RegExp(`^error: cannot write ${dir}/ca\\.pem: ${dir} is not writable \\((EACCES|EROFS)\\)\n$`));
      expect(s.mutations()).toEqual([]);
    } finally {
      undo();
    }
  });

  it("a --dir too long for kcat's reader with --client librdkafka: refused before NEW is created", async () => {
    await createUser("long-v1");
    const dir = join(tempDir(), "d".repeat(250), "e".repeat(250));
    s.emulator.clearRequests();
    const result = await rotate("long-v1", "long-v2", dir, "--client", "librdkafka");
    expect(result).toMatchObject({ exitCode: 1, stdout: "" });
    expect(result.stderr).toContain(`error: cannot write ssl.ca.location to ${dir}/long-v2.librdkafka.conf: kcat -F and librdkafka would not read it back as written`);
    expect(s.mutations()).toEqual([]);
  });

  it("-f is --force, as for credentials download, and the help says what it does", async () => {
    const help = await s.exo(["dbaas", "user", "rotate", "--help"]);
    expect(help.stdout).toMatch(/-f, --force +overwrite existing files/);
  });
});

describe("user rotate: removing OLD's files is all or nothing", () => {
  it("an immutable OLD key: both of OLD's files stay, the command fails with one line, a re-run finishes", async (ctx) => {
    await createUser("stuck-v1");
    const dir = tempDir();
    await s.exo(["dbaas", "credentials", "download", SERVICE, ...Z, "--user", "stuck-v1", "--dir", dir]);
    const oldCert = readFileSync(join(dir, "stuck-v1.cert.pem"), "utf8");
    const undo = makeImmutable(join(dir, "stuck-v1.key.pem"));
    if (!undo) return ctx.skip();
    try {
      const failed = await rotate("stuck-v1", "stuck-v2", dir);
      expect(failed).toMatchObject({ exitCode: 1, stdout: "" });
      expect(failed.stderr).toMatch(/\nerror: cannot remove .*stuck-v1\.key\.pem: operation not permitted\n$/);
      expect(readFileSync(join(dir, "stuck-v1.cert.pem"), "utf8")).toBe(oldCert);
      expect(readdirSync(dir).sort()).toEqual(["ca.pem", "stuck-v1.cert.pem", "stuck-v1.key.pem", "stuck-v2.cert.pem", "stuck-v2.key.pem"]);
    } finally {
      undo();
    }
    const rerun = await rotate("stuck-v1", "stuck-v2", dir);
    expect(rerun.exitCode).toBe(0);
    expect(rerun.stdout).toMatch(/user "stuck-v1" already deleted\nremoved .*stuck-v1\.cert\.pem\nremoved .*stuck-v1\.key\.pem\n$/);
    expect(readdirSync(dir).sort()).toEqual(["ca.pem", "stuck-v2.cert.pem", "stuck-v2.key.pem"]);
  });
});

describe("user rotate --client: OLD's configuration files", () => {
  const CLIENT = ["--client", "java,librdkafka,env"];
  const download = (user: string, dir: string, ...flags: string[]) => s.exo(["dbaas", "credentials", "download", SERVICE, ...Z, "--user", user, "--dir", dir, ...flags]);
  const ownFiles = (user: string) => [`${user}.cert.pem`, `${user}.key.pem`, `${user}.client.properties`, `${user}.keystore.p12`, `${user}.librdkafka.conf`, `${user}.env`];

  it("deletes OLD's certificate, key and configurations once OLD is deleted, keeping the shared trust store", async () => {
    await createUser("cfg-v1");
    const dir = tempDir();
    expect((await download("cfg-v1", dir, ...CLIENT)).exitCode).toBe(0);
    const trustStore = readFileSync(join(dir, "truststore.p12"));
    const result = await rotate("cfg-v1", "cfg-v2", dir, ...CLIENT);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        'created user "cfg-v2"',
        `kept ${dir}/ca.pem (already up to date)`,
        ...[`cfg-v2.cert.pem`, `cfg-v2.key.pem`, "cfg-v2.client.properties", "cfg-v2.keystore.p12"].map((n) => `wrote ${dir}/${n}`),
        `kept ${dir}/truststore.p12 (already up to date)`,
        ...["cfg-v2.librdkafka.conf", "cfg-v2.env"].map((n) => `wrote ${dir}/${n}`),
        'deleted user "cfg-v1"',
        ...ownFiles("cfg-v1").map((n) => `removed ${dir}/${n}`),
        "",
      ].join("\n"),
    );
    expect(readdirSync(dir).sort()).toEqual(["ca.pem", "truststore.p12", ...ownFiles("cfg-v2")].sort());
    expect(readFileSync(join(dir, "truststore.p12"))).toEqual(trustStore);
    assertValidFiles(dir, "cfg-v2");
    // the whole new set is in place: a second download keeps every file
    const again = await download("cfg-v2", dir, ...CLIENT);
    expect(again.exitCode, again.stderr).toBe(0);
  });

  it("without --client, OLD's configurations are not touched; --keep-old-files keeps them all", async () => {
    await createUser("cfgk-v1");
    const dir = tempDir();
    await download("cfgk-v1", dir, ...CLIENT);
    const plain = await rotate("cfgk-v1", "cfgk-v2", dir);
    expect(plain.exitCode).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["ca.pem", "truststore.p12", ...ownFiles("cfgk-v1").slice(2), "cfgk-v2.cert.pem", "cfgk-v2.key.pem"].sort());

    await createUser("cfgk-v3");
    const kept = tempDir();
    await download("cfgk-v3", kept, ...CLIENT);
    expect((await rotate("cfgk-v3", "cfgk-v4", kept, ...CLIENT, "--keep-old-files")).stdout).not.toContain("removed");
    expect(readdirSync(kept).sort()).toEqual(["ca.pem", "truststore.p12", ...ownFiles("cfgk-v3"), ...ownFiles("cfgk-v4")].sort());
  });

  it("leaves configuration files at OLD's names that it did not write for OLD, and removes the others", async () => {
    await createUser("cfgo-v1");
    await createUser("cfgo-other");
    const dir = tempDir();
    await download("cfgo-v1", dir, ...CLIENT);
    const elsewhere = tempDir();
    await download("cfgo-other", elsewhere, ...CLIENT);
    writeFileSync(join(dir, "cfgo-v1.env"), "KAFKA_SSL_CERTFILE=mine\n");
    // another user's key store and configuration under OLD's names
    writeFileSync(join(dir, "cfgo-v1.keystore.p12"), readFileSync(join(elsewhere, "cfgo-other.keystore.p12")));
    writeFileSync(join(dir, "cfgo-v1.librdkafka.conf"), readFileSync(join(elsewhere, "cfgo-other.librdkafka.conf")));
    const result = await rotate("cfgo-v1", "cfgo-v2", dir, ...CLIENT);
    expect(result.exitCode, result.stderr).toBe(0);
    const left = (n: string) => `left ${dir}/${n} (not the credentials of user "cfgo-v1")`;
    expect(result.stdout).toContain(
      [`removed ${dir}/cfgo-v1.cert.pem`, `removed ${dir}/cfgo-v1.key.pem`, `removed ${dir}/cfgo-v1.client.properties`, left("cfgo-v1.keystore.p12"), left("cfgo-v1.librdkafka.conf"), left("cfgo-v1.env")].join("\n"),
    );
    expect(readFileSync(join(dir, "cfgo-v1.env"), "utf8")).toBe("KAFKA_SSL_CERTFILE=mine\n");
    expect(readdirSync(dir).sort()).toEqual(["ca.pem", "truststore.p12", "cfgo-v1.keystore.p12", "cfgo-v1.librdkafka.conf", "cfgo-v1.env", ...ownFiles("cfgo-v2")].sort());
  });

  it.each([
    [["--client", "jva"], 'invalid --client "jva"'],
    [["--auth", "sasl"], "--auth applies to the client configurations: give --client too"],
  ])("refuses %j before any request", async (flags, message) => {
    const dir = tempDir();
    const result = await rotate("cfgr-v1", "cfgr-v2", dir, ...flags);
    expect(result).toMatchObject({ exitCode: 1, stdout: "" });
    expect(result.stderr).toContain(message);
    expect(s.apiRequests()).toEqual([]);
  });

  it("refuses SASL configurations on a service without SASL before any change: NEW is not created", async () => {
    await createUser("cfgn-v1");
    s.emulator.clearRequests();
    const dir = tempDir();
    const result = await rotate("cfgn-v1", "cfgn-v2", dir, "--client", "env", "--auth", "sasl");
    expect(result).toMatchObject({ exitCode: 1, stdout: "" });
    expect(result.stderr).toContain(`SASL authentication is not enabled on service "${SERVICE}"`);
    expect(s.mutations()).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("an immutable OLD.env: every one of OLD's files stays (one removal), a re-run removes them all", async (ctx) => {
    await createUser("cfgs-v1");
    const dir = tempDir();
    await download("cfgs-v1", dir, ...CLIENT);
    const before = ownFiles("cfgs-v1").map((n) => readFileSync(join(dir, n)));
    const undo = makeImmutable(join(dir, "cfgs-v1.env"));
    if (!undo) return ctx.skip();
    try {
      const failed = await rotate("cfgs-v1", "cfgs-v2", dir, ...CLIENT);
      expect(failed).toMatchObject({ exitCode: 1, stdout: "" });
      expect(failed.stderr).toMatch(/\nerror: cannot remove .*cfgs-v1\.env: operation not permitted\n$/);
      expect(ownFiles("cfgs-v1").map((n) => readFileSync(join(dir, n)))).toEqual(before);
      expect(readdirSync(dir).sort()).toEqual(["ca.pem", "truststore.p12", ...ownFiles("cfgs-v1"), ...ownFiles("cfgs-v2")].sort());
    } finally {
      undo();
    }
    const rerun = await rotate("cfgs-v1", "cfgs-v2", dir, ...CLIENT);
    expect(rerun.exitCode, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`user "cfgs-v1" already deleted\n${ownFiles("cfgs-v1").map((n) => `removed ${dir}/${n}\n`).join("")}`);
    expect(readdirSync(dir).sort()).toEqual(["ca.pem", "truststore.p12", ...ownFiles("cfgs-v2")].sort());
  });
});
