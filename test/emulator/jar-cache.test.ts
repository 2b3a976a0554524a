// The Kafka jar cache: the pinned list matches what scripts/kafka/fetch.sh resolves, and a fetch from a
// Maven repository (a loopback server here) verifies every jar before anything appears in the target.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { fetchKafkaJars, hasPinnedJars, jarsStamp, kafkaRelease, terminalProgress, userCacheLibsDir } from "../../src/emulator/broker/jar-cache.js";
import { ensureBuilt } from "../helpers/built-cli.js";
import { kafkaType } from "../../src/emulator/catalog.js";
import { DEFAULT_SERVICE_VERSION, KAFKA_RELEASES, LOG4J_VERSION, type PinnedJar } from "../../src/emulator/broker/kafka-jars.js";
import { closedPort, startServer, type LoopbackServer } from "../helpers/loopback-server.js";

const ROOT = join(import.meta.dirname, "..", "..");
const KAFKA_VERSION = kafkaRelease().version;
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("the pinned jar lists", () => {
  it("pin one release per service version the catalog offers, those of scripts/kafka/versions", () => {
    const versions = readFileSync(join(ROOT, "scripts", "kafka", "versions"), "utf8");
    const releases = Object.values(KAFKA_RELEASES).map((r) => r.version);
    expect(versions).toContain(`KAFKA_VERSIONS="${releases.join(" ")}"\n`);
    expect(versions).toContain(`LOG4J_VERSION=${LOG4J_VERSION}\n`);
    expect(Object.keys(KAFKA_RELEASES)).toEqual(kafkaType()["available-versions"]);
    expect(DEFAULT_SERVICE_VERSION).toBe(kafkaType()["default-version"]);
    for (const [serviceVersion, { version, jars }] of Object.entries(KAFKA_RELEASES)) {
      expect(version.startsWith(`${serviceVersion}.`)).toBe(true);
      expect(jars.some((j) => j.path === `org/apache/kafka/kafka_2.13/${version}/kafka_2.13-${version}.jar`)).toBe(true);
    }
  });

  it("a service runs its version's release, an unpinned version the default one", () => {
    expect(kafkaRelease("3.7").version).toMatch(/^3\.7\./);
    expect(kafkaRelease("3.8").version).toMatch(/^3\.8\./);
    expect(kafkaRelease("9.9")).toBe(KAFKA_RELEASES[DEFAULT_SERVICE_VERSION]);
    expect(kafkaRelease(undefined)).toBe(KAFKA_RELEASES[DEFAULT_SERVICE_VERSION]);
  });

  for (const release of Object.values(KAFKA_RELEASES)) {
    const libs = join(ROOT, ".cache", "kafka", release.version);
    it.skipIf(!hasPinnedJars(libs, jarsStamp(release)))(`Kafka ${release.version}: exactly the jars fetch.sh resolved into .cache/kafka/${release.version}, byte for byte`, () => {
      const onDisk = readdirSync(libs).filter((f) => f.endsWith(".jar")).sort();
      expect(release.jars.map((j) => basename(j.path)).sort()).toEqual(onDisk);
      for (const jar of release.jars) {
        const bytes = readFileSync(join(libs, basename(jar.path)));
        expect({ name: jar.path, size: bytes.length, sha256: sha256(bytes) }).toEqual({ name: jar.path, size: jar.size, sha256: jar.sha256 });
      }
    });
  }
});

describe("userCacheLibsDir", () => {
  it("is $XDG_CACHE_HOME/exo-dbaas/kafka/VERSION, ~/.cache when unset or relative", () => {
    expect(userCacheLibsDir({ XDG_CACHE_HOME: "/x/cache" })).toBe(`/x/cache/exo-dbaas/kafka/${KAFKA_VERSION}`);
    expect(userCacheLibsDir({})).toBe(join(homedir(), ".cache", "exo-dbaas", "kafka", KAFKA_VERSION));
    expect(userCacheLibsDir({ XDG_CACHE_HOME: "rel/cache" })).toBe(join(homedir(), ".cache", "exo-dbaas", "kafka", KAFKA_VERSION));
  });
});

