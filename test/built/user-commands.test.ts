// The built executable (dist/cli.cjs) as a subprocess: file modes under umask 000, exit code 4.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runBuilt } from "../helpers/built-cli.js";
import { openSession, SERVICE, ZONE, type Session } from "../helpers/session.js";
import { tempDir } from "../helpers/temp-dir.js";

/** Runs `umask <mask>; node dist/cli.cjs ARGS` in a shell. */
const exo = (args: string[], umask: string, env: Record<string, string>) => runBuilt(args, { env, umask });

let s: Session;
beforeAll(async () => {
  await ensureBuilt();
  s = await openSession();
}, 180_000);
afterAll(() => s?.emulator.close());

describe("node dist/cli.cjs", () => {
  it("credentials download under umask 000 still writes 0600 files", async () => {
    const dir = tempDir();
    const result = await exo(["dbaas", "credentials", "download", SERVICE, "-z", ZONE, "--dir", dir], "000", s.env);
    expect(result).toEqual({ exitCode: 0, stdout: `${dir}/ca.pem\n${dir}/avnadmin.cert.pem\n${dir}/avnadmin.key.pem\n`, stderr: "" });
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
  });

  it("credentials check exits 4 with an empty stdout when the threshold is beyond the expiry", async () => {
    const ok = await exo(["dbaas", "credentials", "check", SERVICE, "-z", ZONE, "--min-days", "1"], "022", s.env);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(\d+ days left\)\n$/);
    const soon = await exo(["dbaas", "credentials", "check", SERVICE, "-z", ZONE, "--min-days", "100000"], "022", s.env);
    expect(soon).toEqual({ exitCode: 4, stdout: "", stderr: expect.stringMatching(/^error: the certificate of user "avnadmin" expires within 100000 days: /) });
  });

  it("user list and acl list load their lazily bundled commands", async () => {
    expect((await exo(["dbaas", "user", "list", SERVICE, "-z", ZONE, "-O", "json"], "022", s.env)).stdout).toBe('[{"username":"avnadmin","type":"primary"}]\n');
    expect((await exo(["dbaas", "acl", "list", SERVICE, "-z", ZONE, "--output-template", "{{.Kind}}"], "022", s.env)).stdout).toBe("topic\n");
  });
});
