// -Q only silences non-essential output: every read command prints the same stdout with it, in
// every output format, on a terminal or piped, and nothing on stderr.
import { describe, expect, it } from "vitest";
import { useCannedEmulator } from "./setup.js";

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
