// The README says only what is true: every command line of its `sh` blocks runs, with the installed
// package on PATH, against one seeded emulator, block after block in one working directory, and
// must exit 0; a `$ COMMAND` line of a plain block must print the lines that follow it. A line that
// cannot run offline says why in its comment, `# … [not run: REASON]`; a line whose comment starts
// with `zsh` or `fish` runs in that shell, every other one in bash. Prose and tables are not read.
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { loadOrCreateTls } from "../../src/emulator/tls.js";
import { ROOT } from "../helpers/built-cli.js";
import { installedPackage, type InstalledPackage } from "../helpers/packed.js";
import { apiEnv } from "../helpers/run-cli.js";

const exec = promisify(execFile);

type Shell = "bash" | "zsh" | "fish";
interface ReadmeLine {
  /** 1-based line number in README.md */
  at: number;
  command: string;
  shell: Shell;
  /** why the line is not run, from its `[not run: …]` mark */
  notRun?: string;
  /** for a `$ COMMAND` transcript line: what it prints (stdout and stderr) */
  prints?: string;
}

/** The command lines of README.md, one array per fenced block that holds any. */
export function readmeBlocks(text: string): ReadmeLine[][] {
  const lines = text.split("\n");
  const blocks: ReadmeLine[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\S*)\s*$/.exec(lines[i]!);
    if (!fence) continue;
    const start = i + 1;
    for (i = start; i < lines.length && !lines[i]!.startsWith("```"); i++);
    const body = lines.slice(start, i);
    const block = fence[1] === "sh" ? shellLines(body, start + 1) : fence[1] === "" ? transcriptLines(body, start + 1) : [];
    if (block.length > 0) blocks.push(block);
  }
  return blocks;
}

function shellLines(body: string[], firstAt: number): ReadmeLine[] {
  const out: ReadmeLine[] = [];
  for (let j = 0; j < body.length; j++) {
    const at = firstAt + j;
    let command = body[j]!;
    while (command.endsWith("\\") && j + 1 < body.length) command = `${command}\n${body[++j]}`;
    if (command.trim() === "" || command.trimStart().startsWith("#")) continue;
    const comment = /\s#\s+(.*)$/.exec(command.split("\n").at(-1)!)?.[1] ?? "";
    const shell = (/^(zsh|fish)\b/.exec(comment)?.[1] as Shell | undefined) ?? "bash";
    out.push({ at, command, shell, notRun: /\[not run: ([^\]]+)\]/.exec(comment)?.[1] });
  }
  return out;
}

function transcriptLines(body: string[], firstAt: number): ReadmeLine[] {
  const out: ReadmeLine[] = [];
  body.forEach((line, j) => {
    if (line.startsWith("$ ")) out.push({ at: firstAt + j, command: line.slice(2), shell: "bash", prints: "" });
    else if (out.length > 0) out.at(-1)!.prints += `${line}\n`;
  });
  return out;
}

interface Ran {
  line: ReadmeLine;
  status: number;
  output: string;
}

const MARK = "@@readme-line";

/** Runs a block's bash lines in one bash (variables carry over), each other line in its own shell. */
async function runBlock(block: ReadmeLine[], cwd: string, env: Record<string, string>): Promise<Ran[]> {
  const ran: Ran[] = [];
  const bashLines = block.filter((l) => !l.notRun && l.shell === "bash");
  if (bashLines.length > 0) {
    // an emulator a line started in the background goes with the block
    const script = ["exec 2>&1 </dev/null", `trap 'if [ -n "$EXO_EMULATOR_PID" ]; then kill "$EXO_EMULATOR_PID" 2>/dev/null; fi' EXIT`]
      .concat(bashLines.map((l, k) => `${l.command}\nprintf '\\n${MARK} %d %d\\n' ${k} "$?"`))
      .join("\n");
    const { stdout } = await exec("bash", ["-c", script], { cwd, env, timeout: 60_000 });
    const parts = stdout.split(new RegExp(`\\n${MARK} (\\d+) (\\d+)\\n`));
    for (let k = 0; k < bashLines.length; k++) {
      ran.push({ line: bashLines[k]!, output: parts[3 * k]!, status: Number(parts[3 * k + 2] ?? -1) });
    }
  }
  for (const line of block.filter((l) => !l.notRun && l.shell !== "bash")) {
    const [file, args] =
      line.shell === "zsh" ? ["zsh", ["-f", "-c", `autoload -Uz compinit && compinit -u -D\n${line.command}`]] : ["fish", ["--no-config", "-c", line.command]];
    const result = await exec(file, args, { cwd, env, timeout: 30_000 }).then(
      ({ stdout, stderr }) => ({ status: 0, output: stdout + stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ status: e.code, output: e.stdout + e.stderr }),
    );
    ran.push({ line, ...result });
  }
  return ran;
}

