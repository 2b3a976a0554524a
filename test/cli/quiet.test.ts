// -Q only silences non-essential output: every read command prints the same stdout with it, in
// every output format, on a terminal or piped, and nothing on stderr.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { apiEnv, runCli } from "../helpers/run-cli.js";
import { useCannedEmulator } from "../helpers/session.js";
import type { ApiClient } from "../../src/api/client.js";
import { registeredLeaves } from "../helpers/commands.js";
import { COMMAND_CASES, MISSING_CASE, registeredApiCommands, setupClient } from "../faults/commands.js";

/** the API commands that change nothing (the dbaas kafka ones read a real broker's answers: test/broker/) */
const REGISTERED_READS = (await registeredLeaves()).filter((leaf) => !leaf.definition.changeCheck && registeredApiCommands().includes(leaf.path.join(" "))).map((leaf) => leaf.path.join(" "));

const t = useCannedEmulator();
const SHOW = ["dbaas", "show", "test-kafka", "-z", "de-muc-1"];

const COMMANDS: string[][] = [
  SHOW,
  [...SHOW, "--uri"],
  [...SHOW, "--settings", "kafka"],
  [...SHOW, "--backups"],
  [...SHOW, "--notifications"],
  ["dbaas", "list", "-z", "de-muc-1"],
  ["dbaas", "type", "list"],
  ["dbaas", "type", "show", "kafka"],
  ["dbaas", "type", "show", "kafka", "--plans"],
  ["dbaas", "type", "show", "kafka", "--settings", "kafka"],
  ["dbaas", "type", "show", "kafka", "--backup-config", "startup-2"],
  ["dbaas", "ca-certificate"],
];
// Pointers print as addresses (`{{.}}`, `-O text`), which differ from run to run, as in Go.
const stable = (r: { exitCode: number; stdout: string; stderr: string }) => ({ ...r, stdout: r.stdout.replace(/0x[0-9a-f]+/g, "0xADDR") });
const FORMATS: string[][] = [[], ["-O", "json"], ["-O", "text"], ["--output-template", "{{.}}"]];
const FORMAT_FLAGS = new Set(["-O", "--output-format", "--output-template"]);
/** LINE with its own output format flags (an example may give one) replaced by FORMAT */
const withFormat = (line: string[], format: string[]) => [...line.filter((w, i) => !FORMAT_FLAGS.has(w) && !FORMAT_FLAGS.has(line[i - 1]!)), ...format];

describe.each([false, true])("-Q (stdout is a terminal: %s)", (tty) => {
  it.each(COMMANDS.map((argv) => [argv.join(" "), argv] as const))("%s", async (_name, argv) => {
    for (const format of FORMATS) {
      const loud = await t.exo([...argv, ...format], { tty });
      expect(loud.exitCode).toBe(0);
      const want = stable({ exitCode: 0, stdout: loud.stdout, stderr: "" });
      expect(stable(await t.exo(["-Q", ...argv, ...format], { tty }))).toEqual(want);
      expect(stable(await t.exo([...argv, ...format, "--quiet"], { tty }))).toEqual(want);
    }
  });

  it("keeps the output non-empty (it is essential)", async () => {
    const { stdout } = await t.exo(["-Q", ...SHOW, "--output-template", "{{.Name}}"], { tty });
    expect(stdout).toBe("test-kafka");
  });
});

// Every read command runs from its declaration: its first help example, each argument a fixture of
// its kind (test/faults/commands.ts, the fault table's cases); the few that cannot are listed with why.
const NOT_GENERATED: Record<string, string> = {
  "dbaas credentials check": "reads the certificate files download wrote (test/commands/dbaas/credentials/)",
};
const READ_CASES = COMMAND_CASES.filter((c) => REGISTERED_READS.includes(c.name) && !(c.name in NOT_GENERATED));

describe("-Q, generated from the registry", () => {
  let seeded: Emulator;
  let api: ApiClient;
  beforeAll(async () => {
    seeded = await startEmulator({ port: 0, seed: true, operationDelayMs: 0 });
    api = setupClient(seeded);
  });
  afterAll(() => seeded?.close());

  it("covers every read command, or says why not", () => {
    const missing = REGISTERED_READS.filter((name) => !(name in NOT_GENERATED) && !READ_CASES.some((c) => c.name === name));
    expect(missing, MISSING_CASE).toEqual([]);
    expect(READ_CASES.length).toBeGreaterThan(15);
  });

  it.each(READ_CASES.map((c) => [c.name, c] as const))("%s", async (_name, readCase) => {
    const exo = (line: string[]) => runCli(line, { env: { ...apiEnv(seeded), EXOSCALE_ZONE: "de-muc-1" } });
    for (const format of FORMATS) {
      // a line of its own for each run (a directory fixture is new each time), in this format only
      const loudLine = withFormat(await readCase.prepare(api), format);
      const quietLine = withFormat(await readCase.prepare(api), format);
      const loud = await exo(loudLine);
      expect(loud.exitCode, `${loudLine.join(" ")}: ${loud.stderr}`).toBe(0);
      const quiet = await exo(["-Q", ...quietLine]);
      // the loud run's words where the two lines differ (the paths of their directories)
      const seen = quietLine.reduce((out, word, i) => (word === loudLine[i] ? out : out.replaceAll(word, loudLine[i]!)), quiet.stdout);
      expect(stable({ ...quiet, stdout: seen })).toEqual(stable({ exitCode: 0, stdout: loud.stdout, stderr: "" }));
    }
  });
});

describe("dbaas list's spinner (non-essential output)", () => {
  const LIST = ["dbaas", "list", "-z", "de-muc-1", "-O", "text"];
  const rows = "test-kafka\tkafka\tstartup-2\tde-muc-1\ntest-pg\tpg\thobbyist-2\tde-muc-1\n";

  it("turns on stderr while the zones are asked, when stderr is a terminal, and is erased before the output", async () => {
    t.emulator.faults.inject({ kind: "slow", delayMs: 350, count: 1, pathPrefix: "/dbaas-service" });
    const result = await t.exo(LIST, { tty: true });
    expect(result.stdout).toBe(rows);
    expect(result.stderr.startsWith("\r⠋")).toBe(true);
    expect(result.stderr).toMatch(/^\r⠋(\r\x1b\[K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]){2,}\r\x1b\[K$/);
  });

  it("is silent with -Q, and when stderr is not a terminal", async () => {
    expect(await t.exo(["-Q", ...LIST], { tty: true })).toEqual({ exitCode: 0, stdout: rows, stderr: "" });
    expect(await t.exo(LIST)).toEqual({ exitCode: 0, stdout: rows, stderr: "" });
  });

  it("is erased when the listing fails", async () => {
    t.emulator.faults.inject({ kind: "status", status: 403, body: '{"message":"no access"}', pathPrefix: "/dbaas-service" });
    const result = await t.exo(["dbaas", "list"], { tty: true });
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: "\r⠋\r\x1b[Kerror: Forbidden: no access\n" });
  });
});
