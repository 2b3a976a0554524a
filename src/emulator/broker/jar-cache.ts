// Where the Kafka broker's jars live, and fetching the pinned set from Maven Central.
//
// A directory holds a pinned release when its `.stamp` names it (the format scripts/kafka/fetch.sh
// writes too). A fetch downloads every jar of a release into a new directory beside the target,
// checks each one's size and SHA-256 against the values pinned in kafka-jars.ts (never against a
// checksum from the same server), and only then moves the complete set into place.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { basename, dirname, isAbsolute, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DEFAULT_SERVICE_VERSION, KAFKA_RELEASES, LOG4J_VERSION, type KafkaRelease, type PinnedJar } from "./kafka-jars.js";

export const MAVEN_CENTRAL = "https://repo1.maven.org/maven2";

/** The Kafka release a service of this version runs (e.g. "3.8" → 3.8.1); the default one for an unpinned version. */
export function kafkaRelease(serviceVersion?: string): KafkaRelease {
  return KAFKA_RELEASES[serviceVersion ?? ""] ?? (KAFKA_RELEASES[DEFAULT_SERVICE_VERSION] as KafkaRelease);
}

/** What a complete jar directory of `release` holds in its `.stamp` (the format scripts/kafka/fetch.sh writes). */
export const jarsStamp = (release: KafkaRelease = kafkaRelease()) => `kafka=${release.version} log4j=${LOG4J_VERSION}`;

/** `$XDG_CACHE_HOME/exo-dbaas/kafka/VERSION` (XDG_CACHE_HOME defaults to ~/.cache; a relative one is ignored, as the spec says). */
export function userCacheLibsDir(env: NodeJS.ProcessEnv = process.env, kafkaVersion = kafkaRelease().version): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), ".cache");
  return join(base, "exo-dbaas", "kafka", kafkaVersion);
}

export function hasPinnedJars(dir: string, stamp = jarsStamp()): boolean {
  try {
    return readFileSync(join(dir, ".stamp"), "utf8").trim() === stamp;
  } catch {
    return false;
  }
}

export interface FetchOptions {
  /** Maven repository root (default Maven Central) */
  repository?: string;
  /** the release whose jars to fetch (default: the default service version's) */
  release?: KafkaRelease;
  /** receives the bytes fetched so far and the total, after each chunk */
  onProgress?: (done: number, total: number) => void;
  /** concurrent downloads (default 4) */
  concurrency?: number;
  signal?: AbortSignal;
  /** fetch even when the stamp says the jars are there (they did not pass verifyKafkaJars) */
  force?: boolean;
}

/** Why a jar directory stamped for `release` does not hold exactly its pinned bytes (size and SHA-256), or null. */
export async function verifyKafkaJars(dir: string, release: KafkaRelease): Promise<string | null> {
  for (const jar of release.jars) {
    const file = join(dir, basename(jar.path));
    const hash = createHash("sha256");
    let size = 0;
    try {
      for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
        size += chunk.length;
        hash.update(chunk);
      }
    } catch {
      return `${basename(jar.path)} is missing`;
    }
    if (size !== jar.size || hash.digest("hex") !== jar.sha256) return `${basename(jar.path)} does not match its pinned size and SHA-256`;
  }
  return null;
}

/**
 * Makes `dir` hold the pinned jars: does nothing when its stamp already says so, else fetches them.
 * An existing `dir` is replaced only when it is empty or a jar cache (it has a `.stamp`), never a
 * directory of someone else's files.
 */