describe("readmeBlocks", () => {
  it("reads sh lines with their marks and shells, joins continued lines, and reads transcripts", () => {
    const text = [
      "prose `npm install -g nothing` | a table |",
      "```sh",
      "# a comment",
      "exo dbaas list    # lists",
      "npm test          # the suite [not run: it is the test run]",
      "exo completion fish | source   # fish; or save it",
      "exo dbaas show x \\",
      "  -z de-muc-1",
      "```",
      "```js",
      "const x = 1;",
      "```",
      "```",
      "$ exo dbas list",
      "error: unknown",
      "```",
    ].join("\n");
    expect(readmeBlocks(text)).toEqual([
      [
        { at: 4, command: "exo dbaas list    # lists", shell: "bash", notRun: undefined },
        { at: 5, command: "npm test          # the suite [not run: it is the test run]", shell: "bash", notRun: "it is the test run" },
        { at: 6, command: "exo completion fish | source   # fish; or save it", shell: "fish", notRun: undefined },
        { at: 7, command: "exo dbaas show x \\\n  -z de-muc-1", shell: "bash", notRun: undefined },
      ],
      [{ at: 14, command: "exo dbas list", shell: "bash", prints: "error: unknown\n" }],
    ]);
  });
});

describe("every command line of README.md", () => {
  let pkg: InstalledPackage;
  let emulator: Emulator;
  let work: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    pkg = await installedPackage();
    emulator = await startEmulator({ seed: true, operationDelayMs: 0, rebuildDelayMs: 0 });
    work = mkdtempSync(join(tmpdir(), "exo-dbaas-readme-"));
    // the files the lines read: a password file, and a CA, certificate and key for rsyslog over TLS
    writeFileSync(join(work, "prometheus-password"), "scrape-secret-1\n");
    const tls = await loadOrCreateTls(join(work, ".tls"));
    copyFileSync(tls.caPath, join(work, "ca.pem"));
    writeFileSync(join(work, "client.pem"), tls.cert);
    writeFileSync(join(work, "client.key"), tls.key);
    // npm, should an unmarked line call it, installs nowhere but here and fetches nothing
    const npm = { npm_config_prefix: join(work, "npm-prefix"), npm_config_offline: "true" };
    env = { PATH: `${join(pkg.prefix, "bin")}:${process.env.PATH ?? ""}`, HOME: join(work, "home"), ...npm, ...apiEnv(emulator) };
  }, 180_000);
  afterAll(async () => {
    await emulator?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("runs, and exits 0 (or prints what a transcript shows), unless marked [not run: why]", async () => {
    const blocks = readmeBlocks(readFileSync(join(ROOT, "README.md"), "utf8"));
    const failures: string[] = [];
    for (const block of blocks) {
      for (const { line, status, output } of await runBlock(block, work, env)) {
        const where = `README.md:${line.at}: ${line.command}`;
        if (line.prints !== undefined && output !== line.prints) failures.push(`${where}\n  prints ${JSON.stringify(output)}, not ${JSON.stringify(line.prints)}`);
        else if (line.prints === undefined && status !== 0) failures.push(`${where}\n  exit ${status}: ${output.trim()}\n  (fix the line, or mark it: # [not run: why])`);
      }
    }
    expect(failures).toEqual([]);
    // the lines run are most of them: marking is for what cannot run offline
    const lines = blocks.flat();
    expect(lines.filter((l) => !l.notRun).length).toBeGreaterThan(lines.length / 2);
  }, 180_000);
});