describe("fetchKafkaJars from a Maven repository", () => {
  const files = new Map<string, Buffer>([
    ["org/example/a/1.0/a-1.0.jar", Buffer.from("first jar ".repeat(5000))],
    ["org/example/b/2.0/b-2.0.jar", Buffer.from("second jar")],
  ]);
  const pinned: PinnedJar[] = [...files].map(([path, bytes]) => ({ path, size: bytes.length, sha256: sha256(bytes) }));
  /** what the server serves instead of the real bytes, by path */
  const served = new Map<string, Buffer | number>();
  let repo: LoopbackServer;
  let dir: string;

  beforeAll(async () => {
    repo = await startServer((req, res) => {
      const path = req.url.replace(/^\/maven2\//, "");
      const body = served.get(path) ?? files.get(path);
      if (typeof body === "number" || body === undefined) {
        res.writeHead(typeof body === "number" ? body : 404);
        return void res.end();
      }
      res.writeHead(200, { "content-type": "application/java-archive" });
      res.end(body);
    });
    dir = mkdtempSync(join(tmpdir(), "exo-jar-cache-"));
  });
  afterAll(async () => {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const fetchInto = (target: string, progress?: [number, number][]) =>
    fetchKafkaJars(target, { repository: `${repo.origin}/maven2/`, release: { version: "test", jars: pinned }, onProgress: (d, t) => progress?.push([d, t]) });
  /** the target's parent holds nothing but the target: no temporary directory left behind */
  const leftovers = (target: string) => readdirSync(join(target, "..")).filter((f) => f !== basename(target));

  it("fetches, verifies and stamps; a second call sends nothing", async () => {
    const target = join(dir, "ok", "1.0");
    const progress: [number, number][] = [];
    expect(await fetchInto(target, progress)).toEqual({ fetched: true });
    for (const [path, bytes] of files) expect(readFileSync(join(target, basename(path)))).toEqual(bytes);
    expect(readFileSync(join(target, ".stamp"), "utf8")).toBe(`kafka=test log4j=${LOG4J_VERSION}\n`);
    const total = pinned[0]!.size + pinned[1]!.size;
    expect(progress.at(-1)).toEqual([total, total]);
    expect(leftovers(target)).toEqual([]);
    const sent = repo.requests.length;
    expect(await fetchInto(target)).toEqual({ fetched: false });
    expect(repo.requests.length).toBe(sent);
  });

  it.each([
    ["a jar whose bytes differ from the pinned checksum", Buffer.from("second jaR"), /checksum mismatch .*SHA-256/],
    ["a jar shorter than pinned", Buffer.from("second"), /checksum mismatch/],
    ["a jar longer than pinned", Buffer.from("second jar, and more"), /more than the expected 10 bytes/],
    ["a jar the repository does not have", 404, /GET http:\/\/127\.0\.0\.1:\d+\/maven2\/org\/example\/b\/2\.0\/b-2\.0\.jar: 404/],
  ])("refuses %s: nothing in the target, no temporary files", async (_name, body, error) => {
    served.set("org/example/b/2.0/b-2.0.jar", body);
    try {
      const target = join(dir, `bad-${Math.random()}`, "1.0");
      await expect(fetchInto(target)).rejects.toThrow(error);
      expect(existsSync(target)).toBe(false);
      expect(leftovers(target)).toEqual([]);
    } finally {
      served.clear();
    }
  });

  it("names the repository it could not reach, and keeps nothing", async () => {
    const target = join(dir, "unreachable", "1.0");
    const port = await closedPort();
    await expect(fetchKafkaJars(target, { repository: `http://127.0.0.1:${port}`, release: { version: "test", jars: pinned } })).rejects.toThrow(
      new RegExp(`^GET http://127\\.0\\.0\\.1:${port}/org/example/./.\\.0/.-.\\.0\\.jar: connect ECONNREFUSED`),
    );
    expect(existsSync(target)).toBe(false);
    expect(leftovers(target)).toEqual([]);
  });

  it("replaces a cache of another version, never a directory of other files", async () => {
    const stale = join(dir, "stale");
    mkdirSync(stale);
    writeFileSync(join(stale, ".stamp"), "kafka=0.1 log4j=0.1\n");
    writeFileSync(join(stale, "old.jar"), "old");
    await fetchInto(stale);
    expect(readdirSync(stale).sort()).toEqual([".stamp", "a-1.0.jar", "b-2.0.jar"]);

    const foreign = join(dir, "foreign");
    mkdirSync(foreign);
    writeFileSync(join(foreign, "notes.txt"), "mine");
    await expect(fetchInto(foreign)).rejects.toThrow(`${foreign} exists and is not a Kafka jar cache`);
    expect(readdirSync(foreign)).toEqual(["notes.txt"]);
  });

  it("the real stamp is the one scripts/kafka/fetch.sh writes", () => {
    const fetchSh = readFileSync(join(ROOT, "scripts", "kafka", "fetch.sh"), "utf8");
    expect(fetchSh).toContain('stamp="kafka=$1 log4j=$LOG4J_VERSION"');
    expect(jarsStamp()).toBe(`kafka=${KAFKA_VERSION} log4j=${LOG4J_VERSION}`);
  });
});

describe("progress and interruption", () => {
  it("on a terminal, one line redrawn in place, once per percent", () => {
    const out: string[] = [];
    const progress = terminalProgress((t) => out.push(t), "Fetching");
    for (const done of [0, 1_000_000, 1_000_001, 2_500_000, 5_000_000]) progress.update(done, 5_000_000);
    progress.end();
    expect(out).toEqual([
      "\rFetching: 0.0/5.0 MB (0%)",
      "\rFetching: 1.0/5.0 MB (20%)",
      "\rFetching: 2.5/5.0 MB (50%)",
      "\rFetching: 5.0/5.0 MB (100%)",
      "\n",
    ]);
  });

  it("exo-emulator fetch-kafka stopped by SIGINT mid-download keeps nothing", async () => {
    await ensureBuilt();
    let started!: () => void;
    const downloading = new Promise<void>((r) => (started = r));
    // answers with the first bytes of each jar, then never more
    const stalling = await startServer((_req, res) => {
      res.writeHead(200, { "content-length": "1000000" });
      res.write(Buffer.alloc(1000));
      started();
    });
    const parent = mkdtempSync(join(tmpdir(), "exo-jar-interrupt-"));
    try {
      const libs = join(parent, "libs");
      const child = spawn(process.execPath, [join(ROOT, "dist", "emulator.js"), "fetch-kafka"], {
        env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent", EXO_EMULATOR_KAFKA_LIBS: libs, EXO_EMULATOR_MAVEN_REPO: stalling.origin },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c));
      child.stderr.on("data", (c: Buffer) => (stderr += c));
      const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
      await downloading;
      await new Promise((r) => setTimeout(r, 200));
      child.kill("SIGINT");
      expect(await exited).not.toBe(0);
      expect(stdout).toBe("");
      expect(stderr).toContain("interrupted: nothing was kept");
      expect(readdirSync(parent)).toEqual([]);
    } finally {
      await stalling.close();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe("fetchKafkaJars when one of many large jars fails while the others stream", () => {
  // 16 jars of 2 MiB, the 6th with its last byte changed: the other downloads are cut mid-body, which once left the
  // fetch waiting forever on one of them (and a fetch-kafka process exiting 0, nothing else being pending)
  const jars = Array.from({ length: 16 }, (_, i) => ({ path: `org/example/big/${i}/big-${i}.jar`, bytes: Buffer.alloc(2 << 20, i) }));
  const pinned: PinnedJar[] = jars.map(({ path, bytes }) => ({ path, size: bytes.length, sha256: sha256(bytes) }));
  let repo: LoopbackServer;
  let dir: string;

  beforeAll(async () => {
    repo = await startServer((req, res) => {
      const jar = jars.find((j) => req.url === `/maven2/${j.path}`);
      if (!jar) return void res.writeHead(404).end();
      const bytes = Buffer.from(jar.bytes);
      if (jar === jars[5]) bytes[bytes.length - 1] = bytes.at(-1)! ^ 1;
      res.writeHead(200).end(bytes);
    });
    dir = mkdtempSync(join(tmpdir(), "exo-jar-cache-many-"));
  });
  afterAll(async () => {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the failure ends the fetch every time, nothing kept", async () => {
    for (let round = 0; round < 10; round++) {
      const target = join(dir, `round-${round}`, "1.0");
      const fetched = fetchKafkaJars(target, { repository: `${repo.origin}/maven2`, release: { version: "test", jars: pinned } });
      const hung = new Promise((resolve) => setTimeout(() => resolve("still waiting after 10 s"), 10_000).unref());
      await expect(Promise.race([fetched, hung])).rejects.toThrow(/big-5\.jar: checksum mismatch/);
      expect(existsSync(target)).toBe(false);
    }
  }, 120_000);
});
