// src/kafka/credentials on its own: PEM checks, no-clobber 0600 files, symlinks, expiry arithmetic.
import { X509Certificate, generateKeyPairSync } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createCa, issueClientCertificate, type IssuedCertificate } from "../../src/emulator/pki.js";
import {
  CredentialsError,
  FileExistsError,
  FileSetError,
  certificateExpiry,
  credentialsFiles,
  installCredentials,
  verifyCredentials,
  writePrivateFile,
} from "../../src/kafka/credentials/index.js";
import { tempDir } from "../helpers/temp-dir.js";

let ca: IssuedCertificate;
let otherCa: IssuedCertificate;
let user: IssuedCertificate;
beforeAll(async () => {
  [ca, otherCa] = await Promise.all([createCa("project-ca"), createCa("other-ca")]);
  user = await issueClientCertificate(ca.certPem, ca.keyPem, "app");
});

describe("verifyCredentials", () => {
  it("accepts a certificate signed by the CA with its own key, and reports its expiry", () => {
    const verified = verifyCredentials({ ca: ca.certPem, cert: user.certPem, key: user.keyPem }, "user app");
    expect(verified.expiresAt.getTime()).toBe(Math.floor(user.notAfter.getTime() / 1000) * 1000);
  });

  it("accepts a CA file holding several certificates when one issued the certificate", () => {
    expect(() => verifyCredentials({ ca: otherCa.certPem + ca.certPem, cert: user.certPem, key: user.keyPem }, "user app")).not.toThrow();
  });

  it.each([
    ["a CA that did not sign it", () => ({ ca: otherCa.certPem, cert: user.certPem, key: user.keyPem }), "the certificate of user app is not signed by the service's CA"],
    ["the CA's key instead of the user's", () => ({ ca: ca.certPem, cert: user.certPem, key: ca.keyPem }), "the private key of user app does not match its certificate"],
    ["two certificates", () => ({ ca: ca.certPem, cert: user.certPem + user.certPem, key: user.keyPem }), "the certificate of user app holds 2 certificates, expected 1"],
    ["text around the PEM", () => ({ ca: ca.certPem, cert: `junk\n${user.certPem}`, key: user.keyPem }), "the certificate of user app is not valid PEM"],
    [
      "an encrypted key",
      () => ({
        ca: ca.certPem,
        cert: user.certPem,
        key: generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "x" }) as string,
      }),
      "the private key of user app is not a single unencrypted private key",
    ],
  ])("refuses %s", (_name, input, message) => {
    expect(() => verifyCredentials(input(), "user app")).toThrow(new CredentialsError(message));
  });

  it("never quotes key material in its messages", () => {
    try {
      verifyCredentials({ ca: ca.certPem, cert: user.certPem, key: user.keyPem.replace("MII", "XXX") }, "user app");
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toMatch(/BEGIN|MII|XXX/);
    }
  });
});

describe("private files", () => {
  it("refuses to replace an existing file without overwrite, leaving no temporary file", async () => {
    const dir = tempDir();
    const path = join(dir, "key.pem");
    writeFileSync(path, "mine");
    await expect(writePrivateFile(path, "secret", false)).rejects.toThrow(FileExistsError);
    expect(readFileSync(path, "utf8")).toBe("mine");
    expect(readdirSync(dir)).toEqual(["key.pem"]);
    await writePrivateFile(path, "secret", true);
    expect(readFileSync(path, "utf8")).toBe("secret");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["key.pem"]);
  });

  it("does not follow a symlink planted at the destination", async () => {
    const dir = tempDir();
    const target = join(tempDir(), "victim");
    writeFileSync(target, "untouched");
    const path = join(dir, "app.key.pem");
    symlinkSync(target, path);
    await expect(writePrivateFile(path, "secret", false)).rejects.toThrow(FileExistsError);
    expect(readlinkSync(path)).toBe(target);
    await writePrivateFile(path, "secret", true);
    expect(lstatSync(path).isSymbolicLink()).toBe(false);
    expect(readFileSync(target, "utf8")).toBe("untouched");
  });

  it("installCredentials writes only what is missing and refuses three names for two files", async () => {
    const dir = tempDir();
    const verified = verifyCredentials({ ca: ca.certPem, cert: user.certPem, key: user.keyPem }, "user app");
    const files = credentialsFiles(dir, "app");
    writeFileSync(files.ca.absolute, ca.certPem);
    expect(await installCredentials(files, verified, false)).toEqual({ written: ["cert", "key"], kept: ["ca"], entriesWritten: [], entriesKept: [] });
    expect(await installCredentials(files, verified, false)).toEqual({ written: [], kept: ["ca", "cert", "key"], entriesWritten: [], entriesKept: [] });
    const clash = credentialsFiles(dir, "app", { certFile: "same.pem", keyFile: "same.pem" });
    await expect(installCredentials(clash, verified, true)).rejects.toThrow("the CA, certificate and key files must be three different files");
  });
});