export async function fetchKafkaJars(dir: string, options: FetchOptions = {}): Promise<{ fetched: boolean }> {
  const release = options.release ?? kafkaRelease();
  const stamp = jarsStamp(release);
  if (!options.force && hasPinnedJars(dir, stamp)) return { fetched: false };
  if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(join(dir, ".stamp"))) {
    throw new Error(`${dir} exists and is not a Kafka jar cache: remove it or choose another directory`);
  }
  const jars: readonly PinnedJar[] = release.jars;
  const repository = (options.repository ?? MAVEN_CENTRAL).replace(/\/+$/, "");
  await mkdir(dirname(dir), { recursive: true });
  const work = await mkdtemp(join(dirname(dir), `.${basename(dir)}.fetch-`));
  try {
    const total = jars.reduce((sum, jar) => sum + jar.size, 0);
    let done = 0;
    const queue = [...jars];
    // the first failure stops the other downloads before the directory is removed
    const stop = new AbortController();
    const outer = options.signal;
    if (outer?.aborted) stop.abort(outer.reason);
    outer?.addEventListener("abort", () => stop.abort(outer.reason), { once: true });
    const worker = async () => {
      for (let jar = queue.shift(); jar; jar = queue.shift()) {
        await fetchJar(`${repository}/${jar.path}`, join(work, basename(jar.path)), jar, stop.signal, (n) => {
          done += n;
          options.onProgress?.(done, total);
        });
      }
    };
    const workers = Array.from({ length: Math.max(1, options.concurrency ?? 4) }, () =>
      worker().catch((error: unknown) => {
        if (!stop.signal.aborted) stop.abort(error);
        throw error;
      }),
    );
    // A download aborted mid-body may never settle (its stream pipeline waits on a web stream that was cancelled),
    // and with nothing else pending Node would then exit as if all went well: a stop ends the wait at once.
    const stopped = new Promise<void>((resolve) => (stop.signal.aborted ? resolve() : stop.signal.addEventListener("abort", () => resolve(), { once: true })));
    await Promise.race([Promise.allSettled(workers), stopped]);
    if (stop.signal.aborted) throw stop.signal.reason;
    await writeFile(join(work, ".stamp"), `${stamp}\n`);
    // another process may have completed the same fetch meanwhile: its result is as good as ours
    if (!options.force && hasPinnedJars(dir, stamp)) return { fetched: false };
    await rm(dir, { recursive: true, force: true });
    await rename(work, dir);
    return { fetched: true };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** TLS errors of a certificate chain Node does not trust, such as a TLS-inspecting proxy's. */
const UNTRUSTED_CERTIFICATE = new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "CERT_UNTRUSTED",
]);
const UNTRUSTED_HINT = " (behind a proxy that inspects TLS, set NODE_EXTRA_CA_CERTS to a PEM file holding its CA certificate)";

async function fetchJar(url: string, file: string, jar: PinnedJar, signal: AbortSignal | undefined, onBytes: (n: number) => void): Promise<void> {
  const response = await fetch(url, { signal, redirect: "follow" }).catch((error: unknown) => {
    if (signal?.aborted) throw error;
    // fetch says only "fetch failed"; the reason (refused, DNS, TLS) is its cause
    const cause = (error as { cause?: { message?: string; code?: string } }).cause;
    const hint = UNTRUSTED_CERTIFICATE.has(cause?.code ?? "") ? UNTRUSTED_HINT : "";
    throw new Error(`GET ${url}: ${cause?.message ?? (error as Error).message}${hint}`);
  });
  if (!response.ok || !response.body) throw new Error(`GET ${url}: ${response.status} ${response.statusText}`);
  const hash = createHash("sha256");
  let size = 0;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      // a server sending more than the pinned size is cut off rather than filling the disk
      if (size > jar.size) return callback(new Error(`${url}: more than the expected ${jar.size} bytes`));
      hash.update(chunk);
      onBytes(chunk.length);
      callback(null, chunk);
    },
  });
  const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>);
  await pipeline(body, check, createWriteStream(file, { mode: 0o644 }));
  const sha256 = hash.digest("hex");
  if (size !== jar.size || sha256 !== jar.sha256) {
    throw new Error(`${url}: checksum mismatch (expected ${jar.size} bytes, SHA-256 ${jar.sha256}; got ${size} bytes, ${sha256})`);
  }
}

/** Progress for a terminal: one line redrawn in place on `write`'s stream. */
export function terminalProgress(write: (text: string) => void, label: string): { update: (done: number, total: number) => void; end: () => void } {
  let last = -1;
  const mb = (n: number) => (n / 1e6).toFixed(1);
  return {
    update(done, total) {
      const percent = Math.floor((done * 100) / total);
      if (percent === last) return;
      last = percent;
      write(`\r${label}: ${mb(done)}/${mb(total)} MB (${percent}%)`);
    },
    end: () => write("\n"),
  };
}
