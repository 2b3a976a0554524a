// The brokers' class-data sharing archive: written once by node 1 at its clean exit, then mapped by the next JVMs;
// a damaged archive costs only speed and never reaches a JVM's stdout (read for the broker's readiness).
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, symlink, truncate } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClassSharing } from "../../src/emulator/broker/class-sharing.js";
import { createRealBrokerProvider } from "../../src/emulator/broker/index.js";
import { kafkaRelease } from "../../src/emulator/broker/jar-cache.js";
import { JVM_FLAGS, kafkaRuntimeProblem, loadKafkaRuntime, type KafkaRuntime } from "../../src/emulator/broker/runtime.js";
import { ROOT } from "../helpers/built-cli.js";
import { createCa } from "./pki.js";

const run = promisify(execFile);
const JARS = join(ROOT, ".cache", "kafka", kafkaRelease("3.8").version);
const missing = await kafkaRuntimeProblem(JARS);

/** The broker JVMs whose class path is in `libsDir`, and whether each maps `archive`. */
function brokerJvms(libsDir: string, archive: string): { pid: string; mapsArchive: boolean }[] {
  return readdirSync("/proc")
    .filter((pid) => /^\d+$/.test(pid))
    .flatMap((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
        if (!cmdline.includes(libsDir) || !cmdline.includes("ExoBrokerLauncher")) return [];
        return [{ pid, mapsArchive: readFileSync(`/proc/${pid}/maps`, "utf8").includes(archive) }];
      } catch {
        return [];
      }
    });
}

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

  async function startService(name: string): Promise<{ close: () => Promise<void>; jvms: () => { pid: string; mapsArchive: boolean }[] }> {
    const ca = await createCa("class sharing CA");
    const provider = createRealBrokerProvider({ libsDir, brokers: 1, dataDir: join(work, "data", name) });
    try {
      await provider.ensureService({ name, caCertPem: ca.certPem, caKeyPem: ca.keyPem, users: [], topicAcls: [], saslEnabled: false });
    } catch (error) {
      await provider.close();
      throw error;
    }
    expect(provider.status(name)).toBe("running");
    return { close: () => provider.close(), jvms: () => brokerJvms(libsDir, sharing.archive() ?? "no archive") };
  }

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

  it("writes the archive at node 1's exit, then maps it; a truncated one is written again, never used", async () => {
    expect(sharing.archive()).toBeNull();
    const first = await startService("first");
    expect(first.jvms()).toEqual([expect.objectContaining({ mapsArchive: false })]);
    await first.close();
    const archive = sharing.archive()!;
    expect(archive).toMatch(/-\d+\.jsa$/);
    expect(readdirSync(sharing.dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);

    const second = await startService("second");
    expect(second.jvms()).toEqual([expect.objectContaining({ mapsArchive: true })]);
    await second.close();

    // Java 17 crashes (SIGBUS) mapping a truncated archive
    await truncate(archive, Math.floor(statSync(archive).size / 2));
    const third = await startService("third");
    expect(third.jvms()).toEqual([expect.objectContaining({ mapsArchive: false })]);
    await third.close();
    expect(sharing.archive()).not.toBeNull();
  }, 240_000);
});
