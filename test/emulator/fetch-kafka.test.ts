// `exo-emulator fetch-kafka [VERSION]`: every pinned release, or the one named (service version or release); a
// release already cached is verified jar by jar, not fetched again (the Maven repository here is a closed port, so
// any download would fail); a bad argument is refused before anything is read.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasPinnedJars, jarsStamp, kafkaRelease } from "../../src/emulator/broker/jar-cache.js";
import { KAFKA_RELEASES } from "../../src/emulator/broker/kafka-jars.js";
import { ensureBuilt, ROOT } from "../helpers/built-cli.js";
import { closedPort } from "../helpers/loopback-server.js";

const releases = Object.values(KAFKA_RELEASES);
const cached = (version: string) => join(ROOT, ".cache", "kafka", version);
const allCached = releases.every((r) => hasPinnedJars(cached(r.version), jarsStamp(r)));

describe("exo-emulator fetch-kafka", () => {
  let env: Record<string, string>;
  const fetchKafka = (args: string[], extra: Record<string, string> = {}) =>
    promisify(execFile)(process.execPath, [join(ROOT, "dist", "emulator.js"), "fetch-kafka", ...args], { cwd: ROOT, env: { ...env, ...extra } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(async () => {
    await ensureBuilt();
    env = { PATH: process.env.PATH ?? "", HOME: "/nonexistent", EXO_EMULATOR_MAVEN_REPO: `http://127.0.0.1:${await closedPort()}/maven2` };
  }, 300_000);

  it.skipIf(!allCached)("without a version: every pinned release, each verified in .cache/kafka/RELEASE, nothing fetched", async () => {
    const result = await fetchKafka([]);
    expect(result).toEqual({
      code: 0,
      stdout: releases.map((r) => `${cached(r.version)}\n`).join(""),
      stderr: releases.map((r) => `Kafka ${r.version}: ${r.jars.length} jars verified in ${cached(r.version)}\n`).join(""),
    });
  }, 60_000);

  it.skipIf(!allCached)("a service version or a release names one release", async () => {
    const old = kafkaRelease("3.7").version;
    expect(await fetchKafka(["3.7", "--quiet"])).toEqual({ code: 0, stdout: `${cached(old)}\n`, stderr: "" });
    expect(await fetchKafka(["--quiet", old])).toEqual({ code: 0, stdout: `${cached(old)}\n`, stderr: "" });
  }, 60_000);

  it.each([
    [["4.0"], `exo-emulator: unknown Kafka version "4.0" (pinned: ${Object.entries(KAFKA_RELEASES).map(([v, r]) => `${v} (${r.version})`).join(", ")})\n`],
    [["3.7", "3.8"], 'exo-emulator: fetch-kafka takes one Kafka version at most, not 2 ("3.7" "3.8")\n'],
    [["3"], /^exo-emulator: unknown Kafka version "3" /],
    [["--versions"], /^exo-emulator: Unknown option '--versions'/],
  ])("refuses %j: exit 2, nothing on stdout", async (args, error) => {
    const result = await fetchKafka(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    if (typeof error === "string") expect(result.stderr).toBe(error);
    else expect(result.stderr).toMatch(error);
  });

  describe("a cache stamped complete whose jars are not all there", () => {
    let libs: string;
    beforeAll(() => {
      libs = mkdtempSync(join(tmpdir(), "exo-fetch-kafka-"));
      writeFileSync(join(libs, ".stamp"), `${jarsStamp()}\n`);
    });
    afterAll(() => rmSync(libs, { recursive: true, force: true }));

    it("is fetched again (here: the repository is unreachable, so the command fails and says why)", async () => {
      const release = kafkaRelease();
      const result = await fetchKafka(["--quiet"], { EXO_EMULATOR_KAFKA_LIBS: libs });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      const first = release.jars[0]!.path.split("/").at(-1);
      expect(result.stderr).toContain(`Kafka ${release.version} in ${libs}: ${first} is missing: fetching it again\n`);
      expect(result.stderr).toMatch(/connect ECONNREFUSED/);
    });
  });
});
