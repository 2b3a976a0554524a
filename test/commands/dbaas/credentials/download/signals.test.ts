// `credentials download --force` killed (SIGTERM, SIGHUP, Ctrl-C) by another process at each step:
// while a request hangs (the emulator slowed by a fault rule) and before each step of the file set
// (the test knob EXO_DBAAS_TEST_PAUSE_FILE_STEP announces each and holds the chosen one). The
// directory then holds the whole old set, or after the commit the whole new one, never a mix, never
// a temporary file; the command prints one line and exits non-zero.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CLI, emulatorEnv, ensureBuilt } from "../../../../helpers/built-cli.js";
import { openSession, SERVICE, ZONE, type Session } from "../../../../helpers/session.js";
import { tempDir } from "../../../../helpers/temp-dir.js";

let s: Session;
let fresh: string[];
beforeAll(async () => {
  await ensureBuilt();
  s = await openSession();
  const dir = tempDir();
  await s.exo(["dbaas", "credentials", "download", SERVICE, "-z", ZONE, "--dir", dir]);
  fresh = NAMES.map((n) => readFileSync(join(dir, n), "utf8"));
}, 180_000);
afterAll(() => s?.emulator.close());

const NAMES = ["ca.pem", "avnadmin.cert.pem", "avnadmin.key.pem"];
const OLD = NAMES.map((n) => `old ${n}\n`);
const SIGNALS = { SIGTERM: { code: 143, line: "error: terminated" }, SIGHUP: { code: 129, line: "error: hangup" }, SIGINT: { code: 1, line: "error: context canceled" } } as const;
type Signal = keyof typeof SIGNALS;

interface KillPoint {
  name: string;
  /** set-up before the command starts (a fault rule) */
  arm?: () => void;
  /** whether the command has reached the point, given its stderr so far */
  reached: (stderr: string) => boolean;
  /** the file-set step held (1: staging the CA, ... 5: after the commit) */
  hold?: number;
  /** the set expected afterwards */
  expect: "old" | "new";
}

/** A request of the command hangs at the emulator (recorded, not answered yet). */
const hanging = (path: string) => () => s.emulator.requests().some((r) => r.path === path && r.status === 0);
const pausedAt = (step: string) => (stderr: string) => stderr.includes(`test pause: ${step}\n`);

const POINTS: KillPoint[] = [
  { name: "the service request", arm: () => s.emulator.faults.inject({ kind: "slow", delayMs: 10_000, path: `/dbaas-kafka/${SERVICE}` }), reached: hanging(`/v2/dbaas-kafka/${SERVICE}`), expect: "old" },
  { name: "the CA request", arm: () => s.emulator.faults.inject({ kind: "slow", delayMs: 10_000, path: "/dbaas-ca-certificate" }), reached: hanging("/v2/dbaas-ca-certificate"), expect: "old" },
  ...NAMES.map((n, i): KillPoint => ({ name: `staging ${n}`, hold: i + 1, reached: (e) => e.includes(`/${n}\n`) && /test pause: stage \S+\n/.test(e), expect: "old" })),
  { name: "the commit", hold: 4, reached: pausedAt("commit"), expect: "old" },
  { name: "after the commit", hold: 5, reached: pausedAt("committed"), expect: "new" },
];

