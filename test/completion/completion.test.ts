// Shell completion: the scripts parse in each shell, drive the real CLI, and `__complete` lists
// commands, flags, zones and the emulator's services, types and users, failing silently.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { completionProgram, completionScript, SHELLS, type Shell } from "../../src/commands/completion-scripts.js";
import { closedPort } from "../helpers/loopback-server.js";
import { runCli, apiEnv } from "../helpers/run-cli.js";
import { buildCliBundle, type CliBundle } from "../faults/bundle.js";

const exec = promisify(execFile);

function hasShell(shell: string): boolean {
  try {
    execFileSync(shell, ["-c", "exit 0"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

let emulator: Emulator;
let env: Record<string, string>;
let bundle: CliBundle;
let cli: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
  env = { ...apiEnv(emulator), EXOSCALE_ZONE: "de-muc-1" };
  bundle = await buildCliBundle();
  cli = bundle.cli;
}, 60_000);
afterAll(async () => {
  await emulator?.close();
  bundle?.remove();
});

const complete = (words: string[], extraEnv: Record<string, string | undefined> = env) => runCli(["__complete", "--", ...words], { env: extraEnv });

describe("exo completion SHELL", () => {
  it.each(SHELLS)("prints the %s script on stdout", async (shell) => {
    const result = await runCli(["completion", shell]);
    expect(result).toEqual({ exitCode: 0, stdout: completionScript(shell), stderr: "" });
    expect(result.stdout).toContain("__complete --");
  });

  it("refuses an unknown shell, and a missing one, with one line", async () => {
    expect(await runCli(["completion", "powershell"])).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: unsupported shell "powershell": expected one of bash, zsh, fish\n',
    });
    expect(await runCli(["completion"])).toEqual({ exitCode: 1, stdout: "", stderr: "error: missing argument SHELL, run with --help for usage\n" });
  });

  it.each(SHELLS)("writes the %s script for the name it was started as", async (shell) => {
    const { exitCode, stdout } = await runCli(["completion", shell], { program: "exo-dbaas" });
    expect(exitCode).toBe(0);
    expect(stdout).toBe(completionScript(shell, "exo-dbaas"));
    expect(stdout).toContain("__exo_dbaas_complete");
    expect(stdout).not.toMatch(/\bexo(?!-dbaas|_dbaas)\b/);
  });

  it("registers exo when the name is unknown, a script file, or not a plain command name", () => {
    expect(completionProgram("exo-dbaas")).toBe("exo-dbaas");
    expect(completionProgram("exo")).toBe("exo");
    for (const name of [undefined, "", "cli.cjs", "cli.js", "main.mjs", "x;rm -rf ~", "exo dbaas", "$(id)", "-exo", "a'b"]) {
      expect(completionProgram(name)).toBe("exo");
    }
  });

  it("is not listed as __complete in help", async () => {
    const help = await runCli(["--help"]);
    expect(help.stdout).toContain("completion");
    expect(help.stdout).not.toContain("__complete");
  });
});

