// Credentials files are private from their creation and replaced atomically: a reader never sees a
// world-readable or half-written key, checked with stat on the files themselves.
import { linkSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitStagedFile, stagePrivateFile } from "../../../src/kafka/credentials/private-file.js";
import { openSession, SERVICE, tempDir, ZONE, type Session } from "./harness.js";

let s: Session;
beforeAll(async () => {
  s = await openSession();
});
afterAll(() => s.emulator.close());

const mode = (path: string) => statSync(path).mode & 0o777;

describe("private files", () => {
  it("the temporary file is already 0600 under umask 000, before it is moved into place", async () => {
    const previous = process.umask(0o000);
    try {
      const dir = tempDir();
      const staged = await stagePrivateFile(join(dir, "app.key.pem"), "secret\n");
      expect(readdirSync(dir)).toEqual([staged.tempPath.slice(dir.length + 1)]);
      expect(mode(staged.tempPath)).toBe(0o600);
      expect(readFileSync(staged.tempPath, "utf8")).toBe("secret\n");
      await commitStagedFile(staged, false);
      expect(readdirSync(dir)).toEqual(["app.key.pem"]);
      expect(mode(join(dir, "app.key.pem"))).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });

  it("--force replaces a file by renaming over it, never rewriting it in place", async () => {
    const dir = tempDir();
    const key = join(dir, "avnadmin.key.pem");
    writeFileSync(key, "old key\n", { mode: 0o644 });
    const before = statSync(key).ino;
    // a second name for the old file: an in-place rewrite would show through it
    const keep = join(tempDir(), "old-key-link");
    linkSync(key, keep);

    const result = await s.exo(["dbaas", "credentials", "download", SERVICE, "-z", ZONE, "--dir", dir, "--force"]);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(keep, "utf8")).toBe("old key\n");
    expect(statSync(key).ino).not.toBe(before);
    expect(readFileSync(key, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(mode(key)).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(["avnadmin.cert.pem", "avnadmin.key.pem", "ca.pem"]);
  });
});