describe("installCredentials with extra entries (client configurations)", () => {
  const EXTRA = ["app.client.properties", "app.keystore.p12", "truststore.p12", "app.env"];
  function oldSet() {
    const dir = tempDir();
    const files = credentialsFiles(dir, "app");
    const names = ["ca.pem", "app.cert.pem", "app.key.pem", ...EXTRA];
    names.forEach((n) => writeFileSync(join(dir, n), `old ${n}\n`));
    const extra = EXTRA.map((n, i) => ({ path: join(dir, n), display: n, contents: i === 1 ? new Uint8Array([0, 1, 2]) : `new ${n}\n`, mode: 0o600 }));
    const contents = () => names.map((n) => readFileSync(join(dir, n), "utf8"));
    return { dir, files, extra, names, contents, old: names.map((n) => `old ${n}\n`) };
  }

  it("writes the PEMs and the extras as one set, keeps extras already holding their bytes, names a changed one", async () => {
    const verified = verifyCredentials({ ca: ca.certPem, cert: user.certPem, key: user.keyPem }, "user app");
    const { dir, files, extra } = oldSet();
    rmSync(join(dir, "truststore.p12"));
    await expect(installCredentials(files, verified, false, {}, extra)).rejects.toThrow(FileExistsError);
    expect(readdirSync(dir)).not.toContain("truststore.p12");
    const first = await installCredentials(files, verified, true, {}, extra);
    expect(first).toEqual({ written: ["ca", "cert", "key"], kept: [], entriesWritten: EXTRA, entriesKept: [] });
    expect(readFileSync(join(dir, "app.keystore.p12"))).toEqual(Buffer.from([0, 1, 2]));
    writeFileSync(join(dir, "app.env"), "edited\n");
    await expect(installCredentials(files, verified, false, {}, extra)).rejects.toThrow(`app.env already exists`);
    expect(await installCredentials(files, verified, true, {}, extra)).toEqual({ written: [], kept: ["ca", "cert", "key"], entriesWritten: ["app.env"], entriesKept: EXTRA.slice(0, 3) });
  });

  it("refuses an extra at a PEM's path (or twice) before writing anything", async () => {
    const verified = verifyCredentials({ ca: ca.certPem, cert: user.certPem, key: user.keyPem }, "user app");
    const { files, extra, contents, old } = oldSet();
    const clash = [...extra, { ...extra[0]!, path: files.key.absolute, display: "the key" }];
    await expect(installCredentials(files, verified, true, {}, clash)).rejects.toThrow("the key would be written twice: choose other file names");
    await expect(installCredentials(files, verified, true, {}, [...extra, extra[3]!])).rejects.toThrow("app.env would be written twice");
    expect(contents()).toEqual(old);
  });

  it.each([
    ["the last extra", "app.env"],
    ["an extra between others", "app.keystore.p12"],
  ])("a move failing at %s (a directory put there before the commit): every one of the seven old files is back", async (_name, blocked) => {
    const verified = verifyCredentials({ ca: ca.certPem, cert: user.certPem, key: user.keyPem }, "user app");
    const { dir, files, extra, names, old } = oldSet();
    const error = await installCredentials(files, verified, true, {
      async beforeStep(step) {
        if (step !== "commit") return;
        rmSync(join(dir, blocked));
        mkdirSync(join(dir, blocked));
      },
    }, extra).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileSetError);
    expect((error as Error).message).toBe(`${blocked} is a directory`);
    expect(statSync(join(dir, blocked)).isDirectory()).toBe(true);
    expect(names.filter((n) => n !== blocked).map((n) => readFileSync(join(dir, n), "utf8"))).toEqual(old.filter((_, i) => names[i] !== blocked));
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
  });
});

describe("certificateExpiry", () => {
  it("counts whole days and flags expiry within the threshold", () => {
    const cert = new X509Certificate(user.certPem);
    const notAfter = new Date(cert.validTo);
    const tenDaysBefore = new Date(notAfter.getTime() - 10 * 86_400_000 - 1000);
    expect(certificateExpiry(cert, 10, tenDaysBefore)).toEqual({ expiresAt: notAfter, daysLeft: 10, expiresSoon: false });
    expect(certificateExpiry(cert, 11, tenDaysBefore).expiresSoon).toBe(true);
    const after = new Date(notAfter.getTime() + 1000);
    expect(certificateExpiry(cert, 0, after)).toMatchObject({ daysLeft: -1, expiresSoon: true });
  });
});
