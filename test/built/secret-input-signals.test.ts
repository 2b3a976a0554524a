// A secret read from a FIFO nobody writes to, or typed on a terminal, gives way to Ctrl-C and
// SIGTERM at once: the command's one line and exit code, nothing sent. A FIFO whose writer comes
// later is read as a file.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, emulatorEnv, HAS_SCRIPT } from "../helpers/built-cli.js";
import { useBuiltEmulator } from "../helpers/built-emulator.js";
import { tempDir } from "../helpers/temp-dir.js";


const built = useBuiltEmulator();

const CREATE = ["dbaas", "external-endpoint", "create", "datadog", "dd"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether the process handles SIGINT yet (its handler is set up first thing): a signal then reaches the CLI, not Node's default. */
function catchesSigint(pid: number): boolean {
  const status = existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, "utf8") : "";
  const caught = /^SigCgt:\s*([0-9a-f]+)$/m.exec(status)?.[1];
  return caught !== undefined && (BigInt(`0x${caught}`) & 2n) !== 0n;
}

async function untilCatchesSigint(pid: () => number | undefined): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    const p = pid();
    if (p !== undefined && catchesSigint(p)) break;
    await sleep(10);
  }
  // the command then reaches its read; an earlier signal would end it the same way
  await sleep(300);
}

function finished(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
  // a read that ignores the signal would hang: killed, it fails the test
  const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  return new Promise((resolve) =>
    child.on("close", (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    }),
  );
}

describe("a FIFO", () => {
  const fifo = () => {
    const path = join(tempDir("exo-fifo-"), "secret");
    execFileSync("mkfifo", [path]);
    return path;
  };

  it.each([
    ["SIGINT", 1, "error: context canceled\n"],
    ["SIGTERM", 143, "error: terminated\n"],
  ] as const)("without a writer: %s ends the read at once", async (signal, code, stderr) => {
    built.emulator.clearRequests();
    const child = spawn(process.execPath, [CLI, ...CREATE, "--datadog-api-key-file", fifo()], { env: emulatorEnv(built.emulator), stdio: ["ignore", "pipe", "pipe"] });
    const result = finished(child);
    await untilCatchesSigint(() => child.pid);
    child.kill(signal);
    expect(await result).toEqual({ code, stdout: "", stderr });
    expect(built.emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
  }, 30_000);

  it("with a writer coming later: its text is the secret", async () => {
    const path = fifo();
    const child = spawn(process.execPath, [CLI, ...CREATE, "--datadog-api-key-file", path], { env: emulatorEnv(built.emulator), stdio: ["ignore", "pipe", "pipe"] });
    const result = finished(child);
    await untilCatchesSigint(() => child.pid);
    writeFileSync(path, "fifo-api-key-0123\n");
    const { code, stderr } = await result;
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/^error/m);
    expect(built.emulator.requests().find((r) => r.method === "POST")?.body).toMatchObject({ settings: { "datadog-api-key": "fifo-api-key-0123" } });
  }, 30_000);
});

it("an endless stdin (-) is refused after 64 KiB", async () => {
  built.emulator.clearRequests();
  const zero = openSync("/dev/zero", "r");
  try {
    const child = spawn(process.execPath, [CLI, ...CREATE, "--datadog-api-key-file", "-"], { env: emulatorEnv(built.emulator), stdio: [zero, "pipe", "pipe"] });
    expect(await finished(child)).toEqual({ code: 1, stdout: "", stderr: 'error: --datadog-api-key-file "-": larger than 64 KiB\n' });
  } finally {
    closeSync(zero);
  }
  expect(built.emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
}, 30_000);

/** The CLI run with the secret read from PATH, under script(1)'s terminal; returns the run and a way to type into it once it reads. */
async function onTerminal(path: string, create: readonly string[] = CREATE) {
  // exec: the shell script(1) starts must not stay in the foreground group, where Ctrl-C would kill it too
  const command = "exec " + ["node", CLI, ...create, "--datadog-api-key-file", path].map((w) => `'${w}'`).join(" ");
  const child = spawn("script", ["-qefc", command, "/dev/null"], { env: emulatorEnv(built.emulator, { TERM: "dumb" }), stdio: ["pipe", "pipe", "pipe"] });
  const result = finished(child);
  const cliPid = () => {
    const children = `/proc/${child.pid}/task/${child.pid}/children`;
    const pid = existsSync(children) ? Number(readFileSync(children, "utf8").trim().split(" ")[0]) : NaN;
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  };
  await untilCatchesSigint(cliPid);
  return { result, type: (keys: string) => child.stdin!.write(keys) };
}

describe.skipIf(!HAS_SCRIPT)("a terminal: stdin (-) or /dev/tty", () => {
  it.each(["-", "/dev/tty"])("%s: Ctrl-C typed while it waits for the secret ends the command at once", async (path) => {
    built.emulator.clearRequests();
    const { result, type } = await onTerminal(path);
    type("\x03");
    const { code, stdout } = await result;
    expect(code).toBe(1);
    expect(stdout.replaceAll("\r\n", "\n")).toMatch(/error: context canceled\n$/);
    expect(built.emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
  }, 30_000);

  it("/dev/tty: what is typed up to Ctrl-D is the secret", async () => {
    built.emulator.clearRequests();
    // a name of its own: "dd" is created by the FIFO's test
    const { result, type } = await onTerminal("/dev/tty", [...CREATE.slice(0, -1), "dd-tty"]);
    type("tty-api-key-0123\n\x04");
    const { code, stdout } = await result;
    expect([code, stdout.replaceAll("\r\n", "\n")]).toEqual([0, expect.not.stringMatching(/^error/m)]);
    expect(built.emulator.requests().find((r) => r.method === "POST")?.body).toMatchObject({ settings: { "datadog-api-key": "tty-api-key-0123" } });
  }, 30_000);
});
