// The brokers' class-data sharing archive: where it is kept, which file counts as it, and that an unusable one never
// reaches a JVM's stdout (read for the broker's readiness), how a JVM writes it. Mapped by restarted brokers, a damaged
// one never mapped: test/broker/rolling-restart.test.ts, on its cluster.
import { execFile, spawn } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClassSharing } from "../../src/emulator/broker/class-sharing.js";
import { kafkaRelease } from "../../src/emulator/broker/jar-cache.js";
import { JVM_FLAGS, kafkaRuntimeProblem, loadKafkaRuntime, type KafkaRuntime } from "../../src/emulator/broker/runtime.js";
import { ROOT } from "../helpers/built-cli.js";

const run = promisify(execFile);
const JARS = join(ROOT, ".cache", "kafka", kafkaRelease("3.8").version);
const missing = await kafkaRuntimeProblem(JARS);

describe.skipIf(missing !== null || process.platform !== "linux")("class-data sharing of the broker JVMs", () => {
  let work: string;
  let libsDir: string;
  let runtime: KafkaRuntime;
  let sharing: ClassSharing;

  beforeAll(async () => {
    // the jars linked into a directory of the test's own, so that its archive is the test's too
    work = await mkdtemp(join(tmpdir(), "class-sharing-test-"));
    libsDir = join(work, "kafka", "3.8.1");
    await mkdir(libsDir, { recursive: true });
    for (const name of readdirSync(JARS)) await symlink(join(JARS, name), join(libsDir, name));
    runtime = await loadKafkaRuntime(libsDir);
    sharing = runtime.classSharing!;
  }, 120_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("keeps the archive in a cds directory beside the jars, named by release, of jars only", () => {
    expect(sharing.dir).toBe(join(work, "kafka", "cds"));
    expect(sharing.key).toMatch(/^3\.8\.1-[0-9a-f]{16}$/);
    expect(runtime.classpath.split(":").every((entry) => entry.endsWith(".jar"))).toBe(true);
  });

  it("says nothing on stdout about an archive it cannot use", async () => {
    // an archive of another class path (without the helper jar): the JVM would warn about it on stdout
    const archive = join(work, "other-class-path.jsa");
    const otherClassPath = runtime.classpath.split(":").slice(1).join(":");
    const uuid = (flags: string[], classpath: string) =>
      run(runtime.java, [...JVM_FLAGS, ...flags, "-cp", classpath, "kafka.tools.StorageTool", "random-uuid"], { timeout: 60_000 });
    await uuid([`-XX:ArchiveClassesAtExit=${archive}`], otherClassPath);
    expect(existsSync(archive)).toBe(true);
    const { stdout } = await uuid([`-XX:SharedArchiveFile=${archive}`], runtime.classpath);
    expect(stdout).toMatch(/^[\w-]{22}\n$/);
  }, 60_000);

  it("finds an archive only at the size its name says: any other file of its key is removed, never given to a JVM", () => {
    expect(sharing.archive()).toBeNull();
    expect(sharing.useFlags()).toEqual([]);
    const whole = join(sharing.dir, `${sharing.key}-1000.jsa`);
    writeFileSync(whole, Buffer.alloc(1000));
    expect(sharing.archive()).toBe(whole);
    expect(sharing.useFlags()).toEqual([`-XX:SharedArchiveFile=${whole}`]);
    // cut short, as by a full disk or a killed copy
    truncateSync(whole, 500);
    expect(sharing.useFlags()).toEqual([]);
    expect(existsSync(whole)).toBe(false);
    // another release's archive is not this one's
    writeFileSync(join(sharing.dir, `3.7.2-0123456789abcdef-10.jsa`), Buffer.alloc(10));
    expect(sharing.archive()).toBeNull();
  });

  it("a JVM given the write flags leaves the archive at its clean exit, named by its size; the next JVM maps it; a killed one leaves nothing", async () => {
    const storageTool = (flags: string[]) => [...JVM_FLAGS, ...flags, "-cp", runtime.classpath, "kafka.tools.StorageTool", "random-uuid"];
    const killed = sharing.startWriting()!;
    // one writer at a time
    expect(sharing.startWriting()).toBeNull();
    const child = spawn(runtime.java, storageTool(killed.flags), { stdio: "ignore" });
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.once("spawn", () => child.kill("SIGKILL"));
      child.once("exit", (code, signal) => resolve({ code, signal }));
    });
    await killed.finish(exit);
    expect(sharing.archive()).toBeNull();
    const ours = () => readdirSync(sharing.dir).filter((name) => name.startsWith(sharing.key));
    expect(ours()).toEqual([]);

    const write = sharing.startWriting()!;
    await run(runtime.java, storageTool(write.flags), { timeout: 60_000 });
    await write.finish({ code: 0, signal: null });
    const archive = sharing.archive()!;
    expect(archive).toBe(join(sharing.dir, `${sharing.key}-${statSync(archive).size}.jsa`));
    expect(ours()).toEqual([basename(archive)]);
    expect(sharing.startWriting()).toBeNull();
    // -Xshare:on: the JVM fails rather than run without the archive
    const { stdout } = await run(runtime.java, storageTool([...sharing.useFlags(), "-Xshare:on"]), { timeout: 60_000 });
    expect(stdout).toMatch(/^[\w-]{22}\n$/);
    rmSync(archive);
  }, 60_000);
});