/** Runs the download in a child process and sends `signal` once it reaches `point`. */
async function killedAt(point: KillPoint, signal: Signal) {
  const dir = tempDir();
  NAMES.forEach((n, i) => writeFileSync(join(dir, n), OLD[i]!));
  s.emulator.faults.clear();
  s.emulator.clearRequests();
  point.arm?.();
  const child = spawn(process.execPath, [CLI, "dbaas", "credentials", "download", SERVICE, "-z", ZONE, "--dir", dir, "--force"], {
    env: emulatorEnv(s.emulator, { EXO_DBAAS_TEST_PAUSE_FILE_STEP: String(point.hold ?? 0) }),
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let sent = false;
  const check = () => {
    if (!sent && point.reached(stderr)) {
      sent = true;
      child.kill(signal);
    }
  };
  child.stderr.on("data", (c) => {
    stderr += c;
    check();
  });
  const poll = setInterval(check, 5);
  const code = await exited;
  clearInterval(poll);
  s.emulator.faults.clear();
  // the test knob's own lines aside, stderr holds the one error line
  const lines = stderr.split("\n").filter((l) => l !== "" && !l.startsWith("test pause: "));
  const contents = NAMES.map((n) => readFileSync(join(dir, n), "utf8"));
  return { sent, code, stdout, lines, listing: readdirSync(dir).sort(), contents };
}

const cases = POINTS.flatMap((point) => (["SIGTERM", "SIGHUP"] as Signal[]).map((signal) => [point.name, signal, point] as const));
const ctrlC = POINTS.filter((p) => p.name === "the CA request" || p.name === "staging avnadmin.key.pem").map((p) => [p.name, "SIGINT" as Signal, p] as const);

it.each([...cases, ...ctrlC])("killed during %s by %s: one whole set, one line, nothing else", async (_name, signal, point) => {
  const result = await killedAt(point, signal);
  expect(result.sent).toBe(true);
  expect(result).toMatchObject({ code: SIGNALS[signal].code, stdout: "", lines: [SIGNALS[signal].line] });
  expect(result.listing).toEqual([...NAMES].sort());
  expect(result.contents).toEqual(point.expect === "old" ? OLD : fresh);
});

it("without a signal, the knob only announces the steps", async () => {
  const result = await killedAt({ name: "never", reached: () => false, expect: "new" }, "SIGTERM");
  expect(result.sent).toBe(false);
  expect(result).toMatchObject({ code: 0, lines: [] });
  expect(result.contents).toEqual(fresh);
});

it("user rotate killed while deleting OLD's files: both stay, NEW's are whole, a re-run removes them", async () => {
  await s.exo(["dbaas", "user", "create", SERVICE, "sig-v1", "-z", ZONE, "-Q"]);
  const dir = tempDir();
  await s.exo(["dbaas", "credentials", "download", SERVICE, "-z", ZONE, "--user", "sig-v1", "--dir", dir]);
  const oldFiles = ["sig-v1.cert.pem", "sig-v1.key.pem"].map((n) => readFileSync(join(dir, n), "utf8"));
  // steps: staging NEW's certificate and key (1, 2), their commit (3, 4), then the removal's commit (5)
  const child = spawn(process.execPath, [CLI, "dbaas", "user", "rotate", SERVICE, "sig-v1", "sig-v2", "-z", ZONE, "--dir", dir], {
    env: emulatorEnv(s.emulator, { EXO_DBAAS_TEST_PAUSE_FILE_STEP: "5" }),
  });
  let stderr = "";
  let stdout = "";
  let sent = false;
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => {
    stderr += c;
    // once: a second SIGTERM would kill it outright
    if (!sent && stderr.split("test pause: commit\n").length === 3) sent = child.kill("SIGTERM");
  });
  const code = await new Promise((resolve) => child.once("exit", resolve));
  expect(code).toBe(143);
  expect(stdout).toBe("");
  expect(stderr.split("\n").filter((l) => l.startsWith("error"))).toEqual(["error: terminated"]);
  expect(readdirSync(dir).sort()).toEqual(["ca.pem", "sig-v1.cert.pem", "sig-v1.key.pem", "sig-v2.cert.pem", "sig-v2.key.pem"]);
  expect(["sig-v1.cert.pem", "sig-v1.key.pem"].map((n) => readFileSync(join(dir, n), "utf8"))).toEqual(oldFiles);
  expect(await s.usernames()).not.toContain("sig-v1");

  const rerun = await s.exo(["dbaas", "user", "rotate", SERVICE, "sig-v1", "sig-v2", "-z", ZONE, "--dir", dir]);
  expect(rerun.exitCode).toBe(0);
  expect(rerun.stdout).toMatch(/user "sig-v1" already deleted\nremoved .*sig-v1\.cert\.pem\nremoved .*sig-v1\.key\.pem\n$/);
  expect(readdirSync(dir).sort()).toEqual(["ca.pem", "sig-v2.cert.pem", "sig-v2.key.pem"]);
});
