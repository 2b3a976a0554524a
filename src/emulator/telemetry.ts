// Plausible, deterministic service logs and metrics derived from a service's age.
import type { ServiceRecord } from "./store.js";

const MESSAGES = [
  "[ReplicaManager broker=1] Stopped fetchers as part of LeaderAndIsr request",
  "[GroupCoordinator 1]: Preparing to rebalance group console-consumer in state PreparingRebalance",
  "[Log partition=__consumer_offsets-12, dir=/srv/kafka/data] Rolled new log segment",
  "[Controller id=1] Processing automatic preferred replica leader election",
  "[GroupMetadataManager brokerId=1] Removed 0 expired offsets in 1 milliseconds.",
  "[KafkaServer id=1] started",
  "[SocketServer listenerType=ZK_BROKER, nodeId=1] Enabling request processing.",
  "[LogCleaner] Log cleaner thread 0 cleaned log __consumer_offsets-3",
];
const LOG_INTERVAL_MS = 7_000;
const MAX_LOGS = 5_000;

export interface LogPage {
  limit: number;
  sortOrder: "asc" | "desc";
  offset?: string;
}

export function serviceLogs(svc: ServiceRecord, nodeCount: number, opts: LogPage) {
  const created = Date.parse(svc.createdAt);
  const total = Math.max(1, Math.floor((Date.now() - created) / LOG_INTERVAL_MS) + 1);
  const entry = (i: number) => ({
    time: new Date(created + i * LOG_INTERVAL_MS).toISOString().replace("Z", "000Z"),
    unit: "kafka.service",
    node: `${svc.name}-${(i % nodeCount) + 1}`,
    message: MESSAGES[i % MESSAGES.length]!,
  });
  return logPage(total, entry, opts);
}

/** The brokers' own lines (oldest first), paged as the API pages a service's logs. */
export function brokerLogs(lines: readonly { time: string; node: string; message: string }[], opts: LogPage) {
  return logPage(lines.length, (i) => ({ time: lines[i]!.time, unit: "kafka.service", node: lines[i]!.node, message: lines[i]!.message }), opts);
}

/** Entries 0..total-1 (the newest MAX_LOGS of them), `offset` the index to go on from, in either order. */
function logPage<T>(total: number, entry: (i: number) => T, opts: LogPage) {
  const first = Math.max(0, total - MAX_LOGS);
  const logs: T[] = [];
  const cursor = opts.offset !== undefined && /^\d+$/.test(opts.offset) ? Number(opts.offset) : undefined;
  if (opts.sortOrder === "asc") {
    let i = Math.max(first, cursor ?? first);
    for (; i < total && logs.length < opts.limit; i++) logs.push(entry(i));
    return { offset: String(i), "first-log-offset": String(first), logs };
  }
  let i = Math.min(total - 1, cursor ?? total - 1);
  for (; i >= first && logs.length < opts.limit; i--) logs.push(entry(i));
  return { offset: String(Math.max(i, 0)), "first-log-offset": String(first), logs };
}

const PERIODS: Record<string, { points: number; stepMs: number }> = {
  hour: { points: 60, stepMs: 60_000 },
  day: { points: 96, stepMs: 900_000 },
  week: { points: 84, stepMs: 7_200_000 },
  month: { points: 120, stepMs: 21_600_000 },
  year: { points: 365, stepMs: 86_400_000 },
};
export const METRIC_PERIODS = Object.keys(PERIODS);

export function serviceMetrics(svc: ServiceRecord, nodeCount: number, period: string) {
  const { points, stepMs } = PERIODS[period]!;
  const now = Math.floor(Date.now() / stepMs) * stepMs;
  const seed = [...svc.name].reduce((a, c) => a + c.charCodeAt(0), 0);
  const nodes = Array.from({ length: nodeCount }, (_, i) => `${svc.name}-${i + 1}`);
  const series = (title: string, base: number, amplitude: number, decimals: number) => ({
    data: {
      cols: [{ label: "time", type: "date" }, ...nodes.map((label) => ({ label, type: "number" }))],
      rows: Array.from({ length: points }, (_, p) => {
        const t = now - (points - 1 - p) * stepMs;
        return [
          new Date(t).toISOString(),
          ...nodes.map((_, n) => Number((base + amplitude * Math.sin((t / stepMs + seed + n * 3) / 5)).toFixed(decimals))),
        ];
      }),
    },
    hints: { title },
  });
  return {
    cpu_usage: series("CPU usage %", 12, 6, 2),
    mem_usage: series("Memory usage %", 45, 5, 2),
    disk_usage: series("Disk space usage %", 8, 1, 3),
    load_average: series("Load average (5 min)", 0.4, 0.2, 3),
    net_receive: series("Network receive (bytes/s)", 52_000, 20_000, 0),
    net_send: series("Network transmit (bytes/s)", 48_000, 18_000, 0),
    diskio_read: series("Disk IOPS (reads)", 3, 2, 2),
    diskio_writes: series("Disk IOPS (writes)", 25, 10, 2),
  };
}
