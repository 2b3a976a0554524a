// Compiles the Java programs the provider runs beside the brokers (java-sources.ts) into one jar, once per
// source and Kafka version: a jar, not a directory, because class-data sharing accepts only jars on the class path.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import {
  BROKER_LAUNCHER_CLASS,
  BROKER_LAUNCHER_SOURCE,
  CLUSTER_HEALTH_CLASS,
  CLUSTER_HEALTH_SOURCE,
  REASSIGN_CLASS,
  REASSIGN_SOURCE,
  USER_SYNC_CLASS,
  USER_SYNC_SOURCE,
} from "./java-sources.js";

const run = promisify(execFile);

/** A tool of the JDK `java` belongs to (javac, jar). */
export function jdkTool(java: string, name: string): string {
  return java === "java" ? name : join(dirname(java), name);
}

/**
 * Where the emulator writes what it derives from a jar directory: beside it, or, when that directory is read-only,
 * in a per-user temp directory.
 */
export function derivedParents(libsDir: string): string[] {
  const uid = process.getuid?.() ?? "user";
  return [dirname(libsDir), join(tmpdir(), `exo-emulator-kafka-${uid}`)];
}

/** The helper programs' jar, compiled first when missing. */
export async function helperJar(java: string, libsDir: string, kafkaVersion: string): Promise<string> {
  const sources = {
    [BROKER_LAUNCHER_CLASS]: BROKER_LAUNCHER_SOURCE,
    [USER_SYNC_CLASS]: USER_SYNC_SOURCE,
    [CLUSTER_HEALTH_CLASS]: CLUSTER_HEALTH_SOURCE,
    [REASSIGN_CLASS]: REASSIGN_SOURCE,
  };
  const hash = createHash("sha256").update(kafkaVersion).update(JSON.stringify(sources)).digest("hex").slice(0, 16);
  let lastError: unknown;
  for (const parent of derivedParents(libsDir)) {
    const target = join(parent, `helper-classes-${hash}.jar`);
    if (existsSync(target)) return target;
    try {
      await mkdir(parent, { recursive: true, mode: 0o700 });
      await compileInto(java, libsDir, sources, parent, target);
      return target;
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`could not compile the broker helper programs: ${(lastError as Error)?.message ?? lastError}`);
}

async function compileInto(java: string, libsDir: string, sources: Record<string, string>, parent: string, target: string): Promise<void> {
  // built beside the target so the final rename is atomic; a concurrent build of the same jar is harmless
  const work = await mkdtemp(join(parent, ".build-"));
  try {
    const files: string[] = [];
    for (const [name, source] of Object.entries(sources)) {
      const file = join(work, `${name}.java`);
      await writeFile(file, source);
      files.push(file);
    }
    const classes = join(work, "classes");
    await mkdir(classes);
    await run(jdkTool(java, "javac"), ["-nowarn", "-cp", join(libsDir, "*"), "-d", classes, ...files], { timeout: 120_000 });
    const jar = join(work, "helpers.jar");
    await run(jdkTool(java, "jar"), ["--create", "--no-manifest", "--file", jar, "-C", classes, "."], { timeout: 120_000 });
    await rename(jar, target);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
