// npm run bench:network: `show --output-template` over HTTPS through a loopback TCP proxy that adds a
// network's round-trip time, beside Node's floor (a bare script sending the same two signed GETs),
// for a round-trip time of 0, 20 and 50 ms. Writes its section of BENCH.md and leaves the rest as it is.
//
// The proxy charges what a real network charges: a new connection may send its first byte one round trip
// after it was accepted (the TCP handshake), and every chunk, in either direction, arrives half a round
// trip after it was sent (order kept). TLS handshakes and HTTP exchanges so pay their real round trips.
import { execFile } from "node:child_process";
import { createServer, connect } from "node:net";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { startEmulatorProcess } from "./lib/emulator-process.mjs";
import { writeBenchSection } from "./lib/bench-section.mjs";

const root = resolve(import.meta.dirname, "..");
const cli = join(root, "dist", "cli.cjs");
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const RTTS = [0, 20, 50];
const SECTION = "## Over a network: HTTPS through a latency proxy";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;

/**
 * A TCP proxy to `target` whose round-trip time can be changed between runs. It counts connections and
 * chunks, and the round trips a client waits for on each connection: one for the TCP handshake, then one
 * each time the client sends after having received (a TLS flight, a request).
 */
async function startLatencyProxy(target) {
  const stats = { connections: 0, chunks: 0 };
  /** connections of the current run: accepted and closed times, round trips */
  let log = [];
  let rtt = 0;
  const server = createServer((client) => {
    stats.connections++;
    const entry = { acceptedAt: performance.now(), closedAt: Infinity, roundTrips: 1, lastFromClient: false };
    log.push(entry);
    const upstream = connect(target.port, target.host);
    const pipe = (from, to, firstAt, fromClient) => {
      let lastAt = firstAt;
      const later = (fn) => {
        lastAt = Math.max(lastAt, performance.now() + rtt / 2);
        const delay = lastAt - performance.now();
        if (delay <= 0) fn();
        else setTimeout(fn, delay);
      };
      from.on("data", (chunk) => {
        stats.chunks++;
        if (fromClient && !entry.lastFromClient) entry.roundTrips++;
        entry.lastFromClient = fromClient;
        later(() => to.write(chunk));
      });
      from.on("end", () => later(() => to.end()));
      from.on("error", () => to.destroy());
      from.on("close", () => {
        entry.closedAt = Math.min(entry.closedAt, performance.now());
        later(() => to.end());
      });
    };
    // the client's first bytes leave one round trip after the connection was accepted (SYN, SYN-ACK),
    // and arrive half a round trip later
    pipe(client, upstream, entry.acceptedAt + rtt * 1.5, true);
    pipe(upstream, client, 0, false);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: server.address().port,
    stats,
    setRtt: (ms) => (rtt = ms),
    /**
     * Round trips on the critical path of the run since the last call: connections open at the same time
     * cost their longest; a connection opened after the others closed adds its own.
     */
    takeRoundTrips() {
      let total = 0;
      let wave = { end: -Infinity, max: 0 };
      for (const c of log.sort((a, b) => a.acceptedAt - b.acceptedAt)) {
        if (c.acceptedAt > wave.end) {
          total += wave.max;
          wave = { end: c.closedAt, max: 0 };
        }
        wave.end = Math.max(wave.end, c.closedAt);
        wave.max = Math.max(wave.max, c.roundTrips);
      }
      log = [];
      return total + wave.max;
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

/** Node's floor: the two GETs show sends, signed as the API requires, concurrently, over HTTPS; bodies parsed. */
const FLOOR_SCRIPT = `const https = require("node:https"), crypto = require("node:crypto");
const { EXOSCALE_API_ENDPOINT: endpoint, EXOSCALE_API_KEY: key, EXOSCALE_API_SECRET: secret } = process.env;
const base = new URL(endpoint), expires = Math.floor(Date.now() / 1000) + 600;
let left = 2;
for (const path of ["/dbaas-kafka/test-kafka", "/dbaas-kafka/test-kafka/acl-config"]) {
  const url = new URL(base.pathname + path, base);
  const signature = crypto.createHmac("sha256", secret).update("GET " + url.pathname + "\\n\\n\\n\\n" + expires).digest("base64");
  const authorization = "EXO2-HMAC-SHA256 credential=" + key + ",expires=" + expires + ",signature=" + signature;
  https.get(url, { headers: { authorization, "exoscale-zone": "de-muc-1" } }, (res) => {
    let body = "";
    res.on("data", (chunk) => (body += chunk));
    res.on("end", () => {
      if (res.statusCode !== 200) throw new Error(path + ": " + res.statusCode);
      JSON.parse(body);
      if (--left === 0) process.stdout.write("done\\n");
    });
  });
}`;

/** Wall time of one run; asynchronous, since the proxy runs in this process. */
function timeRun(args, env) {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { env }, (error, _stdout, stderr) => {
      const ms = performance.now() - t0;
      if (error) reject(new Error(`${args.join(" ")} failed: ${stderr}`));
      else resolve(ms);
    });
  });
}

const loadAtStart = loadavg()[0];
const { child, env: emuEnv } = await startEmulatorProcess(["--port", "0", "--quiet", "--seed", "--https", "--rebuild-delay", "0"]);
const upstream = new URL(emuEnv.EXOSCALE_API_ENDPOINT);
const proxy = await startLatencyProxy({ host: upstream.hostname, port: Number(upstream.port) });
const rows = [];
try {
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: "/nonexistent",
    ...emuEnv,
    EXOSCALE_API_ENDPOINT: `https://127.0.0.1:${proxy.port}/v2`,
  };
  const variants = {
    show: [cli, "dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Name}}"],
    floor: ["-e", FLOOR_SCRIPT],
  };
  for (const rtt of RTTS) {
    proxy.setRtt(rtt);
    const times = { show: [], floor: [] };
    const traffic = { show: { connections: 0, chunks: 0, roundTrips: 0 }, floor: { connections: 0, chunks: 0, roundTrips: 0 } };
    for (let i = 0; i < RUNS; i++) {
      for (const [name, args] of Object.entries(variants)) {
        const before = { ...proxy.stats };
        proxy.takeRoundTrips();
        times[name].push(await timeRun(args, env));
        // the connections close once the process has exited: give their last events a moment
        await new Promise((r) => setTimeout(r, 20 + rtt));
        traffic[name].connections += proxy.stats.connections - before.connections;
        traffic[name].chunks += proxy.stats.chunks - before.chunks;
        traffic[name].roundTrips += proxy.takeRoundTrips();
      }
    }
    rows.push({
      rtt,
      show: median(times.show),
      floor: median(times.floor),
      ratio: median(times.show.map((t, i) => t / times.floor[i])),
      traffic: Object.fromEntries(Object.entries(traffic).map(([k, v]) => [k, { connections: v.connections / RUNS, chunks: v.chunks / RUNS, roundTrips: v.roundTrips / RUNS }])),
    });
  }
} finally {
  await proxy.close();
  child.kill("SIGTERM");
}