describe("scripts are valid shell", () => {
  const check: Record<Shell, string[]> = { bash: ["-n"], zsh: ["-n"], fish: ["--no-execute"] };
  for (const [shell, program] of SHELLS.flatMap((sh) => [[sh, "exo"], [sh, "exo-dbaas"]] as const)) {
    it.skipIf(!hasShell(shell))(`${shell} parses the script for ${program}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "exo-script-"));
      const file = join(dir, `${program}.${shell}`);
      (await import("node:fs")).writeFileSync(file, completionScript(shell, program));
      try {
        await exec(shell, [...check[shell], file]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe("__complete", () => {
  it("lists top-level commands and a group's children, filtered by prefix", async () => {
    expect((await complete([""])).stdout).toBe("completion\ndbaas\nversion\n");
    const dbaas = (await complete(["dbaas", ""])).stdout.split("\n");
    expect(dbaas).toEqual(expect.arrayContaining(["ca-certificate", "show", "list", "type", "update"]));
    expect((await complete(["dbaas", "sh"])).stdout).toBe("show\n");
    expect((await complete(["dbaas", "type", ""])).stdout).toBe("list\nshow\n");
  });

  it("completes an alias once the word rules the name out", async () => {
    expect((await complete(["dbaas", "ge"])).stdout).toBe("get\n");
    expect((await complete(["dbaas", "l"])).stdout).toBe("list\nlogs\n");
    expect((await complete(["dbaas", "ls"])).stdout).toBe("ls\n");
  });

  it("lists the leaf's visible flags and the global ones", async () => {
    const flags = (await complete(["dbaas", "show", "--"])).stdout.split("\n").filter(Boolean);
    expect(flags).toEqual(expect.arrayContaining(["--zone", "--output-format", "--use-account", "--help"]));
    expect(flags.every((f) => f.startsWith("--"))).toBe(true);
    expect((await complete(["dbaas", "show", "--ou"])).stdout).toBe("--output-format\n--output-template\n");
  });

  it("lists the emulator's Kafka services for a command taking a service name, in the zone asked", async () => {
    expect((await complete(["dbaas", "show", ""])).stdout).toBe("test-kafka\n");
    expect((await complete(["dbaas", "show", "te"])).stdout).toBe("test-kafka\n");
    expect((await complete(["dbaas", "show", "x"])).stdout).toBe("");
    expect((await complete(["dbaas", "delete", "-z", "de-muc-1", ""])).stdout).toBe("test-kafka\n");
    expect((await complete(["dbaas", "user", "list", "--zone=de-muc-1", ""])).stdout).toBe("test-kafka\n");
    expect((await complete(["dbaas", "show", "-z", "ch-gva-2", ""])).stdout).toBe("");
    // the service argument is already given: nothing more to list
    expect((await complete(["dbaas", "show", "test-kafka", ""])).stdout).toBe("");
  });

  it("lists service types and users from the API", async () => {
    expect((await complete(["dbaas", "type", "show", "ka"])).stdout).toBe("kafka\n");
    expect((await complete(["dbaas", "user", "show", "test-kafka", ""])).stdout).toBe("avnadmin\n");
    expect((await complete(["dbaas", "create", ""])).stdout.split("\n")).toContain("kafka");
    expect((await complete(["dbaas", "create", "kafka", "startup-"])).stdout).toMatch(/^(startup-\d+\n)+$/);
    // the new service's name is the user's to choose
    expect((await complete(["dbaas", "create", "kafka", "startup-2", ""])).stdout).toBe("");
  });

  it("completes flag values: zones, output formats, in every spelling shells send", async () => {
    expect((await complete(["dbaas", "show", "-z", "de-"])).stdout).toBe("de-fra-1\nde-muc-1\n");
    expect((await complete(["-O", ""])).stdout).toBe("json\ntable\ntext\n");
    expect((await complete(["dbaas", "show", "--zone=de-"])).stdout).toBe("--zone=de-fra-1\n--zone=de-muc-1\n");
    expect((await complete(["dbaas", "show", "--zone", "=", "de-m"])).stdout).toBe("de-muc-1\n");
    expect((await complete(["dbaas", "show", "--zone", "=", ""])).stdout).toContain("de-muc-1\n");
  });

  it("completes a flag's declared choices: --settings of show and type show", async () => {
    expect((await complete(["dbaas", "type", "show", "kafka", "--settings", ""])).stdout).toBe("kafka\nkafka-connect\nkafka-rest\nschema-registry\n");
    expect((await complete(["dbaas", "type", "show", "kafka", "--settings=kafka-r"])).stdout).toBe("--settings=kafka-rest\n");
    expect((await complete(["dbaas", "show", "test-kafka", "--settings", "s"])).stdout).toBe("schema-registry\n");
    // a flag without choices: nothing offered
    expect((await complete(["dbaas", "show", "test-kafka", "--output-template", ""])).stdout).toBe("");
  });

  it("prints nothing, exit 0, empty stderr without credentials, with a wrong secret, or with the API down", async () => {
    const port = await closedPort();
    for (const e of [
      { EXOSCALE_API_ENDPOINT: emulator.url },
      { ...env, EXOSCALE_API_SECRET: "wrong-secret" },
      { ...env, EXOSCALE_API_ENDPOINT: `http://127.0.0.1:${port}/v2` },
    ]) {
      expect(await complete(["dbaas", "show", ""], e)).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    }
  });

  it("gives up within its budget when the API is slow", async () => {
    // responses 20 s late: the 3 s budget ends the wait long before (the margin is for a loaded machine)
    emulator.faults.inject({ kind: "slow", delayMs: 20_000, pathPrefix: "/dbaas-service", count: 5 });
    const started = Date.now();
    try {
      expect(await complete(["dbaas", "show", ""])).toEqual({ exitCode: 0, stdout: "", stderr: "" });
      expect(Date.now() - started).toBeLessThan(12_000);
    } finally {
      emulator.faults.clear();
    }
  }, 15_000);

  it("never traces, even with EXOSCALE_TRACE set", async () => {
    expect(await complete(["dbaas", "show", ""], { ...env, EXOSCALE_TRACE: "1" })).toEqual({ exitCode: 0, stdout: "test-kafka\n", stderr: "" });
  });

  it("survives unknown words and flags", async () => {
    for (const words of [["nope", ""], ["dbaas", "nope", "x", ""], ["--bogus", ""], ["dbaas", "show", "a", "b", "c", ""], ["-z"], ["="], []]) {
      const result = await complete(words);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe("");
    }
  });
});

