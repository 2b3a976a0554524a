// The emulator under load, for npm run bench: signed GETs over 50 keep-alive connections for a few
// seconds against a seeded exo-emulator process; requests/s, latency percentiles, errors, and the
// emulator's resident memory before and after.
import { mkdtempSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

export const CONNECTIONS = 50;
export const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const PATH = "/v2/dbaas-kafka/test-kafka";

/** The project's own request signer, bundled on the fly from src/api/sign.ts. */
async function loadSigner(root) {
  const { build } = await import("esbuild");
  const outfile = join(mkdtempSync(join(tmpdir(), "exo-bench-")), "sign.mjs");
  await build({ entryPoints: [join(root, "src", "api", "sign.ts")], bundle: true, platform: "node", format: "esm", outfile, logLevel: "error" });
  return (await import(outfile)).signRequest;
}

/** Resident memory of a process in MiB (Linux /proc); undefined elsewhere. */
function rssMiB(pid) {
  try {
    const kib = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    return Number.isFinite(kib) ? kib / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** One signed GET on the shared agent; resolves with its status (0 on a network error). */
function get(base, agent, authorization) {
  return new Promise((resolve) => {
    const req = request({ host: base.hostname, port: base.port, path: PATH, agent, headers: { authorization } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", () => resolve(0));
    });
    req.on("error", () => resolve(0));
    req.end();
  });
}

/** `emulator`: { child, env } of a running seeded exo-emulator. */
export async function emulatorLoad(root, emulator) {
  const signRequest = await loadSigner(root);
  const base = new URL(emulator.env.EXOSCALE_API_ENDPOINT);
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const sign = () =>
    signRequest({ method: "GET", url: PATH, key: emulator.env.EXOSCALE_API_KEY, secret: emulator.env.EXOSCALE_API_SECRET, expires: Math.floor(Date.now() / 1000) + 600 });

  const run = async (ms) => {
    const latencies = [];
    let errors = 0;
    const until = performance.now() + ms;
    const worker = async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const status = await get(base, agent, sign());
        latencies.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    return { latencies, errors, seconds: (performance.now() - t0) / 1000 };
  };

  const rssBefore = rssMiB(emulator.child.pid);
  await run(500); // warm-up: connections opened, code paths compiled
  const rssWarm = rssMiB(emulator.child.pid);
  const { latencies, errors, seconds } = await run(SECONDS * 1000);
  const rssAfter = rssMiB(emulator.child.pid);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    perSec: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1),
    errors,
    rssBefore,
    rssWarm,
    rssAfter,
  };
}