const base = rows.find((r) => r.rtt === 0);
const added = (r, name) => (r.rtt === 0 ? "" : fmt(r[name] - base[name]));
const section = `${SECTION}

Reproduce with \`npm run bench:network\` (builds first; \`BENCH_RUNS=N\` changes the run count, default 15). Measured on
${process.platform}/${process.arch}, Node ${process.version}, ${cpus().length} CPUs, ${new Date().toISOString().slice(0, 10)}, load average
${loadAtStart.toFixed(1)} at the start (other work on the machine moves single times; the paired ratio and the counted round trips
hold up better).

\`exo-emulator --https --seed\` behind a TCP proxy on loopback (\`scripts/bench-network.mjs\`): a new connection
sends its first byte one round trip after it is accepted, and every chunk, either way, arrives half a round trip
after it was sent. Each run is a fresh process, as a script's command is: \`exo dbaas show test-kafka -z de-muc-1
--output-template '{{.Name}}'\` beside Node's floor, a 15-line script sending the same two GETs (signed,
concurrently, with Node's default HTTPS agent) and parsing the answers. Both trust the emulator's CA through
NODE_EXTRA_CA_CERTS. Times are medians of ${RUNS} alternating runs; the ratio is the median of each run's ratio to
the floor run beside it. Round trips are counted by the proxy on the critical path: the TCP handshake, then each
time the client sends after having received (TLS flights, requests); connections open together cost their longest.

| round trip | show | Node's floor | show ÷ floor | added to show | added to the floor | round trips: show | round trips: floor | connections (chunks) per run: show | floor |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows
  .map(
    (r) =>
      `| ${r.rtt} ms | ${fmt(r.show)} | ${fmt(r.floor)} | ${r.ratio.toFixed(2)} | ${added(r, "show")} | ${added(r, "floor")} | ${r.traffic.show.roundTrips.toFixed(1)} | ${r.traffic.floor.roundTrips.toFixed(1)} | ${r.traffic.show.connections} (${r.traffic.show.chunks.toFixed(0)}) | ${r.traffic.floor.connections} (${r.traffic.floor.chunks.toFixed(0)}) |`,
  )
  .join("\n")}
${
  rows.every((r) => r.traffic.show.roundTrips === r.traffic.floor.roundTrips && r.traffic.show.connections === r.traffic.floor.connections)
    ? `
show waits for exactly the round trips of Node's floor (two connections opened together, each paying the TCP
handshake, TLS 1.3's one round trip and one request), so the network adds the same time to both and what show
costs above the floor is its own work on the machine, which a slower network does not multiply: the ratio
shrinks towards 1 as the round trip grows (up to the noise of single runs on a busy machine).
`
    : `
show and Node's floor do not wait for the same round trips (see the table): the difference is time a slower
network multiplies.
`
}`;

writeBenchSection(root, SECTION, section);
process.stdout.write(section);
