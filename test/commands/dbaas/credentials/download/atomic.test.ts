// Credentials files are private from their creation and replaced atomically: a reader never sees a
// world-readable or half-written key, checked with stat on the files themselves.
import { linkSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSet } from "../../../../../src/kafka/credentials/file-set.js";
import { openSession, SERVICE, ZONE, type Session } from "../../../../helpers/session.js";
import { tempDir } from "../../../../helpers/temp-dir.js";

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
      let seen = 0;
      await writeFileSet([{ path: join(dir, "app.key.pem"), contents: "secret\n", mode: 0o600 }], {
        async beforeStep(step) {
          if (step !== "commit") return;
          const [temp, ...others] = readdirSync(dir);
          expect(others).toEqual([]);
          expect(temp).toMatch(/^\.app\.key\.pem\.[0-9a-f]{12}\.tmp$/);
          expect(mode(join(dir, temp!))).toBe(0o600);
          expect(readFileSync(join(dir, temp!), "utf8")).toBe("secret\n");
          seen++;
        },
      });
      expect(seen).toBe(1);
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