const shellEnv = () => ({ ...env, PATH: process.env.PATH ?? "", HOME: "/nonexistent-home" });
/** Defines `exo` as the bundled CLI and loads its completion script, in `shell`'s syntax. */
const loadCompletion = (shell: Shell) =>
  shell === "fish"
    ? `function exo; "${process.execPath}" "${cli}" $argv; end\nexo completion fish | source`
    : `exo() { "${process.execPath}" "${cli}" "$@"; }\nsource <(exo completion ${shell})`;

describe("the scripts drive the real CLI", () => {

  it.skipIf(!hasShell("bash"))("bash: COMPREPLY holds the services", async () => {
    const script = `
${loadCompletion("bash")}
COMP_WORDS=(exo dbaas show ""); COMP_CWORD=3; __exo_complete; printf '%s\\n' "\${COMPREPLY[@]}"
COMP_WORDS=(exo dbaas sh); COMP_CWORD=2; __exo_complete; printf '%s\\n' "\${COMPREPLY[@]}"
COMP_WORDS=(exo dbaas show --zone = de-m); COMP_CWORD=5; __exo_complete; printf '%s\\n' "\${COMPREPLY[@]}"
complete -p exo
`;
    const { stdout } = await exec("bash", ["-c", script], { env: shellEnv() });
    expect(stdout).toBe("test-kafka\nshow\nde-muc-1\ncomplete -F __exo_complete exo\n");
  }, 20_000);

  it.skipIf(!hasShell("bash"))("bash: the bin installed as exo-dbaas registers and completes exo-dbaas", async () => {
    const dir = mkdtempSync(join(tmpdir(), "exo-bin-"));
    const bin = join(dir, "exo-dbaas");
    symlinkSync(cli, bin);
    const script = `
exo-dbaas() { "${process.execPath}" "${bin}" "$@"; }
source <(exo-dbaas completion bash)
COMP_WORDS=(exo-dbaas dbaas show ""); COMP_CWORD=3; __exo_dbaas_complete; printf '%s\\n' "\${COMPREPLY[@]}"
complete -p exo-dbaas
complete -p exo 2>/dev/null || echo "exo: none"
`;
    try {
      const { stdout } = await exec("bash", ["-c", script], { env: shellEnv() });
      expect(stdout).toBe("test-kafka\ncomplete -F __exo_dbaas_complete exo-dbaas\nexo: none\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);

  it.skipIf(!hasShell("fish"))("fish: complete -C lists the services", async () => {
    const script = `
${loadCompletion("fish")}
complete -C "exo dbaas show "
complete -C "exo dbaas sh"
complete -C "exo dbaas show --zone=de-m"
`;
    const { stdout } = await exec("fish", ["--no-config", "-c", script], { env: shellEnv() });
    expect(stdout.split("\n").map((l) => l.split("\t")[0])).toEqual(["test-kafka", "show", "--zone=de-muc-1", ""]);
  }, 20_000);

  it.skipIf(!hasShell("zsh"))("zsh: the function hands the candidates to compadd", async () => {
    const script = `
compdef() { print -r -- "compdef $*"; }
compadd() { shift 2; print -rl -- "$@"; }
${loadCompletion("zsh")}
words=(exo dbaas show ""); CURRENT=4; __exo_complete
words=(exo dbaas show --zone=de-m); CURRENT=4; __exo_complete
`;
    const { stdout } = await exec("zsh", ["-f", "-c", script], { env: shellEnv() });
    expect(stdout).toBe("compdef __exo_complete exo\ntest-kafka\n--zone=de-muc-1\n");
  }, 20_000);
});

describe("names from the API are data on the command line", () => {
  // what an API (or whoever controls the account) may name a service; test-kafka stays plain
  const hostile = {
    plain: "test-kafka",
    substitution: "x$(touch P)",
    backquotes: "y`touch Q`",
    quotes: `q'"; touch R #`,
    space: "a b",
    tilde: "~root",
    unicode: "café",
    escape: "esc\x1b]0;title\x07",
    newline: "new\nline",
    bidi: "bidi\u202etxt.exe",
    dots: "..",
    tooLong: "l".repeat(64),
  };
  const kept = [hostile.plain, hostile.substitution, hostile.backquotes, hostile.quotes, hostile.space, hostile.tilde, hostile.unicode];
  const services = Object.values(hostile).map((name) => ({ name, type: "kafka", plan: "startup-2", zone: "de-muc-1" }));
  let dir: string;

  beforeAll(() => {
    emulator.canned({ method: "GET", path: "/dbaas-service", status: 200, body: { "dbaas-services": services } });
  });
  afterAll(() => emulator.clearCanned());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "exo-complete-names-"));
  });
  afterEach(() => {
    // nothing a name spelled ran: no file appeared where the shell ran
    const made = readdirSync(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(made).toEqual([]);
  });

  /** What each line of `words`, read as one word of `shell`, holds. */
  async function asWords(shell: "bash" | "zsh" | "fish", words: string[]): Promise<string[]> {
    const script = shell === "fish"
      ? `for w in $argv; eval "set v $w"; printf '%s\\n' $v; end`
      : `for w in "$@"; do eval "set -- $w"; printf '%s\\n' "$1"; done`;
    const args = shell === "fish" ? ["--no-config", "-c", script, ...words] : ["-c", script, shell, ...words];
    const { stdout } = await exec(shell, args, { cwd: dir, env: shellEnv() });
    return stdout.split("\n").slice(0, -1);
  }

  it("__complete drops names the CLI would refuse or a terminal would hide, and escapes the rest for the shell that asks", async () => {
    const run = (shell: string | undefined) => runCli(["__complete", ...(shell ? [`--shell=${shell}`] : []), "--", "dbaas", "show", ""], { env });
    expect((await run("bash")).stdout).toBe("test-kafka\nx\\$\\(touch\\ P\\)\ny\\`touch\\ Q\\`\nq\\'\\\"\\;\\ touch\\ R\\ \\#\na\\ b\n\\~root\ncafé\n");
    expect((await run("zsh")).stdout).toBe((await run("bash")).stdout);
    // fish escapes what it inserts, except a leading ~
    expect((await run("fish")).stdout).toBe([hostile.plain, hostile.substitution, hostile.backquotes, hostile.quotes, hostile.space, hostile.unicode, ""].join("\n"));
    // a script that does not say its shell (one saved from an older version) gets plain names only
    expect((await run(undefined)).stdout).toBe("test-kafka\ncafé\n");
    expect((await run("tcsh")).stdout).toBe("test-kafka\ncafé\n");
  });

  it("endpoint IDs too: one longer than a UUID or holding an escape sequence is not offered", async () => {
    const id = "4b4b4b4b-1111-2222-3333-444444444444";
    const endpoints = [id, `${id}0`, "e\x1b[2J", "$(id)"].map((x, i) => ({ id: x, name: `m${i}`, type: "prometheus" }));
    emulator.canned({ method: "GET", path: "/dbaas-external-endpoints", status: 200, body: { "dbaas-endpoints": endpoints } });
    const words = ["__complete", "--shell=bash", "--", "dbaas", "external-endpoint", "show", "prometheus", ""];
    expect((await runCli(words, { env })).stdout).toBe(`${id}\n\\$\\(id\\)\n`);
  });

  it.skipIf(!hasShell("bash"))("bash: COMPREPLY holds each kept name as one word, and a partly typed escaped name completes", async () => {
    const script = `
${loadCompletion("bash")}
COMP_WORDS=(exo dbaas show ""); COMP_CWORD=3; __exo_complete; printf '%s\\n' "\${COMPREPLY[@]}"
COMP_WORDS=(exo dbaas show 'x\\$\\(to'); COMP_CWORD=3; __exo_complete; printf '%s\\n' "\${COMPREPLY[@]}"
`;
    const { stdout } = await exec("bash", ["-c", script], { cwd: dir, env: shellEnv() });
    const lines = stdout.split("\n").slice(0, -1);
    expect(lines).toHaveLength(kept.length + 1);
    expect(await asWords("bash", lines)).toEqual([...kept, hostile.substitution]);
  }, 20_000);

  it.skipIf(!hasShell("zsh"))("zsh: compadd -Q gets each kept name as one word", async () => {
    const script = `
compdef() { : }
compadd() { [[ $1 == -Q ]] || { print -r -- "no -Q"; return }; shift 2; print -rl -- "$@"; }
${loadCompletion("zsh")}
words=(exo dbaas show ""); CURRENT=4; __exo_complete
`;
    const { stdout } = await exec("zsh", ["-f", "-c", script], { cwd: dir, env: shellEnv() });
    expect(await asWords("zsh", stdout.split("\n").slice(0, -1))).toEqual(kept);
  }, 20_000);

  it.skipIf(!hasShell("fish"))("fish: complete -C lists the kept names as they are, and inserts each as one word", async () => {
    const script = `
${loadCompletion("fish")}
complete -C "exo dbaas show "
echo ---
complete -C --escape "exo dbaas show "
`;
    const { stdout } = await exec("fish", ["--no-config", "-c", script], { cwd: dir, env: shellEnv() });
    const [raw, escaped] = stdout.split("---\n").map((part) => part.split("\n").slice(0, -1).map((l) => l.split("\t")[0]!));
    const fishKept = kept.filter((name) => name !== hostile.tilde);
    expect([...raw!].sort()).toEqual([...fishKept].sort());
    expect((await asWords("fish", escaped!)).sort()).toEqual([...fishKept].sort());
  }, 20_000);
});

describe("a flag naming a file or a directory: the shell completes names on this machine", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "exo-complete-files-"));
    mkdirSync(join(dir, "creds"));
    writeFileSync(join(dir, "cred-password.txt"), "");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("__complete prints the directive line alone, for the separate and the inline value", async () => {
    for (const words of [["dbaas", "credentials", "download", "test-kafka", "--dir", "cr"], ["dbaas", "credentials", "download", "test-kafka", "--dir=cr"]]) {
      expect(await complete(words)).toEqual({ exitCode: 0, stdout: "\tdirectories\n", stderr: "" });
    }
    const file = ["dbaas", "external-endpoint", "create", "prometheus", "m1", "--prometheus-basic-auth-password-file", ""];
    expect(await complete(file)).toEqual({ exitCode: 0, stdout: "\tfiles\n", stderr: "" });
    // a flag naming nothing on this machine gets no directive
    expect((await complete(["dbaas", "credentials", "download", "test-kafka", "--user", ""])).stdout).not.toContain("\t");
  });

  it.skipIf(!hasShell("bash"))("bash: COMPREPLY holds the directory, for --dir DIR and --dir=DIR", async () => {
    const script = `
${loadCompletion("bash")}
COMP_WORDS=(exo dbaas credentials download test-kafka --dir cr); COMP_CWORD=6; __exo_complete; printf '%s\\n' "\${COMPREPLY[@]}"
COMP_WORDS=(exo dbaas credentials download test-kafka --dir = cr); COMP_CWORD=7; __exo_complete; printf '%s\\n' "\${COMPREPLY[@]}"
COMP_WORDS=(exo dbaas external-endpoint create prometheus m1 --prometheus-basic-auth-password-file cr); COMP_CWORD=7; __exo_complete; printf '%s\\n' "\${COMPREPLY[@]}"
`;
    const { stdout } = await exec("bash", ["-c", script], { cwd: dir, env: shellEnv() });
    const lines = stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual(["creds", "creds"]);
    expect(lines.slice(2).sort()).toEqual(["", "cred-password.txt", "creds"]);
  }, 20_000);

  it.skipIf(!hasShell("zsh"))("zsh: the function hands over to _files, -/ for a directory", async () => {
    const script = `
compdef() { : }
compset() { print -r -- "compset $*"; }
_files() { print -r -- "_files $*"; }
${loadCompletion("zsh")}
words=(exo dbaas credentials download test-kafka --dir cr); CURRENT=7; __exo_complete
words=(exo dbaas external-endpoint create prometheus m1 --prometheus-basic-auth-password-file=cr); CURRENT=7; __exo_complete
`;
    const { stdout } = await exec("zsh", ["-f", "-c", script], { cwd: dir, env: shellEnv() });
    expect(stdout).toBe("compset -P --*=\n_files -/\ncompset -P --*=\n_files \n");
  }, 20_000);

  it.skipIf(!hasShell("fish"))("fish: complete -C lists the names, after --flag= when the value is inline", async () => {
    const script = `
${loadCompletion("fish")}
complete -C "exo dbaas credentials download test-kafka --dir cr"
echo ---
complete -C "exo dbaas external-endpoint create prometheus m1 --prometheus-basic-auth-password-file=cr"
`;
    const { stdout } = await exec("fish", ["--no-config", "-c", script], { cwd: dir, env: shellEnv() });
    const [dirs, files] = stdout.split("---\n").map((part) => part.split("\n").slice(0, -1).map((l) => l.split("\t")[0]!));
    expect(dirs).toEqual(["creds/"]);
    expect([...files!].sort()).toEqual(["--prometheus-basic-auth-password-file=cred-password.txt", "--prometheus-basic-auth-password-file=creds/"]);
  }, 20_000);
});
