// `credentials download --force` killed (SIGTERM, SIGHUP, Ctrl-C) by another process at each step:
// while a request hangs (the emulator slowed by a fault rule) and before each step of the file set
// (the test knob EXO_DBAAS_TEST_PAUSE_FILE_STEP announces each and holds the chosen one). The
// directory then holds the whole old set, or after the commit the whole new one, never a mix, never
// a temporary file; the command prints one line and exits non-zero.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

/** Runs `user rotate` with `args` in a child process, held at file-set step `hold`, and sends SIGTERM once at the second commit pause. */
async function rotateTerminatedAtSecondCommit(args: readonly string[], hold: number) {
  const child = spawn(process.execPath, [CLI, "dbaas", "user", "rotate", SERVICE, ...args, "-z", ZONE], {
    env: emulatorEnv(s.emulator, { EXO_DBAAS_TEST_PAUSE_FILE_STEP: String(hold) }),
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
  return { code, stdout, stderr };
}

/** Runs the download (with `flags`) in a child process over the old set `names`, and sends `signal` once it reaches `point`. */
async function killedAt(point: KillPoint, signal: Signal, names: readonly string[] = NAMES, flags: readonly string[] = []) {
  const dir = tempDir();
  names.forEach((n) => writeFileSync(join(dir, n), `old ${n}\n`));
  s.emulator.faults.clear();
  s.emulator.clearRequests();
  point.arm?.();
  const child = spawn(process.execPath, [CLI, "dbaas", "credentials", "download", SERVICE, "-z", ZONE, "--dir", dir, "--force", ...flags], {
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
  const contents = names.map((n) => readFileSync(join(dir, n), "utf8"));
  const steps = stderr.split("\n").filter((l) => l.startsWith("test pause: ")).map((l) => l.slice("test pause: ".length).replace(`${dir}/`, ""));
  return { dir, sent, code, stdout, lines, steps, listing: readdirSync(dir).sort(), contents };
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
  const { code, stdout, stderr } = await rotateTerminatedAtSecondCommit(["sig-v1", "sig-v2", "--dir", dir], 5);
  expect(code).toBe(143);
  expect(stdout).toBe("");
  // NEW was created before: the interrupt says so
  expect(stderr.split("\n").filter((l) => l.startsWith("error"))).toEqual([
    `error: terminated: the change was sent and may still complete; check with exo dbaas user list ${SERVICE} -z ${ZONE}`,
  ]);
  expect(readdirSync(dir).sort()).toEqual(["ca.pem", "sig-v1.cert.pem", "sig-v1.key.pem", "sig-v2.cert.pem", "sig-v2.key.pem"]);
  expect(["sig-v1.cert.pem", "sig-v1.key.pem"].map((n) => readFileSync(join(dir, n), "utf8"))).toEqual(oldFiles);
  expect(await s.usernames()).not.toContain("sig-v1");

  const rerun = await s.exo(["dbaas", "user", "rotate", SERVICE, "sig-v1", "sig-v2", "-z", ZONE, "--dir", dir]);
  expect(rerun.exitCode).toBe(0);
  expect(rerun.stdout).toMatch(/user "sig-v1" already deleted\nremoved .*sig-v1\.cert\.pem\nremoved .*sig-v1\.key\.pem\n$/);
  expect(readdirSync(dir).sort()).toEqual(["ca.pem", "sig-v2.cert.pem", "sig-v2.key.pem"]);
});

describe("with --client java,librdkafka,env: the PEMs and the five configuration files as one set", () => {
  const CLIENT = ["--client", "java,librdkafka,env"];
  const CLIENT_NAMES = [...NAMES, "avnadmin.client.properties", "avnadmin.keystore.p12", "truststore.p12", "avnadmin.librdkafka.conf", "avnadmin.env"];
  const OLD_CLIENT = CLIENT_NAMES.map((n) => `old ${n}\n`);
  // steps: staging each of the eight files (1-8), the commit (9), after the commit (10)
  const stage = (name: string, hold: number): KillPoint => ({ name: `staging ${name}`, hold, reached: (e) => e.includes(`test pause: stage `) && e.includes(`/${name}\n`), expect: "old" });

  /** The whole new set: every file changed, and a second download without --force keeps every one (key store and password included). */
  async function expectWholeNewSet(dir: string, contents: string[]) {
    contents.forEach((c, i) => expect(c).not.toBe(OLD_CLIENT[i]));
    const again = await s.exo(["dbaas", "credentials", "download", SERVICE, "-z", ZONE, "--dir", dir, ...CLIENT]);
    expect(again, again.stderr).toMatchObject({ exitCode: 0 });
    expect(CLIENT_NAMES.map((n) => readFileSync(join(dir, n), "utf8"))).toEqual(contents);
  }

  it.each([
    [stage("avnadmin.client.properties", 4), "SIGTERM"],
    [stage("avnadmin.env", 8), "SIGHUP"],
    [{ name: "the commit", hold: 9, reached: pausedAt("commit"), expect: "old" } as KillPoint, "SIGTERM"],
    [{ name: "the commit", hold: 9, reached: pausedAt("commit"), expect: "old" } as KillPoint, "SIGHUP"],
    [{ name: "after the commit", hold: 10, reached: pausedAt("committed"), expect: "new" } as KillPoint, "SIGTERM"],
  ] as const)("killed during %s by %s: all eight files old, or all new; nothing else", async (point, signal) => {
    const result = await killedAt(point, signal, CLIENT_NAMES, CLIENT);
    expect(result.sent).toBe(true);
    // held at the step it was killed in: that many steps announced
    expect(result.steps).toHaveLength(point.hold!);
    expect(result).toMatchObject({ code: SIGNALS[signal].code, stdout: "", lines: [SIGNALS[signal].line] });
    expect(result.listing).toEqual([...CLIENT_NAMES].sort());
    if (point.expect === "old") expect(result.contents).toEqual(OLD_CLIENT);
    else await expectWholeNewSet(result.dir, result.contents);
  });

  it("without a signal: ten steps, each of the eight files staged, then one commit", async () => {
    const result = await killedAt({ name: "never", reached: () => false, expect: "new" }, "SIGTERM", CLIENT_NAMES, CLIENT);
    expect(result).toMatchObject({ sent: false, code: 0, lines: [] });
    expect(result.steps).toEqual([...CLIENT_NAMES.map((n) => `stage ${n}`), "commit", "committed"]);
    await expectWholeNewSet(result.dir, result.contents);
  });

  it("SIGTERM sent as the commit starts (not held there): whichever set it leaves is whole", async () => {
    // the commit runs without a pause; the signal lands just before or during it, and is handled after it
    const result = await killedAt({ name: "commit race", hold: 10, reached: pausedAt("commit"), expect: "new" }, "SIGTERM", CLIENT_NAMES, CLIENT);
    expect(result).toMatchObject({ sent: true, code: 143, stdout: "", lines: ["error: terminated"] });
    expect(result.listing).toEqual([...CLIENT_NAMES].sort());
    if (result.contents[0] === OLD_CLIENT[0]) expect(result.contents).toEqual(OLD_CLIENT);
    else await expectWholeNewSet(result.dir, result.contents);
  });
});

it("user rotate --client killed while deleting OLD's files: all six stay, NEW's eight are whole, a re-run removes them", async () => {
  const CLIENT = ["--client", "java,librdkafka,env"];
  const own = (u: string) => [`${u}.cert.pem`, `${u}.key.pem`, `${u}.client.properties`, `${u}.keystore.p12`, `${u}.librdkafka.conf`, `${u}.env`];
  await s.exo(["dbaas", "user", "create", SERVICE, "sigc-v1", "-z", ZONE, "-Q"]);
  const dir = tempDir();
  await s.exo(["dbaas", "credentials", "download", SERVICE, "-z", ZONE, "--user", "sigc-v1", "--dir", dir, ...CLIENT]);
  const oldFiles = own("sigc-v1").map((n) => readFileSync(join(dir, n)));
  // steps: staging NEW's six files (ca.pem and truststore.p12 are kept), their commit, after it, then the removal's commit (9)
  const { code, stdout, stderr } = await rotateTerminatedAtSecondCommit(["sigc-v1", "sigc-v2", "--dir", dir, ...CLIENT], 9);
  expect({ code, stdout }).toEqual({ code: 143, stdout: "" });
  expect(stderr.split("\n").filter((l) => l.startsWith("test pause: ")).length).toBe(9);
  expect(readdirSync(dir).sort()).toEqual(["ca.pem", "truststore.p12", ...own("sigc-v1"), ...own("sigc-v2")].sort());
  expect(own("sigc-v1").map((n) => readFileSync(join(dir, n)))).toEqual(oldFiles);
  expect(await s.usernames()).not.toContain("sigc-v1");

  const rerun = await s.exo(["dbaas", "user", "rotate", SERVICE, "sigc-v1", "sigc-v2", "-z", ZONE, "--dir", dir, ...CLIENT]);
  expect(rerun.exitCode, rerun.stderr).toBe(0);
  // NEW's eight files were whole: all kept
  expect(rerun.stdout).not.toContain("wrote");
  expect(rerun.stdout).toMatch(new RegExp(`user "sigc-v1" already deleted\\n${own("sigc-v1").map((n) => `removed .*${n.replace(/\./g, "\\.")}\\n`).join("")}$`));
  expect(readdirSync(dir).sort()).toEqual(["ca.pem", "truststore.p12", ...own("sigc-v2")].sort());
});
