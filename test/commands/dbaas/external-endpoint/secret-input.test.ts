// Secrets from --…-file PATH and from stdin (-): refused as their flag is when empty, refused with a
// control character (so is the plain flag), at most 64 KiB (an endless /dev/zero included); nothing
// is sent. The signals that end a read from a FIFO or a terminal: test/built/secret-input-signals.test.ts.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../../helpers/temp-dir.js";
import { useEndpointSession } from "../../../helpers/endpoint-session.js";

const s = useEndpointSession({ resetEach: false });
const ID = "3bd2a2a4-5f04-4a2b-8a56-8e2f8a5c1b27";
const dir = tempDir("exo-secret-input-");
const file = (name: string, contents: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, contents, { mode: 0o600 });
  return path;
};
const prometheus = (...flags: string[]) => ["dbaas", "external-endpoint", "update", "prometheus", ID, ...flags];
const datadog = (...flags: string[]) => ["dbaas", "external-endpoint", "create", "datadog", "dd", ...flags];

async function refused(argv: string[], line: string, input?: string[]) {
  s.emulator.clearRequests();
  const r = await s.exo(argv, input === undefined ? {} : { input });
  expect(r).toEqual({ exitCode: 1, stdout: "", stderr: `error: ${line}\n` });
  expect(s.apiRequests()).toEqual([]);
}

describe("an empty secret is refused as the empty flag is", () => {
  it("the flag", () => refused(prometheus("--prometheus-basic-auth-password", ""), "--prometheus-basic-auth-password: empty value"));
  it.each([
    ["an empty file", ""],
    ["a file of one line break", "\n"],
  ])("%s", (_, contents) => {
    const path = file("empty", contents);
    return refused(prometheus("--prometheus-basic-auth-password-file", path), `--prometheus-basic-auth-password-file "${path}": empty value`);
  });
  it("empty stdin", () => refused(datadog("--datadog-api-key-file", "-"), '--datadog-api-key-file "-": empty value', []));
  it("an empty key file", () => refused(["dbaas", "external-endpoint", "update", "rsyslog", ID, "--rsyslog-key-file", file("key", "")], `--rsyslog-key-file "${join(dir, "key")}": empty value`));
});

describe("a control character is refused", () => {
  it.each([
    ["a NUL", "pass\u0000word"],
    ["an escape sequence", "pass\u001b[2Jword"],
    ["a line break inside", "pass\nword"],
    ["a C1 control", "pass\u009bword"],
  ])("%s: in the flag, in a file and on stdin", async (_, secret) => {
    await refused(prometheus("--prometheus-basic-auth-password", secret), "invalid --prometheus-basic-auth-password: contains a control character");
    const path = file("ctl", `${secret}\n`);
    await refused(prometheus("--prometheus-basic-auth-password-file", path), `invalid --prometheus-basic-auth-password-file "${path}": contains a control character`);
    await refused(datadog("--datadog-api-key-file", "-"), 'invalid --datadog-api-key-file "-": contains a control character', [secret]);
  });

  it("in reset-credentials --password", async () => {
    s.emulator.clearRequests();
    const r = await s.exo(["dbaas", "user", "reset-credentials", "test-kafka", "avnadmin", "-z", "de-muc-1", "--password", "Passw0rd\u0007long"]);
    expect(r).toEqual({ exitCode: 1, stdout: "", stderr: "error: invalid --password: contains a control character\n" });
    expect(s.apiRequests()).toEqual([]);
  });
});

describe("at most 64 KiB", () => {
  it("64 KiB is read; one byte more is refused", async () => {
    const exact = file("exact", "k".repeat(64 * 1024));
    s.emulator.clearRequests();
    const r = await s.exo(datadog("--datadog-api-key-file", exact));
    expect(r.stderr).not.toMatch(/64 KiB/);
    const over = file("over", "k".repeat(64 * 1024 + 1));
    await refused(datadog("--datadog-api-key-file", over), `--datadog-api-key-file "${over}": larger than 64 KiB`);
  });

  it("an endless /dev/zero is refused after 64 KiB", () => refused(datadog("--datadog-api-key-file", "/dev/zero"), '--datadog-api-key-file "/dev/zero": larger than 64 KiB'));

  it("a file that is not UTF-8 is refused", async () => {
    const path = file("latin1", Buffer.from([0x70, 0xe9, 0x70]));
    await refused(datadog("--datadog-api-key-file", path), `--datadog-api-key-file "${path}": not UTF-8 text`);
  });

  it("a directory cannot be read", () => refused(datadog("--datadog-api-key-file", dir), `cannot read --datadog-api-key-file "${dir}": EISDIR`));
});
