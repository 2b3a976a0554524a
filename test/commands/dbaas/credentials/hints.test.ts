// Every command that credentials download, credentials check --connect and user rotate print as a hint
// runs as printed: split into words by sh (so quoting counts), run against the emulator in the same
// working directory, it succeeds, and the command that printed it then succeeds.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SERVICE, useSession, ZONE } from "../../../helpers/session.js";
import { tempDir } from "../../../helpers/temp-dir.js";

const s = useSession();

/** The words sh reads from `command` (which starts with exo), without the leading exo. */
function wordsOf(command: string): string[] {
  const words = execFileSync("sh", ["-c", `set -- ${command}; printf '%s\\0' "$@"`]).toString().split("\0").slice(0, -1);
  expect(words[0]).toBe("exo");
  return words.slice(1);
}

/** The command after `marker` in an error line, up to the closing parenthesis when `closing`. */
function hintIn(stderr: string, marker: string, closing = false): string {
  const line = stderr.split("\n").find((l) => l.includes(marker));
  expect(line, stderr).toBeDefined();
  const rest = line!.slice(line!.indexOf(marker) + marker.length);
  return closing ? rest.replace(/\)$/, "") : rest;
}

describe("the SASL-not-enabled hint runs as printed (it names the zone)", () => {
  // the check is not run again once SASL is on: it would look up the emulator's made-up host names
  const lines: [string, (dir: string) => string[], boolean][] = [
    ["credentials download --client env --auth sasl", (dir) => ["dbaas", "credentials", "download", SERVICE, "-z", ZONE, "--dir", dir, "--client", "env", "--auth", "sasl"], true],
    ["credentials check --connect --auth sasl", (dir) => ["dbaas", "credentials", "check", SERVICE, "-z", ZONE, "--connect", "--auth", "sasl", "--dir", dir], false],
    ["user rotate --client env --auth sasl", (dir) => ["dbaas", "user", "rotate", SERVICE, "app-v1", "app-v2", "-z", ZONE, "--dir", dir, "--client", "env", "--auth", "sasl"], true],
  ];
  it.each(lines)("%s", async (_, argv, rerun) => {
    const dir = tempDir();
    await s.exo(["dbaas", "user", "create", SERVICE, "app-v1", "-z", ZONE, "-Q"]);
    await s.exo(["dbaas", "credentials", "download", SERVICE, "-z", ZONE, "--dir", dir]);
    const refused = await s.exo(argv(dir), { cwd: dir });
    expect(refused.exitCode).toBe(1);
    const hint = hintIn(refused.stderr, "(enable it with: ", true);
    expect(hint).toBe(`exo dbaas update ${SERVICE} -z ${ZONE} --kafka-enable-sasl-auth true`);
    // run at a terminal, as a person would, answering the restart question
    const enabled = await s.exo(wordsOf(hint), { cwd: dir, terminal: true, input: ["y"] });
    expect(enabled.exitCode, enabled.stderr).toBe(0);
    expect((await s.service())["authentication-methods"]?.sasl).toBe(true);
    if (!rerun) return;
    const again = await s.exo(argv(dir), { cwd: dir });
    expect(again.exitCode, again.stderr).toBe(0);
  });
});

describe("check --connect's hint for a missing file runs as printed (zone, user and --dir as given, quoted)", () => {
  it.each([
    ["a plain --dir", "certs"],
    ["a --dir with a blank and a quote", "it's my certs"],
  ])("%s", async (_, dirName) => {
    const cwd = tempDir();
    mkdirSync(join(cwd, dirName));
    await s.exo(["dbaas", "user", "create", SERVICE, "app", "-z", ZONE, "-Q"]);
    const check = ["dbaas", "credentials", "check", SERVICE, "-z", ZONE, "--user", "app", "--connect", "--dir", dirName];
    const missing = await s.exo(check, { cwd });
    expect(missing.exitCode).toBe(1);
    const hint = hintIn(missing.stderr, "(ENOENT): write it with ");
    const written = await s.exo(wordsOf(hint), { cwd });
    expect(written.exitCode, written.stderr).toBe(0);
    for (const name of ["ca.pem", "app.cert.pem", "app.key.pem"]) expect(existsSync(join(cwd, dirName, name)), name).toBe(true);
    // (the check itself is not run again: it would look up the emulator's made-up host names)
  });
});
