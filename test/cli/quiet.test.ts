// -Q only silences non-essential output: every read command prints the same stdout with it, in
// every output format, on a terminal or piped, and nothing on stderr.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { apiEnv, runCli } from "../helpers/run-cli.js";
import { useCannedEmulator } from "../helpers/session.js";
import { registeredLeaves, seededReadLine } from "../helpers/commands.js";

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

// Every read command whose arguments the seeded emulator has (a service, its avnadmin user, the
// kafka type) is run by its declaration alone; the others are listed here with why, or the table fails.
const REGISTERED = await registeredLeaves();
const NOT_GENERATED: Record<string, string> = {
  "dbaas credentials download": "writes files: a second run finds them there (test/commands/dbaas/credentials/)",
  "dbaas credentials check": "reads the certificate files download wrote (test/commands/dbaas/credentials/)",
  "dbaas external-endpoint show": "needs an endpoint made first, which the seed has not (test/commands/dbaas/external-endpoint/)",
  "dbaas external-integration show": "needs an integration made first, which the seed has not",
  "dbaas external-integration settings show": "needs a Datadog integration made first, which the seed has not",
};
/** the `dbaas kafka` commands read a real broker's answers (test/broker/) */
const onBrokers = (path: readonly string[]) => path[0] === "dbaas" && path[1] === "kafka";
const READS = REGISTERED.filter((leaf) => !leaf.definition.changeCheck && !onBrokers(leaf.path) && !(leaf.path.join(" ") in NOT_GENERATED));
const GENERATED = READS.flatMap((leaf) => seededReadLine(leaf, "de-muc-1") ?? []).length;

describe("-Q, generated from the registry", () => {
  let seeded: Emulator;
  beforeAll(async () => {
    seeded = await startEmulator({ port: 0, seed: true, operationDelayMs: 0 });
  });
  afterAll(() => seeded?.close());

  it("covers every read command, or says why not", () => {
    const missing = READS.filter((leaf) => seededReadLine(leaf, "de-muc-1") === undefined).map((leaf) => leaf.path.join(" "));
    expect(missing, "a read command taking an argument the seed lacks: give its kind a SEEDED_ARGUMENTS word (test/helpers/commands.ts) or list it in NOT_GENERATED with why").toEqual([]);
    expect(GENERATED).toBeGreaterThan(10);
  });

  it.each(READS.map((leaf) => [leaf.path.join(" "), leaf] as const))("%s", async (_name, leaf) => {
    const argv = seededReadLine(leaf, "de-muc-1");
    if (!argv) return;
    const exo = (line: string[]) => runCli(line, { env: { ...apiEnv(seeded), EXOSCALE_ZONE: "de-muc-1" } });
    for (const format of FORMATS) {
      const loud = await exo([...argv, ...format]);
      expect(loud.exitCode, `${argv.join(" ")} ${format.join(" ")}: ${loud.stderr}`).toBe(0);
      expect(stable(await exo(["-Q", ...argv, ...format]))).toEqual(stable({ exitCode: 0, stdout: loud.stdout, stderr: "" }));
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
