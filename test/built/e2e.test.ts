// The built executable (dist/cli.cjs) as users run it, against the emulator over loopback.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ensureBuilt, ROOT, runBuilt } from "../helpers/built-cli.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { apiEnv } from "../helpers/run-cli.js";
import pkg from "../../package.json" with { type: "json" };

const run = promisify(execFile);

const exo = (args: string[], env: Record<string, string>) => runBuilt(args, { env });

let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  await ensureBuilt();
  emulator = await startEmulator({ port: 0, seed: true });
  env = apiEnv(emulator);
}, 120_000);
afterAll(() => emulator?.close());

describe("node dist/cli.cjs", () => {
  it("dbaas ca-certificate prints the emulator's CA exactly", async () => {
    const result = await exo(["dbaas", "ca-certificate"], env);
    expect(result).toEqual({ exitCode: 0, stdout: await emulator.caCertificatePem(), stderr: "" });
  });

  it("a wrong secret gives one clear auth error line, exit 1, empty stdout", async () => {
    const result = await exo(["dbaas", "ca-certificate"], { ...env, EXOSCALE_API_SECRET: "not-the-secret" });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: (Unauthorized|Forbidden): [^\n]+\n$/);
    expect(result.stderr).not.toContain("not-the-secret");
  });

  it("trusts an HTTPS emulator through NODE_EXTRA_CA_CERTS (Node's own TLS)", async () => {
    const secure = await startEmulator({ https: true });
    try {
      const secureEnv = { EXOSCALE_API_KEY: secure.apiKey, EXOSCALE_API_SECRET: secure.apiSecret, EXOSCALE_API_ENDPOINT: secure.url };
      const untrusted = await exo(["dbaas", "ca-certificate"], secureEnv);
      expect(untrusted.exitCode).toBe(1);
      expect(untrusted.stderr).toMatch(/^error: TLS handshake failed: /);
      const trusted = await exo(["dbaas", "ca-certificate"], { ...secureEnv, NODE_EXTRA_CA_CERTS: secure.tlsCaPath! });
      expect(trusted).toEqual({ exitCode: 0, stdout: await secure.caCertificatePem(), stderr: "" });
    } finally {
      await secure.close();
    }
  });

  it("runs an account's secretCommand (child_process is loaded on first use in the bundle)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "exo-secret-command-"));
    try {
      const config = join(dir, "exoscale.toml");
      writeFileSync(
        config,
        [
          'defaultAccount = "emu"',
          "[[accounts]]",
          'name = "emu"',
          `key = "${emulator.apiKey}"`,
          `secretCommand = ["${process.execPath}", "-e", "process.stdout.write(process.argv[1])", "${emulator.apiSecret}"]`,
          `endpoint = "${emulator.url}"`,
        ].join("\n"),
      );
      const result = await exo(["-C", config, "dbaas", "ca-certificate"], {});
      expect(result).toEqual({ exitCode: 0, stdout: await emulator.caCertificatePem(), stderr: "" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // script(1) gives the CLI a pseudo-terminal: the terminal checks are isatty(), not stream properties
  it.skipIf(!existsSync("/usr/bin/script"))("on a terminal, tables use box characters; piped, ASCII", async () => {
    const command = `"${process.execPath}" "${CLI}" dbaas type list`;
    const { stdout: onTerminal } = await run("/usr/bin/script", ["-qec", command, "/dev/null"], { env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent-home", ...env } });
    expect(onTerminal).toContain("│ NAME  │ AVAILABLE VERSIONS │");
    const piped = await exo(["dbaas", "type", "list"], env);
    expect(piped.stdout.split("\n")[0]).toBe("| NAME  | AVAILABLE VERSIONS | DEFAULT VERSION |");
  });

  it.skipIf(!existsSync("/usr/bin/script"))("delete asks on a terminal (answered no: nothing deleted) and refuses a piped stdin", async () => {
    const sh = (stdinFromPipe: boolean) =>
      new Promise<string>((resolve, reject) => {
        const cli = `"${process.execPath}" "${CLI}" dbaas delete test-kafka -z de-muc-1`;
        const command = `${stdinFromPipe ? "printf 'n\\n' | " : ""}${cli}; echo "exit=$?"`;
        const child = execFile("/usr/bin/script", ["-qec", command, "/dev/null"], { env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent-home", ...env } }, (error, stdout) =>
          error ? reject(error) : resolve(stdout),
        );
        child.stdin!.end("n\n"); // typed at the terminal
      });
    const before = emulator.requests().filter((r) => r.method === "DELETE").length;
    const asked = await sh(false);
    expect(asked).toContain('Are you sure you want to delete Database Service "test-kafka"? [yN]: ');
    expect(asked).toContain("exit=0");
    const refused = await sh(true);
    expect(refused).toContain("stdin is not a terminal");
    expect(refused).toContain("exit=1");
    expect(emulator.requests().filter((r) => r.method === "DELETE").length).toBe(before);
  });

  it("exo version and exo --version name the commit the build was made from", async () => {
    const result = await exo(["version"], {});
    const commit = /^exo-dbaas \S+ \(([0-9a-f]{7,})\), compatible with exo 1\.97\.0\n$/.exec(result.stdout)?.[1] ?? "";
    // a commit of this repository (the build may predate the latest one)
    expect(execFileSync("git", ["rev-parse", "--verify", "--quiet", `${commit}^{commit}`], { cwd: ROOT, encoding: "utf8" })).toMatch(/^[0-9a-f]{40}\n$/);
    expect(result).toEqual({ exitCode: 0, stdout: `exo-dbaas ${pkg.version} (${commit}), compatible with exo 1.97.0\n`, stderr: "" });
    expect(await exo(["--version"], {})).toEqual(result);
    expect(JSON.parse((await exo(["version", "-O", "json"], {})).stdout)).toEqual({ name: "exo-dbaas", version: pkg.version, commit, exo: "1.97.0" });
  });
});
